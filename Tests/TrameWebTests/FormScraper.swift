import Foundation
import TrameModel

/// Reads back what a browser would submit from a rendered form (inputs, text areas, selected options).
enum FormScraper {
    static func fields(_ html: String) -> [(String, String)] {
        var out: [(String, String)] = []
        for match in html.matches(of: /<input type="(?:text|date)" id="[^"]*" name="([^"]*)" value="([^"]*)"/) {
            out.append((unescape(String(match.1)), unescape(String(match.2))))
        }
        for match in html.matches(of: /<textarea id="[^"]*" name="([^"]*)"[^>]*>([^<]*)<\/textarea>/) {
            out.append((unescape(String(match.1)), unescape(String(match.2))))
        }
        // Checked boxes (the people present at a review): one value each, as a browser sends them.
        for match in html.matches(of: /<input type="checkbox" id="[^"]*" name="([^"]*)" value="([^"]*)" checked>/) {
            out.append((unescape(String(match.1)), unescape(String(match.2))))
        }
        for match in html.matches(of: /<select id="[^"]*" name="([^"]*)"[^>]*>(.*?)<\/select>/) {
            let selected = String(match.2).firstMatch(of: /<option value="([^"]*)" selected>/).map { String($0.1) } ?? ""
            out.append((unescape(String(match.1)), unescape(selected)))
        }
        return out
    }

    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The values of a file as `path=value` lines (no positions): what « no data lost » compares.
    static func values(_ data: Data) -> [String] {
        guard let root = ModelLoader.read(data: data, name: "dossier.yaml").root else { return [] }
        var lines: [String] = []
        func walk(_ node: DataNode) {
            switch node.value {
            case .object(let o): o.entries.forEach { walk($0.node) }
            case .list(let items):
                if items.isEmpty { lines.append("\(node.path)=[]") }
                items.forEach(walk)
            case .text(let s): lines.append("\(node.path)=\(s)")
            case .integer(let i): lines.append("\(node.path)=\(i)")
            case .decimal(let d): lines.append("\(node.path)=\(d)")
            case .boolean(let b): lines.append("\(node.path)=\(b)")
            case .date(let d): lines.append("\(node.path)=\(d)")
            }
        }
        walk(root)
        return lines.sorted()
    }
}
