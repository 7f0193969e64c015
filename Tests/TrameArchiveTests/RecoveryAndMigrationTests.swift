import Foundation
import GRDB
import Testing
@testable import TrameArchive

@Suite("Opening a workspace: crash recovery and schema migrations")
struct RecoveryAndMigrationTests {
    /// Leaves what an add killed after journalling (and possibly after moving its file) leaves.
    private func simulateKilledAdd(_ ws: Workspace, content: String, moved: Bool) throws -> String {
        let token = UUID().uuidString
        let data = Data(content.utf8)
        let staged = try ws.store.stage(data: data, token: "\(token).0")
        #expect(FileManager.default.createFile(atPath: ws.store.lockURL(token).path, contents: nil))
        try ws.database.write { db in
            try db.execute(sql: "INSERT INTO store_journal VALUES (?, 'ajout', ?, '2025-06-15T12:00:00.000Z')", arguments: ["\(token).0", staged.sha256])
        }
        if moved { try ws.store.install(staged) }
        return staged.sha256
    }

    @Test(arguments: [false, true])
    func anAddKilledBeforeItsCommitIsUndone(moved: Bool) throws {
        let (workspace, root) = try ArchiveFixtures.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let sha = try simulateKilledAdd(workspace, content: "%PDF-1.7 interrompu", moved: moved)
        let reopened = try Workspace.open(at: workspace.directory, actor: "t", clock: ArchiveFixtures.clock)
        #expect(reopened.recoveredAdds == [sha])
        #expect(!FileManager.default.fileExists(atPath: reopened.store.url(for: sha).path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: reopened.store.tmp.path).filter { !$0.hasPrefix("migration") }.isEmpty)
        #expect(try reopened.auditEvents().last?.action == "reprise")
        #expect(try reopened.verify().isClean)
    }

    @Test func anAddStillRunningIsLeftAlone() throws {
        let (workspace, root) = try ArchiveFixtures.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let add = try workspace.beginAdd()
        let staged = try workspace.stage(add, data: Data("%PDF-1.7 en cours".utf8))
        try workspace.database.write { db in
            try db.execute(sql: "INSERT INTO store_journal VALUES (?, 'ajout', ?, '2025-06-15T12:00:00.000Z')", arguments: ["\(add.token).0", staged.sha256])
        }
        try workspace.store.install(staged)
        let other = try Workspace.open(at: workspace.directory, actor: "t")
        #expect(other.recoveredAdds.isEmpty)
        #expect(try other.verify().isClean, "an add in flight is not an orphan")
        add.lock.release()
        #expect(try Workspace.open(at: workspace.directory, actor: "t").recoveredAdds == [staged.sha256])
    }

    @Test func aTemporaryFileOfADeadAddIsRemoved() throws {
        let (workspace, root) = try ArchiveFixtures.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let token = UUID().uuidString
        _ = try workspace.store.stage(data: Data(repeating: 7, count: 1000), token: "\(token).0")
        let reopened = try Workspace.open(at: workspace.directory, actor: "t")
        #expect(reopened.recoveredAdds.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: reopened.store.partURL("\(token).0").path))
    }

    @Test func aWorkspaceWithOnlyV1IsMigrated() throws {
        let root = ArchiveFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        // An empty v1 workspace, as the first Trame with an archive created it.
        let empty = root.appendingPathComponent("vide")
        _ = try Workspace(directory: empty, actor: "ancien", clock: ArchiveFixtures.clock, migrateUpTo: "v1")
        #expect(try tables(empty).contains("convention_setting") == false)
        let migrated = try Workspace.open(at: empty, actor: "nouveau", clock: ArchiveFixtures.clock)
        #expect(try tables(empty).isSuperset(of: ["convention_setting", "purge_guard", "signed_version", "audit_event"]))
        #expect(try migrated.auditEvents().map(\.action) == ["migration"])

        // A v1 workspace holding data keeps it, and gains the v2 guards.
        let full = root.appendingPathComponent("plein")
        let old = try Workspace(directory: full, actor: "ancien", clock: ArchiveFixtures.clock, migrateUpTo: "v1")
        _ = try old.addRecord(data: ArchiveFixtures.sample("dossier-MJ-2019-004.yaml"), fileName: "dossier-MJ-2019-004.yaml")
        let signed = try ArchiveFixtures.sign(old, .bailPrincipal, in: root)
        let new = try Workspace.open(at: full, actor: "nouveau", clock: ArchiveFixtures.clock)
        #expect(try new.signedVersions().map(\.ref) == [signed.version.ref])
        #expect(try new.auditEvents().map(\.action) == ["dossier-ajout", "archive-ajout", "migration"])
        try new.setRetention(conventionID: "metz-jury-2018", years: 5)
        #expect(try new.retentionSettings() == ["metz-jury-2018": 5])
        #expect(throws: DatabaseError.self) { try new.database.write { try $0.execute(sql: "DELETE FROM signed_version") } }
        #expect(try new.verify().isClean)
    }

    private func tables(_ dir: URL) throws -> Set<String> {
        let queue = try DatabaseQueue(path: dir.appendingPathComponent("trame.sqlite").path)
        return Set(try queue.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") })
    }
}
