import Foundation
import TrameAccounts
import TrameModel
import TrameTemplates

/// A dossier's data (already narrowed to what the role may see) as sections of labelled values.
struct DataView {
    /// Party ids → names, to show `bailleur-exemple-1` as its denomination.
    let parties: [String: String]
    /// The links of the evaluations section (history; correction and withdrawal), if any.
    var evaluationLinks: EvaluationLinks? = nil

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
            if entry.key == "evaluations", let links = evaluationLinks { Self.attach(links.section(), to: &items) }
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
                let withdrawn = node.path.schemaPath == "evaluations" ? element["retrait"]?["date"]?.date : nil
                if let withdrawn { title += " (retirée le \(Self.french(withdrawn)))" }
                var sink: [[String: String]] = []
                open(title, id: "", level: min(level, 4), into: &items, sections: &sink)
                if node.path.schemaPath == "evaluations", let links = evaluationLinks, let date = element["date"]?.date, withdrawn == nil {
                    Self.attach(links.evaluation(date), to: &items)
                }
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
        ["open": open, "close": close, "row": !open && !close, "label": label, "value": value, "title": "", "id": "", "hasId": false, "level": 2,
         "actions": [[String: String]](), "hasActions": false]
    }

    /// Links shown under the last opened heading.
    private static func attach(_ links: [[String: String]], to items: inout [[String: Any]]) {
        guard !links.isEmpty, !items.isEmpty else { return }
        items[items.count - 1]["actions"] = links
        items[items.count - 1]["hasActions"] = true
    }

    /// A value as people read it: « oui », amounts with a comma and €, dates JJ/MM/AAAA, labels of coded values.
    func format(_ node: DataNode) -> String {
        let spec = FormatSchemas.dossier.field(at: node.path.schemaPath)?.spec
        switch node.value {
        case .text(let s):
            if case .enumeration = spec?.type { return ValueLabels.label(for: s) ?? s }
            // Parties and conventions by name only (issue 16: names, not identifiers).
            if case .identifier = spec?.type, let name = parties[s] { return name }
            if case .list(.text) = spec?.type { return s == PlainWords.person.id ? PlainWords.person.name : parties[s] ?? ValueLabels.label(for: s) ?? s }
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

/// The links of a dossier page's evaluations (issue 16): its history for every partner who opens
/// it; correcting and withdrawing an evaluation for the roles that edit dossiers.
struct EvaluationLinks {
    let dossierHref: String
    let mayEdit: Bool

    init(_ opened: OpenedDossier) {
        dossierHref = "/dossiers/\(Paths.escape(opened.dossier.id))"
        mayEdit = Access.mayManageDossiers(opened.session.account)
    }

    func section() -> [[String: String]] {
        [["href": dossierHref + "/historique", "label": "Historique des versions, corrections et retraits"]]
    }

    func evaluation(_ date: CalendarDate) -> [[String: String]] {
        guard mayEdit else { return [] }
        let day = DataView.french(date)
        return [["href": "\(dossierHref)/evaluations/\(date)/corriger", "label": "Corriger l'évaluation du \(day)"],
                ["href": "\(dossierHref)/evaluations/\(date)/retirer", "label": "Retirer l'évaluation du \(day)"]]
    }
}
