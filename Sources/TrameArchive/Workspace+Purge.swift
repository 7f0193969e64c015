import Foundation
import GRDB
import TrameModel

/// What a purge removes, or would remove.
public struct PurgePlan: Sendable, Codable, Hashable {
    /// A dossier whose every version, document and file goes.
    public struct Candidate: Sendable, Codable, Hashable {
        public let dossierID: String
        public let conventionID: String
        /// The latest date of the household's file: end of the sublease, last signature or evaluation.
        public let lastActivity: String
        public let retentionYears: Int
        public let references: [String]
        public let files: [String]
    }

    /// A dossier kept, and why.
    public struct Kept: Sendable, Codable, Hashable {
        public let dossierID: String
        public let reason: String
    }

    public let before: String
    public let today: String
    public let candidates: [Candidate]
    public let kept: [Kept]
    /// Whether the purge was carried out (false: dry run).
    public let executed: Bool
}

extension Workspace {
    /// Sets a convention's retention period (RGPD), in years after a household's last activity.
    /// - Throws: `Diagnostic` `CONVENTION_INCONNUE` when no convention or dossier of the workspace names it.
    public func setRetention(conventionID: String, years: Int) throws {
        guard (1...100).contains(years) else {
            throw Diagnostic.error(.dureeConservation, "durée de conservation \(years) ans hors limites (1 à 100 ans)")
        }
        try write { db in
            let known = try Bool.fetchOne(db, sql: "SELECT 1 FROM record_version WHERE convention_id = ? LIMIT 1", arguments: [conventionID]) ?? false
            guard known else {
                throw Diagnostic.error(.conventionInconnue, "convention « \(conventionID) » inconnue de l'espace de travail (ajoutez-la avec « trame convention add »)")
            }
            try db.execute(sql: """
                INSERT INTO convention_setting (convention_id, retention_years, updated_by, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (convention_id) DO UPDATE SET retention_years = excluded.retention_years,
                    updated_by = excluded.updated_by, updated_at = excluded.updated_at
                """, arguments: [conventionID, years, actor, Timestamp.string(now)])
            try audit(db, "conservation", owner: conventionID, detail: ["annees": String(years)])
        }
    }

    /// The retention period of each convention that has one, in years.
    public func retentionSettings() throws -> [String: Int] {
        try read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT convention_id, retention_years FROM convention_setting WHERE retention_years IS NOT NULL")
                .map { ($0["convention_id"] as String, $0["retention_years"] as Int) })
        }
    }

    /// What `purge(before:)` would remove, without removing anything.
    public func planPurge(before: CalendarDate) throws -> PurgePlan {
        try read { db in try plan(db, before: before, executed: false) }
    }

    /// Removes the dossiers whose last activity is before `before` and older than their convention's
    /// retention period: every version, generated and signed document, and stored file. The only way
    /// anything is deleted. The audit log keeps the references and hashes, never the content.
    /// - Throws: `Diagnostic` `CONSERVATION_NON_DEFINIE` when a dossier concerned has no retention period.
    public func purge(before: CalendarDate) throws -> PurgePlan {
        let token = UUID().uuidString
        let result = try write { db -> PurgePlan in
            let plan = try plan(db, before: before, executed: true)
            guard !plan.candidates.isEmpty else { return plan }
            try db.execute(sql: "INSERT INTO purge_guard (token) VALUES (?)", arguments: [token])
            for c in plan.candidates {
                for table in ["signed_version WHERE owner_kind = 'dossier' AND owner_id = ?", "generated_document WHERE owner_kind = 'dossier' AND owner_id = ?",
                              "record_version WHERE kind = 'dossier' AND record_id = ?"] {
                    try db.execute(sql: "DELETE FROM " + table, arguments: [c.dossierID])
                }
                try audit(db, "purge", owner: c.dossierID, detail: PurgeAudit(references: c.references, empreintes: c.files, avant: before.description,
                                                                               lastActivity: c.lastActivity, retentionYears: c.retentionYears))
            }
            for (index, sha) in Set(plan.candidates.flatMap(\.files)).sorted().enumerated() where try !isReferenced(db, sha) {
                try db.execute(sql: "DELETE FROM stored_file WHERE sha256 = ?", arguments: [sha])
                try db.execute(sql: "INSERT INTO store_journal (token, operation, sha256, started_at) VALUES (?, 'suppression', ?, ?)",
                               arguments: ["\(token).\(index)", sha, Timestamp.string(now)])
            }
            try db.execute(sql: "DELETE FROM purge_guard WHERE token = ?", arguments: [token])
            return plan
        }
        let recovery = Recovery(database: database, store: store, actor: actor, clock: clock)
        let pending = try read { db in try Row.fetchAll(db, sql: "SELECT token, sha256 FROM store_journal WHERE token LIKE ?", arguments: ["\(token).%"]) }
        for row in pending {
            do { try recovery.finishDeletion(token: row["token"], sha256: row["sha256"]) } catch {
                throw Diagnostic.io("suppression des fichiers purgés inachevée (elle sera reprise à la prochaine ouverture)", subject: directory.path, underlying: error)
            }
        }
        return result
    }

    private func isReferenced(_ db: Database, _ sha: String) throws -> Bool {
        try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM signed_version WHERE sha256 = ?) OR EXISTS (SELECT 1 FROM record_version WHERE sha256 = ?)
                OR EXISTS (SELECT 1 FROM record_attachment WHERE sha256 = ?)
                OR EXISTS (SELECT 1 FROM generated_document WHERE sha256 = ? OR manifest_sha256 = ?)
            """, arguments: [sha, sha, sha, sha, sha]) ?? true
    }

    private func plan(_ db: Database, before: CalendarDate, executed: Bool) throws -> PurgePlan {
        let settings = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT convention_id, retention_years FROM convention_setting WHERE retention_years IS NOT NULL")
            .map { ($0["convention_id"] as String, $0["retention_years"] as Int) })
        guard !settings.isEmpty else {
            throw Diagnostic.error(.conservationNonDefinie, "aucune durée de conservation n'est définie : « trame archive retention --convention ID --annees N » d'abord")
        }
        let dossiers = try Row.fetchAll(db, sql: RecordVersion.select + """
             WHERE r.kind = 'dossier' AND r.version = (SELECT MAX(version) FROM record_version WHERE kind = 'dossier' AND record_id = r.record_id)
             ORDER BY r.record_id
            """).map(RecordVersion.init(row:))
        var candidates: [PurgePlan.Candidate] = []
        var kept: [PurgePlan.Kept] = []
        for d in dossiers {
            guard let end = d.endDate.flatMap(CalendarDate.init(iso:)) else {
                kept.append(.init(dossierID: d.id, reason: "sous-location en cours : la version en vigueur du dossier n'a pas de champ « issue »"))
                continue
            }
            let signed = try Row.fetchAll(db, sql: "SELECT signed_on, evaluation_date FROM signed_version WHERE owner_kind = 'dossier' AND owner_id = ?", arguments: [d.id])
            let dates = [end] + signed.flatMap { row in
                [row["signed_on"] as String?, row["evaluation_date"] as String?].compactMap { $0.flatMap(CalendarDate.init(iso:)) }
            }
            let last = dates.max()!
            guard last < before else {
                kept.append(.init(dossierID: d.id, reason: "dernière activité le \(last), pas avant le \(before)"))
                continue
            }
            let convention = d.conventionID ?? ""
            guard let years = settings[convention] else {
                throw Diagnostic.error(.conservationNonDefinie, "le dossier « \(d.id) » relève de la convention « \(convention) », qui n'a pas de durée de conservation : « trame archive retention --convention \(convention) --annees N »")
            }
            let limit = last.adding(months: 12 * years)
            guard limit <= today else {
                kept.append(.init(dossierID: d.id, reason: "conservé jusqu'au \(limit) (\(years) ans après le \(last))"))
                continue
            }
            candidates.append(.init(dossierID: d.id, conventionID: convention, lastActivity: last.description, retentionYears: years,
                                    references: try references(db, dossier: d.id), files: try files(db, dossier: d.id)))
        }
        return PurgePlan(before: before.description, today: today.description, candidates: candidates, kept: kept, executed: executed)
    }

    private func references(_ db: Database, dossier: String) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT 'dossier/' || record_id || '/v' || version FROM record_version WHERE kind = 'dossier' AND record_id = ?1
            UNION ALL SELECT 'G' || id FROM generated_document WHERE owner_kind = 'dossier' AND owner_id = ?1
            UNION ALL SELECT owner_id || '/' || document_kind || CASE evaluation_date WHEN '' THEN '' ELSE '/' || evaluation_date END || '/v' || version
              FROM signed_version WHERE owner_kind = 'dossier' AND owner_id = ?1
            """, arguments: [dossier])
    }

    private func files(_ db: Database, dossier: String) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT sha256 FROM record_version WHERE kind = 'dossier' AND record_id = ?1
            UNION SELECT sha256 FROM generated_document WHERE owner_kind = 'dossier' AND owner_id = ?1
            UNION SELECT manifest_sha256 FROM generated_document WHERE owner_kind = 'dossier' AND owner_id = ?1 AND manifest_sha256 IS NOT NULL
            UNION SELECT sha256 FROM signed_version WHERE owner_kind = 'dossier' AND owner_id = ?1
            ORDER BY 1
            """, arguments: [dossier])
    }
}

private struct PurgeAudit: Encodable, Sendable {
    let references: [String]
    let empreintes: [String]
    let avant: String
    let lastActivity: String
    let retentionYears: Int

    enum CodingKeys: String, CodingKey {
        case references, empreintes, avant, lastActivity = "derniere_activite", retentionYears = "conservation_annees"
    }
}
