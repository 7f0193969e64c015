import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TrameAccounts
import TrameArchive
import TrameModel
import TrameWeb

/// Names, not identifiers (issue 16): every page a partner reaches speaks plain French — no command
/// of the CLI, no file format, no fingerprint, no clause id, no diagnostic code, no partner id — except
/// in the « Détails techniques » disclosure, which only the coordination gets. Forms choose the
/// landlord, the convention and the people present by name, with the ids as the values sent.
@Suite struct PlainLanguageTests {
    /// Every page to read, for the roles that reach it: add a line to cover a new page.
    /// `%genere%`, `%signe%`: the fingerprints of the document generated and signed by `archive(_:)`.
    static let pages: [(path: String, logins: [String])] = [
        ("/dossiers", all), ("/a-faire", ["coord", "soin", "asso"]), ("/tableau-de-bord", ["coord", "soin", "asso"]),
        ("/convention", all), ("/convention?genere=%convention%", all), ("/administration", ["coord"]),
        ("/dossiers/MJ-2019-004", all), ("/dossiers/MJ-2019-002", all), ("/dossiers/MJ-2019-011", ["coord", "soin", "asso"]),
        ("/dossiers/nouveau", managers), ("/dossiers/MJ-2019-004/modifier", managers), ("/dossiers/MJ-2019-011/modifier", managers),
        ("/dossiers/MJ-2019-004/documents/sous-location", ["coord", "soin", "asso"]),
        ("/dossiers/MJ-2019-004/documents/sous-location?genere=%genere%&destinataire=sous-locataire", ["coord", "asso"]),
        ("/dossiers/MJ-2019-004/documents/sous-location?signe=%signe%", ["coord", "asso"]),
        ("/dossiers/MJ-2019-004/documents/bail-principal", all),
        ("/dossiers/MJ-2019-004/documents/evaluation?date=2019-09-26", all),
        ("/dossiers/MJ-2019-004/documents/convention-tripartite", all),
        ("/dossiers/MJ-2019-004/historique", all),
        ("/dossiers/MJ-2019-004/evaluations/2019-09-26/corriger", managers), ("/dossiers/MJ-2019-004/evaluations/2019-09-26/retirer", managers),
        // Errors: not found, refused, another landlord's dossier.
        ("/nulle-part", all), ("/dossiers/MJ-2019-999", all), ("/administration", ["soin", "asso", "bailleur1"]),
        ("/dossiers/nouveau", ["bailleur1"]), ("/dossiers/MJ-2019-004", ["bailleur2"]),
    ]
    static let all = ["coord", "soin", "asso", "bailleur1", "bailleur2"]
    static let managers = ["coord", "soin", "asso"]

    /// What a partner never reads outside « Détails techniques ».
    static var forbidden: [(what: String, pattern: Regex<Substring>)] { [
        ("commande trame check", /trame check/), ("commande trame users", /trame users/), ("option --reason", /--reason/),
        ("option --by", /--by/), ("YAML", /(?i)yaml/), ("SHA-256", /SHA-256/), ("empreinte", /\b[0-9a-f]{64}\b/),
        ("code de diagnostic", /\[[A-Z][A-Z_]{3,}\]/), ("identifiant de partenaire", /bailleur-exemple-[0-9]/),
        ("identifiant de clause", /\b(?:sous-location|convention-cadre|convention-tripartite|bail-principal|evaluation|commun|consentement|courrier-prefet|annexe-roles)\.[a-z]/),
    ] }

    // MARK: - Visible text

    /// The text a partner reads: text nodes outside `<details>` « Détails techniques », `<style>` and
    /// `<script>` (attributes — link targets with fingerprints, option values with ids — are not read).
    static func visibleText(_ html: String) -> String {
        var text = html
        text = text.replacing(/(?s)<details[^>]*>\s*<summary>Détails techniques<\/summary>.*?<\/details>/, with: " ")
        text = text.replacing(/(?s)<(style|script)[^>]*>.*?<\/\1>/, with: " ")
        text = text.replacing(/<[^>]*>/, with: " ")
        return FormScraper.unescape(text)
    }

    /// The pages of `pages`, with the archive filled, as each of their roles sees them.
    static func eachPage(_ body: @Sendable (String, String, TestResponse) throws -> Void) async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let sessions = try Dictionary(uniqueKeysWithValues: all.map { ($0, try test.session($0)) })
        try await test.withApp { client in
            let hashes = try await archive(client, asso: sessions["asso"]!)
            for (template, logins) in pages {
                var path = template
                for (key, value) in hashes { path = path.replacingOccurrences(of: "%\(key)%", with: value) }
                for login in logins {
                    try body(login, path, try await client.get(path, sessions[login]!))
                }
            }
            // Refused forms and a refused import.
            let refused = try await client.post("/dossiers/nouveau", sessions["asso"]!, DossierFormTests.newDossier + [("logement.bailleur", "habitat-99")])
            try body("asso", "POST /dossiers/nouveau", refused)
            let refusedCoord = try await client.post("/dossiers/nouveau", sessions["coord"]!, DossierFormTests.newDossier)
            try body("coord", "POST /dossiers/nouveau", refusedCoord)
            let imported = try await client.postFile("/dossiers/importer", sessions["asso"]!, fields: [],
                                                     file: ("fichier", "dossier de Claire.txt", Data("dossier: [\n  : :".utf8)))
            try body("asso", "POST /dossiers/importer", imported)
        }
    }

    /// Generates the sublease and signs it, generates the convention: the archive tables and the
    /// pages after an action have rows. Returns the fingerprints by name.
    static func archive(_ client: any TestClientProtocol, asso: Session) async throws -> [String: String] {
        let generated = try await client.post("/dossiers/MJ-2019-004/documents/sous-location/generer", asso,
                                              [("destinataire", "sous-locataire"), ("format", "html"), ("projet", "1")])
        let genere = try #require(generated.headers[.location]?.firstMatch(of: /genere=([0-9a-f]{64})/)).1
        let pdf = Data("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".utf8)
        let signed = try await client.postFile("/dossiers/MJ-2019-004/documents/sous-location/signe", asso,
                                               fields: [("signe_le", "01/04/2019"), ("signataires", "Anne-Sophie Lefèvre-N'Diaye (sous-locataire)"),
                                                        ("genere", String(genere))],
                                               file: ("fichier", "contrat signé.pdf", pdf))
        let signe = try #require(signed.headers[.location]?.firstMatch(of: /signe=([0-9a-f]{64})/), "\(signed.status) \(signed.text)").1
        let convention = try await client.post("/convention/metz-jury-2018/documents/convention-cadre/generer", asso, [("format", "html")])
        let cadre = try #require(convention.headers[.location]?.firstMatch(of: /genere=([0-9a-f]{64})/)).1
        return ["genere": String(genere), "signe": String(signe), "convention": String(cadre)]
    }

    /// The words around a match, on one line.
    static func context(of range: Range<String.Index>, in text: String) -> String {
        let start = text.index(range.lowerBound, offsetBy: -60, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(range.upperBound, offsetBy: 60, limitedBy: text.endIndex) ?? text.endIndex
        return text[start..<end].split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    // MARK: - Tests

    @Test func noPageShowsCommandsFormatsFingerprintsCodesOrIdentifiers() async throws {
        try await Self.eachPage { login, path, response in
            #expect(response.status != .internalServerError, "\(login) \(path)")
            let text = Self.visibleText(response.text)
            for (what, pattern) in Self.forbidden {
                if let match = text.firstMatch(of: pattern) {
                    Issue.record("\(login) \(path) : \(what) visible : …\(Self.context(of: match.range, in: text))…")
                }
            }
        }
    }

    @Test func onlyTheCoordinationGetsTechnicalDetails() async throws {
        try await Self.eachPage { login, path, response in
            if login != "coord" {
                #expect(!response.text.contains("Détails techniques"), "\(login) \(path)")
            }
        }
    }

    @Test func aLandlordNeverReadsTheHealthEstablishmentInItsDossier() async throws {
        try await Self.eachPage { login, path, response in
            guard login.hasPrefix("bailleur"), path.hasPrefix("/dossiers/") else { return }
            let text = Self.visibleText(response.text)
            #expect(!text.contains("Centre hospitalier de Jury") && !text.contains("CH de Jury") && !text.contains("ch-jury"), "\(login) \(path)")
        }
    }

    @Test func theFormChoosesLandlordConventionAndPeoplePresentByName() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let asso = try test.session("asso")
        try await test.withApp { client in
            let html = try await client.get("/dossiers/MJ-2019-004/modifier", asso).text
            let landlord = try #require(html.firstMatch(of: /<select id="f-logement-bailleur" name="logement.bailleur"[^>]*>(.*?)<\/select>/)).1
            #expect(landlord.contains(#"<option value="bailleur-exemple-1" selected>Habitat Mosellan Exemple (fictif)</option>"#))
            #expect(landlord.contains(#"<option value="bailleur-exemple-2">Logis Messin Exemple (fictif)</option>"#))
            let convention = try #require(html.firstMatch(of: /<select id="f-convention" name="convention"[^>]*>(.*?)<\/select>/)).1
            #expect(convention.contains(#"<option value="metz-jury-2018" selected>Convention cadre de partenariat"#))
            let consent = try #require(html.firstMatch(of: /<select id="f-consentements-0-destinataire" name="consentements\[0\].destinataire"[^>]*>(.*?)<\/select>/)).1
            #expect(consent.contains(#"<option value="bailleur-exemple-1" selected>Habitat Mosellan Exemple (fictif)</option>"#))
            // The people present: a fieldset whose legend is the field's, one labelled checkbox each.
            let present = try #require(html.firstMatch(of: /(?s)<fieldset class="cases" id="f-evaluations-0-presents"[^>]*><legend>Présents.*?<\/fieldset>/)).0
            for (value, name) in [("ch-jury", "Centre hospitalier de Jury"), ("association", "Association Accès Logement Lorraine (fictif)"),
                                  ("bailleur-exemple-1", "Habitat Mosellan Exemple (fictif)"), ("sous_locataire", "La personne")] {
                let box = try #require(present.firstMatch(of: try Regex(#"<input type="checkbox" id="([^"]+)" name="evaluations\[0\]\.presents" value=""# + value + #"" checked><label for="\1">"# + NSRegularExpression.escapedPattern(for: name) + "</label>")),
                                       "\(value) checked, labelled « \(name) »")
                _ = box
            }
            #expect(present.contains(#"value="bailleur-exemple-2"><label"#), "another landlord, not checked")
            #expect(!present.contains(#"value="ddcs""#), "funders do not attend reviews")
        }
    }

    /// The correction form of one evaluation chooses the people present by name too, and every box
    /// ticked is kept (one value per line, as the dossier form reads them).
    @Test func theEvaluationCorrectionChoosesPeoplePresentByNameAndKeepsEveryBox() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let asso = try test.session("asso")
        try await test.withApp { client in
            let page = try await client.get("/dossiers/MJ-2019-004/evaluations/2019-09-26/corriger", asso)
            let present = try #require(page.text.firstMatch(of: /(?s)<fieldset class="cases" id="f-evaluations-0-presents"[^>]*><legend>Présents.*?<\/fieldset>/)).0
            #expect(present.contains(#"value="association" checked><label"#) && present.contains("Association Accès Logement Lorraine (fictif)</label>"))
            #expect(present.contains(#"value="sous_locataire" checked><label"#) && present.contains("La personne</label>"))
            var fields = FormScraper.fields(page.text).filter { $0.0 != "motif" && $0.0 != "_base" }
            #expect(fields.contains { $0.0 == "evaluations[0].presents" && $0.1 == "bailleur-exemple-1" })
            fields.removeAll { $0.0 == "evaluations[0].presents" && $0.1 == "bailleur-exemple-1" }
            let saved = try await client.post("/dossiers/MJ-2019-004/evaluations/2019-09-26/corriger", asso,
                                              [("_base", String(try #require(page.text.firstMatch(of: /name="_base" value="([0-9a-f]+)"/)).1)),
                                               ("motif", "Le bailleur était excusé.")] + fields)
            #expect(saved.status == .seeOther, "\(saved.text.prefix(400))")
            let stored = try test.workspace().recordContent(.dossier, id: "MJ-2019-004").data
            let root = try #require(ModelLoader.read(data: stored, name: "dossier.yaml").root)
            let kept = root["evaluations"]?.list?.first?["presents"]?.list?.compactMap(\.text)
            #expect(kept == ["ch-jury", "association", "sous_locataire"], "three people kept, the landlord removed")
            // Only what changed is named as corrected: an amount sent back as « 0,00 » is the recorded 0.00.
            let history = try await client.get("/dossiers/MJ-2019-004/historique", asso).text
            #expect(history.contains("Présents") && !history.contains("Dette locative"), "\(history)")
        }
    }

    @Test func theFormSentByABrowserKeepsTheDossierAsItWas() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let asso = try test.session("asso")
        try await test.withApp { client in
            let page = try await client.get("/dossiers/MJ-2019-004/modifier", asso)
            let fields = FormScraper.fields(page.text)
            #expect(fields.filter { $0.0 == "evaluations[1].presents" }.map(\.1) == ["ch-jury", "association", "bailleur-exemple-1", "sous_locataire"])
            func base(_ html: String) throws -> String { String(try #require(html.firstMatch(of: /name="_base" value="([0-9a-f]+)"/)).1) }
            // The example file has comments: the first save writes it anew, with the same values.
            let original = try #require(try test.workspace().currentRecord(.dossier, id: "MJ-2019-004"))
            let saved = try await client.post("/dossiers/MJ-2019-004/modifier", asso, [("_base", try base(page.text))] + fields)
            #expect(saved.status == .seeOther, "\(Self.visibleText(saved.text).prefix(600))")
            let written = try #require(try test.workspace().currentRecord(.dossier, id: "MJ-2019-004"))
            #expect(written.version == original.version + 1)
            let reread = try await client.get("/dossiers/MJ-2019-004/modifier", asso)
            #expect(FormScraper.fields(reread.text).map { "\($0.0)=\($0.1)" }.sorted() == fields.map { "\($0.0)=\($0.1)" }.sorted())
            let again = try await client.post("/dossiers/MJ-2019-004/modifier", asso, [("_base", try base(reread.text))] + FormScraper.fields(reread.text))
            #expect(again.headers[.location] == "/dossiers/MJ-2019-004?ok=identique", "the checkboxes send back exactly what the file holds")
            // A script may still send the people present as lines of one field.
            let lines = fields.filter { $0.0 != "evaluations[1].presents" } + [("evaluations[1].presents", "ch-jury\nassociation\nsous_locataire")]
            let edited = try await client.post("/dossiers/MJ-2019-004/modifier", asso, [("_base", try base(reread.text))] + lines)
            #expect(edited.headers[.location] == "/dossiers/MJ-2019-004?ok=enregistre")
            let after = try await client.get("/dossiers/MJ-2019-004/modifier", asso)
            #expect(FormScraper.fields(after.text).filter { $0.0 == "evaluations[1].presents" }.map(\.1) == ["ch-jury", "association", "sous_locataire"])
        }
    }

    @Test func diagnosticsAreSentencesWithTheirCodesOnlyForScriptsAndTheCoordination() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let asso = try test.session("asso"), coord = try test.session("coord")
        let fields = DossierFormTests.newDossier.filter { $0.0 != "sous_locataire.nom" }
        try await test.withApp { client in
            let refused = try await client.post("/dossiers/nouveau", asso, fields)
            let text = Self.visibleText(refused.text)
            #expect(text.contains("Nom : à remplir"))
            #expect(text.contains("« 1990-02-30 » n'est pas une date : tapez-la comme 14/03/1986"))
            #expect(!text.contains("AAAA-MM-JJ") && !text.contains("CHAMP_MANQUANT"))
            #expect(refused.text.contains(#"id="f-sous_locataire-nom-erreur" data-codes="CHAMP_MANQUANT""#), "the code stays for scripts")
            let forCoordination = try await client.post("/dossiers/nouveau", coord, fields)
            let details = try #require(forCoordination.text.firstMatch(of: /(?s)<details class="technique"><summary>Détails techniques<\/summary>.*?<\/details>/)).0
            #expect(details.contains("[CHAMP_MANQUANT]") && details.contains("[DATE_INVALIDE]"))
        }
    }

    @Test func theVisibleTextLeavesAttributesAndTechnicalDetailsOut() {
        let html = #"<p>Contrat <a href="/fichiers/\#(String(repeating: "a", count: 64))">télécharger</a></p><details class="technique"><summary>Détails techniques</summary><code>[CODE_X] yaml</code></details><p>fin</p>"#
        let text = Self.visibleText(html)
        #expect(text.contains("Contrat") && text.contains("télécharger") && text.contains("fin"))
        #expect(!text.contains("aaaa") && !text.contains("CODE_X") && !text.contains("yaml"))
        #expect(Self.visibleText("<p>[CHAMP_MANQUANT] bailleur-exemple-1</p>").firstMatch(of: Self.forbidden[7].pattern) != nil)
    }
}
