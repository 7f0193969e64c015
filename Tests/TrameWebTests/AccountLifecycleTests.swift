import Foundation
import Testing
import TrameAccounts
import TrameDiagnostics
import TrameArchive

@Suite("Accounts: disable, enable, new password")
struct AccountLifecycleTests {
    func store() throws -> (AccountStore, URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("trame-lifecycle-\(UUID().uuidString)")
        _ = try Workspace.create(at: dir, actor: "test")
        let store = try AccountStore(directory: dir, cost: 10)
        try store.add(login: "asso", role: .association, landlord: nil, password: "ancien mot de passe", createdBy: "test")
        return (store, dir)
    }

    @Test func aDisabledAccountCannotSignInAndLosesItsSessions() throws {
        let (store, dir) = try store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let session = try store.signIn(login: "asso", password: "ancien mot de passe")
        try store.setEnabled(false, login: "asso", by: "coord")
        #expect(try store.session(token: session.token) == nil, "open sessions end")
        #expect(try store.account("asso")?.disabledAt != nil)
        do {
            _ = try store.signIn(login: "asso", password: "ancien mot de passe")
            Issue.record("a disabled account signed in")
        } catch {
            #expect(error.code == .identifiantsIncorrects, "refused like a wrong password: \(error)")
        }
        try store.setEnabled(true, login: "asso", by: "coord")
        #expect(try store.signIn(login: "asso", password: "ancien mot de passe").account.login == "asso")
        #expect(throws: Diagnostic.self) { try store.setEnabled(false, login: "inconnu", by: "coord") }
    }

    @Test func aNewPasswordEndsSessionsAndReplacesTheOldOne() throws {
        let (store, dir) = try store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let session = try store.signIn(login: "asso", password: "ancien mot de passe")
        #expect(throws: Diagnostic.self) { try store.setPassword(login: "asso", password: "court", by: "coord") }
        try store.setPassword(login: "asso", password: "nouveau mot de passe", by: "coord")
        #expect(try store.session(token: session.token) == nil)
        #expect(throws: Diagnostic.self) { _ = try store.signIn(login: "asso", password: "ancien mot de passe") }
        #expect(try store.signIn(login: "asso", password: "nouveau mot de passe").account.login == "asso")
        let actions = try store.journal().map(\.action)
        #expect(actions.contains("mot-de-passe"))
    }
}
