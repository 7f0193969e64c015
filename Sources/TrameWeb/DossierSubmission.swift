import Foundation
import TrameAccounts
import TrameModel

/// A submitted dossier form turned into a dossier file, the same way for creation and edition.
///
/// Only the fields the role may see come from the form; every other field is copied from the
/// current version (`original`), so that a partner never erases what it cannot see. Keys follow
/// the format's order; a field left empty is left out (the checks then say if it was required).
struct DossierSubmission {
    let clearance: Clearance
    let values: [String: String]
    /// The current version's checked tree (nil for a new dossier).
    let original: DataNode?

    /// The file's tree.
    func tree() -> YAMLNode {
        .map(entries(FormatSchemas.dossier.root, path: FieldPath(), level: FormatSchemas.dossier.rootSensitivity, original: original))
    }

    /// The file's bytes.
    func file() -> Data {
        YAMLWriter.document(tree(), header: """
            Dossier d'un ménage en sous-location accompagnée, enregistré par l'application web de Trame.
            Format : docs/format.md de Trame (dates AAAA-MM-JJ, montants en euros avec un point décimal).
            """)
    }

    private func entries(_ fields: [FieldSpec], path: FieldPath, level: Sensitivity, original: DataNode?) -> [(String, YAMLNode)] {
        var out: [(String, YAMLNode)] = []
        for spec in fields {
            let childLevel = spec.sensitivity ?? level
            let childPath = path.appending(spec.key)
            let kept = original?[spec.key]
            guard clearance.mayRead(childLevel) else {
                if let kept { out.append((spec.key, YAMLNode(kept))) }
                continue
            }
            switch spec.type {
            case .object(let children):
                let sub = entries(children, path: childPath, level: childLevel, original: kept)
                if !sub.isEmpty { out.append((spec.key, .map(sub))) }
            case .list(.object(let children)):
                let rows = (0..<rowCount(childPath)).compactMap { index -> YAMLNode? in
                    let sub = entries(children, path: childPath.appending(index: index), level: childLevel,
                                      original: kept?.list.flatMap { $0.indices.contains(index) ? $0[index] : nil })
                    return sub.isEmpty ? nil : .map(sub)
                }
                if !rows.isEmpty || kept?.list?.isEmpty == true { out.append((spec.key, .list(rows))) }
            case .list(let inner):
                let lines = (values[childPath.description] ?? "").split(whereSeparator: \.isNewline)
                    .map { $0.trimmingCharacters(in: Self.blank) }.filter { !$0.isEmpty }
                if !lines.isEmpty || kept?.list?.isEmpty == true {
                    out.append((spec.key, .list(lines.map { Self.scalar($0, type: inner) })))
                }
            default:
                let value = (values[childPath.description] ?? "").trimmingCharacters(in: Self.blank)
                if !value.isEmpty { out.append((spec.key, Self.scalar(value, type: spec.type))) }
            }
        }
        return out
    }

    /// What a typed value is trimmed of: spaces and line ends, and the invisible byte-order mark
    /// (U+FEFF, pasted from other files), which YAML readers drop at the start of a value.
    static let blank = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{FEFF}"))

    private func rowCount(_ path: FieldPath) -> Int {
        let prefix = path.description + "["
        var count = 0
        for key in values.keys where key.hasPrefix(prefix) {
            if let n = Int(key.dropFirst(prefix.count).prefix { $0.isNumber }), n < 1000 { count = max(count, n + 1) }
        }
        return count
    }

    private static func scalar(_ value: String, type: FieldType) -> YAMLNode {
        switch type {
        case .text: return .text(value)
        case .date: return .word(FrenchInput.date(value))
        case .decimal: return .word(FrenchInput.decimal(value))
        case .integer: return .word(FrenchInput.integer(value))
        default: return .word(value)
        }
    }
}
