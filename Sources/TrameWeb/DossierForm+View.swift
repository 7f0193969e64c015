import Foundation
import TrameModel
import TrameTemplates

extension DossierForm {
    /// The values of the form template: the items (each with every key, so that Mustache never
    /// looks a missing key up in an enclosing item), the section links and the general diagnostics.
    func view() -> [String: Any] {
        let items = items()
        let (byPath, general) = placedDiagnostics(items)
        var rows: [[String: Any]] = []
        var sections: [[String: String]] = []
        for item in items {
            let id = Self.htmlID(item.path)
            let errors = byPath[item.path.description] ?? []
            var row: [String: Any] = [
                "open": item.kind == .open, "close": item.kind == .close, "field": item.kind == .field, "extra": item.extra,
                "legend": item.label, "label": item.label, "id": id, "name": item.path.description, "required": item.required,
                "errors": errors, "hasErrors": !errors.isEmpty, "depth": min(item.depth, 3), "value": "",
                "input": false, "textarea": false, "select": false, "options": [[String: Any]](), "attributes": "",
            ]
            if item.kind == .open, item.depth == 0 { sections.append(["id": id, "label": item.label]) }
            if item.kind == .field { control(item, id: id, hasErrors: !errors.isEmpty, into: &row) }
            rows.append(row)
        }
        return ["items": rows, "sections": sections, "general": general, "hasGeneral": !general.isEmpty]
    }

    private func control(_ item: Item, id: String, hasErrors: Bool, into row: inout [String: Any]) {
        let value = values[item.path.description] ?? ""
        row["value"] = value
        var attributes: [(String, String?)] = []
        if hasErrors { attributes += [("aria-invalid", "true"), ("aria-describedby", id + "-erreur")] }
        if item.required { attributes.append(("aria-required", "true")) }
        let key = item.path.schemaPath.split(separator: ".").last.map(String.init) ?? ""
        switch item.type {
        case .enumeration(let allowed):
            row["select"] = true
            row["options"] = options([("", "—")] + allowed.map { ($0, ValueLabels.label(for: $0) ?? $0) }, selected: value)
        case .boolean:
            row["select"] = true
            row["options"] = options([("", "—"), ("true", "oui"), ("false", "non")], selected: value)
        case .list:
            row["textarea"] = true
            row["label"] = item.label + " (un par ligne)"
            attributes.append(("rows", "3"))
        case .text where FieldLabels.longTexts.contains(key):
            row["textarea"] = true
            attributes.append(("rows", "4"))
        default:
            row["input"] = true
            switch item.type {
            case .integer: attributes.append(("inputmode", "numeric"))
            case .decimal: attributes += [("inputmode", "decimal"), ("placeholder", "0,00")]
            case .date: attributes += [("placeholder", "JJ/MM/AAAA"), ("autocomplete", "off")]
            case .identifier where key != "convention": attributes.append(("list", "parties"))
            default: break
            }
            if item.path.description == "dossier", !isNew { attributes.append(("readonly", nil)) }
        }
        row["attributes"] = attributes.map { name, value in " \(name)" + (value.map { "=\"\(HTML.escape($0))\"" } ?? "") }.joined()
    }

    /// Select options; a value that is not among them is kept as an extra option (nothing typed is lost).
    private func options(_ choices: [(String, String)], selected: String) -> [[String: Any]] {
        var list = choices.map { ["value": $0.0, "label": $0.1, "selected": $0.0 == selected] as [String: Any] }
        if !selected.isEmpty, !choices.contains(where: { $0.0 == selected }) {
            list.append(["value": selected, "label": "« \(selected) » (valeur non reconnue)", "selected": true])
        }
        return list
    }

    /// `evaluations[0].partie_partagee` → `f-evaluations-0-partie_partagee`.
    static func htmlID(_ path: FieldPath) -> String {
        "f-" + path.components.map { c -> String in
            switch c {
            case .key(let k): return k
            case .index(let i): return String(i)
            }
        }.joined(separator: "-")
    }
}

/// HTML escaping for the few attributes built in Swift.
enum HTML {
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
