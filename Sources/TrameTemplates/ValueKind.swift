import TrameModel

/// The static type of a value in a template, known at load time from the context schema.
indirect enum ValueKind: Sendable {
    case text
    case enumeration([String])
    case integer
    case decimal
    case boolean
    case date
    case object([FieldSpec])
    case list(ValueKind)
    /// Not known statically (literal lists, results of `defaut` with a literal, …): checked at render time.
    case any

    init(_ type: FieldType) {
        switch type {
        case .text, .identifier: self = .text
        case .enumeration(let values): self = .enumeration(values)
        case .integer: self = .integer
        case .decimal: self = .decimal
        case .boolean: self = .boolean
        case .date: self = .date
        case .object(let fields): self = .object(fields)
        case .list(let inner): self = .list(ValueKind(inner))
        }
    }

    var isScalar: Bool {
        switch self {
        case .object, .list: return false
        default: return true
        }
    }

    var isNumber: Bool {
        switch self {
        case .integer, .decimal, .any: return true
        default: return false
        }
    }

    var isTextual: Bool {
        switch self {
        case .text, .enumeration, .any: return true
        default: return false
        }
    }

    /// A short French description for diagnostics.
    var french: String {
        switch self {
        case .text: return "un texte"
        case .enumeration: return "une valeur d'une liste fermée"
        case .integer: return "un nombre entier"
        case .decimal: return "un nombre décimal"
        case .boolean: return "un booléen (oui / non)"
        case .date: return "une date"
        case .object: return "un ensemble de champs"
        case .list: return "une liste"
        case .any: return "une valeur"
        }
    }
}
