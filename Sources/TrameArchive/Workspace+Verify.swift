import Foundation
import GRDB
import TrameDiagnostics

extension Diagnostic {
    /// A problem `verify` found on a stored file (`objets/…`) or a database row: `FICHIER_MODIFIE`,
    /// `FICHIER_MANQUANT`, `FICHIER_ORPHELIN`, `LIGNE_SANS_FICHIER`, `FICHIER_NON_REFERENCE`,
    /// `VERSION_MANQUANTE`, `VERSION_DISPARUE`, `JOURNAL_AUDIT_INCOMPLET`, `BASE_CORROMPUE`.
    init(code: DiagnosticCode, subject: String, message: String) {
        self.init(.error, code, message, subject: subject)
    }
}

/// The outcome of `verify`.
public struct VerificationReport: Sendable, Hashable {
    public let filesChecked: Int
    public let bytesChecked: Int64
    public let problems: [Diagnostic]
    public var isClean: Bool { problems.isEmpty }
}

extension Workspace {
    /// Re-hashes every stored file and checks the database against the store: a changed byte, a
    /// missing file, an orphan file, a row pointing nowhere, a file no row uses, a gap in a version
    /// chain, a version the audit log recorded that is gone (and not purged), a removed audit entry.
    public func verify() throws -> VerificationReport {
        let listed = store.listObjects()
        let snapshot = try read { db in try VerificationSnapshot(db) }
        var problems = snapshot.databaseProblems
        var bytes: Int64 = 0
        for (sha, size) in snapshot.storedFiles.sorted(by: { $0.key < $1.key }) {
            let path = ContentStore.relativePath(sha)
            let url = store.url(for: sha)
            guard FileManager.default.fileExists(atPath: url.path) else {
                problems.append(.init(code: .fichierManquant, subject: path, message: "fichier archivé absent du dépôt"))
                continue
            }
            do {
                let actual = try ContentStore.hash(url)
                bytes += actual.size
                if actual.sha256 != sha || actual.size != size {
                    problems.append(.init(code: .fichierModifie, subject: path,
                                          message: "contenu modifié : empreinte \(actual.sha256.prefix(16))…, \(actual.size) octets (attendu \(size) octets)"))
                }
            } catch {
                problems.append(.init(code: .fichierManquant, subject: path, message: "fichier archivé illisible (\(error))"))
            }
        }
        for path in listed {
            let name = (path as NSString).lastPathComponent
            let expected = isSHA256(name) ? ContentStore.relativePath(name) : ""
            if path != expected || (snapshot.storedFiles[name] == nil && !snapshot.inFlight.contains(name)) {
                problems.append(.init(code: .fichierOrphelin, subject: path, message: "fichier présent dans le dépôt mais inconnu de la base"))
            }
        }
        let report = VerificationReport(filesChecked: snapshot.storedFiles.count, bytesChecked: bytes, problems: problems)
        try audit("verification", detail: ["fichiers": String(report.filesChecked), "problemes": String(problems.count)])
        return report
    }
}

/// What `verify` reads from the database in one snapshot, and the problems found there alone.
private struct VerificationSnapshot {
    var storedFiles: [String: Int64] = [:]
    var inFlight: Set<String> = []
    var databaseProblems: [Diagnostic] = []

    init(_ db: Database) throws {
        let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
        if integrity != ["ok"] {
            databaseProblems.append(.init(code: .baseCorrompue, subject: Workspace.databaseFileName, message: integrity.prefix(5).joined(separator: " ; ")))
        }
        for row in try Row.fetchAll(db, sql: "SELECT sha256, size FROM stored_file") { storedFiles[row["sha256"]] = row["size"] }
        inFlight = Set(try String.fetchAll(db, sql: "SELECT sha256 FROM store_journal WHERE operation = 'ajout'"))
        try checkReferences(db)
        try checkChains(db)
        try checkAudit(db)
    }

    /// Rows pointing to no stored file, and stored files no row uses.
    private mutating func checkReferences(_ db: Database) throws {
        let references = try Row.fetchAll(db, sql: """
            SELECT 'signed_version' AS t, id, sha256 FROM signed_version
            UNION ALL SELECT 'record_version', id, sha256 FROM record_version
            UNION ALL SELECT 'record_attachment', id, sha256 FROM record_attachment
            UNION ALL SELECT 'generated_document', id, sha256 FROM generated_document
            UNION ALL SELECT 'generated_document', id, manifest_sha256 FROM generated_document WHERE manifest_sha256 IS NOT NULL
            """)
        var used: Set<String> = []
        for row in references {
            let sha: String = row["sha256"]
            used.insert(sha)
            if storedFiles[sha] == nil {
                databaseProblems.append(.init(code: .ligneSansFichier, subject: "\(row["t"] as String) #\(row["id"] as Int64)",
                                              message: "la ligne désigne un fichier \(sha.prefix(16))… que la base ne connaît pas"))
            }
        }
        for sha in storedFiles.keys.sorted() where !used.contains(sha) {
            databaseProblems.append(.init(code: .fichierNonReference, subject: ContentStore.relativePath(sha),
                                          message: "fichier enregistré qu'aucune version ne désigne (ligne supprimée ?)"))
        }
    }

    /// Version numbers 1…n without gaps, per chain.
    private mutating func checkChains(_ db: Database) throws {
        let chains = try Row.fetchAll(db, sql: """
            SELECT owner_id || '/' || document_kind || CASE evaluation_date WHEN '' THEN '' ELSE '/' || evaluation_date END AS chain,
                   COUNT(*) AS n, MAX(version) AS top FROM signed_version GROUP BY owner_id, document_kind, evaluation_date
            UNION ALL
            SELECT kind || '/' || record_id, COUNT(*), MAX(version) FROM record_version GROUP BY kind, record_id
            """)
        for row in chains where (row["n"] as Int) != (row["top"] as Int) {
            databaseProblems.append(.init(code: .versionManquante, subject: row["chain"],
                                          message: "\(row["n"] as Int) versions pour une dernière version v\(row["top"] as Int) : une version a disparu"))
        }
    }

    /// Every version the audit log saw added is still there, unless purged; no audit entry removed.
    private mutating func checkAudit(_ db: Database) throws {
        let current = Set(try String.fetchAll(db, sql: """
            SELECT owner_id || '/' || document_kind || CASE evaluation_date WHEN '' THEN '' ELSE '/' || evaluation_date END || '/v' || version
              FROM signed_version
            UNION ALL SELECT kind || '/' || record_id || '/v' || version FROM record_version
            UNION ALL SELECT 'G' || id FROM generated_document
            """))
        let purged = Set(try String.fetchAll(db, sql: """
            SELECT j.value FROM audit_event a, json_each(a.detail, '$.references') j WHERE a.action = 'purge'
            """))
        let added = try Row.fetchAll(db, sql: """
            SELECT seq, subject FROM audit_event
             WHERE action IN ('archive-ajout', 'dossier-ajout', 'convention-ajout', 'generation') AND subject IS NOT NULL
            """)
        for row in added {
            let subject: String = row["subject"]
            if !current.contains(subject), !purged.contains(subject) {
                databaseProblems.append(.init(code: .versionDisparue, subject: subject,
                                              message: "ajout consigné au journal d'audit (n° \(row["seq"] as Int64)) mais absent de la base, sans purge"))
            }
        }
        let seqs = try Row.fetchOne(db, sql: "SELECT COUNT(*) AS n, COALESCE(MAX(seq), 0) AS top FROM audit_event")
        if let seqs, (seqs["n"] as Int64) != (seqs["top"] as Int64) {
            databaseProblems.append(.init(code: .journalAuditIncomplet, subject: "audit_event",
                                          message: "\(seqs["n"] as Int64) entrées pour un dernier numéro \(seqs["top"] as Int64) : des entrées ont été supprimées"))
        }
    }
}
