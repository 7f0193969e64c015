import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX calls the store needs for durability and atomicity, with errors that name the file.
enum POSIXFile {
    struct Failure: Error, CustomStringConvertible {
        let operation: String
        let path: String
        let code: Int32
        var description: String { "\(operation) \(path) : \(String(cString: strerror(code)))" }
    }

    /// Creates a new, empty file for writing (never replacing one, and with no temporary file of
    /// its own: `FileManager.createFile` writes beside the target and renames).
    static func createNew(_ url: URL) throws -> FileHandle {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw Failure(operation: "open", path: url.path, code: errno) }
        return FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    /// Flushes a file's content (or a directory's entries) to the disk.
    static func sync(_ url: URL, directory: Bool = false) throws {
        let fd = open(url.path, directory ? O_RDONLY | O_DIRECTORY : O_RDONLY)
        guard fd >= 0 else { throw Failure(operation: "open", path: url.path, code: errno) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw Failure(operation: "fsync", path: url.path, code: errno) }
    }

    /// Renames `from` to `to` atomically; with `replacing: false`, fails when `to` exists
    /// (hard link then unlink, so an existing file is never clobbered; `linked` runs in between).
    static func move(_ from: URL, to: URL, replacing: Bool, linked: () -> Void = {}) throws {
        if replacing {
            guard rename(from.path, to.path) == 0 else { throw Failure(operation: "rename", path: to.path, code: errno) }
        } else {
            guard link(from.path, to.path) == 0 else { throw Failure(operation: "link", path: to.path, code: errno) }
            linked()
            unlink(from.path)
        }
    }

    /// Whether moving without replacing failed because the destination exists.
    static func isExists(_ error: any Error) -> Bool { (error as? Failure)?.code == EEXIST }

    /// Makes a stored file read-only for everyone.
    static func makeReadOnly(_ url: URL) throws {
        guard chmod(url.path, 0o444) == 0 else { throw Failure(operation: "chmod", path: url.path, code: errno) }
    }

    /// Runs `body` holding an exclusive lock on `url` (created if needed), waiting for other holders.
    static func withExclusiveLock<T>(_ url: URL, _ body: () throws -> T) throws -> T {
        let fd = open(url.path, O_RDWR | O_CREAT, 0o600)
        guard fd >= 0 else { throw Failure(operation: "open", path: url.path, code: errno) }
        defer { close(fd) }
        guard flock(fd, LOCK_EX) == 0 else { throw Failure(operation: "flock", path: url.path, code: errno) }
        return try body()
    }

    /// Removes a file, ignoring its absence.
    static func remove(_ url: URL) {
        unlink(url.path)
    }
}

/// An exclusive advisory lock held by an add in progress (`tmp/<token>.lock`).
///
/// The kernel releases it when the process dies, even by SIGKILL: a lock file that can be locked
/// belongs to a dead add, whose leftovers may be cleaned up.
final class InFlightLock: @unchecked Sendable {
    let url: URL
    private var fd: Int32

    private init(url: URL, fd: Int32) {
        self.url = url
        self.fd = fd
    }

    /// Creates and locks a new lock file, checking after locking that a cleanup did not remove it
    /// between its creation and the lock.
    static func create(_ url: URL) throws -> InFlightLock {
        let fd = open(url.path, O_RDWR | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw POSIXFile.Failure(operation: "open", path: url.path, code: errno) }
        guard flock(fd, LOCK_EX) == 0, sameFile(fd, url) else {
            close(fd)
            throw POSIXFile.Failure(operation: "flock", path: url.path, code: EAGAIN)
        }
        return InFlightLock(url: url, fd: fd)
    }

    /// Locks an existing lock file if its owner is gone; nil when an add still holds it.
    /// A missing file counts as abandoned (returns a lock on nothing, released at once).
    static func takeOverIfAbandoned(_ url: URL) -> InFlightLock? {
        let fd = open(url.path, O_RDWR)
        guard fd >= 0 else { return InFlightLock(url: url, fd: -1) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            return nil
        }
        return InFlightLock(url: url, fd: fd)
    }

    /// Whether the lock file is still in place: names are unique, so a file removed by a cleanup
    /// between its creation and the lock cannot come back.
    private static func sameFile(_ fd: Int32, _ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.path)
    }

    /// Removes the lock file, then releases the lock.
    func release() {
        guard fd >= 0 else { return }
        unlink(url.path)
        close(fd)
        fd = -1
    }

    deinit {
        if fd >= 0 { close(fd) }
    }
}
