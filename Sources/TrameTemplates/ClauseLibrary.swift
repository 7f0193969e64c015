import Foundation
import TrameModel

/// One stored version of a clause: its id, version, file and the SHA-256 of its exact bytes.
public struct ClauseSource: Sendable, Hashable {
    /// `sous-location.depot-garantie`.
    public let id: String
    public let version: Int
    public let path: String
    public let text: String
    /// Lower-case hex SHA-256 of the file's bytes: any change of text, title, date or condition changes it.
    public let sha256: String

    public init(id: String, version: Int, path: String, text: String) {
        self.id = id
        self.version = version
        self.path = path
        self.text = text
        self.sha256 = ClauseSource.hash(text)
    }

    /// `id@version`.
    public var reference: String { "\(id)@\(version)" }

    /// Lower-case hex SHA-256 of the UTF-8 bytes of `text`.
    public static func hash(_ text: String) -> String {
        Fingerprint.sha256(text)
    }
}

/// Finds the versions of a clause. Clause files live in `<Templates>/<document>/clauses/<name>.v<N>.trame`
/// for the id `<document>.<name>` (shared clauses: `<Templates>/commun/clauses/…`, id `commun.<name>`).
public struct ClauseResolver: Sendable {
    private let lookup: @Sendable (String) -> [ClauseSource]

    public init(_ lookup: @escaping @Sendable (String) -> [ClauseSource]) { self.lookup = lookup }

    /// Every version of the clause `id`, oldest first (empty when it does not exist).
    public func versions(of id: String) -> [ClauseSource] { lookup(id).sorted { $0.version < $1.version } }

    /// No clauses.
    public static let none = ClauseResolver { _ in [] }

    /// Clauses given in memory, for tests.
    public static func dictionary(_ sources: [ClauseSource]) -> ClauseResolver {
        let byID = Dictionary(grouping: sources, by: \.id)
        return ClauseResolver { byID[$0] ?? [] }
    }

    /// The clauses of a `Templates/` folder.
    public static func directory(_ root: String) -> ClauseResolver {
        ClauseResolver { id in
            guard let (document, name) = split(id) else { return [] }
            let folder = (root as NSString).appendingPathComponent("\(document)/clauses")
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            return files.compactMap { file -> ClauseSource? in
                guard let (fileName, version) = parseFileName(file), fileName == name else { return nil }
                let path = (folder as NSString).appendingPathComponent(file)
                guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else { return nil }
                return ClauseSource(id: id, version: version, path: path, text: text)
            }
        }
    }

    /// Every version of every clause under a `Templates/` folder, by id then version.
    public static func all(in root: String) -> [ClauseSource] {
        let fm = FileManager.default
        var sources: [ClauseSource] = []
        for document in ((try? fm.contentsOfDirectory(atPath: root)) ?? []).sorted() where !document.hasPrefix(".") {
            let folder = (root as NSString).appendingPathComponent("\(document)/clauses")
            for file in ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).sorted() {
                guard let (name, version) = parseFileName(file),
                      let data = fm.contents(atPath: (folder as NSString).appendingPathComponent(file)),
                      let text = String(data: data, encoding: .utf8) else { continue }
                sources.append(ClauseSource(id: "\(document).\(name)", version: version,
                                            path: (folder as NSString).appendingPathComponent(file), text: text))
            }
        }
        return sources.sorted { ($0.id, $0.version) < ($1.id, $1.version) }
    }

    /// `depot-garantie.v2.trame` → ("depot-garantie", 2).
    static func parseFileName(_ file: String) -> (String, Int)? {
        guard file.hasSuffix(".trame") else { return nil }
        let stem = file.dropLast(".trame".count)
        guard let dot = stem.range(of: ".v", options: .backwards), let version = Int(stem[dot.upperBound...]), version >= 1 else { return nil }
        return (String(stem[..<dot.lowerBound]), version)
    }

    /// `sous-location.depot-garantie` → ("sous-location", "depot-garantie").
    static func split(_ id: String) -> (String, String)? {
        guard let dot = id.firstIndex(of: "."), dot != id.startIndex, id.index(after: dot) != id.endIndex else { return nil }
        return (String(id[..<dot]), String(id[id.index(after: dot)...]))
    }
}

/// How a clause took part in a rendered document: which version, whether it is in, and why.
public struct ClauseUse: Sendable, Hashable, Codable {
    public let id: String
    public let version: Int
    public let title: String
    /// The date from which this version applies.
    public let effectiveDate: String
    /// The last day this version applies (its own `jusqu_au`, else the day before its successor's
    /// `en_vigueur`); nil while in force.
    public let until: String?
    /// `jusqu_au` as the version's own file writes it (the manifest records only what the locked
    /// file says: a later version moving `until` must not change an old document's bytes).
    public let declaredUntil: String?
    /// The legal text and version this version reflects (`source`).
    public let source: String?
    /// Why this version: the act date and the legal period covering it, or the pin of a manifest.
    public let selection: String
    public let included: Bool
    /// The condition with the values that decided it (`logement.meuble = oui`), or why it always applies.
    public let reason: String
    public let sha256: String

    public init(id: String, version: Int, title: String, effectiveDate: String, until: String? = nil, declaredUntil: String? = nil, source: String? = nil,
                selection: String = "", included: Bool, reason: String, sha256: String) {
        self.id = id
        self.version = version
        self.title = title
        self.effectiveDate = effectiveDate
        self.until = until
        self.declaredUntil = declaredUntil
        self.source = source
        self.selection = selection
        self.included = included
        self.reason = reason
        self.sha256 = sha256
    }

    /// `id@version`.
    public var reference: String { "\(id)@\(version)" }
}
