import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads the paragraphs of one region of an ODF, WordprocessingML or HTML part (see ``DocumentText``).
enum MarkupText {
    enum Dialect {
        /// Paragraph styles with `fo:break-before="page"` (directly or through a parent).
        case odf(breakingStyles: Set<String>)
        /// Paragraph styles with `w:pageBreakBefore` (directly or through `w:basedOn`).
        case wordprocessing(breakingStyles: Set<String>)
        /// CSS classes with `break-before: page`.
        case html(breakingClasses: Set<String>)
    }

    /// The paragraphs inside every element named `region` (the whole part if `nil`), optionally
    /// only those elements whose `class` holds `withClass`.
    static func read(_ data: Data, dialect: Dialect, region: String?, withClass: String? = nil) throws -> [String] {
        let parser = XMLParser(data: data)
        let collector = Collector(dialect: dialect, region: region, regionClass: withClass)
        parser.delegate = collector
        // FoundationXML may return `true` after recovering from an error: check both.
        guard parser.parse(), parser.parserError == nil else {
            throw DocumentText.ReadError(description: "malformed XML: \(parser.parserError.map { "\($0)" } ?? "unknown error")")
        }
        collector.flush()
        return collector.paragraphs
    }

    private final class Collector: NSObject, XMLParserDelegate {
        let dialect: Dialect
        let region: String?
        let regionClass: String?
        var paragraphs: [String] = []
        var buffer = ""
        /// The depth of the element that opened the region (nil: outside), of a skipped element, and now.
        var regionDepth: Int?
        var skipDepth: Int?
        var depth = 0
        /// Inside `w:pPr`, where `w:tab` is a tab stop, not a tab.
        var inParagraphProperties = false

        init(dialect: Dialect, region: String?, regionClass: String?) {
            self.dialect = dialect
            self.region = region
            self.regionClass = regionClass
            regionDepth = region == nil ? 0 : nil
        }

        static let odfBlocks: Set<String> = ["text:p", "text:h", "text:list-item", "table:table-cell", "table:table-row"]
        static let wordBlocks: Set<String> = ["w:p", "w:tc", "w:tr"]
        static let htmlBlocks: Set<String> = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "tr", "table", "ol", "ul",
                                              "div", "header", "main", "section", "article", "body", "footer"]
        // A picture's alternative text (ODF `svg:title`, `svg:desc`) is not text of the paragraph it sits in.
        static let skipped: Set<String> = ["style", "script", "head", "w:instrText", "w:delText", "text:tracked-changes", "svg:title", "svg:desc",
                                           "office:annotation"]

        func flush() {
            if !buffer.allSatisfy({ $0.isWhitespace }) { paragraphs.append(buffer) }
            buffer = ""
        }

        func pageBreak() {
            flush()
            paragraphs.append(DocumentText.pageBreak)
        }

        func isBlock(_ name: String) -> Bool {
            switch dialect {
            case .odf: Self.odfBlocks.contains(name)
            case .wordprocessing: Self.wordBlocks.contains(name)
            case .html: Self.htmlBlocks.contains(name)
            }
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            depth += 1
            if regionDepth == nil, name == region,
               regionClass.map({ (attributes["class"] ?? "").split(separator: " ").contains(Substring($0)) }) ?? true {
                regionDepth = depth
            }
            guard regionDepth != nil, skipDepth == nil else { return }
            if Self.skipped.contains(name) {
                skipDepth = depth
                return
            }
            if isBlock(name) { flush() }
            switch dialect {
            case .odf(let breaking):
                switch name {
                case "text:p", "text:h": if let style = attributes["text:style-name"], breaking.contains(style) { pageBreak() }
                case "text:s": buffer += String(repeating: " ", count: Int(attributes["text:c"] ?? "1") ?? 1)
                case "text:tab": buffer += "\t"
                case "text:line-break": buffer += "\n"
                default: break
                }
            case .wordprocessing(let breaking):
                switch name {
                case "w:pPr": inParagraphProperties = true
                case "w:pStyle": if let style = attributes["w:val"], breaking.contains(style) { pageBreak() }
                case "w:pageBreakBefore": if StyleSheet.isOn(attributes["w:val"]) { pageBreak() }
                case "w:tab": if !inParagraphProperties { buffer += "\t" }
                case "w:br": if attributes["w:type"] == "page" { pageBreak() } else { buffer += "\n" }
                case "w:cr": buffer += "\n"
                case "w:noBreakHyphen": buffer += "\u{2011}"
                default: break
                }
            case .html(let breaking):
                if name == "br" { buffer += "\n" }
                if let classes = attributes["class"], classes.split(separator: " ").contains(where: { breaking.contains(String($0)) }) {
                    pageBreak()
                }
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            defer {
                if depth == skipDepth { skipDepth = nil }
                if depth == regionDepth, region != nil {
                    flush()
                    regionDepth = nil
                }
                depth -= 1
            }
            guard regionDepth != nil, skipDepth == nil else { return }
            if name == "w:pPr" { inParagraphProperties = false }
            if isBlock(name) { flush() }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard regionDepth != nil, skipDepth == nil else { return }
            buffer += string
        }
    }
}

/// Which paragraph styles (or CSS classes) start a new page.
enum StyleSheet {
    /// `style:style` elements of ODF style sheets whose paragraph properties (or a parent's) say
    /// `fo:break-before="page"`.
    static func odf(_ parts: [Data]) -> Set<String> {
        let reader = StyleReader(name: "style:style", id: "style:name", parent: ("style:parent-style-name", nil)) { element, attributes in
            element == "style:paragraph-properties" && attributes["fo:break-before"] == "page"
        }
        for part in parts { reader.parse(part) }
        return reader.breakingStyles
    }

    /// `w:style` elements of `word/styles.xml` with `w:pageBreakBefore` (or based on one that has it).
    static func wordprocessing(_ part: Data) -> Set<String> {
        let reader = StyleReader(name: "w:style", id: "w:styleId", parent: ("w:basedOn", "w:val")) { element, attributes in
            element == "w:pageBreakBefore" && isOn(attributes["w:val"])
        }
        reader.parse(part)
        return reader.breakingStyles
    }

    /// The classes of CSS rules `.name { … break-before: page … }` (or `page-break-before: always`).
    static func css(_ page: String) -> Set<String> {
        let rule = try! NSRegularExpression(pattern: #"\.([A-Za-z0-9_-]+)\s*\{[^}]*(?:break-before\s*:\s*page|page-break-before\s*:\s*always)"#)
        let ns = page as NSString
        return Set(rule.matches(in: page, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 1)) })
    }

    /// An OOXML on/off value: absent, `true`, `1` or `on`.
    static func isOn(_ value: String?) -> Bool { value.map { ["true", "1", "on"].contains($0) } ?? true }

    private final class StyleReader: NSObject, XMLParserDelegate {
        let name: String
        let id: String
        /// The parent: an attribute of the style element, or an element with a value attribute.
        let parent: (String, String?)
        let breaks: (String, [String: String]) -> Bool
        var current: String?
        var parents: [String: String] = [:]
        var direct: Set<String> = []

        init(name: String, id: String, parent: (String, String?), breaks: @escaping (String, [String: String]) -> Bool) {
            self.name = name
            self.id = id
            self.parent = parent
            self.breaks = breaks
        }

        func parse(_ data: Data) {
            let parser = XMLParser(data: data)
            parser.delegate = self
            _ = parser.parse()
        }

        var breakingStyles: Set<String> {
            Set(Set(parents.keys).union(direct).filter { style in
                var seen: Set<String> = []
                var next: String? = style
                while let candidate = next, seen.insert(candidate).inserted {
                    if direct.contains(candidate) { return true }
                    next = parents[candidate]
                }
                return false
            })
        }

        func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            if element == name {
                current = attributes[id]
                if parent.1 == nil, let current, let value = attributes[parent.0] { parents[current] = value }
            }
            guard let current else { return }
            if let valueAttribute = parent.1, element == parent.0, let value = attributes[valueAttribute] { parents[current] = value }
            if breaks(element, attributes) { direct.insert(current) }
        }

        func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
            if element == name { current = nil }
        }
    }
}
