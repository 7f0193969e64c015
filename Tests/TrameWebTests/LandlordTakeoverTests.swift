import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TrameAccounts
import TrameArchive
import TrameModel
import TrameWeb

/// Issue 12: a landlord who takes over a flat must not receive, through the archive, an evaluation
/// made before the person consented to share with that landlord (the consent is judged on the
/// evaluation's date, not today).
@Suite struct LandlordTakeoverTests {
    /// MJ-2019-004 after its flat passed to bailleur-exemple-2, the person consenting to share with
    /// that landlord from 2020-04-01.
    static func takenOver() throws -> Data {
        var text = try String(contentsOf: TestWorkspace.examples.appendingPathComponent("dossier-MJ-2019-004.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "  bailleur: bailleur-exemple-1", with: "  bailleur: bailleur-exemple-2")
        text = text.replacingOccurrences(
            of: "  - { date: 2019-03-20, destinataire: association, perimetre: social }",
            with: "  - { date: 2019-03-20, destinataire: association, perimetre: social }\n"
                + "  - { date: 2020-04-01, destinataire: bailleur-exemple-2, perimetre: partage }")
        return Data(text.utf8)
    }

    @Test func theNewLandlordDoesNotReceiveReviewsMadeBeforeItsConsent() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let coordination = try test.session("coord"), former = try test.session("bailleur1"), next = try test.session("bailleur2")
        // While bailleur-exemple-1 holds the flat, its copy of the September 2019 review is generated and archived.
        let sha: String = try await test.withApp { client in
            let generated = try await client.post("/dossiers/MJ-2019-004/documents/evaluation/generer?date=2019-09-26", coordination,
                                                  [("destinataire", "bailleur"), ("format", "html")])
            #expect(generated.status == .seeOther, "\(generated.text.prefix(300))")
            let sha = try #require(AccessRulesTests.generated(generated))
            #expect(try await client.get("/fichiers/\(sha)", former).status == .ok, "the landlord of the time, with consent, receives it")
            return sha
        }
        // The flat passes to bailleur-exemple-2, which the person agrees to share with from April 2020.
        _ = try test.workspace().addRecord(data: try Self.takenOver(), fileName: "dossier-MJ-2019-004.yaml")
        try await test.withApp { client in
            let file = try await client.get("/fichiers/\(sha)", next)
            #expect(file.status == .notFound, "the new landlord never receives a review made before its consent")
            let page = try await client.get("/dossiers/MJ-2019-004", next)
            #expect(page.status == .ok, "the new landlord opens the dossier of its flat")
            #expect(!page.text.contains(sha), "nor sees it listed")
            #expect(try await client.get("/fichiers/\(sha)", former).status == .notFound, "the former landlord no longer opens the dossier")
            #expect(try await client.get("/fichiers/\(sha)", coordination).status == .ok)
        }
    }
}
