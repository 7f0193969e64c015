import Foundation
import ZIPFoundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The text of a written document, read from its own markup — never from a rendering, so that
/// fonts, line breaking and pagination cannot change what the tests see.
///
/// - ODT: `content.xml` (body), `styles.xml` (`style:header`, `style:footer`).
/// - DOCX: `word/document.xml` (body), `word/header*.xml`, `word/footer*.xml`.
/// - HTML: `<body>`; the running header and the draft mark are the header; no footer (the page
///   numbers are CSS).
///
/// One string per paragraph (headings, list items and each paragraph of a table cell are
/// paragraphs), entities decoded, `text:s` / `text:tab` / `text:line-break` and `w:tab` / `w:br`
/// / `<br/>` turned into spaces, tabs and line feeds. A page break the document asks for
/// (`fo:break-before="page"`, `w:pageBreakBefore`, `w:br w:type="page"`, CSS `break-before: page`)
/// is a paragraph of its own, ``pageBreak``.
public struct DocumentText: Sendable {
    /// The paragraph standing for a page break.
    public static let pageBreak = "\u{0C}"

    /// Paragraphs of the running header, as written (line breaks as `\n`, empty ones kept).
    public let header: [String]
    /// Paragraphs of the body, as written, with ``pageBreak`` entries.
    public let body: [String]
    /// Paragraphs of the footer.
    public let footer: [String]

    public init(header: [String], body: [String], footer: [String]) {
        self.header = header
        self.body = body
        self.footer = footer
    }

    /// Reads an `.odt`, `.docx` or `.html` file (chosen by its extension).
    public init(contentsOf file: URL) throws {
        let data = try Data(contentsOf: file)
        switch file.pathExtension.lowercased() {
        case "odt": try self.init(odt: data)
        case "docx": try self.init(docx: data)
        case "html", "htm": try self.init(html: data)
        default: throw ReadError(description: "\(file.lastPathComponent): not an ODT, DOCX or HTML file")
        }
    }

    /// The failure to read a document.
    public struct ReadError: Error, CustomStringConvertible {
        public let description: String
    }
}

extension DocumentText {
    /// One normalisation for every comparison: no-break, narrow no-break and figure spaces made
    /// ordinary, every run of white space (tabs and line breaks included) one space, trimmed.
    public static func normalise(_ text: some StringProtocol) -> String {
        var result = ""
        var pendingSpace = false
        for character in text {
            if character.isWhitespace || character == "\u{00A0}" || character == "\u{202F}" || character == "\u{2007}" {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        return result
    }

    /// The body's non-empty paragraphs, normalised, page breaks kept as ``pageBreak``.
    public var paragraphs: [String] {
        body.compactMap { $0 == Self.pageBreak ? $0 : Self.normalise($0).nilIfEmpty }
    }

    /// Header, body and footer normalised into one line (paragraphs separated by a space), to
    /// look for phrases whatever the paragraphs or table cells they span.
    public var flat: String {
        (header + body + footer).filter { $0 != Self.pageBreak }.map { Self.normalise($0) }.filter { !$0.isEmpty }
            .joined(separator: " ")
    }

    /// The body cut at the page breaks it asks for, each part flattened. A document without
    /// explicit breaks has one part.
    public var pageParts: [String] {
        body.split(separator: Self.pageBreak, omittingEmptySubsequences: false)
            .map { $0.map { Self.normalise($0) }.filter { !$0.isEmpty }.joined(separator: " ") }
            .filter { !$0.isEmpty }
    }

    /// The paragraphs of the header and the footer, normalised, without empty ones.
    public var headerText: String { header.map { Self.normalise($0) }.filter { !$0.isEmpty }.joined(separator: " ") }
    public var footerText: String { footer.map { Self.normalise($0) }.filter { !$0.isEmpty }.joined(separator: " ") }
}

extension String {
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}

// MARK: - Formats

extension DocumentText {
    /// An ODT package.
    public init(odt data: Data) throws {
        let parts = try Self.unzip(data)
        guard let content = parts["content.xml"] else { throw ReadError(description: "no content.xml") }
        let styles = parts["styles.xml"] ?? Data()
        // Paragraph styles that start a page, from both style sheets (named and automatic).
        let breaking = StyleSheet.odf([styles, content])
        let body = try MarkupText.read(content, dialect: .odf(breakingStyles: breaking), region: "office:body")
        let header = try MarkupText.read(styles, dialect: .odf(breakingStyles: breaking), region: "style:header")
        let footer = try MarkupText.read(styles, dialect: .odf(breakingStyles: breaking), region: "style:footer")
        self.init(header: header, body: body, footer: footer)
    }

    /// A DOCX package.
    public init(docx data: Data) throws {
        let parts = try Self.unzip(data)
        guard let document = parts["word/document.xml"] else { throw ReadError(description: "no word/document.xml") }
        let breaking = StyleSheet.wordprocessing(parts["word/styles.xml"] ?? Data())
        let dialect = MarkupText.Dialect.wordprocessing(breakingStyles: breaking)
        func read(prefix: String) throws -> [String] {
            try parts.keys.filter { $0.hasPrefix("word/\(prefix)") && $0.hasSuffix(".xml") }.sorted()
                .flatMap { try MarkupText.read(parts[$0]!, dialect: dialect, region: nil) }
        }
        self.init(header: try read(prefix: "header"), body: try MarkupText.read(document, dialect: dialect, region: "w:body"),
                  footer: try read(prefix: "footer"))
    }

    /// An HTML page as Trame writes it (well-formed XML).
    public init(html data: Data) throws {
        let breaking = StyleSheet.css(String(decoding: data, as: UTF8.self))
        let dialect = MarkupText.Dialect.html(breakingClasses: breaking)
        let body = try MarkupText.read(data, dialect: dialect, region: "main")
        let header = try MarkupText.read(data, dialect: dialect, region: "header")
            + MarkupText.read(data, dialect: dialect, region: "div", withClass: "draft-mark")
        self.init(header: header, body: body, footer: [])
    }

    /// Every file of a ZIP package (ODT, DOCX) by path.
    public static func unzip(_ data: Data) throws -> [String: Data] {
        let archive = try Archive(data: data, accessMode: .read)
        var parts: [String: Data] = [:]
        for entry in archive where entry.type == .file {
            var bytes = Data()
            _ = try archive.extract(entry, skipCRC32: false) { bytes.append($0) }
            parts[entry.path] = bytes
        }
        return parts
    }
}
