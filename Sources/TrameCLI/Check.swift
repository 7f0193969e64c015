import ArgumentParser
import Foundation
import TrameModel

extension TrameCommand {
    /// `trame check FILE...`: reports every problem of every file, like a compiler, and writes nothing.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Vérifie des fichiers de convention et de dossier (YAML ou JSON).",
            discussion: """
                Chaque problème est signalé sous la forme
                  FICHIER:LIGNE:COLONNE: erreur|avertissement [CODE] champ.chemin : message
                suivi de la ligne concernée et d'un repère sous la valeur.
                La convention d'un dossier est cherchée à côté du dossier (convention-<id>.yaml),
                puis parmi les conventions fournies avec Trame ; --convention l'impose.
                Aucun fichier n'est écrit ; la date du jour n'est jamais utilisée.
                """
        )

        @Argument(help: "Fichiers à vérifier.", completion: .file(extensions: ["yaml", "yml", "json"]))
        var files: [String]

        @Option(name: .long, help: "Convention à utiliser pour les dossiers (au lieu de la recherche automatique).")
        var convention: String?

        func run() throws {
            let report = CheckRunner(conventionOverride: convention).check(files)
            print(report.text, terminator: "")
            if report.unreadable { throw ExitStatus.noInput }
            if report.errors > 0 { throw ExitStatus.dataError }
        }
    }
}

/// Runs the checks of `trame check` and formats the report (shared with other commands).
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
    }

    func check(_ paths: [String]) -> Report {
        var report = Report()
        var conventions: [String: LoadedFile] = [:]
        var printed: Set<String> = []
        var reported = 0

        func emit(_ file: LoadedFile, extra: [Diagnostic] = []) {
            let all = (file.diagnostics + extra).sorted(by: DiagnosticOrder.before)
            report.unreadable = report.unreadable || file.isUnreadable
            for d in all {
                report.text += d.rendered(source: file.source) + "\n"
                if d.severity == .error { report.errors += 1 } else { report.warnings += 1 }
            }
            if all.isEmpty { report.text += "\(file.path) : aucun problème (\(file.kind?.french ?? "fichier"))\n" }
            reported += 1
        }

        func convention(at path: String) -> LoadedFile {
            if let cached = conventions[path] { return cached }
            let loaded = ModelLoader.read(path: path, expected: .convention)
            conventions[path] = loaded
            return loaded
        }

        for path in paths {
            let file = ModelLoader.read(path: path)
            guard file.kind == .dossier, let root = file.root, let idNode = root["convention"], let id = idNode.text else {
                if file.kind == .convention { conventions[path] = file }
                if printed.insert(path).inserted { emit(file) }
                continue
            }
            var extra: [Diagnostic] = []
            if let conventionPath = locator.path(for: id, dossierPath: path) {
                let loaded = convention(at: conventionPath)
                if !printed.contains(conventionPath), !loaded.diagnostics.isEmpty {
                    printed.insert(conventionPath)
                    emit(loaded)
                }
                if let actual = loaded.root?["identifiant"]?.text, actual != id {
                    extra.append(.error("CONVENTION_DIFFERENTE", path: idNode.path,
                                        "le dossier relève de la convention « \(id) », mais la convention fournie est « \(actual) » (\(conventionPath))",
                                        at: idNode.location))
                }
                extra += ModelLoader.checkDossier(file, convention: loaded.root == nil ? nil : loaded)
            } else {
                extra.append(.error("CONVENTION_INTROUVABLE", path: idNode.path,
                                    "convention « \(id) » introuvable : placez convention-\(id).yaml à côté du dossier, ou indiquez --convention FICHIER",
                                    at: idNode.location))
                extra += ModelLoader.checkDossier(file, convention: nil)
            }
            if printed.insert(path).inserted { emit(file, extra: extra) }
        }
        let files = reported
        report.text += "\(files) fichier\(files > 1 ? "s" : "") vérifié\(files > 1 ? "s" : "") : "
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
