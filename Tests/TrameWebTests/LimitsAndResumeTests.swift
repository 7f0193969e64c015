import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TrameAccounts
import TrameArchive
import TrameModel
import TrameWeb

/// Issue 16: sizes are capped with French pages (never an empty 500), and a form sent after the
/// session expired comes back, filled in, once the partner has signed in again.
@Suite struct LimitsAndResumeTests {
    @Test func aPaddedDossierIsRefusedWithAFrenchPage() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let coord = try test.session("coord")
        let padded = try Data(contentsOf: TestWorkspace.examples.appendingPathComponent("dossier-MJ-2019-011.yaml"))
            + Data(String(repeating: "# remplissage\n", count: 800_000).utf8)
        try await test.withApp { client in
            let refused = try await client.postFile("/dossiers/importer", coord, fields: [], file: ("fichier", "dossier.yaml", padded))
            #expect(refused.status == .contentTooLarge)
            #expect(refused.text.contains("Fichier trop volumineux") && refused.text.contains("1 Mo"))
        }
    }

    @Test func tooLongValuesAndNamesGetAFrenchAnswer() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let asso = try test.session("asso")
        let fields = DossierFormTests.newDossier.map { $0.0 == "sous_locataire.date_naissance" ? ($0.0, "1990-02-28") : $0 }
        try await test.withApp { client in
            let long = try await client.post("/dossiers/nouveau", asso, fields + [("sous_locataire.lieu_naissance", String(repeating: "a", count: 30_000))])
            #expect(long.status == .unprocessableContent)
            #expect(long.text.contains("TROP_VOLUMINEUX") && long.text.contains("20000 au plus"))
            let longID = try await client.post("/dossiers/nouveau", asso, fields.map { $0.0 == "dossier" ? ($0.0, String(repeating: "M", count: 300)) : $0 })
            #expect(longID.status == .unprocessableContent)
            #expect(!longID.text.isEmpty)
            let text = try String(contentsOf: TestWorkspace.examples.appendingPathComponent("dossier-MJ-2019-011.yaml"), encoding: .utf8)
                .replacingOccurrences(of: "MJ-2019-011", with: "MJ-2020-300")
            let longName = String(repeating: "dossier-très-long-", count: 20) + ".yaml"
            let imported = try await client.postFile("/dossiers/importer", asso, fields: [], file: ("fichier", longName, Data(text.utf8)))
            #expect(imported.status == .seeOther)
            let generated = try await client.post("/dossiers/MJ-2020-300/documents/sous-location/generer", asso,
                                                  [("destinataire", "sous-locataire"), ("format", "html")])
            #expect(generated.status == .seeOther, "a long file name never gives « File name too long »")
        }
        let stored = try #require(try test.workspace().currentRecord(.dossier, id: "MJ-2020-300"))
        #expect(stored.fileName.utf8.count <= 120 && stored.fileName.hasSuffix(".yaml") && stored.fileName.contains("très"))
    }

    @Test func anExpiredSessionKeepsTheTypedForm() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let asso = try test.session("asso")
        let typed = DossierFormTests.newDossier.map { $0.0 == "sous_locataire.nom" ? ($0.0, "Saisie « à garder »") : $0 }
        try await test.withApp { client in
            test.clock.advance(31 * 60)
            let late = try await client.post("/dossiers/nouveau", asso, typed)
            #expect(late.status == .seeOther)
            #expect(late.headers[.location] == "/connexion?reprise=1")
            let signIn = try await SecurityTests.signIn(client, "asso", TestWorkspace.password, sessionCookie: asso.token)
            #expect(signIn.status == .seeOther)
            #expect(signIn.headers[.location] == "/dossiers/nouveau?reprise=1")
            let cookie = try #require(signIn.headers[values: .setCookie].first { $0.hasPrefix("trame_session=") })
            let token = String(cookie.dropFirst("trame_session=".count).prefix { $0 != ";" })
            var headers = HTTPFields()
            headers[.cookie] = "trame_session=\(token)"
            let form = try await client.execute(uri: "/dossiers/nouveau?reprise=1", method: .get, headers: headers)
            #expect(form.status == .ok)
            #expect(form.text.contains("Votre session avait expiré"))
            #expect(form.text.contains(#"value="Saisie « à garder »""#) || form.text.contains("Saisie &laquo; à garder &raquo;")
                    || form.text.contains("Saisie « à garder »"))
            let again = try await client.execute(uri: "/dossiers/nouveau", method: .get, headers: headers)
            #expect(!again.text.contains("Saisie « à garder »"), "handed back once")
        }
    }

    @Test func anotherPartnerNeverGetsTheKeptForm() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let asso = try test.session("asso")
        try await test.withApp { client in
            test.clock.advance(31 * 60)
            _ = try await client.post("/dossiers/nouveau", asso, [("sous_locataire.nom", "Secret")])
            let other = try await SecurityTests.signIn(client, "coord", TestWorkspace.password, sessionCookie: asso.token)
            #expect(other.headers[.location] == "/a-faire", "another partner lands on their home page, never on the kept form")
        }
    }
}
