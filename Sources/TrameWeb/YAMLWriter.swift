import Foundation
import TrameModel
import Yams

/// A YAML tree as the application writes it: mappings (keys in the format's order), sequences and
/// scalars, each scalar a free text or a word (number, date, boolean, identifier).
indirect enum YAMLNode: Equatable {
    case scalar(String, isText: Bool)
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

    /// A free text: always read back as the same text, whatever it holds.
    static func text(_ s: String) -> YAMLNode { .scalar(s, isText: true) }

    /// A value typed as a number, date, boolean, word or identifier: written plain when it can be.
    static func word(_ s: String) -> YAMLNode { .scalar(s, isText: false) }

    /// The YAML of a checked value tree: every value kept, comments aside.
    init(_ node: DataNode) {
        switch node.value {
        case .text(let s): self = .text(s)
        case .integer(let i): self = .word(String(i))
        case .decimal(let d): self = .word("\(d)")
        case .boolean(let b): self = .word(b ? "true" : "false")
        case .date(let d): self = .word(d.description)
        case .list(let items): self = .list(items.map(YAMLNode.init))
        case .object(let object): self = .map(object.entries.map { ($0.key, YAMLNode($0.node)) })
        }
    }
}

/// Writes `YAMLNode` trees with libyaml's emitter (through Yams): the structure is the emitter's
/// business, never string concatenation, so no value can add a key or a line (issue 16).
///
/// Style of each scalar: double-quoted (every unusual character escaped: line and paragraph
/// separators, byte-order mark, controls, noncharacters…) unless the value is ordinary printable
/// text that YAML reads back as the same string; then plain, or single-quoted when libyaml judges
/// plain unsafe (`: `, ` #`, a leading `-`, `*`, `&`, `!`…).
enum YAMLWriter {
    /// The document, with a header comment.
    static func document(_ root: YAMLNode, header: String) -> Data {
        let comment = header.split(separator: "\n").map { "# \($0)\n" }.joined()
        // Never fails for trees of strings (no anchors, tags or invalid events); a failure would be a
        // libyaml bug, written as an empty mapping that the checks then refuse.
        let body = (try? Yams.serialize(node: node(root), indent: 2, width: -1, allowUnicode: true, lineBreak: .ln)) ?? "{}\n"
        return Data((comment + body).utf8)
    }

    static func node(_ tree: YAMLNode) -> Node {
        switch tree {
        case .scalar(let s, let isText):
            return .scalar(Node.Scalar(s, Tag(.str), style(s, isText: isText)))
        case .list(let items):
            return .sequence(Node.Sequence(items.map(node), Tag(.seq), .block))
        case .map(let pairs):
            return .mapping(Node.Mapping(pairs.map { (Node.scalar(Node.Scalar($0.0, Tag(.str), .plain)), node($0.1)) }, Tag(.map), .block))
        }
    }

    /// Plain (libyaml falls back to single quotes where plain is unsafe) only for ordinary text
    /// that resolves as the same kind of value; double-quoted otherwise.
    static func style(_ s: String, isText: Bool) -> Node.Scalar.Style {
        guard !s.isEmpty, s.unicodeScalars.allSatisfy(isOrdinary), s.first != " ", s.last != " ", !s.contains("  ") else {
            return .doubleQuoted
        }
        guard isText else { return .plain }
        let lower = s.lowercased()
        if ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"].contains(lower) { return .doubleQuoted }
        if Resolver.default.resolveTag(of: Node(s)) != .str { return .doubleQuoted }
        if s.allSatisfy({ $0.isNumber || "+-.:_eE".contains($0) }) { return .doubleQuoted }
        return .plain
    }

    /// A printable scalar that every YAML reader keeps as is in a one-line scalar.
    private static func isOrdinary(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value >= 0x20 && scalar.value < 0x7F }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned, .spaceSeparator:
            return false
        default:
            return !scalar.properties.isNoncharacterCodePoint
        }
    }
}
