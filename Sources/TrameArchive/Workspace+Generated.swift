import Foundation
import GRDB
import TrameModel

/// A generated document recorded in the workspace, linked to the exact dossier (or convention)
/// version its data came from.
public struct GeneratedDocument: Sendable, Codable, Hashable {
    public let id: Int64
    public let ownerKind: OwnerKind
    public let ownerID: String
    public let documentKind: DocumentKind
    public let audience: Audience
    /// `odt`, `docx`, `html`, `pdf`.
    public let format: String
    public let sha256: String
    public let size: Int64
    /// The SHA-256 of its manifest, when one was recorded.
    public let manifestSHA256: String?
    /// The SHA-256 of the dossier or convention file it was generated from.
    public let sourceSHA256: String
    /// That file's version number (its first version with those bytes).
    public let sourceVersion: Int?
    public let addedBy: String
    public let addedAt: Date

    /// `G12`: how commands refer to it (`trame archive show G12`, `--generated G12`).
    public var ref: String { "G\(id)" }

    static func id(fromRef ref: String) -> Int64? {
        guard ref.hasPrefix("G") || ref.hasPrefix("g") else { return nil }
        return Int64(ref.dropFirst())
    }

    init(row: Row) {
        id = row["id"]
        ownerKind = OwnerKind(rawValue: row["owner_kind"]) ?? .dossier
        ownerID = row["owner_id"]
        documentKind = DocumentKind(rawValue: row["document_kind"]) ?? .avenant
        audience = Audience(rawValue: row["audience"]) ?? .soin
        format = row["format"]
        sha256 = row["sha256"]
        size = row["size"] ?? 0
        manifestSHA256 = row["manifest_sha256"]
        sourceSHA256 = row["source_sha256"]
        sourceVersion = row["source_version"]
        addedBy = row["added_by"]
        addedAt = Timestamp.date(row["added_at"])
    }

    static let select = """
        SELECT g.*, f.size,
               (SELECT MIN(version) FROM record_version r
                 WHERE r.kind = g.owner_kind AND r.record_id = g.owner_id AND r.sha256 = g.source_sha256) AS source_version
          FROM generated_document g LEFT JOIN stored_file f ON f.sha256 = g.sha256
        """
}

extension Workspace {
    /// Records a generated document and its manifest (`trame generate … --archive`).
    ///
    /// - Parameters:
    ///   - fileURL: the generated file.
    ///   - manifestJSON: its manifest (the sidecar), stored beside it when given.
    ///   - dossierID: the dossier it was generated for, or the convention's id for a partnership document.
    ///   - sourceSHA256: the SHA-256 of the dossier (or convention) file it was generated from; it must be
    ///     a recorded version. Nil: the current version.
    ///   - documentKind, audience, format: what it is, for whom, in which format (`odt`, `docx`, `html`, `pdf`).
    /// - Returns: the recorded document (the existing one when these bytes were already recorded for it).
    /// - Throws: `Diagnostic` `DOSSIER_INCONNU`, `VERSION_SOURCE_INCONNUE`, `FICHIER_INTROUVABLE`.
    public func recordGenerated(fileURL: URL, manifestJSON: Data?, dossierID: String, sourceSHA256: String? = nil,
                                documentKind: DocumentKind, audience: Audience, format: String) throws -> GeneratedDocument {
        guard FileManager.default.fileExists(atPath: fileURL.path) else {
            throw Diagnostic.error(.fichierIntrouvable, "document généré introuvable", subject: fileURL.path)
        }
        let ownerKind: OwnerKind = documentKind.isPartnershipDocument ? .convention : .dossier
        let versions = try recordVersions(ownerKind, id: dossierID)
        guard let current = versions.last else {
            throw Diagnostic.error(.dossierInconnu, "\(ownerKind.french) « \(dossierID) » absent de l'espace de travail : ajoutez-le avec « trame \(ownerKind.rawValue) add »")
        }
        let source = sourceSHA256?.lowercased() ?? current.sha256
        guard versions.contains(where: { $0.sha256 == source }) else {
            throw Diagnostic.error(.versionSourceInconnue, "les données utilisées (SHA-256 \(source.prefix(12))…) ne sont aucune version enregistrée de « \(dossierID) » : ajoutez ce fichier avec « trame \(ownerKind.rawValue) add » avant de générer")
        }
        let add = try beginAdd(.generatedAdd)
        let document = try stage(add, file: fileURL)
        add.staged.append((document, MediaType.forGenerated(format: format)))
        if let manifestJSON { add.staged.append((try stage(add, data: manifestJSON), .json)) }
        let manifest = manifestJSON == nil ? nil : add.staged[1].file.sha256
        return try commit(add) { db in
            let existing = try Row.fetchOne(db, sql: GeneratedDocument.select + """
                 WHERE g.sha256 = ? AND g.owner_id = ? AND g.document_kind = ? AND g.audience = ? AND g.source_sha256 = ?
                """, arguments: [document.sha256, dossierID, documentKind.rawValue, audience.rawValue, source])
            if let existing, manifest == nil || existing["manifest_sha256"] == manifest { return GeneratedDocument(row: existing) }
            try db.execute(sql: """
                INSERT INTO generated_document (owner_kind, owner_id, document_kind, audience, format, sha256, manifest_sha256,
                    source_sha256, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [ownerKind.rawValue, dossierID, documentKind.rawValue, audience.rawValue, format.lowercased(),
                                 document.sha256, manifest, source, actor, Timestamp.string(now)])
            add.steps.step("version-inserted")
            let recorded = try Row.fetchOne(db, sql: GeneratedDocument.select + " WHERE g.id = ?", arguments: [db.lastInsertedRowID])
                .map(GeneratedDocument.init(row:))!
            try audit(db, "generation", owner: dossierID, subject: recorded.ref, sha256: document.sha256,
                      detail: ["document": documentKind.rawValue, "destinataire": audience.rawValue, "format": recorded.format,
                               "source": source, "manifeste": manifest ?? ""])
            add.steps.step("audit-inserted")
            return recorded
        }
    }

    /// A generated document by number (`G12` → 12).
    public func generatedDocument(id: Int64) throws -> GeneratedDocument? {
        try read { db in
            try Row.fetchOne(db, sql: GeneratedDocument.select + " WHERE g.id = ?", arguments: [id]).map(GeneratedDocument.init(row:))
        }
    }

    /// The generated document whose file or manifest has this SHA-256.
    public func generatedDocument(sha256: String) throws -> GeneratedDocument? {
        try read { db in
            try Row.fetchOne(db, sql: GeneratedDocument.select + " WHERE g.sha256 = ? OR g.manifest_sha256 = ? ORDER BY g.id DESC LIMIT 1",
                             arguments: [sha256, sha256]).map(GeneratedDocument.init(row:))
        }
    }

    /// Generated documents, oldest first; all of them when `ownerID` is nil.
    public func generatedDocuments(ownerID: String? = nil) throws -> [GeneratedDocument] {
        try read { db in
            try Row.fetchAll(db, sql: GeneratedDocument.select + " WHERE (? IS NULL OR g.owner_id = ?) ORDER BY g.id",
                             arguments: [ownerID, ownerID]).map(GeneratedDocument.init(row:))
        }
    }

    /// The stored manifest (sidecar JSON) of a generated document, when one was recorded.
    public func manifestData(of document: GeneratedDocument) -> Data? {
        guard let sha = document.manifestSHA256 else { return nil }
        return FileManager.default.contents(atPath: store.url(for: sha).path)
    }
}
