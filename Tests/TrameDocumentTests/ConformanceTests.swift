import Foundation
import Testing
import TrameTestSupport
import TrameDocument

/// Validates the sample against the official schemas with `shared/conformance`, then converts it
/// with LibreOffice and checks that the PDF opens. Skipped (with the reason printed) when the tools
/// or the conformance directory are missing; a failure under `TRAME_REQUIRE_TOOLS=1`.
@Suite("Conformance", .serialized, .requires(.conformance))
struct ConformanceTests {
    static let cases: [(OutputFormat, Bool)] = [(.odt, true), (.odt, false), (.docx, true), (.docx, false)]

    static func fileName(_ format: OutputFormat, draft: Bool) -> String {
        "sample-\(draft ? "projet" : "final")-\(format.rawValue).\(format.fileExtension)"
    }

    /// Runs `check-odt.sh` / `check-docx.sh` on a rendered document; prints and returns the verdict.
    static func check(_ document: Document, as format: OutputFormat, style: DocumentStyle = .standard,
                      compression: PackageCompression = .default,
                      name: String, options: [String] = []) throws -> (passed: Bool, output: String) {
        let directory = try Conformance.temporaryDirectory("check")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("\(name).\(format.fileExtension)")
        try DocumentRenderer.render(document, as: format, style: style, compression: compression).write(to: file)
        let script = try #require(Conformance.directory).appendingPathComponent(format == .odt ? "check-odt.sh" : "check-docx.sh")
        let result = try Conformance.run(script.path, options + [file.path])
        let verdict = result.output.split(separator: "\n").last { $0.hasPrefix("RESULT:") } ?? "no RESULT line"
        print("conformance \(name) (\(compression.rawValue)): \(verdict)")
        return (result.status == 0 && verdict.hasPrefix("RESULT: PASS"), result.output)
    }

    @Test(arguments: cases)
    func sampleValidatesAndRenders(format: OutputFormat, draft: Bool) throws {
        let result = try Self.check(SampleDocuments.sample(draft: draft), as: format,
                                    name: "sample-\(draft ? "draft" : "final")-\(format.rawValue)")
        #expect(result.passed, "\(result.output)")
    }

    @Test(arguments: [OutputFormat.odt, .docx])
    func deflatedPackagesValidate(format: OutputFormat) throws {
        let result = try Self.check(SampleDocuments.sample(draft: true), as: format, compression: .deflated,
                                    name: "sample-draft-\(format.rawValue)", options: ["--no-render"])
        #expect(result.passed, "\(result.output)")
    }

    @Test(arguments: [OutputFormat.odt, .docx])
    func degenerateDocumentsValidate(format: OutputFormat) throws {
        for (name, document) in [("edge-cases", SampleDocuments.edgeCases), ("empty", SampleDocuments.empty),
                                 ("escaping", SampleDocuments.escaping)] {
            let result = try Self.check(document, as: format, name: "\(name)-\(format.rawValue)", options: ["--no-render"])
            #expect(result.passed, "\(name): \(result.output)")
        }
    }

    /// LibreOffice as a client: every sample file converts to a PDF of at least one page whose text
    /// holds the title. What the documents say is checked on their own text (`DocumentTextTests`).
    @Test func libreOfficeConvertsTheSamples() throws {
        let directory = try Conformance.temporaryDirectory("pdf")
        defer { try? FileManager.default.removeItem(at: directory) }
        var files: [URL] = []
        for (format, draft) in Self.cases {
            let file = directory.appendingPathComponent(Self.fileName(format, draft: draft))
            try DocumentRenderer.render(SampleDocuments.sample(draft: draft), as: format).write(to: file)
            files.append(file)
        }
        for (file, pdf) in try Conformance.convertToPDF(files, in: directory.appendingPathComponent("pdf")) {
            #expect(pdf.pages >= 1, "\(file.lastPathComponent): \(pdf.info)")
            #expect(pdf.text.contains("Contrat de sous-location"), "\(file.lastPathComponent): title missing")
        }
    }
}
