/// A dotted path to a field, as users read it: `sous_location.renouvellements[0].date_effet`.
public struct FieldPath: Hashable, Sendable, CustomStringConvertible, Comparable {
    public enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    public var components: [Component]

    public init(_ components: [Component] = []) { self.components = components }

    /// Parses `a.b[2].c`.
    public init(parsing text: String) {
        var result: [Component] = []
        for part in text.split(separator: ".", omittingEmptySubsequences: false) {
            var name = Substring(part)
            var indices: [Int] = []
            while name.hasSuffix("]"), let open = name.lastIndex(of: "[") {
                if let i = Int(name[name.index(after: open)..<name.index(before: name.endIndex)]) {
                    indices.insert(i, at: 0)
                }
                name = name[..<open]
            }
            if !name.isEmpty { result.append(.key(String(name))) }
            result.append(contentsOf: indices.map { .index($0) })
        }
        self.components = result
    }

    public func appending(_ key: String) -> FieldPath { FieldPath(components + [.key(key)]) }
    public func appending(index: Int) -> FieldPath { FieldPath(components + [.index(index)]) }

    /// The path with list indices removed: the schema's view (`evaluations.date`).
    public var schemaPath: String {
        components.compactMap { if case .key(let k) = $0 { return k } else { return nil } }
            .joined(separator: ".")
    }

    public var isEmpty: Bool { components.isEmpty }

    public var description: String {
        var out = ""
        for c in components {
            switch c {
            case .key(let k): out += out.isEmpty ? k : ".\(k)"
            case .index(let i): out += "[\(i)]"
            }
        }
        return out
    }

    public static func < (a: FieldPath, b: FieldPath) -> Bool { a.description < b.description }
}
