import Foundation
import TrameModel
import TrameTemplates

/// A dossier's data (already narrowed to what the role may see) as sections of labelled values.
struct DataView {
    /// Party ids → names, to show `bailleur-exemple-1` as its denomination.
    let parties: [String: String]

    /// Flattened items for the template: section and group openings and closings around rows, each
    /// item with every key.
    func items(_ root: DataNode) -> (items: [[String: Any]], sections: [[String: String]]) {
        var items: [[String: Any]] = []
        var sections: [[String: String]] = []
        guard let object = root.object else { return ([], []) }
        let scalars = object.entries.filter { $0.node.object == nil && $0.node.list == nil }
        if !scalars.isEmpty {
            open("Dossier", id: "d-identification", level: 2, into: &items, sections: &sections)
            scalars.forEach { row($0.node, into: &items) }
            items.append(item(close: true))
        }
        for entry in object.entries where !scalars.contains(where: { $0.key == entry.key }) {
            open(FieldLabels.label(entry.node.path.schemaPath), id: "d-" + entry.key, level: 2, into: &items, sections: &sections)
            walk(entry.node, level: 3, into: &items)
            items.append(item(close: true))
        }
        return (items, sections)
    }

    private func walk(_ node: DataNode, level: Int, into items: inout [[String: Any]]) {
        switch node.value {
        case .object(let object):
            for entry in object.entries {
                if entry.node.object != nil || (entry.node.list?.contains { $0.object != nil } ?? false) {
                    var sink: [[String: String]] = []
                    open(FieldLabels.label(entry.node.path.schemaPath), id: "", level: min(level, 4), into: &items, sections: &sink)
                    walk(entry.node, level: level + 1, into: &items)
                    items.append(item(close: true))
                } else {
                    row(entry.node, into: &items)
                }
            }
        case .list(let list) where list.contains(where: { $0.object != nil }):
            for (index, element) in list.enumerated() {
                var title = "\(FieldLabels.item(node.path.schemaPath)) n° \(index + 1)"
                if let date = element["date"]?.date { title += " — \(Self.french(date))" }
                var sink: [[String: String]] = []
                open(title, id: "", level: min(level, 4), into: &items, sections: &sink)
                walk(element, level: level + 1, into: &items)
                items.append(item(close: true))
            }
            if list.isEmpty { items.append(item(label: "—", value: "aucun")) }
        default:
            row(node, into: &items)
        }
    }

    private func open(_ title: String, id: String, level: Int, into items: inout [[String: Any]], sections: inout [[String: String]]) {
        var opening = item(open: true)
        opening["title"] = title
        opening["id"] = id
        opening["hasId"] = !id.isEmpty
        opening["level"] = level
        items.append(opening)
        if level == 2 { sections.append(["id": id, "label": title]) }
    }

    private func row(_ node: DataNode, into items: inout [[String: Any]]) {
        items.append(item(label: FieldLabels.label(node.path.schemaPath), value: format(node)))
    }

    private func item(open: Bool = false, close: Bool = false, label: String = "", value: String = "") -> [String: Any] {
        ["open": open, "close": close, "row": !open && !close, "label": label, "value": value, "title": "", "id": "", "hasId": false, "level": 2]
    }

    /// A value as people read it: « oui », amounts with a comma and €, dates JJ/MM/AAAA, labels of coded values.
    func format(_ node: DataNode) -> String {
        let spec = FormatSchemas.dossier.field(at: node.path.schemaPath)?.spec
        switch node.value {
        case .text(let s):
            if case .enumeration = spec?.type { return ValueLabels.label(for: s) ?? s }
            if case .identifier = spec?.type, let name = parties[s] { return "\(name) (\(s))" }
            if case .list(.text) = spec?.type { return parties[s] ?? ValueLabels.label(for: s) ?? s }
            return s
        case .integer(let i): return String(i)
        case .decimal(let d):
            var text = "\(d)".replacingOccurrences(of: ".", with: ",")
            if case .decimal(_, _, true) = spec?.type {
                if !text.contains(",") { text += ",00" } else if text.split(separator: ",").last?.count == 1 { text += "0" }
                return text + " €"
            }
            return text
        case .boolean(let b): return b ? "oui" : "non"
        case .date(let d): return Self.french(d)
        case .list(let items): return items.isEmpty ? "—" : items.map(format).joined(separator: ", ")
        case .object: return ""
        }
    }

    /// `14/03/1986`.
    static func french(_ date: CalendarDate) -> String {
        let d = date.description.split(separator: "-")
        return "\(d[2])/\(d[1])/\(d[0])"
    }
}
