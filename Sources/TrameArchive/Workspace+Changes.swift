import Foundation
import GRDB

/// Where the workspace's tables stand, in two cheap numbers each: what a reader that keeps parsed
/// or rendered data in memory compares to know whether it is still current, whoever wrote (the web
/// application, or `trame` in another process).
///
/// Archived rows are immutable (triggers refuse UPDATE) and their ids never reused (AUTOINCREMENT):
/// an added row raises the largest id, a row removed by the purge lowers the count. So two equal
/// states mean the same rows.
public struct WorkspaceChanges: Sendable, Hashable {
    /// The largest row id of `record_version` (the versions of conventions and dossiers).
    public let lastVersionRow: Int64
    /// The number of its rows.
    public let versionRows: Int64
    /// Generated documents and signed versions (`generated_document`, `signed_version`).
    public let archive: String

    /// The versions of conventions and dossiers, as one key: which bytes are current.
    public var records: String { "\(lastVersionRow).\(versionRows)" }
}

extension Workspace {
    /// Where the tables of versions and of archived documents stand (one read of four aggregates).
    public func changes() throws -> WorkspaceChanges {
        try read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT (SELECT COALESCE(MAX(id), 0) FROM record_version), (SELECT COUNT(*) FROM record_version),
                       (SELECT COALESCE(MAX(id), 0) FROM generated_document), (SELECT COUNT(*) FROM generated_document),
                       (SELECT COALESCE(MAX(id), 0) FROM signed_version), (SELECT COUNT(*) FROM signed_version)
                """)
            func n(_ i: Int) -> Int64 { row?[i] ?? 0 }
            return WorkspaceChanges(lastVersionRow: n(0), versionRows: n(1), archive: "\(n(2)).\(n(3))/\(n(4)).\(n(5))")
        }
    }

    /// The versions recorded after row `row` of `record_version`, oldest first, with their row ids:
    /// what a reader holding the state `row` was read at needs to catch up (see `changes()`).
    public func recordVersions(after row: Int64) throws -> [(row: Int64, version: RecordVersion)] {
        try read { db in
            try Row.fetchAll(db, sql: RecordVersion.select + " WHERE r.id > ? ORDER BY r.id", arguments: [row]).map { row in
                (row["id"], RecordVersion(row: row))
            }
        }
    }
}
