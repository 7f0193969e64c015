import TrameModel

/// Narrowing a value tree to what an audience may see.
public enum DataPruning {
    /// The tree without any node whose level is above `level`.
    public static func removing(above level: Sensitivity, from node: DataNode) -> DataNode {
        node.pruned(keeping: { $0.sensitivity <= level }) ?? DataNode(value: .object(DataObject()), path: node.path, sensitivity: .partenaires, location: node.location)
    }

    /// The dossier with the `partage` fields of each evaluation removed unless `keep` accepts the
    /// evaluation's date (the landlord's consent in force then).
    public static func sharedParts(of dossier: DataNode, keptWhere keep: (CalendarDate) -> Bool) -> DataNode {
        guard var root = dossier.object, let evaluations = root["evaluations"], let items = evaluations.list else { return dossier }
        var list = evaluations
        list.value = .list(items.map { item in
            if let date = item["date"]?.date, keep(date) { return item }
            return removing(above: .partenaires, from: item)
        })
        root.set("evaluations", list)
        var copy = dossier
        copy.value = .object(root)
        return copy
    }

    /// The tree as a document for `audience` may see it (`Audience.mayContain`).
    public static func visible(_ node: DataNode, for audience: Audience) -> DataNode {
        node.pruned(keeping: { audience.mayContain($0.sensitivity, field: $0.fieldKey) }) ?? DataNode(value: .object(DataObject()), path: node.path, sensitivity: .partenaires, location: node.location)
    }
}
