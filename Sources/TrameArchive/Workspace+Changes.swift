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
    /// The versions of conventions and dossiers (`record_version`): which bytes are current.
    public let records: String
    /// Generated documents and signed versions (`generated_document`, `signed_version`).
    public let archive: String
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
            return WorkspaceChanges(records: "\(n(0)).\(n(1))", archive: "\(n(2)).\(n(3))/\(n(4)).\(n(5))")
        }
    }
}
