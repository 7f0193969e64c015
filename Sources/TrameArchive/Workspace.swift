import Foundation
import TrameFiles
import GRDB
import TrameModel

/// A Trame workspace: `trame.sqlite` (records, versions, audit log) and the content-addressed store
/// `objets/<2 hex>/<sha256>`, with `tmp/` for files being written.
///
/// Opening a workspace brings its schema up to date and undoes any add that a crash interrupted.
/// Several processes may use the same workspace at once (WAL, busy timeout, one writer at a time).
public final class Workspace: Sendable {
    /// The source of the current time (injected by tests).
    public typealias Clock = @Sendable () -> Date

    /// The workspace directory.
    public let directory: URL
    /// Who acts: recorded in every version and audit event.
    public let actor: String
    /// Hashes of the incomplete adds found and undone when the workspace was opened.
    public let recoveredAdds: [String]

    let database: DatabasePool
    let store: ContentStore
    let clock: Clock

    /// The database file name inside the workspace.
    public static let databaseFileName = "trame.sqlite"

    /// Whether `directory` holds a workspace.
    public static func isWorkspace(_ directory: URL) -> Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent(databaseFileName).path)
    }

    /// Opens the workspace in `directory`.
    /// - Throws: `Diagnostic` (`ESPACE_INTROUVABLE`) when there is none.
    public static func open(at directory: URL, actor: String, clock: @escaping Clock = { Date() }) throws -> Workspace {
        guard isWorkspace(directory) else {
            throw Diagnostic.error(.espaceIntrouvable,
                                       "aucun espace de travail Trame dans ce dossier ; créez-le avec « trame init \(directory.path) »",
                                       subject: directory.path)
        }
        return try Workspace(directory: directory, actor: actor, clock: clock)
    }

    /// Creates a workspace in `directory` (absent or empty), or opens the one already there.
    /// - Returns: the workspace, and whether it was created.
    /// - Throws: `Diagnostic` (`DOSSIER_NON_VIDE`) when the directory holds other files.
    public static func create(at directory: URL, actor: String, clock: @escaping Clock = { Date() }) throws -> (workspace: Workspace, created: Bool) {
        if isWorkspace(directory) { return (try Workspace(directory: directory, actor: actor, clock: clock), false) }
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
            let entries = (try? fm.contentsOfDirectory(atPath: directory.path)) ?? []
            guard isDirectory.boolValue, entries.isEmpty else {
                throw Diagnostic.error(.dossierNonVide,
                                        "ce dossier existe et n'est pas un espace de travail Trame vide ; choisissez un dossier neuf",
                                        subject: directory.path)
            }
        }
        do {
            try ContentStore(root: directory).createDirectories()
        } catch {
            throw Diagnostic.io("création de l'espace de travail impossible", subject: directory.path, underlying: error)
        }
        let workspace = try Workspace(directory: directory, actor: actor, clock: clock)
        try workspace.database.write { db in
            try workspace.audit(db, "creation", detail: ["schema": ArchiveSchema.versions.last ?? ""])
        }
        return (workspace, true)
    }

    init(directory: URL, actor: String, clock: @escaping Clock, migrateUpTo target: String? = nil) throws {
        self.directory = directory.standardizedFileURL
        self.actor = actor
        self.clock = clock
        self.store = ContentStore(root: self.directory)
        do {
            try store.createDirectories()
            var config = Configuration()
            config.busyMode = .timeout(60)
            config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            database = try DatabasePool(path: self.directory.appendingPathComponent(Workspace.databaseFileName).path,
                                        configuration: config)
        } catch {
            throw Diagnostic.io("ouverture de la base de l'espace de travail impossible",
                                  subject: directory.appendingPathComponent(Workspace.databaseFileName).path, underlying: error)
        }
        WorkspacePermissions.secureRoot(self.directory)
        try Workspace.migrate(database, store: store, actor: actor, clock: clock, upTo: target)
        recoveredAdds = try Recovery(database: database, store: store, actor: actor, clock: clock).run()
    }

    /// Applies the pending migrations, one process at a time, and logs the upgrade.
    private static func migrate(_ database: DatabasePool, store: ContentStore, actor: String, clock: Clock, upTo target: String?) throws {
        let migrator = ArchiveSchema.migrator
        do {
            if target == nil, try database.read({ try migrator.hasCompletedMigrations($0) }) { return }
            try POSIXFile.withExclusiveLock(store.tmp.appendingPathComponent("migration.lock")) {
                let before = try database.read { try migrator.appliedIdentifiers($0) }
                if let target { try migrator.migrate(database, upTo: target) } else { try migrator.migrate(database) }
                let after = try database.read { try migrator.appliedIdentifiers($0) }
                let applied = after.subtracting(before).sorted()
                guard !before.isEmpty, !applied.isEmpty else { return }
                try database.write { db in
                    try AuditLog.append(db, at: clock(), actor: actor, action: "migration",
                                        detail: ["de": before.sorted().joined(separator: ","), "appliquees": applied.joined(separator: ",")])
                }
            }
        } catch {
            throw Diagnostic.io("mise à jour du schéma de l'espace de travail impossible", subject: store.root.path, underlying: error)
        }
    }

    /// The current time.
    var now: Date { clock() }

    /// Today's date in the local time zone.
    var today: CalendarDate {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: now)
        return CalendarDate(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1) ?? CalendarDate(year: 1970, month: 1, day: 1)!
    }
}
