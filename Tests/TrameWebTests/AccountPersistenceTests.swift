import Foundation
import GRDB
import Testing
import TrameAccounts
import TrameArchive

@Suite("Accounts: hashed session tokens, kept by backup and restore")
struct AccountPersistenceTests {
    func workspace() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("trame-accounts-\(UUID().uuidString)")
        _ = try Workspace.create(at: dir, actor: "test")
        return dir
    }

    @Test func theDatabaseNeverHoldsAUsableSessionToken() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try AccountStore(directory: dir, cost: 10)
        _ = try store.add(login: "coord", role: .coordination, landlord: nil, password: "un mot de passe solide", createdBy: "test")
        let session = try store.signIn(login: "coord", password: "un mot de passe solide")
        let stored = try DatabaseQueue(path: dir.appendingPathComponent("comptes.sqlite").path).read { db in
            try String.fetchAll(db, sql: "SELECT jeton FROM session")
        }
        #expect(stored.count == 1)
        #expect(stored.first != session.token, "the raw cookie token is not in the database")
        #expect(stored.first?.count == 64)
        #expect(try store.session(token: session.token)?.account.login == "coord")
        #expect(try store.session(token: stored.first!) == nil, "the stored value does not open the session")
    }

    @Test func backupAndRestoreKeepTheAccounts() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try AccountStore(directory: dir, cost: 10)
        _ = try store.add(login: "bailleur1", role: .bailleur, landlord: "bailleur-exemple-1", password: "un autre mot de passe", createdBy: "test")
        let backup = dir.deletingLastPathComponent().appendingPathComponent("\(dir.lastPathComponent)-sauvegarde.zip")
        let restored = dir.deletingLastPathComponent().appendingPathComponent("\(dir.lastPathComponent)-restaure")
        defer { try? FileManager.default.removeItem(at: backup); try? FileManager.default.removeItem(at: restored) }
        _ = try Workspace.open(at: dir, actor: "test").backup(to: backup, overwrite: false)
        _ = try Workspace.restore(from: backup, to: restored, actor: "test")
        let back = try AccountStore(directory: restored, cost: 10)
        #expect(try back.account("bailleur1")?.role == .bailleur)
        #expect(try back.signIn(login: "bailleur1", password: "un autre mot de passe").account.login == "bailleur1")
    }
}
