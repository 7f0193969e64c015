import Foundation

/// A small streaming XML writer that appends UTF-8 bytes to a buffer.
///
/// It never indents or adds whitespace of its own, so the text of a paragraph is exactly what
/// the caller writes. Text and attribute values are escaped and stripped of the characters
/// XML 1.0 forbids (see ``XMLWriter/text(_:)``); element and attribute names are trusted and
/// written as given, attributes in the order given.
///
/// ```swift
/// var xml = XMLWriter()
/// xml.declaration()
/// xml.start("w:p")
/// xml.empty("w:pStyle", ["w:val": "Title"])
/// xml.text("O'Brien & <Fils>")
/// xml.end("w:p")
/// ```
public struct XMLWriter: Sendable {
    /// The UTF-8 bytes written so far.
    public internal(set) var bytes: [UInt8]

    /// Creates an empty writer.
    /// - Parameter capacity: The number of bytes to reserve up front.
    public init(capacity: Int = 4096) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// The output as a string.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// The output as `Data`.
    public var data: Data { Data(bytes) }

    /// Writes the XML declaration followed by a newline.
    /// - Parameter standalone: Whether to add `standalone="yes"` (as Office Open XML parts do).
    public mutating func declaration(standalone: Bool = false) {
        if standalone {
            raw(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#)
        } else {
            raw(#"<?xml version="1.0" encoding="UTF-8"?>"#)
        }
        bytes.append(0x0A)
    }

    /// Writes a start tag: `<name a="v" …>`.
    public mutating func start(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        openTag(name)
        for (key, value) in attributes { attribute(key, value) }
        bytes.append(UInt8(ascii: ">"))
    }

    /// Writes an empty element: `<name a="v" …/>`.
    public mutating func empty(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        openTag(name)
        for (key, value) in attributes { attribute(key, value) }
        closeEmptyTag()
    }

    /// Writes an end tag: `</name>`.
    public mutating func end(_ name: String) {
        bytes.append(UInt8(ascii: "<"))
        bytes.append(UInt8(ascii: "/"))
        raw(name)
        bytes.append(UInt8(ascii: ">"))
    }

    /// Writes an element that contains only text: `<name …>text</name>`.
    public mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String) {
        start(name, attributes)
        self.text(text)
        end(name)
    }

    /// Begins a start tag (`<name`) whose attributes follow with ``attribute(_:_:)``; finish it with
    /// ``closeTag()`` or ``closeEmptyTag()``.
    public mutating func openTag(_ name: String) {
        bytes.append(UInt8(ascii: "<"))
        raw(name)
    }

    /// Writes one attribute inside a tag opened with ``openTag(_:)``; the value is escaped.
    public mutating func attribute(_ name: String, _ value: some StringProtocol) {
        bytes.append(0x20)
        raw(name)
        bytes.append(UInt8(ascii: "="))
        bytes.append(UInt8(ascii: "\""))
        appendEscaped(value, mode: .attribute)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Ends a tag opened with ``openTag(_:)``: `>`.
    public mutating func closeTag() { bytes.append(UInt8(ascii: ">")) }

    /// Ends a tag opened with ``openTag(_:)`` as an empty element: `/>`.
    public mutating func closeEmptyTag() {
        bytes.append(UInt8(ascii: "/"))
        bytes.append(UInt8(ascii: ">"))
    }

    /// Writes character data, escaping `& < >` (so `]]>` cannot occur), writing a carriage return
    /// as `&#13;` and dropping the characters XML 1.0 forbids: C0 controls other than tab, line feed
    /// and carriage return, and U+FFFE / U+FFFF.
    public mutating func text(_ string: some StringProtocol) {
        appendEscaped(string, mode: .text)
    }

    /// Writes trusted markup as is, without escaping. Never pass user data.
    public mutating func raw(_ markup: String) {
        var markup = markup
        markup.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends another writer's output as is.
    public mutating func append(_ other: XMLWriter) {
        bytes.append(contentsOf: other.bytes)
    }
}
