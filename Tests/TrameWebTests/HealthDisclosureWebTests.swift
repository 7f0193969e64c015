import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TrameAccounts
import TrameWeb

/// Issue 13, points 5 and 6, through the web app: a landlord's view of a dossier — page and API —
/// never names the health establishment, its team or its staff, and never shows the support part
/// of a review; the association's view does (the same test can fail).
@Suite struct HealthDisclosureWebTests {
    static let careWords = ["Centre hospitalier de Jury", "ch-jury", "ERAH", "Marc Petit", "infirmier", "referent_soin", "Référent soin",
                            "budget_autonomie", "Autonomie budgétaire", "en_progression", "En progression",
                            "03 87 00 00 99", "03 87 00 00 10"]

    @Test func aLandlordsViewOfADossierNeverTellsWhoCaresForThePerson() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let landlord = try test.session("bailleur1"), asso = try test.session("asso")
        try await test.withApp { client in
            let page = try await client.get("/dossiers/MJ-2019-004", landlord)
            #expect(page.status == .ok)
            let api = try await client.get("/api/dossiers/MJ-2019-004", landlord)
            #expect(api.status == .ok)
            for (name, text) in [("page", page.text), ("api", api.text)] {
                // The housing part with the consent is there…
                #expect(text.contains("Habitat Mosellan Exemple (fictif)") || text.contains("bailleur-exemple-1"), "\(name)")
                #expect(text.contains("regulier") || text.contains("Régulier") || text.contains("régulier"), "\(name): housing part")
                // …never the care team nor the support part.
                for word in Self.careWords { #expect(!text.contains(word), "\(name) holds « \(word) »") }
            }
            let association = try await client.get("/dossiers/MJ-2019-004", asso)
            #expect(association.text.contains("Marc Petit") && association.text.contains("Centre hospitalier de Jury"),
                    "the association sees the care referent and who attended the support part")
        }
    }
}
