import Foundation
import TrameTemplates

/// `Templates/clauses.lock`: the SHA-256 of every published clause version. A version's text may
/// never change once locked (a new version must be written instead), and a locked version may
/// never disappear, so that every signed document can be rebuilt.
public struct ClauseLock: Sendable {
    public let url: URL
    /// `id@version` → sha256.
    public private(set) var entries: [String: String]

    public init(templatesDirectory: URL) {
        url = templatesDirectory.appendingPathComponent("clauses.lock")
        entries = [:]
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: " ")
            if parts.count == 2 { entries[String(parts[0])] = String(parts[1]) }
        }
    }

    public enum Problem: Sendable, Equatable {
        /// The text of a locked version changed.
        case changed(String)
        /// A locked version's file is gone.
        case missing(String)
        /// A version not yet locked.
        case unlocked(String)
    }

    /// Compares the lock with the clause files.
    public func problems(with sources: [ClauseSource]) -> [Problem] {
        var result: [Problem] = []
        let present = Dictionary(sources.map { ($0.reference, $0.sha256) }, uniquingKeysWith: { a, _ in a })
        for source in sources {
            if let locked = entries[source.reference] {
                if locked != source.sha256 { result.append(.changed(source.reference)) }
            } else {
                result.append(.unlocked(source.reference))
            }
        }
        for reference in entries.keys.sorted() where present[reference] == nil { result.append(.missing(reference)) }
        return result
    }

    /// Adds the unlocked versions; never rewrites or removes a line. Returns the references added.
    public mutating func lockNewVersions(_ sources: [ClauseSource]) throws -> [String] {
        let added = sources.filter { entries[$0.reference] == nil }
        for source in added { entries[source.reference] = source.sha256 }
        let header = "# Empreintes SHA-256 des versions publiées des clauses (trame clauses lock).\n"
            + "# Une ligne ne change jamais : pour modifier une clause, écrivez une nouvelle version.\n"
        let body = entries.keys.sorted { a, b in
            let (ia, va) = Self.split(a), (ib, vb) = Self.split(b)
            return (ia, va) < (ib, vb)
        }.map { "\($0) \(entries[$0]!)" }.joined(separator: "\n")
        try Data((header + body + "\n").utf8).write(to: url, options: .atomic)
        return added.map(\.reference)
    }

    private static func split(_ reference: String) -> (String, Int) {
        guard let at = reference.lastIndex(of: "@"), let v = Int(reference[reference.index(after: at)...]) else { return (reference, 0) }
        return (String(reference[..<at]), v)
    }
}
