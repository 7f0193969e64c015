import Foundation
import TrameDiagnostics

/// Writes files so that a reader only ever sees the old complete file or the new complete one:
/// the bytes go to a temporary file in the same directory, are flushed, then renamed over the target.
public enum AtomicFile {
    /// Writes `data` to `url` atomically, creating the parent directory when needed.
    /// - Throws: `Diagnostics` (`ECRITURE_IMPOSSIBLE`) when the directory cannot be written.
    public static func write(_ data: Data, to url: URL) throws(Diagnostics) {
        let directory = url.deletingLastPathComponent()
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw Diagnostics(.error(.ecritureImpossible, "impossible de créer le dossier \(directory.path) : \(SystemError.french(error))"))
        }
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        guard fm.createFile(atPath: temporary.path, contents: nil),
              let handle = try? FileHandle(forWritingTo: temporary) else {
            throw Diagnostics(.error(.ecritureImpossible, "impossible d'écrire dans \(directory.path)"))
        }
        do {
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
            if rename(temporary.path, url.path) != 0 {
                throw Diagnostics(.error(.ecritureImpossible, "impossible de remplacer \(url.path) (\(SystemError.french(errno: errno)))"))
            }
        } catch let failure as Diagnostics {
            try? fm.removeItem(at: temporary)
            throw failure
        } catch {
            try? fm.removeItem(at: temporary)
            throw Diagnostics(.error(.ecritureImpossible, "écriture de \(url.path) impossible : \(SystemError.french(error))"))
        }
    }
}
