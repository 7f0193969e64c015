import ArgumentParser
import Foundation
import TrameAssembly
import TrameModel

extension TrameCommand {
    /// `trame style import|show`: the partnership's house style (docs/style.md).
    struct Style: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Style maison : l'importer d'un document de référence, afficher le style effectif.",
            discussion: """
                Un fichier de style (YAML) change les polices, tailles, interlignes, marges, couleurs, \
                filets des tableaux et l'image d'en-tête des documents ODT, DOCX et HTML. Il s'applique \
                par la clé « style: » de la convention ou par « trame generate … --style FICHIER ». \
                Ses clés sont décrites dans docs/style.md.
                """,
            subcommands: [Import.self, Show.self]
        )

        /// `trame style import REFERENCE --output STYLE.yaml`.
        struct Import: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "import",
                abstract: "Crée un fichier de style à partir d'un document DOCX ou ODT du partenariat.",
                discussion: """
                    Reprend les polices (texte et titres), les tailles, l'interligne, l'espace entre les \
                    paragraphes, les couleurs (texte, titre 1), les marges, la position de l'en-tête et du \
                    pied de page, et la première image de l'en-tête, copiée à côté du fichier de style \
                    (STYLE-en-tete.png). Aucun fichier existant n'est remplacé sans --force ; en cas \
                    d'erreur, rien n'est écrit.
                    """
            )

            @Argument(help: ArgumentHelp("Le document de référence (.docx ou .odt).", valueName: "référence"),
                      completion: .file(extensions: ["docx", "odt"]))
            var reference: String

            @Option(help: ArgumentHelp("Le fichier de style à écrire (YAML).", valueName: "fichier"))
            var output: String

            @Flag(help: "Remplace le fichier de style (et son image) s'ils existent déjà.")
            var force = false

            func run() throws {
                let outputURL = URL(fileURLWithPath: output)
                let made = try StyleImport.run(reference: URL(fileURLWithPath: reference), output: outputURL, force: force)
                let file = StyleFile.load(path: outputURL.path)
                for warning in file.diagnostics where warning.severity == .warning {
                    CommandLineRunner.standardError(warning.rendered(source: file.source))
                }
                print("écrit : \(outputURL.path) (\(made.keys.count) valeur\(made.keys.count > 1 ? "s" : "") reprise\(made.keys.count > 1 ? "s" : ""))")
                if let image = made.image {
                    print("écrit : \(outputURL.deletingLastPathComponent().appendingPathComponent(image.name).path) (image d'en-tête)")
                }
                if file.hasErrors {
                    // A value the reference holds but Trame refuses (a margin of 12 cm): say where.
                    throw file.failure
                }
            }
        }

        /// `trame style show [--style STYLE.yaml] [--convention CONV.yaml] [--json]`.
        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "show",
                abstract: "Affiche le style effectif et d'où vient chaque valeur.",
                discussion: """
                    Les valeurs par défaut de Trame, puis le style de la convention (clé « style: »), \
                    puis --style. Les polices absentes de cette machine sont signalées (avertissement).
                    """
            )

            @Option(help: ArgumentHelp("Un fichier de style appliqué par-dessus celui de la convention.", valueName: "fichier"))
            var style: String?

            @Option(help: ArgumentHelp("La convention dont le style (clé « style: ») s'applique.", valueName: "fichier"))
            var convention: String?

            @Flag(help: "Sortie JSON (docs/outputs.md).")
            var json = false

            func run() throws {
                var house = HouseStyle()
                var warnings: [(Diagnostic, SourceText)] = []
                if let convention {
                    let file = ModelLoader.read(path: convention, expected: .convention)
                    if file.isUnreadable || file.diagnostics.hasErrors || file.root == nil {
                        throw Diagnostics(file.diagnostics, sources: [file.path: file.source])
                    }
                    let (style, errors) = ConventionStyle.load(conventionRoot: file.root!, conventionFile: file.path)
                    if !errors.isEmpty { throw Diagnostics(errors, sources: [file.path: file.source]) }
                    if let style {
                        if style.hasErrors { throw style.failure }
                        house.layers.append((.convention, style))
                        warnings += style.diagnostics.map { ($0, style.source) }
                    }
                }
                if let path = style {
                    let file = StyleFile.load(path: path)
                    if file.isUnreadable || file.hasErrors { throw file.failure }
                    house.layers.append((.option, file))
                    warnings += file.diagnostics.map { ($0, file.source) }
                }
                if json {
                    MachineOutput.print(Self.json(house, warnings: warnings.map(\.0)))
                } else {
                    for (warning, source) in warnings { CommandLineRunner.standardError(warning.rendered(source: source)) }
                    print(Self.text(house), terminator: "")
                }
            }

            static func origin(_ entry: HouseStyle.Entry) -> String {
                guard let origin = entry.origin else { return "défaut de Trame" }
                return origin.french + (entry.location.map { ", \($0.file):\($0.line)" } ?? "")
            }

            static func text(_ house: HouseStyle) -> String {
                var out = "Style effectif : valeurs par défaut de Trame"
                for (origin, file) in house.layers { out += ", puis \(origin == .convention ? "le style de la convention" : "--style") (\(file.path))" }
                out += "\n"
                let entries = house.entries()
                let width = entries.map(\.key.count).max() ?? 0
                for entry in entries {
                    out += entry.key.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + entry.value + "  (" + origin(entry) + ")\n"
                }
                out += "Les compagnons « facile à lire » gardent leurs tailles, interligne et espacements, et une police sans empattements (docs/style.md).\n"
                return out
            }

            static func json(_ house: HouseStyle, warnings: [Diagnostic]) -> JSONValue {
                .object([
                    ("sources", .array(house.layers.map { .object([("origine", .string($0.origin.rawValue)), ("fichier", .string($0.file.path))]) })),
                    ("valeurs", .array(house.entries().map { entry in
                        .object([("cle", .string(entry.key)), ("libelle", .string(entry.french)), ("valeur", .string(entry.value)),
                                 ("origine", .string(entry.origin?.rawValue ?? "defaut")),
                                 ("fichier", .optional(entry.location?.file)), ("ligne", entry.location.map { .int($0.line) } ?? .null)])
                    })),
                    ("diagnostics", .array(warnings.map(\.json))),
                ])
            }
        }
    }
}
