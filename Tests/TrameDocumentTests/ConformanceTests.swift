import Foundation
import Testing
import TrameTestSupport
import TrameDocument

/// Validates the sample against the official schemas with `shared/conformance`, then renders it
/// with LibreOffice and reads the PDF back. Skipped (with the reason printed) when the tools or
/// the conformance directory are missing.
@Suite("Conformance", .serialized, .enabled(if: Conformance.isAvailable, "needs shared/conformance and its tools"))
struct ConformanceTests {
    static let cases: [(OutputFormat, Bool)] = [(.odt, true), (.odt, false), (.docx, true), (.docx, false)]

    static func fileName(_ format: OutputFormat, draft: Bool) -> String {
        "sample-\(draft ? "projet" : "final")-\(format.rawValue).\(format.fileExtension)"
    }

    /// Runs `check-odt.sh` / `check-docx.sh` on a rendered document; prints and returns the verdict.
    static func check(_ document: Document, as format: OutputFormat, compression: PackageCompression = .default,
                      name: String, options: [String] = []) throws -> (passed: Bool, output: String) {
        let directory = try Conformance.temporaryDirectory("check")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("\(name).\(format.fileExtension)")
        try DocumentRenderer.render(document, as: format, compression: compression).write(to: file)
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

    @Test func pdfRenderingShowsTheText() throws {
        let directory = try Conformance.temporaryDirectory("pdf")
        defer { try? FileManager.default.removeItem(at: directory) }
        var files: [String] = []
        for (format, draft) in Self.cases {
            let file = directory.appendingPathComponent(Self.fileName(format, draft: draft))
            try DocumentRenderer.render(SampleDocuments.sample(draft: draft), as: format).write(to: file)
            files.append(file.path)
        }
        let profile = "file:///tmp/lo-profile-trame-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: String(profile.dropFirst("file://".count))) }
        let conversion = try Conformance.run("soffice", [
            "-env:UserInstallation=\(profile)", "--headless", "--norestore",
            "--convert-to", "pdf", "--outdir", directory.path,
        ] + files)
        #expect(conversion.status == 0, "\(conversion.output)")

        for (format, draft) in Self.cases {
            let pdf = directory.appendingPathComponent(Self.fileName(format, draft: draft))
                .deletingPathExtension().appendingPathExtension("pdf")
            let result = try Conformance.run("pdftotext", ["-enc", "UTF-8", pdf.path, "-"])
            #expect(result.status == 0, "\(format) \(draft): \(result.output)")
            let text = result.output
                .replacingOccurrences(of: "\u{00A0}", with: " ")
                .replacingOccurrences(of: "\u{202F}", with: " ")
            let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            let label = "\(format.rawValue) \(draft ? "draft" : "final")"
            for expected in ["Article 1er – Objet", "Article 3 – Loyer et charges", "Page 1 sur", "Paraphes",
                             "Claire Martin", "SCI Durand & Fils", "Échéance", "Mois 40"] {
                #expect(flat.contains(expected), "\(label): \(expected) missing")
            }
            #expect(flat.contains(SampleDocuments.awkwardFirstLine), "\(label): user string missing")
            #expect(text.contains("1 234,56 €"), "\(label): amount missing or broken across lines")
            #expect(flat.contains("1. premier point de la seconde liste"), "\(label): second list does not restart")
            #expect(flat.contains("PROJET") == draft, "\(label): draft mark")
            #expect(flat.occurrences(of: "Lu et approuvé") == 3, "\(label)")
        }
    }
}
