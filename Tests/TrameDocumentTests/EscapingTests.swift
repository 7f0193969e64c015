import Foundation
import Testing
import TrameDocument

/// User text with markup characters, template syntax, control characters, tabs, line breaks,
/// no-break spaces and emoji comes out literally (less the characters XML forbids) in every format.
@Suite("Escaping")
struct EscapingTests {
    /// The formats written as markup (XML, HTML): all but plain text.
    static let markupFormats = OutputFormat.allCases.filter { $0 != .txt }

    /// The parts whose text holds the body, per format (plain text has no markup part).
    static func bodyText(_ format: OutputFormat, _ data: Data) throws -> (parts: [String: XMLText], body: String) {
        switch format {
        case .txt:
            return ([:], String(decoding: data, as: UTF8.self))
        case .html:
            let page = XMLText(data)
            return (["page": page], page.text)
        case .odt, .docx:
            let package = try Package(data)
            var parts: [String: XMLText] = [:]
            for (path, content, _) in package.entries where path.hasSuffix(".xml") || path.hasSuffix(".rels") {
                parts[path] = XMLText(content)
            }
            let main = format == .odt ? "content.xml" : "word/document.xml"
            return (parts, parts[main]?.text ?? "")
        }
    }

    @Test(arguments: markupFormats)
    func userTextSurvives(format: OutputFormat) throws {
        let data = try DocumentRenderer.render(SampleDocuments.escaping, as: format)
        let (parts, body) = try Self.bodyText(format, data)
        for (path, parsed) in parts {
            #expect(parsed.isWellFormed, "\(path): \(parsed.error ?? "")")
        }
        let awkward = SampleDocuments.awkwardWritten
        // Title, heading, article, run, placeholder, list item, 2 cells, closing, capacity, name;
        // the HTML page also has it in <title> and in the running header.
        #expect(body.occurrences(of: awkward) == (format == .html ? 13 : 11))
        #expect(body.contains("Article 7 – " + awkward))
        #expect(body.contains("  deux espaces  au début  "))
        #expect(body.contains(SampleDocuments.long))
        #expect(!body.contains("\u{0007}"))
        let raw = String(decoding: format == .html ? data : try Package(data).data(format == .odt ? "content.xml" : "word/document.xml") ?? Data(), as: UTF8.self)
        #expect(!raw.contains("\u{0007}"))
        #expect(!raw.contains("<Fils>"))
    }

    @Test(arguments: [OutputFormat.odt, .docx])
    func metadataSurvives(format: OutputFormat) throws {
        let package = try Package(DocumentRenderer.render(SampleDocuments.escaping, as: format))
        let metadata = format == .odt ? package.text("meta.xml").text : package.text("docProps/core.xml").text
        #expect(metadata.contains(SampleDocuments.awkwardWritten))
        #expect(metadata.contains("ID-" + SampleDocuments.awkwardWritten))
        let properties = format == .odt ? package.string("meta.xml") : package.string("docProps/custom.xml")
        #expect(properties.contains("champ &amp; &lt;nom&gt;"))
        let header = format == .odt ? package.text("styles.xml").text : package.text("word/header1.xml").text
        #expect(header.contains(SampleDocuments.awkwardWritten))
    }

    @Test func theCheckerRejectsMalformedXML() {
        #expect(!XMLText("<a>&</a>").isWellFormed)
        #expect(!XMLText("<a><b></a>").isWellFormed)
        #expect(!XMLText("<a>\u{0007}</a>").isWellFormed)
        #expect(XMLText("<a>x<b/>y</a>").text == "xy")
    }
}
