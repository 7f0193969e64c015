import Foundation
import TrameAccounts
import TrameModel
import TrameTemplates

/// The dossier form, built from the format's schema (`FormatSchemas.dossier`): one fieldset per
/// section, the fields the role may see, the typed values, and the diagnostics of `trame check`
/// placed next to the field they are about.
struct DossierForm {
    let clearance: Clearance
    /// The values as typed, by field path (`sous_locataire.nom`, `evaluations[0].presents`).
    let values: [String: String]
    let isNew: Bool
    let diagnostics: [Diagnostic]
    /// Names for identifiers in the diagnostics (issue 16).
    var words = PlainWords()
    /// The lists to choose parties and conventions from by name; nil: typed identifiers.
    var choices: PlainWords? = nil

    struct Item {
        enum Kind { case open, close, field }
        var kind: Kind
        var path: FieldPath
        var label = ""
        var type: FieldType = .text
        var required = false
        var extra = false
        var depth = 0
    }

    /// The form's items, flattened (fieldset openings and closings around fields), in schema order.
    func items() -> [Item] {
        var items: [Item] = []
        let schema = FormatSchemas.dossier
        let scalars = schema.root.filter { if case .object = $0.type { return false }; if case .list = $0.type { return false }; return true }
        items.append(Item(kind: .open, path: FieldPath(parsing: "identification"), label: "Dossier"))
        walk(scalars, path: FieldPath(), level: schema.rootSensitivity, depth: 1, into: &items)
        items.append(Item(kind: .close, path: FieldPath(parsing: "identification")))
        walk(schema.root.filter { s in !scalars.contains { $0.key == s.key } }, path: FieldPath(), level: schema.rootSensitivity, depth: 0, into: &items)
        return items
    }

    private var housingRequired: Bool { Stage(rawValue: values["etape"] ?? "")?.requiresHousing ?? false }

    private func walk(_ fields: [FieldSpec], path: FieldPath, level: Sensitivity, depth: Int, into items: inout [Item]) {
        for spec in fields {
            let childLevel = spec.sensitivity ?? level
            guard clearance.mayRead(childLevel) else { continue }
            let childPath = path.appending(spec.key)
            let label = FieldLabels.label(childPath.schemaPath)
            let required = spec.requirement == .required || (spec.requirement == .requiredFromAttribution && housingRequired)
            switch spec.type {
            case .object(let children):
                items.append(Item(kind: .open, path: childPath, label: label, required: required, depth: depth))
                walk(children, path: childPath, level: childLevel, depth: depth + 1, into: &items)
                items.append(Item(kind: .close, path: childPath, depth: depth))
            case .list(.object(let children)):
                items.append(Item(kind: .open, path: childPath, label: label, depth: depth))
                let count = rowCount(childPath)
                for index in 0...count {
                    let rowPath = childPath.appending(index: index)
                    let name = index < count ? "\(FieldLabels.item(childPath.schemaPath)) n° \(index + 1)" : "Ajouter : \(FieldLabels.item(childPath.schemaPath).lowercased())"
                    items.append(Item(kind: .open, path: rowPath, label: name, extra: index == count, depth: depth + 1))
                    walk(children, path: rowPath, level: childLevel, depth: depth + 2, into: &items)
                    items.append(Item(kind: .close, path: rowPath, extra: index == count, depth: depth + 1))
                }
                items.append(Item(kind: .close, path: childPath, depth: depth))
            default:
                items.append(Item(kind: .field, path: childPath, label: label, type: spec.type, required: required, depth: depth))
            }
        }
    }

    /// Rows of a list of objects: up to the highest index with a value typed (an empty extra row
    /// sent back does not count).
    private func rowCount(_ path: FieldPath) -> Int {
        let prefix = path.description + "["
        var count = 0
        for (key, value) in values where key.hasPrefix(prefix) && !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            if let n = Int(key.dropFirst(prefix.count).prefix { $0.isNumber }) { count = max(count, n + 1) }
        }
        return count
    }

    /// Each diagnostic's place: the deepest item on its path, or the form's head (also for fields the
    /// role does not see, whose message is not shown).
    func placedDiagnostics(_ items: [Item]) -> (byPath: [String: [String]], general: [String]) {
        let rendered = Set(items.map(\.path.description))
        var byPath: [String: [String]] = [:], general: [String] = []
        for d in diagnostics {
            guard let path = d.path, !path.isEmpty else { general.append(d.plain(words)); continue }
            guard clearance.mayRead(field: path) else {
                general.append(Diagnostic.hiddenRubric)
                continue
            }
            if let place = Self.place(path, rendered: rendered) {
                byPath[place, default: []].append(d.plain(words, placed: place == path.description))
            } else {
                general.append(d.plain(words))
            }
        }
        return (byPath, general)
    }

    /// The deepest rendered item on `path` (its path's description), or nil.
    static func place(_ path: FieldPath, rendered: Set<String>) -> String? {
        var components = path.components
        while !components.isEmpty, !rendered.contains(FieldPath(components).description) { components.removeLast() }
        return components.isEmpty ? nil : FieldPath(components).description
    }

    /// The values of a checked tree as the form shows them.
    static func values(of node: DataNode) -> [String: String] {
        var out: [String: String] = [:]
        func walk(_ node: DataNode) {
            switch node.value {
            case .object(let object): object.entries.forEach { walk($0.node) }
            case .list(let items) where items.allSatisfy({ $0.object == nil }):
                out[node.path.description] = items.map(text).joined(separator: "\n")
            case .list(let items): items.forEach(walk)
            default: out[node.path.description] = text(node)
            }
        }
        walk(node)
        return out
    }

    static func text(_ node: DataNode) -> String {
        switch node.value {
        case .text(let s): return s
        case .integer(let i): return String(i)
        case .decimal(let d): return FrenchInput.show(d)
        case .boolean(let b): return b ? "true" : "false"
        case .date(let d): return FrenchInput.show(d)
        case .list, .object: return ""
        }
    }
}
