import Crypto
import Foundation
import TrameModel
import ZIPFoundation

/// Adding entries to a ZIP while hashing what goes in. `Archive` is a non-Sendable class: it stays
/// local to the function that creates it.
enum ZipWriting {
    /// A fixed date for generated entries, so that the same content gives the same bytes.
    static let fixedDate = Date(timeIntervalSince1970: 946_684_800)

    /// Adds a file, streaming it; returns the SHA-256 of what was added.
    static func addStoredFile(_ archive: Archive, path: String, source: URL, modified: Date = fixedDate,
                              compress: Bool = false) throws -> String {
        let input: FileHandle
        do { input = try FileHandle(forReadingFrom: source) } catch {
            throw Diagnostic.error(.fichierManquant, "fichier archivé introuvable ; lancez « trame archive verify »", subject: source.path)
        }
        defer { try? input.close() }
        let size = Int64((try? source.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0)
        var hasher = SHA256()
        do {
            try archive.addEntry(with: path, type: .file, uncompressedSize: size, modificationDate: modified, permissions: 0o444,
                                 compressionMethod: compress ? .deflate : .none) { _, count in
                let chunk = try input.read(upToCount: count) ?? Data()
                guard !chunk.isEmpty || count == 0 else { throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: source.path]) }
                hasher.update(data: chunk)
                return chunk
            }
        } catch {
            throw Diagnostic.io("écriture du fichier ZIP impossible", subject: path, underlying: error)
        }
        return hasher.finalize().hex
    }

    /// Adds bytes; returns their SHA-256.
    @discardableResult
    static func addData(_ archive: Archive, path: String, data: Data, compress: Bool = true) throws -> String {
        do {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
                                 permissions: 0o444, compressionMethod: compress ? .deflate : .none) { position, count in
                let start = Int(position)
                return data.subdata(in: start..<min(data.count, start + count))
            }
        } catch {
            throw Diagnostic.io("écriture du fichier ZIP impossible", subject: path, underlying: error)
        }
        return Array(SHA256.hash(data: data)).hex
    }

    /// Reads an entry in chunks, passing each to `consume`; returns the SHA-256 of the content.
    static func readEntry(_ archive: Archive, _ entry: Entry, _ consume: (Data) throws -> Void) throws -> String {
        var hasher = SHA256()
        _ = try archive.extract(entry, skipCRC32: false) { chunk in
            hasher.update(data: chunk)
            try consume(chunk)
        }
        return hasher.finalize().hex
    }
}
