import Foundation
import TrameDiagnostics
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX calls Trame needs for durability and atomicity, with errors that name the file.
public enum POSIXFile {
    /// A failed system call: which one, on which file, and the error number.
    public struct Failure: Error, CustomStringConvertible, FrenchDescribable {
        public let operation: String
        public let path: String
        public let code: Int32

        public init(operation: String, path: String, code: Int32) {
            self.operation = operation
            self.path = path
            self.code = code
        }

        /// For logs and developers: `open /chemin : Permission denied`.
        public var description: String { "\(operation) \(path) : \(String(cString: strerror(code)))" }
        /// For users: the error in French, without the path.
        public var frenchDescription: String { SystemError.french(errno: code) }
    }

    /// Creates a new, empty file for writing (never replacing one, and with no temporary file of
    /// its own: `FileManager.createFile` writes beside the target and renames).
    /// - Parameters:
    ///   - mode: the permissions, enforced whatever the umask when given (the workspace's files: 0600).
    public static func createNew(_ url: URL, mode: mode_t? = nil) throws -> FileHandle {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL, mode ?? 0o644)
        guard fd >= 0 else { throw Failure(operation: "open", path: url.path, code: errno) }
        if let mode, fchmod(fd, mode) != 0 {
            let code = errno
            close(fd)
            throw Failure(operation: "chmod", path: url.path, code: code)
        }
        return FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    /// Flushes a file's content (or a directory's entries) to the disk.
    public static func sync(_ url: URL, directory: Bool = false) throws {
        let fd = open(url.path, directory ? O_RDONLY | O_DIRECTORY : O_RDONLY)
        guard fd >= 0 else { throw Failure(operation: "open", path: url.path, code: errno) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw Failure(operation: "fsync", path: url.path, code: errno) }
    }

    /// Renames `from` to `to` atomically; with `replacing: false`, fails when `to` exists
    /// (hard link then unlink, so an existing file is never clobbered; `linked` runs in between).
    public static func move(_ from: URL, to: URL, replacing: Bool, linked: () -> Void = {}) throws {
        if replacing {
            guard rename(from.path, to.path) == 0 else { throw Failure(operation: "rename", path: to.path, code: errno) }
        } else {
            guard link(from.path, to.path) == 0 else { throw Failure(operation: "link", path: to.path, code: errno) }
            linked()
            unlink(from.path)
        }
    }

    /// Whether moving without replacing failed because the destination exists.
    public static func isExists(_ error: any Error) -> Bool { (error as? Failure)?.code == EEXIST }

    /// Makes a stored file read-only for everyone.
    /// - Parameters:
    ///   - mode: 0444 by default; the workspace's store uses 0400 (its owner only).
    public static func makeReadOnly(_ url: URL, mode: mode_t = 0o444) throws {
        guard chmod(url.path, mode) == 0 else { throw Failure(operation: "chmod", path: url.path, code: errno) }
    }

    /// Runs `body` holding an exclusive lock on `url` (created if needed), waiting for other holders.
    public static func withExclusiveLock<T>(_ url: URL, _ body: () throws -> T) throws -> T {
        let fd = open(url.path, O_RDWR | O_CREAT, 0o600)
        guard fd >= 0 else { throw Failure(operation: "open", path: url.path, code: errno) }
        defer { close(fd) }
        guard flock(fd, LOCK_EX) == 0 else { throw Failure(operation: "flock", path: url.path, code: errno) }
        return try body()
    }

    /// Removes a file, ignoring its absence.
    public static func remove(_ url: URL) {
        unlink(url.path)
    }
}
