import ArgumentParser
import Foundation
import TrameArchive

extension TrameCommand {
    /// `trame restore FILE DIR`
    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reconstruit un espace de travail à partir d'une sauvegarde, dans un dossier absent ou vide.",
            discussion: "Chaque fichier est contrôlé à l'extraction ; l'espace restauré est vérifié (code 65 si problème)."
        )

        @Argument(help: "Fichier de sauvegarde.", completion: .file(extensions: ["zip"]))
        var backup: String

        @Argument(help: "Dossier du nouvel espace de travail.", completion: .directory)
        var directory: String

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let (_, summary, report) = try {
                try Workspace.restore(from: URL(fileURLWithPath: backup).standardizedFileURL,
                                      to: URL(fileURLWithPath: directory).standardizedFileURL, actor: options.actor)
            }()
            for problem in report.problems { print(problem) }
            print("Espace de travail restauré dans \(directory) : \(summary.files) fichiers archivés, "
                  + (report.isClean ? "vérification sans problème" : "\(report.problems.count) problème(s)"))
            if !report.isClean { throw ExitStatus.dataError }
        }
    }
}
