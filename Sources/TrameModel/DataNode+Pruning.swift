extension DataNode {
    /// The tree without the nodes `keep` refuses (a refused object or list goes with all it holds);
    /// nil when the root itself is refused. Untouched subtrees are shared, not copied.
    public func pruned(keeping keep: (DataNode) -> Bool) -> DataNode? {
        var changed = false
        return pruned(keep, &changed)
    }

    private func pruned(_ keep: (DataNode) -> Bool, _ changed: inout Bool) -> DataNode? {
        guard keep(self) else {
            changed = true
            return nil
        }
        switch value {
        case .object(let object):
            var entries: [(key: String, node: DataNode)]?
            for (i, entry) in object.entries.enumerated() {
                var childChanged = false
                let child = entry.node.pruned(keep, &childChanged)
                if childChanged, entries == nil { entries = Array(object.entries[..<i]) }
                if entries != nil, let child { entries!.append((entry.key, child)) }
            }
            guard let entries else { return self }
            changed = true
            var copy = self
            copy.value = .object(DataObject(entries))
            return copy
        case .list(let items):
            var kept: [DataNode]?
            for (i, item) in items.enumerated() {
                var childChanged = false
                let child = item.pruned(keep, &childChanged)
                if childChanged, kept == nil { kept = Array(items[..<i]) }
                if kept != nil, let child { kept!.append(child) }
            }
            guard let kept else { return self }
            changed = true
            var copy = self
            copy.value = .list(kept)
            return copy
        default:
            return self
        }
    }
}
