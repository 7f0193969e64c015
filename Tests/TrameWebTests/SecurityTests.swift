import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TrameAccounts
import TrameDiagnostics
import TrameWeb

/// Sign-in, cookies, form tokens, throttling, session expiry, security headers, journal.
@Suite struct SecurityTests {
    /// GET /connexion then POST it with the page's token and its cookie.
    static func signIn(_ client: any TestClientProtocol, _ login: String, _ password: String,
                       from address: String? = nil, sessionCookie: String? = nil) async throws -> TestResponse {
        let page = try await client.get("/connexion", nil)
        let cookie = try #require(page.headers[values: .setCookie].first { $0.hasPrefix("trame_formulaire=") })
        let token = String(cookie.dropFirst("trame_formulaire=".count).prefix { $0 != ";" })
        #expect(page.text.contains("value=\"\(token)\""))
        var headers = HTTPFields()
        headers[.cookie] = "trame_formulaire=\(token)" + (sessionCookie.map { "; trame_session=\($0)" } ?? "")
        if let address, let name = HTTPField.Name("X-Forwarded-For") { headers[name] = address }
        return try await client.post("/connexion", nil, [("identifiant", login), ("mot_de_passe", password)], token: token, headers: headers)
    }

    @Test func signInSetsASecureHttpOnlyStrictSessionCookie() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        try await test.withApp { client in
            let response = try await Self.signIn(client, "coord", TestWorkspace.password)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/a-faire", "the home page of a role that sees deadlines")
            let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("trame_session=") })
            #expect(cookie.contains("Secure") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
            let token = String(cookie.dropFirst("trame_session=".count).prefix { $0 != ";" })
            var headers = HTTPFields()
            headers[.cookie] = "trame_session=\(token)"
            let list = try await client.execute(uri: "/dossiers", method: .get, headers: headers)
            #expect(list.status == .ok)
            #expect(list.text.contains("MJ-2019-004"))
            #expect(list.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            #expect(list.headers[.cacheControl] == "no-store")
            #expect(list.headers[.xContentTypeOptions] == "nosniff")
        }
    }

    /// Issue 16: five wrong passwords from one address slow that address down (growing delays);
    /// the partner signs in from its own address meanwhile — nobody can lock someone else's login.
    @Test func wrongPasswordsAreThrottledPerLoginAndAddress() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        try await test.withApp { client in
            for _ in 0..<5 {
                let refused = try await Self.signIn(client, "asso", "mauvais-mot-de-passe", from: "203.0.113.9")
                #expect(refused.status == .unauthorized)
                #expect(refused.text.contains("Identifiant ou mot de passe incorrect"))
            }
            let slowed = try await Self.signIn(client, "asso", TestWorkspace.password, from: "203.0.113.9")
            #expect(slowed.status == .tooManyRequests)
            #expect(slowed.text.contains("Trop de tentatives de connexion"))
            #expect(slowed.text.contains("30 secondes"))
            let owner = try await Self.signIn(client, "asso", TestWorkspace.password, from: "198.51.100.7")
            #expect(owner.status == .seeOther, "the partner's own address is not affected")
            test.clock.advance(31)
            let wrongAgain = try await Self.signIn(client, "asso", "mauvais-mot-de-passe", from: "203.0.113.9")
            #expect(wrongAgain.status == .unauthorized)
            test.clock.advance(31)
            let doubled = try await Self.signIn(client, "asso", TestWorkspace.password, from: "203.0.113.9")
            #expect(doubled.status == .tooManyRequests, "the delay doubles: 60 s after the sixth failure")
            test.clock.advance(30)
            let again = try await Self.signIn(client, "asso", TestWorkspace.password, from: "203.0.113.9")
            #expect(again.status == .seeOther)
        }
        let actions = try test.store().journal().map(\.action)
        #expect(actions.filter { $0 == "connexion-refusee" }.count == 6)
        #expect(actions.contains("connexion-ralentie"))
    }

    @Test func theDelayGrowsAndIsCapped() {
        let policy = SessionPolicy()
        #expect(policy.delay(afterFailures: 4) == 0)
        #expect(policy.delay(afterFailures: 5) == 30)
        #expect(policy.delay(afterFailures: 6) == 60)
        #expect(policy.delay(afterFailures: 40) == 15 * 60)
    }

    @Test func formsWithoutTheSessionTokenAreRefused() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let session = try test.session("coord")
        try await test.withApp { client in
            let fields = [("dossier", "MJ-2020-001")]
            let missing = try await client.post("/dossiers/nouveau", session, fields, token: "")
            #expect(missing.status == .forbidden)
            #expect(missing.text.contains("jeton de sécurité"))
            let wrong = try await client.post("/dossiers/nouveau", session, fields, token: String(repeating: "a", count: 64))
            #expect(wrong.status == .forbidden)
            var foreign = HTTPFields()
            foreign[.origin] = "https://ailleurs.example"
            let crossSite = try await client.post("/administration/verification", session, [], headers: foreign)
            #expect(crossSite.status == .forbidden)
            let signIn = try await client.post("/connexion", nil, [("identifiant", "coord"), ("mot_de_passe", TestWorkspace.password)], token: "x")
            #expect(signIn.status == .forbidden, "the sign-in form needs its own token and cookie")
            let right = try await client.post("/administration/verification", session)
            #expect(right.status == .ok)
        }
    }

    @Test func idleAndOldSessionsExpire() async throws {
        let test = try TestWorkspace(policy: SessionPolicy(idleTimeout: 600, absoluteTimeout: 1500))
        defer { test.remove() }
        let idle = try test.session("soin")
        try await test.withApp { client in
            #expect(try await client.get("/dossiers", idle).status == .ok)
            test.clock.advance(601)
            let expired = try await client.get("/dossiers", idle)
            #expect(expired.status == .seeOther)
            #expect(expired.headers[.location] == "/connexion")
            #expect(try await client.get("/api/dossiers", idle).status == .unauthorized)

            let busy = try test.session("soin")
            for step in [500.0, 500, 400] {
                test.clock.advance(step)
                #expect(try await client.get("/dossiers", busy).status == .ok, "used within the idle timeout")
            }
            test.clock.advance(200)
            #expect(try await client.get("/dossiers", busy).status == .seeOther, "past the absolute timeout, though used 200 s ago")
        }
        #expect(try test.store().journal().map(\.action).contains("session-expiree"))
    }

    @Test func signOutEndsTheSession() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let session = try test.session("asso")
        try await test.withApp { client in
            let out = try await client.post("/deconnexion", session)
            #expect(out.status == .seeOther)
            #expect(out.headers[values: .setCookie].contains { $0.hasPrefix("trame_session=;") && $0.contains("Max-Age=0") })
            #expect(try await client.get("/dossiers", session).status == .seeOther)
        }
    }

    @Test func accountsRefuseBadInput() throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let store = try test.store()
        #expect(throws: Diagnostic.self) { try store.add(login: "Coord", role: .coordination, landlord: nil, password: TestWorkspace.password, createdBy: "t") }
        #expect(throws: Diagnostic.self) { try store.add(login: "b3", role: .bailleur, landlord: nil, password: TestWorkspace.password, createdBy: "t") }
        #expect(throws: Diagnostic.self) { try store.add(login: "court", role: .soin, landlord: nil, password: "court", createdBy: "t") }
        #expect(throws: Diagnostic.self) { try store.add(login: "coord", role: .soin, landlord: nil, password: TestWorkspace.password, createdBy: "t") }
        let hash = try #require(try Self.storedHash(test, "coord"))
        #expect(hash.hasPrefix("$2b$10$"), "bcrypt, cost 10 or more")
    }

    /// The stored hash, read with the sqlite3 tool when present.
    static func storedHash(_ test: TestWorkspace, _ login: String) throws -> String? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") else { return "$2b$10$ (sqlite3 absent)" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [test.directory.appendingPathComponent("comptes.sqlite").path, "SELECT hash FROM compte WHERE login = '\(login)'"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
