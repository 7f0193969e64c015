import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TrameAccounts
import TrameArchive
import TrameModel
import TrameWeb

/// The dossier form and the YAML file: the checks of `trame check` next to the fields, nothing typed
/// lost on an error, nothing lost on an edit, the first imported file kept as version 1.
@Suite struct DossierFormTests {
    static let newDossier: [(String, String)] = [
        ("dossier", "MJ-2020-100"), ("convention", "metz-jury-2018"), ("etape", "proposition"),
        ("sous_locataire.civilite", "Madame"), ("sous_locataire.nom", "Exemple (fictif)"), ("sous_locataire.prenom", "Claire"),
        ("sous_locataire.date_naissance", "1990-02-30"), ("sous_locataire.mesure_protection", "aucune"),
        ("menage.adultes", "1"), ("menage.enfants", "0"), ("criteres.handicap_psychique", "true"), ("criteres.suivi_ch_jury", "true"),
        ("criteres.difficulte_acces_logement", "true"), ("criteres.solvable", "true"), ("parcours.proposition_ch_jury", "2020-01-15"),
        ("ressources_mensuelles[0].nature", "Allocation aux adultes handicapés"), ("ressources_mensuelles[0].montant", "971.37"),
    ]

    @Test func aDossierWithAnErrorComesBackWithItsValuesThenSaves() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let session = try test.session("asso")
        try await test.withApp { client in
            let refused = try await client.post("/dossiers/nouveau", session, Self.newDossier)
            #expect(refused.status == .unprocessableContent)
            let html = refused.text
            #expect(html.contains(#"name="sous_locataire.date_naissance" value="1990-02-30""#), "the typed value is kept")
            #expect(html.contains(#"name="ressources_mensuelles[0].nature" value="Allocation aux adultes handicapés""#))
            let field = try #require(html.range(of: #"id="f-sous_locataire-date_naissance-erreur""#))
            // In plain French next to its field; its code only for scripts (issue 16).
            #expect(html[field.upperBound...].prefix(300).contains(#"data-codes="DATE_INVALIDE"><p>« 1990-02-30 » n&#39;est pas une date"#),
                    "the diagnostic sits next to its field")
            #expect(html.contains(#"aria-invalid="true""#))
            let fixed = Self.newDossier.map { $0.0 == "sous_locataire.date_naissance" ? ($0.0, "1990-02-28") : $0 }
            let saved = try await client.post("/dossiers/nouveau", session, fixed)
            #expect(saved.status == .seeOther)
            #expect(saved.headers[.location] == "/dossiers/MJ-2020-100?ok=cree")
            let again = try await client.post("/dossiers/nouveau", session, fixed)
            #expect(again.status == .unprocessableContent)
            #expect(again.text.contains("IDENTIFIANT_PRIS"))
        }
        let stored = try test.workspace().recordContent(.dossier, id: "MJ-2020-100")
        #expect(FormScraper.values(stored.data).contains("ressources_mensuelles[0].montant=971.37"))
    }

    /// Dates and amounts typed as the pages show them (« 28/02/1990 », « 971,37 € ») are stored in the
    /// file's format; the form shows amounts back as the pages do, and dates in the date picker's format.
    @Test func frenchDatesAndAmountsAreAccepted() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let session = try test.session("asso")
        let fields = Self.newDossier.map { field -> (String, String) in
            switch field.0 {
            case "sous_locataire.date_naissance": return (field.0, "28/02/1990")
            case "parcours.proposition_ch_jury": return (field.0, "15/1/2020")
            case "ressources_mensuelles[0].montant": return (field.0, "1 971,37 €")
            default: return field
            }
        }
        try await test.withApp { client in
            let saved = try await client.post("/dossiers/nouveau", session, fields)
            #expect(saved.status == .seeOther, "\(saved.text.prefix(300))")
            let form = try await client.get("/dossiers/MJ-2020-100/modifier", session)
            #expect(form.text.contains(#"<input type="date" id="f-sous_locataire-date_naissance" name="sous_locataire.date_naissance" value="1990-02-28""#))
            #expect(form.text.contains(#"name="ressources_mensuelles[0].montant" value="1971,37""#))
            #expect(!form.text.contains("AAAA-MM-JJ"))
        }
        let values = FormScraper.values(try test.workspace().recordContent(.dossier, id: "MJ-2020-100").data)
        #expect(values.contains("sous_locataire.date_naissance=1990-02-28"))
        #expect(values.contains("parcours.proposition_ch_jury=2020-01-15"))
        #expect(values.contains("ressources_mensuelles[0].montant=1971.37"))
    }

    /// Texts YAML would misread if written plain come back unchanged.
    @Test(arguments: ["Metz: « 57 » # né \"ici\" \\ fin", "true", "0042", "- tiret", "[crochets]", "2019-01-01", "null", "  espaces  ", "a\tb"])
    func trickyTextsSurviveTheFile(text: String) async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let session = try test.session("coord")
        let fields = Self.newDossier.map { $0.0 == "sous_locataire.date_naissance" ? ($0.0, "1990-02-28") : $0 }
            + [("sous_locataire.lieu_naissance", text)]
        try await test.withApp { client in
            let response = try await client.post("/dossiers/nouveau", session, fields)
            #expect(response.status == .seeOther)
        }
        let values = FormScraper.values(try test.workspace().recordContent(.dossier, id: "MJ-2020-100").data)
        #expect(values.contains("sous_locataire.lieu_naissance=\(text.trimmingCharacters(in: .whitespacesAndNewlines))"))
    }

    @Test func anEditThroughTheFormLosesNoDataAndKeepsTheImportedFile() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        // The care team: the only role that reads (and may export) every field, the care part included.
        let session = try test.session("soin")
        let original = try Data(contentsOf: TestWorkspace.examples.appendingPathComponent("dossier-MJ-2019-004.yaml"))
        try await test.withApp { client in
            let form = try await client.get("/dossiers/MJ-2019-004/modifier", session)
            #expect(form.status == .ok)
            let base = try #require(form.text.firstMatch(of: /name="_base" value="([0-9a-f]{64})"/)).1
            var fields = FormScraper.fields(form.text).map { $0.0 == "logement.etage" ? ($0.0, "3") : $0 }
            fields.append(("_base", String(base)))
            let saved = try await client.post("/dossiers/MJ-2019-004/modifier", session, fields)
            #expect(saved.status == .seeOther)
            #expect(saved.headers[.location] == "/dossiers/MJ-2019-004?ok=enregistre")
            let exported = try await client.get("/dossiers/MJ-2019-004/export", session)
            let expected = FormScraper.values(original).map { $0 == "logement.etage=2" ? "logement.etage=3" : $0 }.sorted()
            #expect(FormScraper.values(Data(exported.body.readableBytesView)) == expected)
            let first = try await client.get("/dossiers/MJ-2019-004/export?version=1", session)
            #expect(Data(first.body.readableBytesView) == original, "version 1 is the file as first imported, comments included")
        }
        #expect(try test.workspace().recordVersions(.dossier, id: "MJ-2019-004").count == 2)
    }

    @Test func theAssociationEditsWithoutSeeingOrErasingTheCarePart() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let session = try test.session("asso")
        try await test.withApp { client in
            let form = try await client.get("/dossiers/MJ-2019-004/modifier", session)
            #expect(!form.text.contains("Suivi ambulatoire"))
            #expect(!form.text.contains("partie_soin"))
            let base = try #require(form.text.firstMatch(of: /name="_base" value="([0-9a-f]{64})"/)).1
            var fields = FormScraper.fields(form.text).map { $0.0 == "sous_locataire.telephone" ? ($0.0, "06 00 00 00 00") : $0 }
            fields += [("_base", String(base)), ("evaluations[0].partie_soin.observations", "injecté")]
            let saved = try await client.post("/dossiers/MJ-2019-004/modifier", session, fields)
            #expect(saved.status == .seeOther)
        }
        let values = FormScraper.values(try test.workspace().recordContent(.dossier, id: "MJ-2019-004").data)
        #expect(values.contains("evaluations[0].partie_soin.observations=Suivi ambulatoire régulier ; aucune hospitalisation sur la période."))
        #expect(values.contains("sous_locataire.telephone=06 00 00 00 00"))
        #expect(!values.contains { $0.contains("injecté") }, "a field the role may not see is never taken from the form")
    }

    @Test func importChecksLikeTrameCheckAndKeepsTheBytes() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let coord = try test.session("coord"), asso = try test.session("asso")
        let text = try String(contentsOf: TestWorkspace.examples.appendingPathComponent("dossier-MJ-2019-011.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "dossier: MJ-2019-011", with: "dossier: MJ-2020-200")
        try await test.withApp { client in
            let broken = Data(text.replacingOccurrences(of: "typologie: T1", with: "typologie: T7").utf8)
            let refused = try await client.postFile("/dossiers/importer", coord, fields: [], file: ("fichier", "dossier-MJ-2020-200.yaml", broken))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("dossier-MJ-2020-200.yaml:"))
            #expect(refused.text.contains("[VALEUR_INCONNUE] logement.typologie"))
            let good = try await client.postFile("/dossiers/importer", coord, fields: [], file: ("fichier", "dossier-MJ-2020-200.yaml", Data(text.utf8)))
            #expect(good.status == .seeOther)
            let over = try await client.postFile("/dossiers/importer", asso, fields: [],
                                                 file: ("fichier", "d.yaml", try Data(contentsOf: TestWorkspace.examples.appendingPathComponent("dossier-MJ-2019-004.yaml"))))
            #expect(over.status == .forbidden, "a new version could erase the care part the association cannot see")
        }
        #expect(try test.workspace().recordContent(.dossier, id: "MJ-2020-200").data == Data(text.utf8))
    }

    @Test func aLandlordReadsOnlyWhatItMaySee() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let landlord = try test.session("bailleur1"), other = try test.session("bailleur2")
        try await test.withApp { client in
            for uri in ["/dossiers/MJ-2019-004", "/api/dossiers/MJ-2019-004", "/dossiers/MJ-2019-004/documents/evaluation?date=2019-09-26"] {
                let page = try await client.get(uri, landlord)
                #expect(page.status == .ok)
                for secret in ["Suivi ambulatoire", "partie_soin", "Allocation aux adultes", "06 12 34 56 78", "Je me sens bien", "971.37"] {
                    #expect(!page.text.contains(secret), "\(uri) montre « \(secret) »")
                }
            }
            let page = try await client.get("/dossiers/MJ-2019-004", landlord)
            #expect(page.text.contains("régulier"), "the housing part, with the person's consent")
            #expect(!page.text.contains("en progression"), "never the support part (issue 13, point 6)")
            #expect(!page.text.contains("Étape du parcours"))
            let list = try await client.get("/dossiers", other)
            #expect(list.text.contains("MJ-2019-011") && !list.text.contains("MJ-2019-004"))
        }
    }
}
