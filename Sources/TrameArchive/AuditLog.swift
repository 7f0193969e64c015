import Foundation
import GRDB

/// One entry of the append-only audit log: who did what, when. Never content: ids and hashes only,
/// except the reason a person gives for correcting or withdrawing an evaluation (`RecordChange`).
public struct AuditEvent: Sendable, Codable, Hashable {
    /// Position in the log (1, 2, …); a gap means a removed entry.
    public let seq: Int64
    public let at: Date
    public let actor: String
    /// `creation`, `dossier-ajout`, `convention-ajout`, `generation`, `archive-ajout`, `extraction`,
    /// `consultation`, `export`, `verification`, `conservation`, `purge`, `sauvegarde`, `restauration`,
    /// `reprise` (an interrupted add undone), `migration`, `evaluation-correction` and `evaluation-retrait`
    /// (with `evaluation` and `motif` in `detail`, right after the version's `dossier-ajout`).
    public let action: String
    /// The dossier or convention concerned.
    public let ownerID: String?
    /// The version or document concerned (its reference).
    public let subject: String?
    public let sha256: String?
    /// Details as a JSON object.
    public let detail: String
}

/// Writes and reads the audit log (table `audit_event`, guarded by triggers against UPDATE and DELETE).
enum AuditLog {
    static func append(_ db: Database, at date: Date, actor: String, action: String, owner: String? = nil,
                       subject: String? = nil, sha256: String? = nil, detail: some Encodable & Sendable = [String: String]()) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(detail), as: UTF8.self)
        try db.execute(sql: """
            INSERT INTO audit_event (at, actor, action, owner_id, subject, sha256, detail) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [Timestamp.string(date), actor, action, owner, subject, sha256, json])
    }

    static func events(_ db: Database, owner: String?) throws -> [AuditEvent] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT * FROM audit_event WHERE (? IS NULL OR owner_id = ?) ORDER BY seq
            """, arguments: [owner, owner])
        return rows.map { row in
            AuditEvent(seq: row["seq"], at: Timestamp.date(row["at"]), actor: row["actor"], action: row["action"],
                       ownerID: row["owner_id"], subject: row["subject"], sha256: row["sha256"], detail: row["detail"])
        }
    }
}

extension Workspace {
    /// Appends an event in the caller's transaction.
    func audit(_ db: Database, _ action: String, owner: String? = nil, subject: String? = nil, sha256: String? = nil,
               detail: some Encodable & Sendable = [String: String]()) throws {
        try AuditLog.append(db, at: now, actor: actor, action: action, owner: owner, subject: subject, sha256: sha256, detail: detail)
    }

    /// Appends an event in its own transaction.
    func audit(_ action: String, owner: String? = nil, subject: String? = nil, sha256: String? = nil,
               detail: some Encodable & Sendable = [String: String]()) throws {
        try write { db in try audit(db, action, owner: owner, subject: subject, sha256: sha256, detail: detail) }
    }

    /// The audit log, oldest first, optionally for one dossier or convention.
    public func auditEvents(ownerID: String? = nil) throws -> [AuditEvent] {
        try read { db in try AuditLog.events(db, owner: ownerID) }
    }
}

/// Timestamps as stored: ISO 8601 in UTC with milliseconds.
enum Timestamp {
    static func string(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    static func date(_ text: String) -> Date {
        (try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
            ?? (try? Date(text, strategy: Date.ISO8601FormatStyle())) ?? Date(timeIntervalSince1970: 0)
    }
}
