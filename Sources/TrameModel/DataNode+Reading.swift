import Foundation

/// Reading typed values out of a checked tree. The schema guarantees presence and type of required
/// fields once a file has no errors, so these helpers only fail on a programming error.
extension DataNode {
    func string(_ key: String) -> String? { self[key]?.text }
    func requiredString(_ key: String) -> String { self[key]?.text ?? "" }
    func int(_ key: String) -> Int? { self[key]?.integer }
    func money(_ key: String) -> Decimal? { self[key]?.decimal }
    func bool(_ key: String) -> Bool? { self[key]?.boolean }
    func day(_ key: String) -> CalendarDate? { self[key]?.date }
    func items(_ key: String) -> [DataNode] { self[key]?.list ?? [] }
    func strings(_ key: String) -> [String] { items(key).compactMap(\.text) }
}
