import Foundation
import TrameModel

/// Reading typed values out of a checked tree (TrameModel keeps its own helpers internal).
extension DataNode {
    func string(_ key: String) -> String? { self[key]?.text }
    func int(_ key: String) -> Int? { self[key]?.integer }
    func bool(_ key: String) -> Bool? { self[key]?.boolean }
    func day(_ key: String) -> CalendarDate? { self[key]?.date }
    func items(_ key: String) -> [DataNode] { self[key]?.list ?? [] }

    /// The latest date anywhere in the tree, or nil when it holds none.
    var latestDate: CalendarDate? {
        switch value {
        case .date(let d): return d
        case .list(let items): return items.compactMap(\.latestDate).max()
        case .object(let o): return o.entries.compactMap(\.node.latestDate).max()
        default: return nil
        }
    }
}
