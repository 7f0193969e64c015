import TrameModel

/// Removes from a context every node an audience may not see (`Audience.mayContain(_:field:)`).
enum ContextPruner {
    /// The pruned tree (the same value when nothing had to go), or nil when the root itself goes.
    static func prune(_ node: DataNode, for audience: Audience) -> DataNode? {
        node.pruned { audience.mayContain($0.sensitivity, field: $0.fieldKey) }
    }
}
