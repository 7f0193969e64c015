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
        let codes = placedCodes(items)
        let invalidPlaces = Set(DossierForm(clearance: clearance, values: values, isNew: isNew, diagnostics: diagnostics.filter { $0.severity == .error })
            .placedCodes(items).keys)
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
                "checkboxes": false, "choices": [[String: Any]](), "codes": codes[item.path.description]?.joined(separator: " ") ?? "",
            ]
            if item.kind == .open, item.depth == 0 { sections.append(["id": id, "label": item.label]) }
            let invalid = invalidPlaces.contains(item.path.description)
            if item.kind == .field { control(item, id: id, hasErrors: !errors.isEmpty, invalid: invalid, into: &row) }
            rows.append(row)
        }
        let summary = errorSummary(items)
        // Errors are listed in the summary; the head of the form keeps the other general diagnostics.
        let warnings = DossierForm(clearance: clearance, values: values, isNew: isNew, diagnostics: diagnostics.filter { $0.severity != .error })
            .placedDiagnostics(items).general
        return ["items": rows, "sections": sections, "general": warnings, "hasGeneral": !warnings.isEmpty,
                "summary": summary, "errorCount": summary.count, "hasErrors": !summary.isEmpty,
                "technicalDiagnostics": diagnostics.map(\.technical), "hasTechnicalDiagnostics": !diagnostics.isEmpty]
    }

    /// A sentence read after a field's label and a colon: « Nom : à remplir ».
    static func afterLabel(_ text: String) -> String {
        let letters = Array(text.prefix(2))
        guard letters.count == 2, letters[0].isUppercase, letters[1].isLowercase || letters[1] == "'" || letters[1] == " " else { return text }
        return letters[0].lowercased() + text.dropFirst()
    }

    /// The codes of the diagnostics placed on each item, for scripts and tests (`data-codes`): never
    /// shown to the partner, who reads the plain message.
    func placedCodes(_ items: [Item]) -> [String: [String]] {
        let rendered = Set(items.map(\.path.description))
        var codes: [String: [String]] = [:]
        for d in diagnostics {
            guard let path = d.path, clearance.mayRead(field: path), let place = Self.place(path, rendered: rendered) else { continue }
            codes[place, default: []].append(d.code.rawValue)
        }
        return codes
    }

    /// The error summary at the head of the form: one entry per error, a link to the field (or
    /// fieldset) it is about when the form shows it, plain text otherwise (a rubric the role does not
    /// see, the whole dossier).
    func errorSummary(_ items: [Item]) -> [[String: Any]] {
        let rendered = Set(items.map(\.path.description))
        var places: [String: Item] = [:]
        for item in items where item.kind != .close { places[item.path.description] = item }
        return diagnostics.filter { $0.severity == .error }.map { d -> [String: Any] in
            guard let path = d.path, !path.isEmpty else {
                return ["text": d.plain(words), "hasLink": false, "href": "", "label": "", "code": d.code.rawValue]
            }
            guard clearance.mayRead(field: path) else {
                return ["text": Diagnostic.hiddenRubric, "hasLink": false, "href": "", "label": "", "code": d.code.rawValue]
            }
            guard let place = Self.place(path, rendered: rendered), let item = places[place] else {
                return ["text": d.plain(words), "hasLink": false, "href": "", "label": "", "code": d.code.rawValue]
            }
            // The link names the field: the text after it reads as its problem (« Nom : à remplir »).
            return ["text": Self.afterLabel(d.plain(words, placed: place == path.description)), "hasLink": true, "href": "#" + Self.htmlID(item.path),
                    "label": item.label, "code": d.code.rawValue]
        }
    }

    private func control(_ item: Item, id: String, hasErrors: Bool, invalid: Bool, into row: inout [String: Any]) {
        let value = values[item.path.description] ?? ""
        row["value"] = value
        let named = namedChoices(item)
        if let named, named.multiple {
            // People present: one checkbox per party and the person, in a fieldset whose legend is
            // the field's label; the values sent are the ids, one per checked box (joined as lines).
            let chosen = value.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            var list = named.options
            for typed in chosen where !list.contains(where: { $0.0 == typed }) {
                list.append((typed, choices?.parties[typed] ?? "« \(typed) » (valeur non reconnue)"))
            }
            row["checkboxes"] = true
            row["choices"] = list.enumerated().map { index, choice -> [String: Any] in
                ["value": choice.0, "label": choice.1, "checked": chosen.contains(choice.0), "id": "\(id)-\(index)", "name": item.path.description]
            }
            row["attributes"] = hasErrors ? " aria-describedby=\"\(id)-erreur\"" : ""
            return
        }
        var attributes: [(String, String?)] = []
        if hasErrors { attributes.append(("aria-describedby", id + "-erreur")) }
        if invalid { attributes.append(("aria-invalid", "true")) }
        if item.required { attributes.append(("aria-required", "true")) }
        let key = item.path.schemaPath.split(separator: ".").last.map(String.init) ?? ""
        if let named {
            row["select"] = true
            row["options"] = options([("", "—")] + named.options, selected: value)
        } else {
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
        }
        row["attributes"] = attributes.map { name, value in " \(name)" + (value.map { "=\"\(HTML.escape($0))\"" } ?? "") }.joined()
    }

    /// The names to choose from for a field holding a convention or party id (issue 16: names, not
    /// identifiers), with the ids as values; `multiple` for the people present at a review.
    private func namedChoices(_ item: Item) -> (options: [(String, String)], multiple: Bool)? {
        guard let choices else { return nil }
        let schemaPath = item.path.schemaPath
        let parties = choices.partyList.map { ($0.id, $0.name) }
        switch schemaPath {
        case "convention":
            return choices.conventionList.isEmpty ? nil : (choices.conventionList.map { ($0.id, $0.title) }, false)
        case _ where schemaPath.hasPrefix("logement.") && schemaPath.hasSuffix(".bailleur") || schemaPath == "logement.bailleur":
            return choices.landlords.isEmpty ? nil : (choices.landlords.map { ($0.id, $0.name) }, false)
        case "consentements.destinataire":
            return parties.isEmpty ? nil : (parties, false)
        case "evaluations.presents":
            // Funders do not attend reviews (one already recorded is still shown, checked).
            let attending = choices.partyList.filter { $0.role != "financeur" }.map { ($0.id, $0.name) }
            return parties.isEmpty ? nil : (attending + [(PlainWords.person.id, PlainWords.person.name.prefix(1).uppercased() + PlainWords.person.name.dropFirst())], true)
        default:
            return nil
        }
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

/// HTML escaping, for the values of every page (`Pages` makes it Mustache's) and the few
/// attributes built in Swift.
///
/// Byte by byte: `&`, `<`, `>`, `"` and `'` are ASCII, so they never occur inside a multi-byte
/// character, and each is escaped wherever it is — also before a combining mark, which a scan by
/// `Character` (Mustache's own escaping) reads as another character and leaves as it is. A text
/// without any of them is returned as it is.
enum HTML {
    static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String in
            guard let first = bytes.firstIndex(where: needsEscape) else { return String(decoding: bytes, as: UTF8.self) }
            var out = [UInt8]()
            out.reserveCapacity(bytes.count + bytes.count / 8 + 8)
            out.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                switch byte {
                case UInt8(ascii: "&"): out.append(contentsOf: amp)
                case UInt8(ascii: "<"): out.append(contentsOf: lt)
                case UInt8(ascii: ">"): out.append(contentsOf: gt)
                case UInt8(ascii: "\""): out.append(contentsOf: quot)
                case UInt8(ascii: "'"): out.append(contentsOf: apos)
                default: out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    private static let amp = Array("&amp;".utf8), lt = Array("&lt;".utf8), gt = Array("&gt;".utf8)
    private static let quot = Array("&quot;".utf8), apos = Array("&#39;".utf8)
}
