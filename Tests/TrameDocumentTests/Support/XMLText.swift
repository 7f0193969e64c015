import Foundation
@testable import TrameDocument
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses XML written by the writers: reports whether it is well-formed and extracts its text,
/// turning the formats' tab, line-break and space markup back into characters and ending each
/// paragraph-like element with a line feed.
struct XMLText {
    let isWellFormed: Bool
    let error: String?
    let text: String

    init(_ data: Data) {
        let parser = XMLParser(data: data)
        let collector = Collector()
        parser.delegate = collector
        // FoundationXML may return `true` after recovering from an error: check both.
        let parsed = parser.parse()
        error = parser.parserError.map { "\($0)" }
        isWellFormed = parsed && error == nil
        text = collector.text
    }

    init(_ string: String) { self.init(Data(string.utf8)) }

    private final class Collector: NSObject, XMLParserDelegate {
        var text = ""
        static let tabs: Set<String> = ["text:tab", "w:tab"]
        static let breaks: Set<String> = ["text:line-break", "w:br", "br"]
        static let blocks: Set<String> = ["text:p", "text:h", "w:p", "p", "h1", "h2", "h3", "h4", "li", "title"]

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            if Self.tabs.contains(name) { text += "\t" }
            if Self.breaks.contains(name) { text += "\n" }
            if name == "text:s" { text += String(repeating: " ", count: Int(attributes["text:c"] ?? "1") ?? 1) }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if Self.blocks.contains(name) { text += "\n" }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    }
}

/// A package read back: its entries in order.
struct Package {
    let entries: [(path: String, data: Data, compressed: Bool)]

    init(_ data: Data) throws {
        entries = try ZipPackager.entries(of: data)
    }

    var paths: [String] { entries.map(\.path) }

    func data(_ path: String) -> Data? { entries.first { $0.path == path }?.data }

    func string(_ path: String) -> String { data(path).map { String(decoding: $0, as: UTF8.self) } ?? "" }

    func text(_ path: String) -> XMLText { XMLText(data(path) ?? Data()) }
}

extension String {
    /// The number of non-overlapping occurrences of `substring`.
    func occurrences(of substring: String) -> Int { components(separatedBy: substring).count - 1 }
}
