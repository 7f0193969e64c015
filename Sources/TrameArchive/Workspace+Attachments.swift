import Crypto
import Foundation
import GRDB
import TrameModel

/// A file stored with a version of a convention: a partner's logo or the house style, under the
/// name the convention gives it (relative to the convention file).
public struct RecordAttachment: Sendable, Hashable, Codable {
    public let name: String
    public let sha256: String
}

extension Workspace {
    /// The folder, under the workspace, where conventions with files are laid out for generation.
    static let conventionViewsFolder = "vues-conventions"

    /// The files stored with a version of a convention (none for a dossier), by name.
    public func recordAttachments(_ kind: OwnerKind, id: String, version: Int) throws -> [RecordAttachment] {
        try read { db in try Self.attachments(db, kind, id, version) }
    }

    static func attachments(_ db: Database, _ kind: OwnerKind, _ id: String, _ version: Int) throws -> [RecordAttachment] {
        try Row.fetchAll(db, sql: """
            SELECT name, sha256 FROM record_attachment WHERE kind = ? AND record_id = ? AND version = ? ORDER BY name
            """, arguments: [kind.rawValue, id, version]).map { RecordAttachment(name: $0["name"], sha256: $0["sha256"]) }
    }

    /// The convention file of a version laid out with its files, as they were beside it when it was
    /// added, so that its logos and style resolve as they did: the stored file itself when it has
    /// none. The folder is rebuilt from the checked objects whenever one of its files is missing
    /// or differs; it lives in the workspace (0700) and holds no personal data.
    /// - Throws: `Diagnostic` `CONVENTION_INCONNUE`, `VERSION_INCONNUE`, `FICHIER_MODIFIE`.
    public func conventionFile(id: String, version: Int? = nil) throws -> (version: RecordVersion, url: URL) {
        let (chosen, stored) = try recordFile(.convention, id: id, version: version)
        let attachments = try recordAttachments(.convention, id: id, version: chosen.version)
        guard !attachments.isEmpty else { return (chosen, stored) }
        let views = directory.appendingPathComponent(Self.conventionViewsFolder, isDirectory: true)
        let folder = views.appendingPathComponent("\(id)-v\(chosen.version)-\(chosen.sha256.prefix(12))", isDirectory: true)
        let fileName = Self.viewFileName(chosen.fileName)
        let files = [RecordAttachment(name: fileName, sha256: chosen.sha256)] + attachments
        if files.allSatisfy({ Self.holds(folder.appendingPathComponent($0.name), sha256: $0.sha256) }) {
            return (chosen, folder.appendingPathComponent(fileName))
        }
        do {
            try WorkspacePermissions.makeDirectory(views)
            let staging = views.appendingPathComponent(".\(UUID().uuidString)", isDirectory: true)
            try WorkspacePermissions.makeDirectory(staging)
            defer { try? FileManager.default.removeItem(at: staging) }
            for file in files {
                let data = try storedBytes(sha256: file.sha256, url: store.url(for: file.sha256))
                let target = staging.appendingPathComponent(file.name)
                try WorkspacePermissions.makeDirectory(target.deletingLastPathComponent())
                try data.write(to: target)
                chmod(target.path, WorkspacePermissions.file)
            }
            // Replace a damaged or partial folder in one step; a concurrent builder may win the race
            // with the same checked bytes, which is as good.
            if FileManager.default.fileExists(atPath: folder.path) { try? FileManager.default.removeItem(at: folder) }
            do { try FileManager.default.moveItem(at: staging, to: folder) } catch {
                guard files.allSatisfy({ Self.holds(folder.appendingPathComponent($0.name), sha256: $0.sha256) }) else { throw error }
            }
        } catch let error as Diagnostic {
            throw error
        } catch {
            throw Diagnostic.io("préparation des fichiers de la convention impossible", subject: id, underlying: error)
        }
        return (chosen, folder.appendingPathComponent(fileName))
    }

    /// The convention's own name in its laid-out folder: the name it was added under, if usable.
    static func viewFileName(_ name: String) -> String {
        let base = (name as NSString).lastPathComponent
        return ConventionAttachments.isStorable(base) && !base.isEmpty ? base : "convention.yaml"
    }

    /// Whether `url` holds exactly the bytes of `sha256`.
    static func holds(_ url: URL, sha256: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: url.path) else { return false }
        return Array(SHA256.hash(data: data)).hex == sha256
    }
}
