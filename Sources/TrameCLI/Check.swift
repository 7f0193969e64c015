import ArgumentParser
import Foundation
import TrameAssembly
import TrameModel
import TrameProcedure

extension TrameCommand {
    /// `trame check FILE...`: reports every problem of every file, like a compiler, and writes nothing.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Vérifie des fichiers de convention et de dossier (YAML ou JSON).",
            discussion: """
                Chaque problème est signalé sous la forme :
                  FICHIER:LIGNE:COLONNE: erreur|avertissement [CODE] champ.chemin : message \
                suivi de la ligne concernée et d'un repère sous la valeur. \
                La convention d'un dossier est cherchée à côté du dossier (convention-<id>.yaml), \
                puis parmi les conventions fournies avec Trame ; --convention l'impose. \
                Le fichier de style d'une convention (clé « style: ») est vérifié avec elle.
                Aucun fichier n'est écrit ; la date du jour n'est jamais utilisée.
                """
        )

        @Argument(help: "Fichiers à vérifier.", completion: .file(extensions: ["yaml", "yml", "json"]))
        var files: [String]

        @Option(name: .long, help: ArgumentHelp("Convention à utiliser pour les dossiers (au lieu de la recherche automatique).",
                                                valueName: "fichier"))
        var convention: String?

        @Flag(name: .long, help: "Sortie JSON : chaque fichier vérifié et ses diagnostics.")
        var json = false

        func run() throws {
            let report = CheckRunner(conventionOverride: convention).check(files)
            if json { MachineOutput.print(report.json) } else { print(report.text, terminator: "") }
            if report.unreadable { throw ExitStatus.noInput }
            if report.errors > 0 { throw ExitStatus.dataError }
        }
    }
}

/// Runs the checks of `trame check` and formats the report.
struct CheckRunner {
    let locator: ConventionLocator

    init(conventionOverride: String?) {
        locator = ConventionLocator(override: conventionOverride)
    }

    struct Report {
        var text = ""
        var errors = 0
        var warnings = 0
        var unreadable = false
        /// Each file reported, in order, with its kind and diagnostics.
        var files: [(path: String, kind: FileKind?, diagnostics: [Diagnostic])] = []
        /// The style files reported (their `type` is `style`).
        var styles: Set<String> = []

        /// `trame check --json` (docs/outputs.md).
        var json: JSONValue {
            .object([
                ("fichiers", .array(files.map { file in
                    .object([("fichier", .string(file.path)), ("type", .optional(styles.contains(file.path) ? "style" : file.kind?.french)),
                             ("diagnostics", .array(file.diagnostics.map(\.json)))])
                })),
                ("erreurs", .int(errors)), ("avertissements", .int(warnings)),
            ])
        }
    }

    func check(_ paths: [String]) -> Report {
        var report = Report()
        var reader = CaseReader(locator: locator)
        var reported = 0

        var shown: Set<String> = []

        func emit(_ file: LoadedFile, extra: [Diagnostic] = []) {
            // A convention's style file (`style:`) is checked with it: a missing one is an error
            // on the convention's key; its own problems point into it.
            var extra = extra
            var style: StyleFile?
            if file.kind == .convention, let root = file.root {
                let loaded = ConventionStyle.load(conventionRoot: root, conventionFile: file.path)
                extra += loaded.conventionErrors
                style = loaded.file
            }
            let all = (file.diagnostics + extra).sorted(by: DiagnosticOrder.before)
            report.unreadable = report.unreadable || file.isUnreadable
            for d in all {
                report.text += d.rendered(source: file.source) + "\n"
                if d.severity == .error { report.errors += 1 } else { report.warnings += 1 }
            }
            if all.isEmpty { report.text += "\(file.path) : aucun problème (\(file.kind?.french ?? "fichier"))\n" }
            report.files.append((file.path, file.kind, all))
            reported += 1
            if let style, shown.insert(style.path).inserted { emitStyle(style) }
        }

        func emitStyle(_ style: StyleFile) {
            let all = style.diagnostics.sorted(by: DiagnosticOrder.before)
            report.unreadable = report.unreadable || style.isUnreadable
            for d in all {
                report.text += d.rendered(source: style.source) + "\n"
                if d.severity == .error { report.errors += 1 } else { report.warnings += 1 }
            }
            if all.isEmpty { report.text += "\(style.path) : aucun problème (style)\n" }
            report.files.append((style.path, nil, all))
            report.styles.insert(style.path)
            reported += 1
        }

        // Conventions first, so that a dossier uses a convention given on the same command line.
        var unique: [String] = []
        for path in paths where !unique.contains(path) { unique.append(path) }
        let files = unique.map { ModelLoader.read(path: $0) }
        for file in files where file.kind == .convention { reader.register(convention: file) }
        for file in files {
            guard file.kind == .dossier, file.root != nil else {
                if shown.insert(file.path).inserted { emit(file) }
                continue
            }
            let reading = reader.read(dossier: file)
            // A convention found for a dossier (not given) is reported once, when it has problems.
            if let convention = reading.convention, reading.conventionIsNew, !convention.diagnostics.isEmpty,
               shown.insert(convention.path).inserted {
                emit(convention)
            }
            if shown.insert(file.path).inserted { emit(file, extra: reading.diagnostics) }
        }
        report.text += "\(reported) fichier\(reported > 1 ? "s" : "") vérifié\(reported > 1 ? "s" : "") : "
            + "\(report.errors) erreur\(report.errors > 1 ? "s" : ""), "
            + "\(report.warnings) avertissement\(report.warnings > 1 ? "s" : "")\n"
        return report
    }
}

enum DiagnosticOrder {
    static func before(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        let la = a.location, lb = b.location
        return (la?.line ?? 0, la?.column ?? 0, a.code) < (lb?.line ?? 0, lb?.column ?? 0, b.code)
    }
}

extension FileKind {
    var french: String { self == .dossier ? "dossier" : "convention" }
}
