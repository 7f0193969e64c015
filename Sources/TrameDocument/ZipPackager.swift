import Foundation
import TrameDiagnostics
import ZIPFoundation

/// One file of an ODT or DOCX package.
struct PackagePart {
    var path: String
    /// The media type (ODF manifest) or content type (OPC `[Content_Types].xml`).
    var mediaType: String
    var data: Data
}

/// Whether package parts other than the ODF `mimetype` (always stored) are compressed.
///
/// Measured with `trame-bench-writers` (release build, Swift 6.3, 2 shared cores, 200 four-page
/// subleases, medians; 2026-12-05, see Benchmarks/README.md):
///
/// | format | stored (``StoredZip``)            | deflated (zlib level 6, fixed in ZIPFoundation) |
/// |--------|-----------------------------------|-------------------------------------------------|
/// | ODT    | 0.18 ms/doc, 5,500 docs/s, 45 KB  | 0.93 ms/doc, 1,080 docs/s, 5.4 KB               |
/// | DOCX   | 0.24 ms/doc, 4,200 docs/s, 51 KB  | 1.60 ms/doc, 630 docs/s, 8.1 KB                 |
///
/// Deflate costs 0.7–1.4 ms per document, several times writing the XML, and only stored packaging
/// keeps both writers above the 2,000 docs/s budget, so ``default`` is `.stored`. Stored packages
/// are valid ODF and OPC and open in Word and LibreOffice; pass `.deflated` for smaller files.
public enum PackageCompression: String, Sendable, CaseIterable {
    /// Stored, uncompressed: fastest, files about six to eight times larger.
    case stored
    /// Deflated: the usual office-document packaging; the ODF `mimetype` stays stored.
    case deflated

    /// The compression ``DocumentRenderer/render(_:as:compression:)`` uses unless told otherwise.
    public static let `default` = PackageCompression.stored
}

/// Writes ZIP packages that are byte-for-byte reproducible: entries in the order given, every
/// entry dated 1980-01-01 00:00:00 (the first valid MS-DOS date; ZIPFoundation converts it with
/// `gmtime`, so the time zone does not matter), fixed permissions, no extra fields.
enum ZipPackager {
    /// 1980-01-01T00:00:00Z.
    static let fixedDate = Date(timeIntervalSince1970: 315_532_800)

    /// Builds the archive in memory.
    /// - Parameters:
    ///   - stored: Paths always written uncompressed (the ODF `mimetype`).
    /// - Throws: a ``Diagnostic`` `ECRITURE_PAQUET` if ZIPFoundation fails.
    static func package(_ parts: [PackagePart], compression: PackageCompression,
                        stored: Set<String> = [], format: OutputFormat) throws -> Data {
        if compression == .stored, StoredZip.canWrite(parts) { return StoredZip.archive(parts) }
        return try packageWithZIPFoundation(parts, compression: compression, stored: stored, format: format)
    }

    /// The same package built entry by entry by ZIPFoundation: deflated packages, and the reference
    /// ``StoredZip`` is tested against.
    static func packageWithZIPFoundation(_ parts: [PackagePart], compression: PackageCompression,
                                         stored: Set<String> = [], format: OutputFormat) throws -> Data {
        let archive: Archive
        do {
            archive = try Archive(data: Data(), accessMode: .create)
        } catch {
            throw Diagnostic.io("paquet \(format.rawValue) impossible à construire", subject: nil, underlying: error, code: .ecriturePaquet)
        }
        for part in parts {
            let method: CompressionMethod =
                compression == .deflated && !stored.contains(part.path) ? .deflate : .none
            let data = part.data
            do {
                try archive.addEntry(
                    with: part.path, type: .file, uncompressedSize: Int64(data.count),
                    modificationDate: fixedDate, permissions: 0o644, compressionMethod: method,
                    bufferSize: max(data.count, 1)
                ) { position, size in
                    let start = Int(position)
                    return data.subdata(in: start..<start + size)
                }
            } catch {
                throw Diagnostic.io("partie \(part.path) du paquet \(format.rawValue) impossible à écrire", subject: nil, underlying: error, code: .ecriturePaquet)
            }
        }
        guard let data = archive.data else {
            throw Diagnostic.error(.ecriturePaquet, "paquet \(format.rawValue) vide après construction")
        }
        return data
    }

    /// The entries of an archive, in order (used by tests to read packages back).
    static func entries(of data: Data) throws -> [(path: String, data: Data, compressed: Bool)] {
        let archive = try Archive(data: data, accessMode: .read)
        var result: [(String, Data, Bool)] = []
        for entry in archive {
            var content = Data()
            _ = try archive.extract(entry, skipCRC32: false) { content.append($0) }
            result.append((entry.path, content, entry.type == .file && entry.isCompressed))
        }
        return result
    }
}
