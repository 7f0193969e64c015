import ArgumentParser
import TrameArchive

extension TrameCommand {
    /// `trame dossier add|list|show|history`: the dossiers kept in the workspace, version by version.
    struct DossierCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dossier",
            abstract: "Les dossiers de l'espace de travail, versionnés (octets d'origine, empreinte SHA-256).",
            subcommands: [Add.self, List.self, Show.self, History.self]
        )

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Vérifie un dossier comme « trame check » puis l'enregistre comme nouvelle version.",
                discussion: """
                    Refusé avec les diagnostics de « trame check » (code 65) en cas d'erreur ; les \
                    avertissements n'empêchent pas l'enregistrement. Des octets identiques à la version \
                    en vigueur ne créent pas de nouvelle version.
                    """
            )

            @Argument(help: "Fichier YAML ou JSON.", completion: .file(extensions: ["yaml", "yml", "json"]))
            var file: String

            @Option(name: .long, help: "Convention à utiliser pour la vérification (au lieu de la recherche automatique).")
            var convention: String?

            @OptionGroup var options: WorkspaceOptions

            func run() throws {
                try RecordCommands.add(.dossier, file: file, convention: convention, options: options)
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Liste les dossiers et leur version en vigueur.")

            @Flag(name: .long, help: "Sortie JSON.")
            var json = false

            @OptionGroup var options: WorkspaceOptions

            func run() throws {
                try RecordCommands.list(.dossier, json: json, options: options)
            }
        }

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Affiche le fichier tel qu'il a été enregistré (octets d'origine).",
                discussion: "La lecture est consignée au journal d'audit."
            )

            @Argument(help: "Identifiant du dossier (champ « dossier »).")
            var id: String

            @Option(name: .long, help: "Numéro de version (par défaut : la version en vigueur).")
            var version: Int?

            @OptionGroup var options: WorkspaceOptions

            func run() throws {
                try RecordCommands.show(.dossier, id: id, version: version, options: options)
            }
        }

        struct History: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Liste les versions successives.")

            @Argument(help: "Identifiant du dossier (champ « dossier »).")
            var id: String

            @Flag(name: .long, help: "Sortie JSON.")
            var json = false

            @OptionGroup var options: WorkspaceOptions

            func run() throws {
                try RecordCommands.history(.dossier, id: id, json: json, options: options)
            }
        }
    }
}
