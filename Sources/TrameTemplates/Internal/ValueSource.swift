import TrameModel

/// Where an evaluation reads the values of paths.
protocol ValueSource {
    /// The value at `ref`, or nil when it is absent.
    mutating func lookup(_ ref: PathRef) -> DataValue?
    /// A comparison needed the value of `ref`, which is absent.
    mutating func comparisonMissing(_ ref: PathRef)
}

/// Reads paths from a context root only (no loop variables).
struct ContextValueSource: ValueSource {
    let root: DataNode

    mutating func lookup(_ ref: PathRef) -> DataValue? {
        guard case .context = ref.root else { return nil }
        var node = root
        for key in ref.keys {
            guard let next = node[key] else { return nil }
            node = next
        }
        return node.value
    }

    mutating func comparisonMissing(_ ref: PathRef) {}
}
