import TrameFrench
import TrameModel

/// Removes from a context every node an audience may not see (`Audience.mayContain(_:field:)`).
enum ContextPruner {
    /// The pruned tree (the same value when nothing had to go), or nil when the root itself goes.
    static func prune(_ node: DataNode, for audience: Audience) -> DataNode? {
        var changed = false
        return prune(node, audience, &changed)
    }

    private static func prune(_ node: DataNode, _ audience: Audience, _ changed: inout Bool) -> DataNode? {
        guard audience.mayContain(node.sensitivity, field: node.fieldKey) else {
            changed = true
            return nil
        }
        switch node.value {
        case .object(let object):
            var entries: [(key: String, node: DataNode)]?
            for (i, entry) in object.entries.enumerated() {
                var childChanged = false
                let pruned = prune(entry.node, audience, &childChanged)
                if childChanged, entries == nil { entries = Array(object.entries[..<i]) }
                if entries != nil, let pruned { entries!.append((entry.key, pruned)) }
            }
            guard let entries else { return node }
            changed = true
            var copy = node
            copy.value = .object(DataObject(entries))
            return copy
        case .list(let items):
            var kept: [DataNode]?
            for (i, item) in items.enumerated() {
                var childChanged = false
                let pruned = prune(item, audience, &childChanged)
                if childChanged, kept == nil { kept = Array(items[..<i]) }
                if kept != nil, let pruned { kept!.append(pruned) }
            }
            guard let kept else { return node }
            changed = true
            var copy = node
            copy.value = .list(kept)
            return copy
        default:
            return node
        }
    }
}
