import Foundation
import GRDB
import TrameModel

extension Workspace {
    /// Archives a signed PDF or scan as a new version of its document.
    ///
    /// Versions are numbered per (dossier, document kind[, evaluation date]); a new version
    /// supersedes the current one *of the same audience* and must say why (`reason`): the landlord's
    /// copy of an evaluation never replaces the care team's, nor the reverse. Adding is atomic: a crash leaves the complete
    /// version or nothing. Bytes already archived for the same document record nothing.
    /// - Throws: `Diagnostic`: `FICHIER_INTROUVABLE` (missing input), `DOSSIER_INCONNU`,
    ///   `DATE_FUTURE`, `DEJA_ARCHIVE`, `FORMAT_NON_ARCHIVABLE` (data), `MOTIF_MANQUANT`… (usage).
    public func addSigned(fileURL: URL, request: SignedDocumentRequest) throws -> SignedAddResult {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: fileURL.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw Diagnostic.error(.fichierIntrouvable, "fichier introuvable", subject: fileURL.path)
        }
        let checked = try check(request)
        let head = (try? FileHandle(forReadingFrom: fileURL)).flatMap { handle in
            defer { try? handle.close() }
            return try? handle.read(upToCount: 16)
        } ?? Data()
        guard MediaType.sniffSigned(head) != nil else { throw unsupportedFormat(fileURL) }
        let add = try beginAdd(.archiveAdd)
        let staged = try stage(add, file: fileURL)
        guard let media = MediaType.sniffSigned(staged.head) else {
            abandon(add)
            throw unsupportedFormat(fileURL)
        }
        add.staged.append((staged, media))
        let key = [request.ownerID, request.documentKind.rawValue, checked.evaluationDate].compactMap { $0 }.joined(separator: "/")
        do {
            if let existing = try read({ db in try signedVersion(db, sha256: staged.sha256) }) {
                let result = try sameBytes(existing, key: key, audience: checked.audience, fileURL: fileURL)
                abandon(add)
                return result
            }
            if try read({ db in try latest(db, request, checked, audience: checked.audience) }) != nil, checked.reason == nil { throw missingReason(key) }
        } catch {
            abandon(add)
            throw error
        }
        return try commit(add) { db in
            if let existing = try signedVersion(db, sha256: staged.sha256) {
                return try sameBytes(existing, key: key, audience: checked.audience, fileURL: fileURL)
            }
            let previous = try latest(db, request, checked, audience: checked.audience)
            if previous != nil, checked.reason == nil { throw missingReason(key) }
            let number = try latest(db, request, checked, audience: nil)?.version ?? 0
            let signatories = String(decoding: try JSONEncoder().encode(checked.signatories), as: UTF8.self)
            try db.execute(sql: """
                INSERT INTO signed_version (owner_kind, owner_id, document_kind, evaluation_date, version, sha256, original_name,
                    signed_on, signatories, reason, audience, evaluation_type, recommendation, generated_id, generated_sha256,
                    added_by, added_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [checked.ownerKind.rawValue, request.ownerID, request.documentKind.rawValue, checked.evaluationDate ?? "",
                                 number + 1, staged.sha256, fileURL.lastPathComponent, request.signedOn.description,
                                 signatories, checked.reason, checked.audience.rawValue, checked.evaluationType, checked.recommendation,
                                 checked.generatedID, checked.generatedSHA256, actor, Timestamp.string(now)])
            add.steps.step("version-inserted")
            let recorded = try signedVersion(db, sha256: staged.sha256)!
            try audit(db, "archive-ajout", owner: request.ownerID, subject: recorded.ref, sha256: staged.sha256,
                      detail: ["document": request.documentKind.rawValue, "version": String(recorded.version),
                               "signe_le": recorded.signedOn, "remplace": previous?.ref ?? ""])
            add.steps.step("audit-inserted")
            return SignedAddResult(version: recorded, isNew: true, supersedes: previous, warnings: checked.warnings)
        }
    }

    /// The signed version holding these bytes, if any.
    func signedVersion(_ db: Database, sha256: String) throws -> SignedVersion? {
        try Row.fetchOne(db, sql: SignedVersion.select + " WHERE s.sha256 = ? ORDER BY s.id LIMIT 1", arguments: [sha256])
            .map(SignedVersion.init(row:))
    }

    /// The latest version of the request's document, of `audience` only when given.
    private func latest(_ db: Database, _ request: SignedDocumentRequest, _ checked: CheckedSignedRequest,
                        audience: Audience?) throws -> SignedVersion? {
        try Row.fetchOne(db, sql: SignedVersion.select + """
             WHERE s.owner_kind = ? AND s.owner_id = ? AND s.document_kind = ? AND s.evaluation_date = ?
               AND (? IS NULL OR s.audience = ?)
             ORDER BY s.version DESC LIMIT 1
            """, arguments: [checked.ownerKind.rawValue, request.ownerID, request.documentKind.rawValue, checked.evaluationDate ?? "",
                             audience?.rawValue, audience?.rawValue])
            .map(SignedVersion.init(row:))
    }

    /// Bytes already archived: nothing to do for the same document and audience, refused otherwise
    /// (a landlord's copy is never the care team's scan).
    private func sameBytes(_ existing: SignedVersion, key: String, audience: Audience, fileURL: URL) throws -> SignedAddResult {
        guard existing.key == key, existing.audience == audience else {
            throw Diagnostic.error(.dejaArchive, "ce fichier est déjà archivé sous \(existing.ref) ; un même fichier ne peut pas être archivé pour deux documents",
                                    subject: fileURL.path)
        }
        return SignedAddResult(version: existing, isNew: false, supersedes: nil, warnings: [])
    }

    private func missingReason(_ key: String) -> Diagnostic {
        Diagnostic.error(.motifManquant, "\(key) a déjà une version signée : indiquez pourquoi la nouvelle la remplace, avec --reason « … » (renouvellement, avenant, correction…)")
    }

    private func unsupportedFormat(_ fileURL: URL) -> Diagnostic {
        Diagnostic.error(.formatNonArchivable, "format non reconnu : l'archive des documents signés accepte les PDF et les scans PNG, JPEG ou TIFF",
                          subject: fileURL.path)
    }

    /// Signed versions, by dossier, document and version; all of them when `ownerID` is nil.
    public func signedVersions(ownerID: String? = nil) throws -> [SignedVersion] {
        try read { db in
            try Row.fetchAll(db, sql: SignedVersion.select + """
                 WHERE (? IS NULL OR s.owner_id = ?) ORDER BY s.owner_id, s.document_kind, s.evaluation_date, s.version
                """, arguments: [ownerID, ownerID]).map(SignedVersion.init(row:))
        }
    }

    /// The signed version a later one supersedes, and the one superseding it, if any: both of the
    /// same audience (the copies of an evaluation for different audiences share version numbers
    /// but never supersede one another).
    public func neighbours(of version: SignedVersion) throws -> (previous: SignedVersion?, next: SignedVersion?) {
        let chain = try signedVersions(ownerID: version.ownerID).filter { $0.key == version.key && $0.audience == version.audience }
        return (chain.last { $0.version < version.version }, chain.first { $0.version > version.version })
    }
}
