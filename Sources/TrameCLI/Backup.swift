import ArgumentParser
import Foundation
import TrameArchive

extension TrameCommand {
    /// `trame backup --output FILE [--force]`
    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sauvegarde tout l'espace de travail dans un seul fichier, même en cours d'utilisation.",
            discussion: """
                Copie cohérente de la base (sauvegarde SQLite en ligne) et de chaque fichier qu'elle \
                connaît, empreintes contrôlées. Restauration : « trame restore FICHIER DOSSIER ».
                """
        )

        @Option(name: .shortAndLong, help: "Fichier de sauvegarde à écrire (ZIP).")
        var output: String

        @Flag(name: .long, help: "Remplacer le fichier s'il existe.")
        var force = false

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let summary = try {
                try options.open().backup(to: URL(fileURLWithPath: output).standardizedFileURL, overwrite: force)
            }()
            print("Sauvegarde écrite : \(output) (\(summary.files) fichiers archivés, \(ArchiveCLI.bytes(summary.bytes)))")
        }
    }
}
