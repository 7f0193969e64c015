import Foundation
import TrameModel

/// A small JSON writer for the API (keys in the order given, strings escaped).
indirect enum JSONText: Sendable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSONText])
    case ordered([(String, JSONText)])
    /// Already serialised JSON.
    case raw(String)

    /// `{"a": …}` with keys sorted.
    static func object(_ values: [String: JSONText]) -> String {
        JSONText.ordered(values.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }).rendered
    }

    var rendered: String {
        switch self {
        case .string(let s): return Self.quote(s)
        case .int(let i): return String(i)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .raw(let r): return r
        case .array(let items): return "[" + items.map(\.rendered).joined(separator: ",") + "]"
        case .ordered(let pairs): return "{" + pairs.map { Self.quote($0.0) + ":" + $0.1.rendered }.joined(separator: ",") + "}"
        }
    }

    static func quote(_ s: String) -> String { JSONString.quoted(s, forHTML: true) }
}
