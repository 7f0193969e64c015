import Crypto
import Foundation
import GRDB
import TrameModel

/// Why a person made a new version of a record, for the audit log: the correction or withdrawal
/// of an evaluation, with its reason (issue 16). Unlike other entries, it holds the reason as
/// written: the record of a change to a held evaluation must say why (level `partage`: never a
/// detail of care).
public struct RecordChange: Sendable, Hashable {
    /// `evaluation-correction`, `evaluation-retrait`.
    public let action: String
    /// `evaluation` (its date), `motif`, and any other detail.
    public let detail: [String: String]

    public init(action: String, detail: [String: String]) {
        self.action = action
        self.detail = detail
    }
}

extension Workspace {
    /// Records a convention or dossier file as a new version, keeping its original bytes.
    ///
    /// The file must pass the format checks (`ModelLoader`); the rules that compare a dossier with
    /// its convention are the caller's (`trame dossier add` runs the checks of `trame check`).
    /// Bytes identical to the current version record nothing.
    /// - Parameters:
    ///   - data: the file's bytes, as they are.
    ///   - fileName: its name, for messages and listings.
    /// - Throws: `Diagnostic` `FICHIER_NON_CONFORME` when the file does not pass the format checks.
    ///   - change: why a person made this version (a correction or withdrawal of an evaluation),
    ///     written to the audit log in the same transaction as the version; nothing when the bytes
    ///     are identical to the current version.
    ///   - attachments: for a convention, the bytes of every file it names (logos, style:
    ///     `ConventionAttachments`), by the name it gives them: they are stored with the version, and
    ///     a version is new when the file or one of them changed.
    public func addRecord(data: Data, fileName: String, change: RecordChange? = nil, attachments: [String: Data] = [:]) throws -> RecordAddResult {
        let loaded = ModelLoader.read(data: data, name: fileName)
        guard let fileKind = loaded.kind, let root = loaded.root, !loaded.diagnostics.hasErrors else {
            throw Diagnostic.error(.fichierNonConforme,
                                    "ce n'est pas une convention ou un dossier conforme au format ; vérifiez-le avec « trame check »",
                                    subject: fileName)
        }
        let kind: OwnerKind = fileKind == .dossier ? .dossier : .convention
        let id = (kind == .dossier ? root["dossier"]?.text : root["identifiant"]?.text) ?? ""
        guard !id.isEmpty, !id.contains("/"), !id.contains(where: \.isWhitespace) else {
            throw Diagnostic.error(.identifiant, "identifiant « \(id) » inutilisable pour l'archive (vide, espace ou « / »)", subject: fileName)
        }
        let conventionID = kind == .dossier ? root["convention"]?.text : id
        let endDate = root["issue"]?["date"]?.date?.description
        let sha = Array(SHA256.hash(data: data)).hex
        guard kind == .convention || attachments.isEmpty else {
            throw Diagnostic.error(.fichierNonConforme, "seule une convention est enregistrée avec des fichiers (logos, style)", subject: fileName)
        }
        if let name = attachments.keys.sorted().first(where: { !ConventionAttachments.isStorable($0) }) {
            throw Diagnostic.error(.logoInvalide, "fichier « \(name) » refusé : son chemin doit se lire à partir du dossier de la convention, sans « .. » ni chemin absolu",
                                   subject: fileName)
        }
        let files = attachments.map { RecordAttachment(name: $0.key, sha256: Array(SHA256.hash(data: $0.value)).hex) }.sorted { $0.name < $1.name }
        let other: OwnerKind = kind == .dossier ? .convention : .dossier
        if try currentRecord(other, id: id) != nil {
            throw Diagnostic.error(.identifiantPris, "l'identifiant « \(id) » est déjà celui d'un\(other == .convention ? "e" : "") \(other.french) de l'espace de travail",
                                    subject: fileName)
        }
        if let current = try currentRecord(kind, id: id), current.sha256 == sha,
           try recordAttachments(kind, id: id, version: current.version) == files {
            return RecordAddResult(version: current, isNew: false, sameBytesAs: current.version)
        }
        let add = try beginAdd(kind == .dossier ? .dossierAdd : .conventionAdd)
        let staged = try stage(add, data: data)
        add.staged.append((staged, fileName.lowercased().hasSuffix(".json") ? .json : .yaml))
        for name in attachments.keys.sorted() {
            let bytes = attachments[name]!
            add.staged.append((try stage(add, data: bytes), MediaType.attachment(bytes)))
        }
        return try commit(add) { db in
            let current = try Row.fetchOne(db, sql: RecordVersion.select + " WHERE r.kind = ? AND r.record_id = ? ORDER BY r.version DESC LIMIT 1",
                                           arguments: [kind.rawValue, id]).map(RecordVersion.init(row:))
            if let current, current.sha256 == sha, try Self.attachments(db, kind, id, current.version) == files {
                return RecordAddResult(version: current, isNew: false, sameBytesAs: current.version)
            }
            let version = (current?.version ?? 0) + 1
            let earlier = try Int.fetchOne(db, sql: "SELECT MIN(version) FROM record_version WHERE kind = ? AND record_id = ? AND sha256 = ?",
                                           arguments: [kind.rawValue, id, sha])
            try db.execute(sql: """
                INSERT INTO record_version (kind, record_id, version, sha256, file_name, convention_id, end_date, added_by, added_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [kind.rawValue, id, version, sha, (fileName as NSString).lastPathComponent, conventionID, endDate,
                                 actor, Timestamp.string(now)])
            for file in files {
                try db.execute(sql: "INSERT INTO record_attachment (kind, record_id, version, name, sha256) VALUES (?, ?, ?, ?, ?)",
                               arguments: [kind.rawValue, id, version, file.name, file.sha256])
            }
            add.steps.step("version-inserted")
            let recorded = try Row.fetchOne(db, sql: RecordVersion.select + " WHERE r.kind = ? AND r.record_id = ? AND r.version = ?",
                                            arguments: [kind.rawValue, id, version]).map(RecordVersion.init(row:))!
            try audit(db, "\(kind.rawValue)-ajout", owner: id, subject: recorded.ref, sha256: sha,
                      detail: files.isEmpty ? ["version": String(version), "fichier": recorded.fileName]
                        : ["version": String(version), "fichier": recorded.fileName, "fichiers_joints": files.map(\.name).joined(separator: ", ")])
            if let change {
                try audit(db, change.action, owner: id, subject: recorded.ref, sha256: sha,
                          detail: change.detail.merging(["version": String(version)]) { given, _ in given })
            }
            add.steps.step("audit-inserted")
            return RecordAddResult(version: recorded, isNew: true, sameBytesAs: earlier)
        }
    }

    /// The current version of a convention or dossier, or nil when the workspace does not hold it.
    public func currentRecord(_ kind: OwnerKind, id: String) throws -> RecordVersion? {
        try read { db in
            try Row.fetchOne(db, sql: RecordVersion.select + " WHERE r.kind = ? AND r.record_id = ? ORDER BY r.version DESC LIMIT 1",
                             arguments: [kind.rawValue, id]).map(RecordVersion.init(row:))
        }
    }

    /// Every version of a convention or dossier, oldest first.
    public func recordVersions(_ kind: OwnerKind, id: String) throws -> [RecordVersion] {
        try read { db in
            try Row.fetchAll(db, sql: RecordVersion.select + " WHERE r.kind = ? AND r.record_id = ? ORDER BY r.version",
                             arguments: [kind.rawValue, id]).map(RecordVersion.init(row:))
        }
    }

    /// The conventions or dossiers of the workspace, by id, with their current version.
    public func records(_ kind: OwnerKind) throws -> [RecordSummary] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT r.*, f.size, c.n FROM record_version r LEFT JOIN stored_file f ON f.sha256 = r.sha256
                 JOIN (SELECT record_id AS rid, MAX(version) AS latest, COUNT(*) AS n FROM record_version WHERE kind = ? GROUP BY record_id) c
                   ON c.rid = r.record_id AND c.latest = r.version
                 WHERE r.kind = ? ORDER BY r.record_id
                """, arguments: [kind.rawValue, kind.rawValue])
            return rows.map { RecordSummary(current: RecordVersion(row: $0), versionCount: $0["n"]) }
        }
    }

    /// The stored file of a version (current when `version` is nil), for reading in place.
    /// - Throws: `Diagnostic` `DOSSIER_INCONNU` or `VERSION_INCONNUE`.
    public func recordFile(_ kind: OwnerKind, id: String, version: Int? = nil) throws -> (version: RecordVersion, url: URL) {
        let versions = try recordVersions(kind, id: id)
        guard let last = versions.last else {
            throw Diagnostic.error(kind == .dossier ? .dossierInconnu : .conventionInconnue,
                                    "\(kind.french) « \(id) » absent\(kind == .convention ? "e" : "") de l'espace de travail (voir « trame \(kind.rawValue) list »)")
        }
        guard let chosen = version.map({ n in versions.first { $0.version == n } }) ?? last else {
            throw Diagnostic.error(.versionInconnue, "\(kind.french) « \(id) » : pas de version \(version ?? 0) (versions 1 à \(last.version))")
        }
        return (chosen, store.url(for: chosen.sha256))
    }

    /// The original bytes of a version (current when `version` is nil), checked against its hash.
    /// The reading is logged (`consultation`): a dossier holds personal and care data.
    public func recordContent(_ kind: OwnerKind, id: String, version: Int? = nil) throws -> (version: RecordVersion, data: Data) {
        let (chosen, url) = try recordFile(kind, id: id, version: version)
        let data = try storedBytes(sha256: chosen.sha256, url: url)
        try audit("consultation", owner: id, subject: chosen.ref, sha256: chosen.sha256)
        return (chosen, data)
    }

    /// Reads a small stored file and checks its hash.
    func storedBytes(sha256: String, url: URL) throws -> Data {
        guard let data = try? Data(contentsOf: url) else {
            throw Diagnostic.error(.fichierManquant, "fichier archivé introuvable ; lancez « trame archive verify »",
                                    subject: ContentStore.relativePath(sha256))
        }
        guard Array(SHA256.hash(data: data)).hex == sha256 else {
            throw Diagnostic.error(.fichierModifie, "le fichier archivé a été altéré ; lancez « trame archive verify »",
                                    subject: ContentStore.relativePath(sha256))
        }
        return data
    }
}
