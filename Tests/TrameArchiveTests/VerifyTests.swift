import Foundation
import GRDB
import Testing
@testable import TrameArchive
import TrameDiagnostics

@Suite("verify catches each kind of damage")
struct VerifyTests {
    /// A workspace with two signed versions and a generated document; returns it with the v1 hash.
    private func damaged(_ damage: (Workspace, String) throws -> Void) throws -> VerificationReport {
        let (workspace, root) = try ArchiveFixtures.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let v1 = try ArchiveFixtures.sign(workspace, .sousLocation, on: "2019-04-01", in: root)
        try ArchiveFixtures.sign(workspace, .sousLocation, on: "2020-04-01", reason: "renouvellement", in: root)
        #expect(try workspace.verify().isClean)
        try damage(workspace, v1.version.sha256)
        return try Workspace.open(at: workspace.directory, actor: "verif").verify()
    }

    private func makeWritable(_ url: URL) throws {
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: url.path)
    }

    @Test func aFlippedByte() throws {
        let report = try damaged { ws, sha in
            let url = ws.storedFileURL(try ws.resolve(sha))
            try makeWritable(url)
            var bytes = try Data(contentsOf: url)
            bytes[3] ^= 0x01
            try bytes.write(to: url)
        }
        #expect(report.problems.map(\.code.rawValue) == ["FICHIER_MODIFIE"])
        #expect(report.problems.first?.subject?.hasPrefix("objets/") == true)
    }

    @Test func aMissingFile() throws {
        let report = try damaged { ws, sha in try FileManager.default.removeItem(at: ws.store.url(for: sha)) }
        #expect(report.problems.map(\.code.rawValue) == ["FICHIER_MANQUANT"])
    }

    @Test func anOrphanFile() throws {
        let report = try damaged { ws, _ in
            let sha = String(repeating: "ab", count: 32)
            let url = ws.store.url(for: sha)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("intrus".utf8).write(to: url)
            try Data("intrus".utf8).write(to: ws.directory.appendingPathComponent("objets/nimporte-quoi"))
        }
        #expect(report.problems.map(\.code.rawValue) == ["FICHIER_ORPHELIN", "FICHIER_ORPHELIN"])
    }

    @Test func aDeletedVersionRow() throws {
        let report = try damaged { ws, sha in
            try ws.database.write { db in
                try db.execute(sql: "INSERT INTO purge_guard VALUES ('sabotage')")
                try db.execute(sql: "DELETE FROM signed_version WHERE sha256 = ?", arguments: [sha])
                try db.execute(sql: "DELETE FROM purge_guard")
            }
        }
        #expect(Set(report.problems.map(\.code.rawValue)) == ["FICHIER_NON_REFERENCE", "VERSION_MANQUANTE", "VERSION_DISPARUE"])
    }

    @Test func aRowPointingNowhere() throws {
        let report = try damaged { ws, sha in
            try ws.database.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                try db.execute(sql: "INSERT INTO purge_guard VALUES ('sabotage')")
                try db.execute(sql: "DELETE FROM stored_file WHERE sha256 = ?", arguments: [sha])
                try db.execute(sql: "DELETE FROM purge_guard")
                try db.execute(sql: "PRAGMA foreign_keys = ON")
            }
        }
        #expect(Set(report.problems.map(\.code.rawValue)) == ["LIGNE_SANS_FICHIER", "FICHIER_ORPHELIN"])
    }

    @Test func theAuditLogRefusesChangesAndReportsRemovedEntries() throws {
        let report = try damaged { ws, _ in
            #expect(throws: DatabaseError.self) { try ws.database.write { try $0.execute(sql: "DELETE FROM audit_event WHERE seq = 2") } }
            #expect(throws: DatabaseError.self) { try ws.database.write { try $0.execute(sql: "UPDATE audit_event SET actor = 'x'") } }
            #expect(throws: DatabaseError.self) { try ws.database.write { try $0.execute(sql: "UPDATE signed_version SET reason = 'x'") } }
            #expect(throws: DatabaseError.self) { try ws.database.write { try $0.execute(sql: "DELETE FROM signed_version") } }
            try ws.database.write { db in
                try db.execute(sql: "DROP TRIGGER audit_event_ajout_seul")
                try db.execute(sql: "DELETE FROM audit_event WHERE seq = 2")
            }
        }
        #expect(report.problems.map(\.code.rawValue) == ["JOURNAL_AUDIT_INCOMPLET"])
    }
}
