import Foundation

/// The type of a field in the public format (FORMAT.md).
public indirect enum FieldType: Sendable {
    /// Free text.
    case text
    /// A lower-case kebab-case identifier.
    case identifier
    /// `AAAA-MM-JJ`.
    case date
    /// A whole number, with an optional minimum.
    case integer(minimum: Int?)
    /// An exact decimal; `minimum` is inclusive unless `exclusive`.
    case decimal(minimum: Decimal?, exclusive: Bool, isAmount: Bool)
    case boolean
    /// One of a fixed set of words.
    case enumeration([String])
    /// A mapping with known keys.
    case object([FieldSpec])
    /// A list of values of one type.
    case list(FieldType)

    /// A short French description used in diagnostics ("une date AAAA-MM-JJ").
    public var frenchDescription: String {
        switch self {
        case .text: return "un texte"
        case .identifier: return "un identifiant (minuscules, chiffres et tirets)"
        case .date: return "une date au format AAAA-MM-JJ"
        case .integer: return "un nombre entier"
        case .decimal(_, _, let isAmount): return isAmount ? "un montant en euros (point décimal)" : "un nombre décimal (point décimal)"
        case .boolean: return "true ou false"
        case .enumeration(let values): return "l'une des valeurs " + values.map { "« \($0) »" }.joined(separator: ", ")
        case .object: return "un ensemble de champs (clé : valeur)"
        case .list: return "une liste"
        }
    }
}

/// When a field must be present.
public enum Requirement: Sendable, Equatable {
    case required
    case optional
    /// Required once the dossier's `etape` has reached `attribution` (FORMAT.md "req≥attribution").
    case requiredFromAttribution
}

/// One key of the format: its type, whether it is required, and its sensitivity level.
public struct FieldSpec: Sendable {
    public let key: String
    public let type: FieldType
    public let requirement: Requirement
    /// The field's own level; `nil` inherits the parent's.
    public let sensitivity: Sensitivity?

    public init(_ key: String, _ type: FieldType, _ requirement: Requirement = .required, _ sensitivity: Sensitivity? = nil) {
        self.key = key
        self.type = type
        self.requirement = requirement
        self.sensitivity = sensitivity
    }

    public static func optional(_ key: String, _ type: FieldType, _ sensitivity: Sensitivity? = nil) -> FieldSpec {
        FieldSpec(key, type, .optional, sensitivity)
    }
}

/// The whole schema of one kind of file, with path look-up for template checks.
public struct Schema: Sendable {
    public let name: String
    public let root: [FieldSpec]
    public let rootSensitivity: Sensitivity

    public init(name: String, root: [FieldSpec], rootSensitivity: Sensitivity) {
        self.name = name
        self.root = root
        self.rootSensitivity = rootSensitivity
    }

    /// A resolved field: its spec and its effective sensitivity.
    public struct Resolved: Sendable {
        public let spec: FieldSpec
        public let sensitivity: Sensitivity
    }

    /// The field at a dotted path without indices (`evaluations.partie_partagee.assurance`),
    /// or nil when the format has no such field.
    public func field(at path: String) -> Resolved? {
        var fields = root
        var level = rootSensitivity
        var found: Resolved?
        for key in path.split(separator: ".").map(String.init) {
            guard let spec = fields.first(where: { $0.key == key }) else { return nil }
            level = spec.sensitivity ?? level
            found = Resolved(spec: spec, sensitivity: level)
            var type = spec.type
            while case .list(let inner) = type { type = inner }
            if case .object(let children) = type { fields = children } else { fields = [] }
        }
        return found
    }

    /// The keys allowed directly under a path ("" for the root), for suggestions.
    public func keys(under path: String) -> [String] {
        guard !path.isEmpty else { return root.map(\.key) }
        guard let resolved = field(at: path) else { return [] }
        var type = resolved.spec.type
        while case .list(let inner) = type { type = inner }
        if case .object(let children) = type { return children.map(\.key) }
        return []
    }
}
