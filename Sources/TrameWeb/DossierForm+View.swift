import Foundation
import TrameAccounts
import TrameDiagnostics
import TrameModel
import TrameTemplates

extension DossierForm {
    /// The values of the form template: the items (each with every key, so that Mustache never
    /// looks a missing key up in an enclosing item), the section links and the general diagnostics.
    func view() -> [String: Any] {
        let items = items()
        let byPath = placedDiagnostics(items).byPath
        var rows: [[String: Any]] = []
        var sections: [[String: String]] = []
        for item in items {
            let id = Self.htmlID(item.path)
            let errors = byPath[item.path.description] ?? []
            var row: [String: Any] = [
                "open": item.kind == .open, "close": item.kind == .close, "field": item.kind == .field, "extra": item.extra,
                "legend": item.label, "label": item.label, "id": id, "name": item.path.description, "required": item.required,
                "errors": errors, "hasErrors": !errors.isEmpty, "depth": min(item.depth, 3), "value": "",
                "input": false, "type": "text", "textarea": false, "select": false, "options": [[String: Any]](), "attributes": "",
            ]
            if item.kind == .open, item.depth == 0 { sections.append(["id": id, "label": item.label]) }
            let invalid = errors.contains { $0.hasPrefix(Diagnostic.Severity.error.rawValue + " ") }
            if item.kind == .field { control(item, id: id, hasErrors: !errors.isEmpty, invalid: invalid, into: &row) }
            rows.append(row)
        }
        let summary = errorSummary(items)
        // Errors are listed in the summary; the head of the form keeps the other general diagnostics.
        let warnings = DossierForm(clearance: clearance, values: values, isNew: isNew, diagnostics: diagnostics.filter { $0.severity != .error })
            .placedDiagnostics(items).general
        return ["items": rows, "sections": sections, "general": warnings, "hasGeneral": !warnings.isEmpty,
                "summary": summary, "errorCount": summary.count, "hasErrors": !summary.isEmpty]
    }

    /// The error summary at the head of the form: one entry per error, a link to the field (or
    /// fieldset) it is about when the form shows it, plain text otherwise (a rubric the role does not
    /// see, the whole dossier).
    func errorSummary(_ items: [Item]) -> [[String: Any]] {
        let rendered = Set(items.map(\.path.description))
        var places: [String: Item] = [:]
        for item in items where item.kind != .close { places[item.path.description] = item }
        return diagnostics.filter { $0.severity == .error }.map { d -> [String: Any] in
            let text = "[\(d.code)] \(d.message)"
            guard let path = d.path, !path.isEmpty else { return ["text": text, "hasLink": false, "href": "", "label": ""] }
            guard clearance.mayRead(field: path) else {
                return ["text": "[\(d.code)] une rubrique que votre rôle ne voit pas est à corriger : adressez-vous à la coordination",
                        "hasLink": false, "href": "", "label": ""]
            }
            guard let place = Self.place(path, rendered: rendered), let item = places[place] else {
                return ["text": "\(path) : \(text)", "hasLink": false, "href": "", "label": ""]
            }
            return ["text": text, "hasLink": true, "href": "#" + Self.htmlID(item.path), "label": item.label]
        }
    }

    private func control(_ item: Item, id: String, hasErrors: Bool, invalid: Bool, into row: inout [String: Any]) {
        let value = values[item.path.description] ?? ""
        row["value"] = value
        var attributes: [(String, String?)] = []
        if hasErrors { attributes.append(("aria-describedby", id + "-erreur")) }
        if invalid { attributes.append(("aria-invalid", "true")) }
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
            case .date:
                // The browser's date picker (it sends AAAA-MM-JJ, which the server takes as well as
                // « 14/03/1986 »), showing the date in the picker's format; a value that is not a
                // date stays a text field, so that what was typed is kept to be corrected.
                if value.trimmingCharacters(in: .whitespaces).isEmpty {
                    row["type"] = "date"
                } else if let day = CalendarDate(iso: FrenchInput.date(value)) {
                    row["type"] = "date"
                    row["value"] = day.description
                } else {
                    attributes += [("placeholder", "JJ/MM/AAAA"), ("autocomplete", "off")]
                }
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
