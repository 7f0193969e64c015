import Crypto
import Foundation
import TrameFiles
import TrameModel

/// The content-addressed file store of a workspace: `objets/<2 hex>/<sha256>`, immutable and
/// read-only, with `tmp/` for files being written.
struct ContentStore: Sendable {
    let root: URL
    static let chunkSize = 1 << 20

    var objects: URL { root.appendingPathComponent("objets", isDirectory: true) }
    var tmp: URL { root.appendingPathComponent("tmp", isDirectory: true) }

    /// `objets/ab/ab12…` relative to the workspace.
    static func relativePath(_ sha: String) -> String { "objets/\(sha.prefix(2))/\(sha)" }

    func url(for sha: String) -> URL { root.appendingPathComponent(ContentStore.relativePath(sha)) }

    func createDirectories() throws {
        for dir in [objects, tmp] {
            try WorkspacePermissions.makeDirectory(dir)
        }
    }

    /// A file copied into `tmp/` and hashed on the way, not yet in the store.
    struct Staged: Sendable {
        let token: String
        let url: URL
        let sha256: String
        let size: Int64
        let head: Data
    }

    func partURL(_ token: String) -> URL { tmp.appendingPathComponent("\(token).part") }
    func lockURL(_ token: String) -> URL { tmp.appendingPathComponent("\(token).lock") }

    /// Copies `source` to `tmp/<token>.part`, hashing it in the same pass, and flushes it to disk.
    func stage(from source: URL, token: String, steps: WriteSteps? = nil) throws -> Staged {
        let url = partURL(token)
        let written = try ContentStore.copy(from: source, to: url, steps: steps)
        return Staged(token: token, url: url, sha256: written.sha256, size: written.size, head: written.head)
    }

    /// Writes `data` to `tmp/<token>.part` and flushes it to disk.
    func stage(data: Data, token: String, steps: WriteSteps? = nil) throws -> Staged {
        let url = partURL(token)
        var offset = 0
        let written = try ContentStore.write(to: url, steps: steps) {
            guard offset < data.count else { return nil }
            let end = min(data.count, offset + ContentStore.chunkSize)
            defer { offset = end }
            return data.subdata(in: offset..<end)
        }
        return Staged(token: token, url: url, sha256: written.sha256, size: written.size, head: written.head)
    }

    /// What was written: its SHA-256, size and first bytes.
    struct Written: Sendable {
        let sha256: String
        let size: Int64
        let head: Data
    }

    /// Copies a file, hashing it in the same pass, and flushes the copy to disk.
    static func copy(from source: URL, to destination: URL, steps: WriteSteps? = nil) throws -> Written {
        let input = try FileHandle(forReadingFrom: source)
        defer { try? input.close() }
        return try write(to: destination, steps: steps) { try input.read(upToCount: chunkSize) }
    }

    /// Writes the chunks `next` returns to a new file, hashing them, and flushes it to disk.
    static func write(to url: URL, steps: WriteSteps? = nil, next: () throws -> Data?) throws -> Written {
        let output = try POSIXFile.createNew(url, mode: WorkspacePermissions.file)
        steps?.step("temp-opened")
        var hasher = SHA256()
        var size: Int64 = 0
        var head = Data()
        do {
            while let chunk = try next(), !chunk.isEmpty {
                hasher.update(data: chunk)
                if head.count < 16 { head.append(chunk.prefix(16 - head.count)) }
                size += Int64(chunk.count)
                try output.write(contentsOf: chunk)
                if size == Int64(chunk.count) { steps?.step("temp-partial") }
            }
            steps?.step("temp-written")
            try output.synchronize()
            try output.close()
            steps?.step("temp-synced")
        } catch {
            try? output.close()
            POSIXFile.remove(url)
            throw error
        }
        return Written(sha256: hasher.finalize().hex, size: size, head: head)
    }

    /// Moves a staged file into the store (read-only), or drops it when the store already has it.
    func install(_ staged: Staged, steps: WriteSteps? = nil) throws {
        let destination = url(for: staged.sha256)
        let directory = destination.deletingLastPathComponent()
        try WorkspacePermissions.makeDirectory(directory)
        try POSIXFile.makeReadOnly(staged.url, mode: WorkspacePermissions.storedObject)
        steps?.step("blob-read-only")
        do {
            try POSIXFile.move(staged.url, to: destination, replacing: false) { steps?.step("blob-linked") }
            steps?.step("temp-unlinked")
        } catch where POSIXFile.isExists(error) {
            POSIXFile.remove(staged.url)
        }
        try POSIXFile.sync(directory, directory: true)
        steps?.step("blob-dir-synced")
    }

    /// The SHA-256 and size of a file, read in chunks.
    static func hash(_ url: URL) throws -> (sha256: String, size: Int64) {
        let input = try FileHandle(forReadingFrom: url)
        defer { try? input.close() }
        var hasher = SHA256()
        var size: Int64 = 0
        while let chunk = try input.read(upToCount: chunkSize), !chunk.isEmpty {
            hasher.update(data: chunk)
            size += Int64(chunk.count)
        }
        return (hasher.finalize().hex, size)
    }

    /// Every file under `objets/`, by relative path.
    func listObjects() -> [String] {
        let fm = FileManager.default
        var result: [String] = []
        for prefix in (try? fm.contentsOfDirectory(atPath: objects.path)) ?? [] {
            let dir = objects.appendingPathComponent(prefix)
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: dir.path, isDirectory: &isDirectory) else { continue }
            guard isDirectory.boolValue else {
                result.append("objets/\(prefix)")
                continue
            }
            for name in (try? fm.contentsOfDirectory(atPath: dir.path)) ?? [] {
                result.append("objets/\(prefix)/\(name)")
            }
        }
        return result.sorted()
    }
}


/// Whether `text` looks like a SHA-256 in lower-case hexadecimal.
func isSHA256(_ text: String) -> Bool {
    text.count == 64 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
}
