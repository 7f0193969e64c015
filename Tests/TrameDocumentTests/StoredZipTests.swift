import Foundation
import Testing
@testable import TrameDocument

/// Stored packages are written by ``StoredZip``, not ZIPFoundation: the bytes must be the ones
/// ZIPFoundation writes, so that a package never changes with the writer that zips it.
@Suite("Stored ZIP packages")
struct StoredZipTests {
    /// CRC-32 bit by bit, straight from the definition.
    static func referenceCRC(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        }
        return ~crc
    }

    /// Reproducible bytes (a linear congruential generator), every value 0–255.
    static func bytes(_ count: Int, seed: UInt32) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 1_664_525 &+ 1_013_904_223
            return UInt8(truncatingIfNeeded: state >> 24)
        }
    }

    @Test func crcMatchesTheDefinition() {
        #expect(Array("123456789".utf8).withUnsafeBytes { CRC32.checksum($0) } == 0xCBF4_3926)
        #expect([UInt8]().withUnsafeBytes { CRC32.checksum($0) } == 0)
        // Every length around the 8-byte steps, and a long buffer.
        for count in Array(0..<40) + [4099] {
            let input = Self.bytes(count, seed: UInt32(count))
            #expect(input.withUnsafeBytes { CRC32.checksum($0) } == Self.referenceCRC(input), "length \(count)")
        }
    }

    @Test func storedArchivesMatchZIPFoundation() throws {
        let parts = [
            PackagePart(path: "mimetype", mediaType: "", data: Data(ODTWriter.mimetype.utf8)),
            PackagePart(path: "empty.xml", mediaType: "text/xml", data: Data()),
            PackagePart(path: "Pictures/logo-é.png", mediaType: "image/png", data: Data(Self.bytes(70_001, seed: 7))),
            PackagePart(path: "content.xml", mediaType: "text/xml", data: Data("<a>é &amp; 🏠</a>".utf8)),
        ]
        let ours = try ZipPackager.package(parts, compression: .stored, stored: ["mimetype"], format: .odt)
        let reference = try ZipPackager.packageWithZIPFoundation(parts, compression: .stored, stored: ["mimetype"], format: .odt)
        #expect(ours == reference)
    }

    /// The sample documents' packages, unzipped and zipped again by ZIPFoundation, are the same bytes.
    @Test(arguments: [OutputFormat.odt, .docx])
    func samplePackagesMatchZIPFoundation(format: OutputFormat) throws {
        for draft in [true, false] {
            let package = try DocumentRenderer.render(SampleDocuments.sample(draft: draft), as: format, compression: .stored)
            let parts = try ZipPackager.entries(of: package).map { PackagePart(path: $0.path, mediaType: "", data: $0.data) }
            #expect(parts.count >= 4)
            let reference = try ZipPackager.packageWithZIPFoundation(parts, compression: .stored, format: format)
            #expect(package == reference, "\(format) draft: \(draft)")
        }
    }
}
