import Foundation
import TrameFiles
import ZIPFoundation
import TrameDiagnostics

/// Extracts a backup into a staging directory, accepting only the entries a backup holds and
/// checking every stored file against its name.
struct BackupReader {
    let backup: URL
    let staging: URL

    func extract() throws -> BackupSummary {
        let archive: Archive
        do { archive = try Archive(url: backup, accessMode: .read) } catch {
            throw invalid("ce fichier n'est pas une sauvegarde Trame lisible (ZIP attendu)")
        }
        let entries = Array(archive)
        guard let manifestEntry = entries.first(where: { $0.path == "SAUVEGARDE.json" }),
              entries.contains(where: { $0.path == Workspace.databaseFileName }) else {
            throw invalid("ce fichier n'est pas une sauvegarde Trame : SAUVEGARDE.json ou trame.sqlite manque")
        }
        var manifestData = Data()
        _ = try ZipWriting.readEntry(archive, manifestEntry) { manifestData.append($0) }
        guard let manifest = try? JSONDecoder().decode(BackupManifest.self, from: manifestData), manifest.format == "trame-sauvegarde" else {
            throw invalid("SAUVEGARDE.json illisible")
        }
        let store = ContentStore(root: staging)
        try store.createDirectories()
        var files = 0
        var bytes: Int64 = 0
        for entry in entries where entry.type == .file && entry.path != "SAUVEGARDE.json" {
            if entry.path == Workspace.databaseFileName || Workspace.auxiliaryDatabaseFileNames.contains(entry.path) {
                _ = try write(archive, entry, to: staging.appendingPathComponent(entry.path))
                continue
            }
            let name = (entry.path as NSString).lastPathComponent
            guard isSHA256(name), entry.path == ContentStore.relativePath(name) else {
                throw invalid("entrée inattendue « \(entry.path) » dans la sauvegarde")
            }
            let url = store.url(for: name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let written = try write(archive, entry, to: url)
            guard written.sha256 == name else {
                throw Diagnostic.error(.fichierModifie, "fichier altéré dans la sauvegarde (empreinte \(written.sha256.prefix(16))…)", subject: entry.path)
            }
            try POSIXFile.makeReadOnly(url)
            files += 1
            bytes += written.size
        }
        guard files == manifest.files else {
            throw invalid("la sauvegarde annonce \(manifest.files) fichiers et en contient \(files)")
        }
        return BackupSummary(file: backup.path, files: files, bytes: bytes)
    }

    private func write(_ archive: Archive, _ entry: Entry, to url: URL) throws -> (sha256: String, size: Int64) {
        let output: FileHandle
        do { output = try POSIXFile.createNew(url) } catch {
            throw Diagnostic.io("écriture impossible", subject: url.path, underlying: error)
        }
        defer { try? output.close() }
        var size: Int64 = 0
        let sha: String
        do {
            sha = try ZipWriting.readEntry(archive, entry) { chunk in
                try output.write(contentsOf: chunk)
                size += Int64(chunk.count)
            }
        } catch {
            throw invalid("entrée « \(entry.path) » illisible (\(error))")
        }
        try output.synchronize()
        return (sha, size)
    }

    private func invalid(_ message: String) -> Diagnostic {
        Diagnostic.error(.sauvegardeInvalide, message, subject: backup.path)
    }
}
