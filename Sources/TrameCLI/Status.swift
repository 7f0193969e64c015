import ArgumentParser
import Foundation
import TrameDiagnostics
import TrameModel
import TrameProcedure

extension TrameCommand {
    /// `trame status [DIR] [--on DATE] [--json]`: the programme at a glance.
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Affiche l'état du programme : ménages par étape, logements, évaluations, financement.",
            discussion: """
                Lit toutes les conventions et tous les dossiers (.yaml, .yml, .json) du répertoire, par défaut \
                celui de la convention fournie avec Trame (Conventions/metz-jury-2018). Les fichiers en \
                erreur sont écartés et signalés (code de sortie 65). Date de référence : aujourd'hui, ou --on.
                """
        )

        @Argument(help: ArgumentHelp("Répertoire des dossiers (par défaut : Conventions/metz-jury-2018).", valueName: "répertoire"), completion: .directory)
        var directory: String?

        @Option(name: .long, help: ArgumentHelp("Date de référence AAAA-MM-JJ (par défaut : aujourd'hui).", valueName: "date"))
        var on: String?

        @Flag(name: .long, help: "Sortie JSON : un objet par convention.")
        var json = false

        func validate() throws { _ = try ReferenceDate.parse(on) }

        func run() throws {
            let day = try ReferenceDate.parse(on)
            guard let url = directory.map({ URL(fileURLWithPath: $0) }) ?? TrameResources.conventionsDirectory?.appendingPathComponent("metz-jury-2018") else {
                throw Diagnostic.error(.ressourcesIntrouvables, "conventions fournies avec Trame introuvables : indiquez un répertoire")
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw Diagnostic.error(.dossierIntrouvable, "répertoire introuvable", subject: url.path)
            }
            let set = CaseLoader.load(directory: url)
            FileHandle.standardError.write(Data(set.errorText.utf8))
            guard !set.conventions.isEmpty else {
                let code: DiagnosticCode = set.unreadable || set.rejected.isEmpty ? .conventionIntrouvable : .conventionRefusee
                throw Diagnostic.error(code, "aucune convention lisible (ni dans le répertoire, ni pour ses dossiers)", subject: url.path)
            }
            let statuses = set.conventions.keys.sorted().map { id in
                ProgrammeStatus(convention: set.conventions[id]!, cases: set.cases, on: day, rejected: set.rejected)
            }
            if json {
                MachineOutput.print(.array(statuses.map(\.json)))
            } else {
                print(statuses.map(\.text).joined(separator: "\n"), terminator: "")
            }
            if set.unreadable { throw ExitStatus.noInput }
            if set.hasErrors { throw ExitStatus.dataError }
        }
    }
}
