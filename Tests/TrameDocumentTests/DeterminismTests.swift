import Foundation
import Testing
import TrameDocument

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Same input, same bytes: whatever the time, the time zone or the run.
@Suite("Determinism", .serialized)
struct DeterminismTests {
    @Test(arguments: OutputFormat.allCases, PackageCompression.allCases)
    func renderingTwiceGivesTheSameBytes(format: OutputFormat, compression: PackageCompression) throws {
        let document = SampleDocuments.sample(draft: true)
        let first = try DocumentRenderer.render(document, as: format, compression: compression)
        let second = try DocumentRenderer.render(document, as: format, compression: compression)
        #expect(first == second)
        #expect(first.count > 1000)
    }

    @Test(arguments: [OutputFormat.odt, .docx])
    func timeZoneDoesNotMatter(format: OutputFormat) throws {
        let document = SampleDocuments.sample(draft: false)
        let saved = ProcessInfo.processInfo.environment["TZ"]
        defer {
            if let saved { setenv("TZ", saved, 1) } else { unsetenv("TZ") }
            tzset()
        }
        setenv("TZ", "Pacific/Auckland", 1)
        tzset()
        let auckland = try DocumentRenderer.render(document, as: format)
        setenv("TZ", "UTC", 1)
        tzset()
        let utc = try DocumentRenderer.render(document, as: format)
        #expect(auckland == utc)
    }

    /// Every local header and central directory entry carries the MS-DOS date 1980-01-01 00:00.
    @Test(arguments: [OutputFormat.odt, .docx])
    func zipEntriesAreDated1980(format: OutputFormat) throws {
        let bytes = [UInt8](try DocumentRenderer.render(SampleDocuments.sample(draft: true), as: format))
        func uint16(_ offset: Int) -> UInt16 { UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8 }
        var local = 0, central = 0
        for offset in 0..<(bytes.count - 4) where bytes[offset] == 0x50 && bytes[offset + 1] == 0x4B {
            if bytes[offset + 2] == 3 && bytes[offset + 3] == 4 {
                local += 1
                #expect(uint16(offset + 10) == 0 && uint16(offset + 12) == 0x21)  // time, date
                #expect(uint16(offset + 28) == 0)  // no extra field
            } else if bytes[offset + 2] == 1 && bytes[offset + 3] == 2 {
                central += 1
                #expect(uint16(offset + 12) == 0 && uint16(offset + 14) == 0x21)
            }
        }
        #expect(local == central && local >= 5)
    }

    @Test func compressionChoiceKeepsContent() throws {
        let document = SampleDocuments.sample(draft: true)
        let stored = try Package(DocumentRenderer.render(document, as: .docx, compression: .stored))
        let deflated = try Package(DocumentRenderer.render(document, as: .docx, compression: .deflated))
        #expect(stored.paths == deflated.paths)
        #expect(stored.entries.map(\.data) == deflated.entries.map(\.data))
        #expect(stored.entries.allSatisfy { !$0.compressed })
        #expect(deflated.entries.allSatisfy { $0.compressed })
        let odt = try Package(DocumentRenderer.render(document, as: .odt, compression: .deflated))
        #expect(odt.entries.first.map { !$0.compressed } == true)
    }
}
