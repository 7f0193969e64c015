import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TrameAccounts
import TrameWeb

/// Every route of the application × every role (and no session) → the status the server answers.
/// The rules are enforced on the server: a page hidden from the navigation is also refused here.
@Suite struct AccessRulesTests {
    /// Who asks: no session, then one account per role (two landlords).
    static let callers = ["anonyme", "coord", "soin", "asso", "bailleur1", "bailleur2"]

    struct Case: CustomStringConvertible {
        let route: String
        let method: HTTPRequest.Method
        let uri: String
        var fields: [(String, String)] = []
        let expected: [String: Int]
        var description: String { "\(method) \(uri)" }
    }

    /// `default` for every signed-in caller, with exceptions; no session: the sign-in page (303), or 401 under /api/.
    static func expect(_ value: Int, _ exceptions: [String: Int] = [:], anonymous: Int = 303) -> [String: Int] {
        var out = Dictionary(uniqueKeysWithValues: callers.map { ($0, value) })
        out["anonyme"] = anonymous
        for (k, v) in exceptions { out[k] = v }
        return out
    }

    /// The table. `{soin}` and `{bail}` are generated documents (care copy of an evaluation,
    /// landlord's main lease) made before the table runs.
    static let cases: [Case] = [
        Case(route: "GET /", method: .get, uri: "/", expected: expect(303)),
        Case(route: "GET /sante", method: .get, uri: "/sante", expected: expect(200, anonymous: 200)),
        Case(route: "GET /static/style.css", method: .get, uri: "/static/style.css", expected: expect(200, anonymous: 200)),
        Case(route: "GET /connexion", method: .get, uri: "/connexion", expected: expect(303, anonymous: 200)),
        Case(route: "GET /dossiers", method: .get, uri: "/dossiers", expected: expect(200)),
        Case(route: "GET /dossiers/nouveau", method: .get, uri: "/dossiers/nouveau", expected: expect(200, ["bailleur1": 403, "bailleur2": 403])),
        Case(route: "POST /dossiers/nouveau", method: .post, uri: "/dossiers/nouveau", fields: [("dossier", "")],
             expected: expect(422, ["bailleur1": 403, "bailleur2": 403])),
        Case(route: "POST /dossiers/importer", method: .post, uri: "/dossiers/importer", expected: expect(400, ["bailleur1": 403, "bailleur2": 403])),
        Case(route: "GET /dossiers/{id}", method: .get, uri: "/dossiers/MJ-2019-004", expected: expect(200, ["bailleur2": 404])),
        Case(route: "GET /dossiers/{id}", method: .get, uri: "/dossiers/MJ-2019-011", expected: expect(200, ["bailleur1": 404])),
        Case(route: "GET /dossiers/{id}", method: .get, uri: "/dossiers/MJ-2099-999", expected: expect(404)),
        Case(route: "GET /dossiers/{id}/modifier", method: .get, uri: "/dossiers/MJ-2019-004/modifier",
             expected: expect(200, ["bailleur1": 403, "bailleur2": 403])),
        Case(route: "POST /dossiers/{id}/modifier", method: .post, uri: "/dossiers/MJ-2019-011/modifier", fields: [("_base", "ancienne")],
             expected: expect(422, ["bailleur1": 403, "bailleur2": 403])),
        Case(route: "GET /dossiers/{id}/export", method: .get, uri: "/dossiers/MJ-2019-004/export",
             expected: expect(200, ["coord": 403, "asso": 403, "bailleur1": 403, "bailleur2": 404])),
        Case(route: "GET /dossiers/{id}/export", method: .get, uri: "/dossiers/MJ-2019-011/export",
             expected: expect(200, ["bailleur1": 404, "bailleur2": 403])),
        Case(route: "GET /dossiers/{id}/documents/{document}", method: .get, uri: "/dossiers/MJ-2019-004/documents/sous-location",
             expected: expect(200, ["bailleur1": 404, "bailleur2": 404])),
        Case(route: "GET /dossiers/{id}/documents/{document}", method: .get, uri: "/dossiers/MJ-2019-004/documents/bail-principal",
             expected: expect(200, ["bailleur2": 404])),
        Case(route: "GET /dossiers/{id}/documents/{document}", method: .get, uri: "/dossiers/MJ-2019-004/documents/evaluation?date=2019-09-26",
             expected: expect(200, ["bailleur2": 404])),
        Case(route: "GET /dossiers/{id}/documents/{document}", method: .get, uri: "/dossiers/MJ-2019-004/documents/evaluation?date=2019-09-26&destinataire=soin",
             expected: expect(200, ["bailleur2": 404])),
        Case(route: "POST /dossiers/{id}/documents/{document}/generer", method: .post, uri: "/dossiers/MJ-2019-004/documents/bail-principal/generer",
             fields: [("destinataire", "bailleur"), ("format", "html")], expected: expect(303, ["bailleur2": 404])),
        Case(route: "POST /dossiers/{id}/documents/{document}/generer", method: .post,
             uri: "/dossiers/MJ-2019-004/documents/evaluation/generer?date=2019-09-26", fields: [("destinataire", "soin"), ("format", "html")],
             expected: expect(303, ["coord": 403, "asso": 403, "bailleur1": 403, "bailleur2": 404])),
        Case(route: "POST /dossiers/{id}/documents/{document}/signe", method: .post, uri: "/dossiers/MJ-2019-004/documents/bail-principal/signe",
             expected: expect(422, ["bailleur2": 404])),
        // Preview (nothing archived), correction and withdrawal of an evaluation, history (issue 16).
        Case(route: "GET /dossiers/{id}/documents/{document}/apercu", method: .get,
             uri: "/dossiers/MJ-2019-004/documents/bail-principal/apercu?destinataire=bailleur", expected: expect(200, ["bailleur2": 404])),
        Case(route: "GET /dossiers/{id}/documents/{document}/apercu", method: .get,
             uri: "/dossiers/MJ-2019-004/documents/evaluation/apercu?date=2019-09-26&destinataire=soin",
             expected: expect(200, ["coord": 403, "asso": 403, "bailleur1": 403, "bailleur2": 404])),
        Case(route: "GET /dossiers/{id}/documents/{document}/apercu/document", method: .get,
             uri: "/dossiers/MJ-2019-004/documents/bail-principal/apercu/document?destinataire=bailleur", expected: expect(200, ["bailleur2": 404])),
        Case(route: "GET /dossiers/{id}/evaluations/{date}/corriger", method: .get, uri: "/dossiers/MJ-2019-004/evaluations/2019-09-26/corriger",
             expected: expect(200, ["bailleur1": 403, "bailleur2": 403])),
        Case(route: "POST /dossiers/{id}/evaluations/{date}/corriger", method: .post, uri: "/dossiers/MJ-2019-004/evaluations/2019-09-26/corriger",
             expected: expect(422, ["bailleur1": 403, "bailleur2": 403])),
        Case(route: "GET /dossiers/{id}/evaluations/{date}/retirer", method: .get, uri: "/dossiers/MJ-2019-004/evaluations/2019-09-26/retirer",
             expected: expect(200, ["bailleur1": 403, "bailleur2": 403])),
        Case(route: "POST /dossiers/{id}/evaluations/{date}/retirer", method: .post, uri: "/dossiers/MJ-2019-004/evaluations/2019-09-26/retirer",
             expected: expect(422, ["bailleur1": 403, "bailleur2": 403])),
        Case(route: "GET /dossiers/{id}/historique", method: .get, uri: "/dossiers/MJ-2019-004/historique", expected: expect(200, ["bailleur2": 404])),
        Case(route: "GET /fichiers/{sha}", method: .get, uri: "/fichiers/{soin}",
             expected: expect(200, ["coord": 404, "asso": 404, "bailleur1": 404, "bailleur2": 404])),
        Case(route: "GET /fichiers/{sha}", method: .get, uri: "/fichiers/{bail}", expected: expect(200, ["bailleur2": 404])),
        Case(route: "GET /fichiers/{sha}", method: .get, uri: "/fichiers/" + String(repeating: "0", count: 64), expected: expect(404)),
        Case(route: "GET /tableau-de-bord", method: .get, uri: "/tableau-de-bord", expected: expect(200, ["bailleur1": 403, "bailleur2": 403])),
        Case(route: "GET /a-faire", method: .get, uri: "/a-faire", expected: expect(200, ["bailleur1": 403, "bailleur2": 403])),
        Case(route: "GET /convention", method: .get, uri: "/convention", expected: expect(200)),
        Case(route: "POST /convention/{id}/documents/{document}/generer", method: .post,
             uri: "/convention/metz-jury-2018/documents/annexe-roles/generer", fields: [("format", "html")], expected: expect(303)),
        Case(route: "GET /administration", method: .get, uri: "/administration", expected: expect(403, ["coord": 200])),
        Case(route: "POST /administration/verification", method: .post, uri: "/administration/verification", expected: expect(403, ["coord": 200])),
        Case(route: "GET /api/dossiers", method: .get, uri: "/api/dossiers", expected: expect(200, anonymous: 401)),
        Case(route: "GET /api/dossiers/{id}", method: .get, uri: "/api/dossiers/MJ-2019-004", expected: expect(200, ["bailleur2": 404], anonymous: 401)),
        Case(route: "GET /api/dossiers/{id}", method: .get, uri: "/api/dossiers/MJ-2019-011", expected: expect(200, ["bailleur1": 404], anonymous: 401)),
        Case(route: "GET /api/echeances", method: .get, uri: "/api/echeances", expected: expect(200, ["bailleur1": 403, "bailleur2": 403], anonymous: 401)),
        Case(route: "GET /api/statut", method: .get, uri: "/api/statut", expected: expect(200, ["bailleur1": 403, "bailleur2": 403], anonymous: 401)),
        Case(route: "POST /connexion", method: .post, uri: "/connexion", expected: expect(403, anonymous: 403)),
        Case(route: "POST /deconnexion", method: .post, uri: "/deconnexion", expected: expect(303)),
    ]

    @Test func everyRouteAnswersEachRoleAsExpected() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        var opened: [String: Session] = [:]
        for caller in Self.callers.dropFirst() { opened[caller] = try test.session(caller) }
        let sessions = opened
        let routes = try TrameWebApp.router(configuration: test.configuration).routes.map(\.description)
        #expect(Set(routes) == Set(Self.cases.map(\.route)), "routes sans règle ou règles sans route")
        try await test.withApp { client in
            let coord = try #require(sessions["coord"]), care = try #require(sessions["soin"])
            let soin = try await client.post("/dossiers/MJ-2019-004/documents/evaluation/generer?date=2019-09-26", care,
                                             [("destinataire", "soin"), ("format", "html")])
            let bail = try await client.post("/dossiers/MJ-2019-004/documents/bail-principal/generer", coord,
                                             [("destinataire", "bailleur"), ("format", "odt")])
            let soinSHA = try #require(Self.generated(soin)), bailSHA = try #require(Self.generated(bail))
            for entry in Self.cases {
                for caller in Self.callers {
                    let uri = entry.uri.replacingOccurrences(of: "{soin}", with: soinSHA).replacingOccurrences(of: "{bail}", with: bailSHA)
                    // Signing out ends the session: each caller signs out on a session of its own.
                    let session = entry.route == "POST /deconnexion" && caller != "anonyme" ? try test.session(caller) : sessions[caller]
                    let response = entry.method == .post ? try await client.post(uri, session, entry.fields)
                                                         : try await client.get(uri, session)
                    #expect(Int(response.status.code) == entry.expected[caller], "\(entry) pour \(caller)")
                }
            }
        }
    }

    /// The SHA-256 in the redirection after a generation (`…?genere=SHA`).
    static func generated(_ response: TestResponse) -> String? {
        guard let location = response.headers[.location], let range = location.range(of: "genere=") else { return nil }
        return String(location[range.upperBound...].prefix(64))
    }
}
