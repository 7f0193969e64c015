import Foundation
import TrameModel

/// A YAML tree as the application writes it: block mappings and sequences, scalars plain or
/// double-quoted. Keys keep the order given (the format's order).
indirect enum YAMLNode: Equatable {
    case scalar(String, quoted: Bool)
    case list([YAMLNode])
    case map([(String, YAMLNode)])

    static func == (a: YAMLNode, b: YAMLNode) -> Bool {
        switch (a, b) {
        case let (.scalar(x, p), .scalar(y, q)): return x == y && p == q
        case let (.list(x), .list(y)): return x == y
        case let (.map(x), .map(y)): return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// A text value: plain when it reads back as the same text, double-quoted otherwise.
    static func text(_ s: String) -> YAMLNode { .scalar(s, quoted: !YAMLWriter.isPlainText(s)) }

    /// A value typed as a number, date, boolean, word or identifier: plain unless YAML would misread it.
    static func word(_ s: String) -> YAMLNode { .scalar(s, quoted: !YAMLWriter.isPlainSafe(s)) }

    /// The YAML of a checked value tree: every value kept, comments aside.
    init(_ node: DataNode) {
        switch node.value {
        case .text(let s): self = .text(s)
        case .integer(let i): self = .scalar(String(i), quoted: false)
        case .decimal(let d): self = .scalar("\(d)", quoted: false)
        case .boolean(let b): self = .scalar(b ? "true" : "false", quoted: false)
        case .date(let d): self = .scalar(d.description, quoted: false)
        case .list(let items): self = .list(items.map(YAMLNode.init))
        case .object(let object): self = .map(object.entries.map { ($0.key, YAMLNode($0.node)) })
        }
    }
}

/// Writes `YAMLNode` trees as UTF-8 YAML that `ModelLoader` reads back to the same values.
enum YAMLWriter {
    /// The document, with a header comment.
    static func document(_ root: YAMLNode, header: String) -> Data {
        var out = header.split(separator: "\n").map { "# \($0)\n" }.joined()
        if case .map(let pairs) = root { write(pairs, indent: 0, into: &out) } else { out += scalarText(root) + "\n" }
        return Data(out.utf8)
    }

    private static func write(_ pairs: [(String, YAMLNode)], indent: Int, into out: inout String, firstInline: Bool = false) {
        let pad = String(repeating: " ", count: indent)
        for (index, (key, value)) in pairs.enumerated() {
            out += (firstInline && index == 0 ? "" : pad) + key + ":"
            write(value, indent: indent, into: &out)
        }
    }

    /// The value after `key:` (same line for scalars and empty collections, next lines otherwise).
    private static func write(_ value: YAMLNode, indent: Int, into out: inout String) {
        switch value {
        case .scalar: out += " " + scalarText(value) + "\n"
        case .list(let items) where items.isEmpty: out += " []\n"
        case .map(let pairs) where pairs.isEmpty: out += " {}\n"
        case .map(let pairs):
            out += "\n"
            write(pairs, indent: indent + 2, into: &out)
        case .list(let items):
            out += "\n"
            writeItems(items, indent: indent + 2, into: &out)
        }
    }

    private static func writeItems(_ items: [YAMLNode], indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        for item in items {
            switch item {
            case .scalar: out += pad + "- " + scalarText(item) + "\n"
            case .map(let pairs) where !pairs.isEmpty:
                out += pad + "- "
                write(pairs, indent: indent + 2, into: &out, firstInline: true)
            case .map: out += pad + "- {}\n"
            case .list(let inner) where inner.isEmpty: out += pad + "- []\n"
            case .list(let inner):
                out += pad + "-\n"
                writeItems(inner, indent: indent + 2, into: &out)
            }
        }
    }

    private static func scalarText(_ node: YAMLNode) -> String {
        guard case .scalar(let s, let quoted) = node else { return "" }
        return quoted ? quote(s) : s
    }

    /// `"…"` with YAML double-quoted escapes (not `JSONString`: YAML must also escape C1 controls,
    /// the byte-order mark and the Unicode line separators to read back the same text).
    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || scalar.value == 0xFEFF || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    out += String(format: "\\u%04X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Whether `s` can be written plain and read back as the same string (whatever its type).
    static func isPlainSafe(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last,
              first != " ", last != " " else { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
        if s.contains(": ") || s.contains(" #") || s.hasSuffix(":") { return false }
        return s.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value) && $0 != "\u{FEFF}" }
    }

    /// Whether a text can be written plain: safe, and not something YAML readers type as a number,
    /// a boolean, a null or a date (so that the file reads the same to people and tools).
    static func isPlainText(_ s: String) -> Bool {
        guard isPlainSafe(s) else { return false }
        let lower = s.lowercased()
        if ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"].contains(lower) { return false }
        if s.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E" || $0 == "_" || $0 == ":" }) { return false }
        return !(s.hasPrefix("0x") || s.hasPrefix("0o") || s.hasPrefix(".inf") || s.hasPrefix(".nan"))
    }
}
