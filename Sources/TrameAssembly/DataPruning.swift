import TrameModel

/// Narrowing a value tree to what an audience may see.
public enum DataPruning {
    /// The tree without any node whose level is above `level`.
    public static func removing(above level: Sensitivity, from node: DataNode) -> DataNode {
        node.pruned(keeping: { $0.sensitivity <= level }) ?? DataNode(value: .object(DataObject()), path: node.path, sensitivity: .partenaires, location: node.location)
    }

    /// The tree as a document for `audience` may see it (`Audience.mayContain`).
    public static func visible(_ node: DataNode, for audience: Audience) -> DataNode {
        node.pruned(keeping: { audience.mayContain($0.sensitivity, field: $0.fieldKey) }) ?? DataNode(value: .object(DataObject()), path: node.path, sensitivity: .partenaires, location: node.location)
    }
}
