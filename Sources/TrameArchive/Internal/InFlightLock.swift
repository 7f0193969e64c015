import Foundation
import TrameFiles
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
