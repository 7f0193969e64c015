import Foundation
import TrameModel
import TrameTemplates

/// A canonical text form of a value tree, for hashing: keys sorted, decimals as exact text, dates
/// as AAAA-MM-JJ, no positions. The same data always gives the same text, whatever file it came from.
public enum CanonicalData {
    /// Canonical JSON of a tree.
    public static func json(_ node: DataNode) -> String {
        var out = ""
        write(node.value, into: &out)
        return out
    }

    /// Lower-case hex SHA-256 of the canonical JSON.
    public static func sha256(_ node: DataNode) -> String { hex(json(node)) }

    /// One hash per leaf value, by path (`logement.etage`, `evaluations[0].date`), for telling which
    /// fields changed without keeping the values.
    public static func fieldHashes(_ node: DataNode) -> [String: String] {
        var result: [String: String] = [:]
        func walk(_ node: DataNode, _ path: String) {
            switch node.value {
            case .object(let object):
                for entry in object.entries { walk(entry.node, path.isEmpty ? entry.key : "\(path).\(entry.key)") }
            case .list(let items):
                if items.isEmpty { result[path] = hex("[]") }
                for (i, item) in items.enumerated() { walk(item, "\(path)[\(i)]") }
            default:
                var text = ""
                write(node.value, into: &text)
                result[path] = hex(path + "=" + text)
            }
        }
        walk(node, "")
        return result
    }

    /// Lower-case hex SHA-256 of bytes.
    public static func sha256(of data: Data) -> String {
        Fingerprint.sha256(data)
    }

    static func hex(_ text: String) -> String {
        Fingerprint.sha256(text)
    }

    private static func write(_ value: DataValue, into out: inout String) {
        switch value {
        case .text(let s): quote(s, into: &out)
        case .integer(let i): out += String(i)
        case .decimal(let d): quote("\(d)", into: &out)
        case .boolean(let b): out += b ? "true" : "false"
        case .date(let d): quote(d.description, into: &out)
        case .list(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                write(item.value, into: &out)
            }
            out += "]"
        case .object(let object):
            out += "{"
            for (i, entry) in object.entries.sorted(by: { $0.key < $1.key }).enumerated() {
                if i > 0 { out += "," }
                quote(entry.key, into: &out)
                out += ":"
                write(entry.node.value, into: &out)
            }
            out += "}"
        }
    }

    private static func quote(_ s: String, into out: inout String) { JSONString.append(s, to: &out) }
}
