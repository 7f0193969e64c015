import Foundation
import TrameDiagnostics

/// Writes files so that a reader only ever sees the old complete file or the new complete one, and
/// so that a crash at any moment leaves one of the two on the disk: the bytes go to a temporary
/// file beside the target, are flushed, the file is renamed into place (or linked, never replacing
/// an existing file unless asked), then the directory entry is flushed too.
///
/// The one atomic writer of Trame: generated documents and manifests, archive extractions,
/// exports and backups all go through it.
public enum AtomicFile {
    /// Writes `data` to `url`, replacing any file there, creating the parent directory if needed.
    /// - Throws: `ECRITURE_IMPOSSIBLE`, with the system's reason in French.
    public static func write(_ data: Data, to url: URL) throws(Diagnostic) {
        try write(to: url, replacing: true, createDirectory: true) { temporary in
            try data.write(to: temporary)
        }
    }

    /// Runs `fill` on a temporary file beside `target` (which `fill` creates and writes), then moves
    /// it into place durably.
    /// - Parameters:
    ///   - replacing: whether an existing `target` may be replaced; if not, `FICHIER_EXISTANT`.
    ///   - createDirectory: whether a missing parent directory is created (else `DOSSIER_INTROUVABLE`).
    ///   - prepare: called with the temporary's URL before anything is written (to note it for a
    ///     recovery after a crash, say).
    ///   - step: told each step reached (`written`, `synced`, `renamed`, `dir-synced`), for
    ///     fault injection.
    ///   - fill: writes the temporary file.
    /// - Throws: a ``Diagnostic``; on failure the temporary file is gone and `target` untouched.
    public static func write(to target: URL, replacing: Bool, createDirectory: Bool = false,
                             prepare: (URL) throws -> Void = { _ in }, step: (String) -> Void = { _ in },
                             _ fill: (URL) throws -> Void) throws(Diagnostic) {
        let fm = FileManager.default
        if !replacing, fm.fileExists(atPath: target.path) {
            throw .error(.fichierExistant, "le fichier existe déjà ; choisissez un autre nom ou ajoutez --force pour le remplacer",
                         subject: target.path)
        }
        let directory = target.deletingLastPathComponent()
        if !fm.fileExists(atPath: directory.path) {
            guard createDirectory else {
                throw .error(.dossierIntrouvable, "dossier de destination introuvable", subject: directory.path)
            }
            do {
                try fm.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw .error(.ecritureImpossible, "impossible de créer le dossier (\(SystemError.french(error)))", subject: directory.path)
            }
        }
        guard target.lastPathComponent.utf8.count <= 200 else {
            throw .error(.ecritureImpossible, "écriture impossible (\(SystemError.french(errno: ENAMETOOLONG)))",
                         subject: String(target.lastPathComponent.prefix(60)) + "…")
        }
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).trame-\(UUID().uuidString)")
        do {
            try prepare(temporary)
            try fill(temporary)
            step("written")
            try POSIXFile.sync(temporary)
            step("synced")
            try POSIXFile.move(temporary, to: target, replacing: replacing)
            step("renamed")
            try? POSIXFile.sync(directory, directory: true)
            step("dir-synced")
        } catch let diagnostic as Diagnostic {
            POSIXFile.remove(temporary)
            throw diagnostic
        } catch {
            POSIXFile.remove(temporary)
            if POSIXFile.isExists(error) {
                throw .error(.fichierExistant, "le fichier existe déjà ; ajoutez --force pour le remplacer", subject: target.path)
            }
            throw .error(.ecritureImpossible, "écriture impossible (\(SystemError.french(error)))", subject: target.path)
        }
    }
}
