import ArgumentParser
import TrameArchive

/// What `trame dossier …` and `trame convention …` say differently: the rest is one command.
protocol RecordKindWords {
    static var kind: OwnerKind { get }
    /// « Les dossiers de l'espace de travail… »
    static var abstract: String { get }
    /// « Vérifie un dossier… »
    static var addAbstract: String { get }
    /// « Liste les dossiers… »
    static var listAbstract: String { get }
    /// « Identifiant du dossier (champ « dossier »). »
    static var idHelp: String { get }
}

enum DossierWords: RecordKindWords {
    static let kind = OwnerKind.dossier
    static let abstract = "Les dossiers de l'espace de travail, versionnés (octets d'origine, empreinte SHA-256)."
    static let addAbstract = "Vérifie un dossier comme « trame check » puis l'enregistre comme nouvelle version."
    static let listAbstract = "Liste les dossiers et leur version en vigueur."
    static let idHelp = "Identifiant du dossier (champ « dossier »)."
}

enum ConventionWords: RecordKindWords {
    static let kind = OwnerKind.convention
    static let abstract = "Les conventions de l'espace de travail, versionnées (octets d'origine, empreinte SHA-256)."
    static let addAbstract = "Vérifie une convention comme « trame check » puis l'enregistre comme nouvelle version."
    static let listAbstract = "Liste les conventions et leur version en vigueur."
    static let idHelp = "Identifiant de la convention (champ « identifiant »)."
}

extension TrameCommand {
    /// `trame dossier add|list|show|history` and `trame convention add|list|show|history`: the
    /// files kept in the workspace, version by version.
    struct RecordCommand<Words: RecordKindWords>: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: Words.kind.french, abstract: Words.abstract,
                                 subcommands: [Words.kind == .dossier ? AddDossier.self : AddConvention.self,
                                               List.self, Show.self, History.self])
        }

        static var addDiscussion: String {
            """
            Refusé avec les diagnostics de « trame check » (code 65) en cas d'erreur ; les \
            avertissements n'empêchent pas l'enregistrement. Des octets identiques à la version \
            en vigueur ne créent pas de nouvelle version.
            """
        }

        struct AddDossier: ParsableCommand {
            static var configuration: CommandConfiguration {
                CommandConfiguration(commandName: "add", abstract: Words.addAbstract, discussion: addDiscussion)
            }

            @Argument(help: ArgumentHelp("Fichier YAML ou JSON.", valueName: "fichier"), completion: .file(extensions: ["yaml", "yml", "json"]))
            var file: String

            @Option(name: .long, help: ArgumentHelp("Convention à utiliser pour la vérification (au lieu de la recherche automatique).",
                                                    valueName: "fichier"))
            var convention: String?

            @OptionGroup var options: WorkspaceOptions

            func run() throws {
                try RecordCommands.add(.dossier, file: file, convention: convention, options: options)
            }
        }

        struct AddConvention: ParsableCommand {
            static var configuration: CommandConfiguration {
                CommandConfiguration(commandName: "add", abstract: Words.addAbstract, discussion: addDiscussion)
            }

            @Argument(help: ArgumentHelp("Fichier YAML ou JSON.", valueName: "fichier"), completion: .file(extensions: ["yaml", "yml", "json"]))
            var file: String

            @OptionGroup var options: WorkspaceOptions

            func run() throws {
                try RecordCommands.add(.convention, file: file, convention: nil, options: options)
            }
        }

        struct List: ParsableCommand {
            static var configuration: CommandConfiguration { CommandConfiguration(abstract: Words.listAbstract) }

            @Flag(name: .long, help: "Sortie JSON.")
            var json = false

            @OptionGroup var options: WorkspaceOptions

            func run() throws {
                try RecordCommands.list(Words.kind, json: json, options: options)
            }
        }

        struct Show: ParsableCommand {
            static var configuration: CommandConfiguration {
                CommandConfiguration(abstract: "Affiche le fichier tel qu'il a été enregistré (octets d'origine).",
                                     discussion: "La lecture est consignée au journal d'audit.")
            }

            @Argument(help: ArgumentHelp(Words.idHelp, valueName: "identifiant"))
            var id: String

            @Option(name: .long, help: ArgumentHelp("Numéro de version (par défaut : la version en vigueur).", valueName: "n"))
            var version: Int?

            @OptionGroup var options: WorkspaceOptions

            func run() throws {
                try RecordCommands.show(Words.kind, id: id, version: version, options: options)
            }
        }

        struct History: ParsableCommand {
            static var configuration: CommandConfiguration { CommandConfiguration(abstract: "Liste les versions successives.") }

            @Argument(help: ArgumentHelp(Words.idHelp, valueName: "identifiant"))
            var id: String

            @Flag(name: .long, help: "Sortie JSON.")
            var json = false

            @OptionGroup var options: WorkspaceOptions

            func run() throws {
                try RecordCommands.history(Words.kind, id: id, json: json, options: options)
            }
        }
    }
}
