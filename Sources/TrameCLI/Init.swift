import ArgumentParser
import Foundation
import TrameArchive

extension TrameCommand {
    /// `trame init [DIR]`: creates a workspace.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Crée un espace de travail (base SQLite et dépôt des fichiers archivés).",
            discussion: """
                Sans DOSSIER : --workspace, sinon $TRAME_HOME, sinon ./trame-data.
                Un dossier existant doit être vide ; un espace de travail existant est simplement \
                mis à jour (migrations du schéma).
                """
        )

        @Argument(help: "Dossier de l'espace de travail.", completion: .directory)
        var directory: String?

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let url = directory.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? options.directory
            let (workspace, created) = try Workspace.create(at: url, actor: options.actor)
            if created {
                print("Espace de travail créé : \(workspace.directory.path)")
            } else {
                print("\(workspace.directory.path) est déjà un espace de travail (schéma à jour)")
            }
        }
    }
}
