import Foundation

/// A typed value read from a convention or dossier file, checked against the schema.
///
/// Money and other decimals are `Decimal` (never `Double`); dates are `CalendarDate`.
public enum DataValue: Sendable, Hashable {
    case text(String)
    case integer(Int)
    case decimal(Decimal)
    case boolean(Bool)
    case date(CalendarDate)
    case list([DataNode])
    case object(DataObject)
}

/// A value with where it came from, its path and its sensitivity level.
public struct DataNode: Sendable, Hashable {
    public var value: DataValue
    public var path: FieldPath
    public var sensitivity: Sensitivity
    public var location: SourceLocation?

    public init(value: DataValue, path: FieldPath, sensitivity: Sensitivity, location: SourceLocation?) {
        self.value = value
        self.path = path
        self.sensitivity = sensitivity
        self.location = location
    }

    /// The child at `key` when this node is an object.
    public subscript(key: String) -> DataNode? {
        if case .object(let o) = value { return o[key] }
        return nil
    }

    /// The node at a relative path (keys and list indices), or nil when any step is absent.
    public func node(at path: FieldPath) -> DataNode? {
        var current: DataNode? = self
        for component in path.components {
            guard let node = current else { return nil }
            switch (component, node.value) {
            case (.key(let k), .object(let o)): current = o[k]
            case (.index(let i), .list(let items)): current = items.indices.contains(i) ? items[i] : nil
            default: return nil
            }
        }
        return current
    }

    /// The last key of the node's path (`recommandation` for `evaluations[2].recommandation`).
    public var fieldKey: String? {
        for component in path.components.reversed() { if case .key(let k) = component { return k } }
        return nil
    }

    public var text: String? { if case .text(let s) = value { return s } else { return nil } }
    public var integer: Int? { if case .integer(let i) = value { return i } else { return nil } }
    public var decimal: Decimal? {
        switch value {
        case .decimal(let d): return d
        case .integer(let i): return Decimal(i)
        default: return nil
        }
    }
    public var boolean: Bool? { if case .boolean(let b) = value { return b } else { return nil } }
    public var date: CalendarDate? { if case .date(let d) = value { return d } else { return nil } }
    public var list: [DataNode]? { if case .list(let l) = value { return l } else { return nil } }
    public var object: DataObject? { if case .object(let o) = value { return o } else { return nil } }
}

/// An object's entries, in file order.
public struct DataObject: Sendable, Hashable {
    public var entries: [(key: String, node: DataNode)]

    public init(_ entries: [(key: String, node: DataNode)] = []) { self.entries = entries }

    public subscript(key: String) -> DataNode? {
        entries.first(where: { $0.key == key })?.node
    }

    public var keys: [String] { entries.map(\.key) }

    public mutating func set(_ key: String, _ node: DataNode) {
        if let i = entries.firstIndex(where: { $0.key == key }) { entries[i].node = node } else { entries.append((key, node)) }
    }

    public static func == (a: DataObject, b: DataObject) -> Bool {
        a.entries.count == b.entries.count
            && zip(a.entries, b.entries).allSatisfy { $0.key == $1.key && $0.node == $1.node }
    }

    public func hash(into hasher: inout Hasher) {
        for e in entries { hasher.combine(e.key); hasher.combine(e.node) }
    }
}
