import Foundation
import TrameFiles
import GRDB
import ZIPFoundation
import TrameDiagnostics

/// What `backup` or `restore` handled.
public struct BackupSummary: Sendable, Codable, Hashable {
    /// The backup file.
    public let file: String
    /// Stored files in the backup.
    public let files: Int
    public let bytes: Int64
}

/// The description of a backup (`SAUVEGARDE.json`).
struct BackupManifest: Codable, Sendable {
    var format = "trame-sauvegarde"
    var version = 1
    let createdAt: String
    let createdBy: String
    let schema: [String]
    let files: Int
    let bytes: Int64

    enum CodingKeys: String, CodingKey {
        case format, version, createdAt = "cree_le", createdBy = "cree_par", schema, files = "fichiers", bytes = "octets"
    }
}

extension Workspace {
    /// Other SQLite databases kept in a workspace by other parts of Trame (the web app's accounts),
    /// included in backups and restored with them.
    public static let auxiliaryDatabaseFileNames = ["comptes.sqlite"]

    /// Writes one consistent ZIP of the whole workspace, while it is in use: an online SQLite backup
    /// of the database (one snapshot) and of the accounts database, then every stored file the
    /// snapshot knows, each hash checked.
    /// - Throws: `Diagnostic` `FICHIER_MODIFIE` when a stored file is damaged, `FICHIER_EXISTANT`.
    public func backup(to output: URL, overwrite: Bool) throws -> BackupSummary {
        let add = try beginAdd(.backup)
        defer { abandon(add) }
        let snapshot = store.tmp.appendingPathComponent("\(add.token).sauvegarde.sqlite")
        defer { for suffix in ["", "-wal", "-shm", "-journal"] { POSIXFile.remove(URL(fileURLWithPath: snapshot.path + suffix)) } }
        let files: [(sha: String, size: Int64)]
        let schema: [String]
        do {
            let copy = try DatabaseQueue(path: snapshot.path)
            try database.backup(to: copy)
            (files, schema) = try copy.read { db in
                (try Row.fetchAll(db, sql: "SELECT sha256, size FROM stored_file ORDER BY sha256").map { ($0["sha256"] as String, $0["size"] as Int64) },
                 try ArchiveSchema.migrator.appliedIdentifiers(db).sorted())
            }
            try copy.close()
            add.steps.step("snapshot-copied")
        } catch {
            throw Diagnostic.io("copie de la base impossible", subject: snapshot.path, underlying: error)
        }
        // The other databases of the workspace (the web app's accounts), copied the same consistent way.
        var auxiliaries: [(String, URL)] = []
        defer { for (_, copy) in auxiliaries { for suffix in ["", "-wal", "-shm", "-journal"] { POSIXFile.remove(URL(fileURLWithPath: copy.path + suffix)) } } }
        for name in Workspace.auxiliaryDatabaseFileNames where FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path) {
            let copy = store.tmp.appendingPathComponent("\(add.token).\(name)")
            do {
                let source = try DatabaseQueue(path: directory.appendingPathComponent(name).path)
                let target = try DatabaseQueue(path: copy.path)
                try source.backup(to: target)
                try target.close()
                try source.close()
            } catch {
                throw Diagnostic.io("copie de \(name) impossible", subject: copy.path, underlying: error)
            }
            auxiliaries.append((name, copy))
            add.steps.step("accounts-copied")
        }
        let bytes = files.reduce(Int64(0)) { $0 + $1.size }
        let manifest = BackupManifest(createdAt: Timestamp.string(now), createdBy: actor, schema: schema, files: files.count, bytes: bytes)
        try writeAtomically(to: output, overwrite: overwrite, for: add) { temporary in
            let archive: Archive
            do { archive = try Archive(url: temporary, accessMode: .create) } catch {
                throw Diagnostic.io("création du fichier de sauvegarde impossible", subject: output.path, underlying: error)
            }
            add.steps.step("zip-created")
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try ZipWriting.addData(archive, path: "SAUVEGARDE.json", data: try encoder.encode(manifest))
            add.steps.step("zip-manifest-added")
            _ = try ZipWriting.addStoredFile(archive, path: Workspace.databaseFileName, source: snapshot, compress: true)
            add.steps.step("zip-database-added")
            for (name, copy) in auxiliaries {
                _ = try ZipWriting.addStoredFile(archive, path: name, source: copy, compress: true)
                add.steps.step("zip-accounts-added")
            }
            for file in files {
                let sha = try ZipWriting.addStoredFile(archive, path: ContentStore.relativePath(file.sha), source: store.url(for: file.sha))
                guard sha == file.sha else {
                    throw Diagnostic.error(.fichierModifie, "fichier archivé altéré : sauvegarde refusée ; lancez « trame archive verify »",
                                            subject: ContentStore.relativePath(file.sha))
                }
                add.steps.step("zip-file-added")
            }
        }
        try audit("sauvegarde", detail: ["fichier": output.path, "fichiers": String(files.count)])
        add.steps.step("audit-logged")
        return BackupSummary(file: output.path, files: files.count, bytes: bytes)
    }

    /// Rebuilds a workspace from a backup into `directory`, which must be absent or empty.
    ///
    /// Every stored file is checked against its name (its SHA-256) as it is extracted, into a
    /// temporary directory beside `directory` that is renamed into place at the end; the restored
    /// workspace is then opened (migrated if older) and verified.
    /// - Returns: the workspace, what was restored, and the verification of the result.
    /// - Throws: `Diagnostic` `DOSSIER_NON_VIDE`, `SAUVEGARDE_INVALIDE`, `FICHIER_MODIFIE`, `FICHIER_INTROUVABLE`.
    public static func restore(from backup: URL, to directory: URL, actor: String, clock: @escaping Clock = { Date() })
        throws -> (workspace: Workspace, summary: BackupSummary, verification: VerificationReport) {
        let fm = FileManager.default
        guard fm.fileExists(atPath: backup.path) else {
            throw Diagnostic.error(.fichierIntrouvable, "sauvegarde introuvable", subject: backup.path)
        }
        if fm.fileExists(atPath: directory.path), !((try? fm.contentsOfDirectory(atPath: directory.path))?.isEmpty ?? false) {
            throw Diagnostic.error(.dossierNonVide, "la restauration se fait dans un dossier absent ou vide", subject: directory.path)
        }
        let staging = directory.deletingLastPathComponent().appendingPathComponent(".\(directory.lastPathComponent).restauration-\(UUID().uuidString)")
        do {
            let summary = try BackupReader(backup: backup, staging: staging).extract()
            try POSIXFile.move(staging, to: directory, replacing: true)  // rename() replaces an empty directory atomically
            WorkspacePermissions.secureTree(directory)  // restored files: 0700 / 0600 whatever the umask
            let workspace = try Workspace.open(at: directory, actor: actor, clock: clock)
            let report = try workspace.verify()
            try workspace.audit("restauration", detail: ["depuis": backup.path, "fichiers": String(summary.files)])
            return (workspace, summary, report)
        } catch {
            try? fm.removeItem(at: staging)
            if let error = error as? Diagnostic { throw error }
            throw Diagnostic.io("restauration impossible", subject: directory.path, underlying: error)
        }
    }
}
