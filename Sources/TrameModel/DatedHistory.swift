import Foundation

/// The dated history of a block of the dossier (`logement`, `sous_locataire`, `menage`):
/// docs/format.md § 9, « Historique daté ».
///
/// The block holds the current values, in force from its `depuis` date. Each entry of its
/// `historique[]` gives earlier values from its own `depuis` date (the oldest may omit it: from
/// the beginning) until the next entry's, or the block's, `depuis`; an entry lists only the keys
/// whose values differed from the current block's. Under `sous_locataire`, an entry whose
/// `mesure_protection` is `aucune` and that names no `protecteur` had none.
public enum DatedHistory {
    /// The keys that carry the history itself, never values of the block.
    public static let keys = ["depuis", "historique"]

    /// The block's values in force on `day`, without `depuis` and `historique`; nil when the block
    /// has no history (nothing to resolve).
    public static func resolve(_ block: DataNode, on day: CalendarDate) -> DataNode? {
        guard case .object(let current) = block.value, current["historique"] != nil || current["depuis"] != nil else { return nil }
        var values = DataObject(current.entries.filter { !keys.contains($0.key) })
        if let since = current["depuis"]?.date, since > day, let entry = entry(in: current["historique"]?.list ?? [], on: day) {
            for (key, node) in entry.object?.entries ?? [] where !keys.contains(key) { values.set(key, node) }
            if block.fieldKey == "sous_locataire", entry["mesure_protection"]?.text == "aucune", entry["protecteur"] == nil {
                values.entries.removeAll { $0.key == "protecteur" }
            }
        }
        var copy = block
        copy.value = .object(values)
        return copy
    }

    /// The entry in force on `day`: the latest whose `depuis` is on or before it (an entry without
    /// `depuis` counts as the oldest); when every entry begins later, the oldest.
    static func entry(in entries: [DataNode], on day: CalendarDate) -> DataNode? {
        let ordered = entries.enumerated().sorted { a, b in
            let da = a.element["depuis"]?.date, db = b.element["depuis"]?.date
            switch (da, db) {
            case (nil, nil): return a.offset < b.offset
            case (nil, _): return true
            case (_, nil): return false
            case let (x?, y?): return x == y ? a.offset < b.offset : x < y
            }
        }.map(\.element)
        return ordered.last { ($0["depuis"]?.date).map { $0 <= day } ?? true } ?? ordered.first
    }
}
