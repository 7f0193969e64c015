import Foundation
import Testing
import TrameTestSupport

/// The document tests read what a document says from its own markup (``DocumentText``): the same
/// assertions hold for its ODT, DOCX and HTML copies, whatever fonts LibreOffice would use.
enum DocumentTexts {
    static let formats = ["odt", "docx", "html"]

    /// The text of each file; expects the copies of one document in several formats (same name,
    /// other extension) to carry the same body paragraphs.
    static func read(_ files: [URL], sourceLocation: SourceLocation = #_sourceLocation) throws -> [URL: DocumentText] {
        var texts: [URL: DocumentText] = [:]
        for file in files { texts[file] = try DocumentText(contentsOf: file) }
        let copies = Dictionary(grouping: files) { $0.deletingPathExtension().path }
        for (_, group) in copies where group.count > 1 {
            let reference = group[0]
            for other in group.dropFirst() {
                expectSameText(texts[reference]!, texts[other]!, reference.lastPathComponent, other.lastPathComponent,
                               sourceLocation: sourceLocation)
            }
        }
        return texts
    }

    /// Expects two copies of a document to hold the same paragraphs and page breaks; on a
    /// difference, names the first paragraph that differs.
    static func expectSameText(_ a: DocumentText, _ b: DocumentText, _ nameA: String, _ nameB: String,
                               sourceLocation: SourceLocation = #_sourceLocation) {
        let (pa, pb) = (a.paragraphs, b.paragraphs)
        guard pa != pb else { return }
        let index = zip(pa, pb).prefix { $0 == $1 }.count
        let left = index < pa.count ? pa[index] : "(fin)"
        let right = index < pb.count ? pb[index] : "(fin)"
        Issue.record("\(nameA) and \(nameB) differ at paragraph \(index + 1) (of \(pa.count) / \(pb.count)):\n  « \(left) »\n  « \(right) »",
                     sourceLocation: sourceLocation)
    }

    /// Runs the conformance checks (schemas, packaging; no rendering) on written ODT and DOCX files.
    static func expectConformant(_ files: [URL], sourceLocation: SourceLocation = #_sourceLocation) throws {
        for file in files where ["odt", "docx"].contains(file.pathExtension) {
            let check = try Conformance.check(file: file, options: ["--no-render"])
            #expect(check.passed, "\(check.output)", sourceLocation: sourceLocation)
        }
    }

    /// Validates the ODT and DOCX files when the conformance tools are present; otherwise skips
    /// that part, printing why, or fails under `TRAME_REQUIRE_TOOLS=1` (``ToolGate``). What the
    /// documents say is checked whatever the tools.
    static func validateIfPossible(_ files: [URL], sourceLocation: SourceLocation = #_sourceLocation) throws {
        guard try ToolGate.conformance.evaluate() else { return }
        try expectConformant(files, sourceLocation: sourceLocation)
    }

    /// The footer of an office copy says "Page N sur M" (HTML numbers its pages in CSS).
    static func expectPageNumbers(_ text: DocumentText, _ file: URL, sourceLocation: SourceLocation = #_sourceLocation) {
        guard file.pathExtension != "html" else { return }
        #expect(text.footerText.contains("Page 1 sur 1"), "\(file.lastPathComponent): footer « \(text.footerText) »", sourceLocation: sourceLocation)
    }

    /// The article numbers of the headings, in order ("1er" read as 1).
    static func articleNumbers(_ text: DocumentText) -> [Int] {
        let pattern = try! NSRegularExpression(pattern: "^Article (1er|[0-9]+) – ")
        return text.paragraphs.compactMap { paragraph in
            pattern.firstMatch(in: paragraph, range: NSRange(paragraph.startIndex..., in: paragraph))
                .flatMap { Range($0.range(at: 1), in: paragraph) }.map { Int(paragraph[$0]) ?? 1 }
        }
    }
}
