import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The workspace holds health data (the care part of evaluations): its directory and every
/// directory inside are 0700, its files 0600 (stored objects 0400), whatever the umask of the
/// process that writes them — `trame`, `trame-web` or a backup restore.
enum WorkspacePermissions {
    static let directory: mode_t = 0o700
    static let file: mode_t = 0o600
    static let storedObject: mode_t = 0o400

    /// The root and the database files: cheap, done at every opening (SQLite creates its `-wal` and
    /// `-shm` files with the database file's permissions).
    static func secureRoot(_ root: URL) {
        chmod(root.path, directory)
        for name in ["trame.sqlite", "trame.sqlite-wal", "trame.sqlite-shm", "comptes.sqlite", "comptes.sqlite-wal", "comptes.sqlite-shm"] {
            let path = root.appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: path) { chmod(path, file) }
        }
    }

    /// A directory of the workspace, created if needed, 0700.
    static func makeDirectory(_ url: URL) throws {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        chmod(url.path, directory)
    }

    /// Every directory and file under `root` tightened (the migration of workspaces created before).
    static func secureTree(_ root: URL) {
        secureRoot(root)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isDirectoryKey, .isSymbolicLinkKey]) else { return }
        for case let url as URL in walker {
            let values = try? url.resourceValues(forKeys: [.isDirectoryKey, .isSymbolicLinkKey])
            if values?.isSymbolicLink == true { continue }
            if values?.isDirectory == true {
                chmod(url.path, directory)
            } else {
                let inStore = url.path.contains("/objets/")
                chmod(url.path, inStore ? storedObject : file)
            }
        }
    }
}
