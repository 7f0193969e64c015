import Foundation
import GRDB

/// Where the workspace's table of versions stands, in two cheap numbers: what a reader that keeps
/// parsed or rendered data in memory compares to know whether it is still current, whoever wrote
/// (the web application, or `trame` in another process).
///
/// Archived rows are immutable (triggers refuse UPDATE) and their ids never reused (AUTOINCREMENT):
/// an added row raises the largest id, a row removed by the purge lowers the count. So two equal
/// states mean the same rows.
public struct WorkspaceChanges: Sendable, Hashable {
    /// The largest row id of `record_version` (the versions of conventions and dossiers).
    public let lastVersionRow: Int64
    /// The number of its rows.
    public let versionRows: Int64

    /// The versions of conventions and dossiers, as one key: which bytes are current.
    public var records: String { "\(lastVersionRow).\(versionRows)" }
}

extension Workspace {
    /// Where the table of versions stands (one read of two aggregates).
    public func changes() throws -> WorkspaceChanges {
        try read { db in
            let row = try Row.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0), COUNT(*) FROM record_version")
            return WorkspaceChanges(lastVersionRow: row?[0] ?? 0, versionRows: row?[1] ?? 0)
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
