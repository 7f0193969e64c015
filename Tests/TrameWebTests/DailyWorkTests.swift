import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TrameAccounts
import TrameArchive
import TrameModel
import TrameWeb

/// Issue 16, « a tool for the social worker's day »: search, sort and pagination of the dossier
/// list, the « À faire » page and the summary at the top of a dossier page — each as far as the
/// caller's role may see.
@Suite struct DailyWorkTests {
    /// The example workspace on 10 March 2020: MJ-2019-004 (Metz, Anne-Sophie Lefèvre-N'Diaye,
    /// sous-location), MJ-2019-002 (Marly, Rui Da Silva, glissement), MJ-2019-011
    /// (Montigny-lès-Metz, Jean-Baptiste Öztürk, attribution, landlord 2).
    static func workspace(on day: String = "2020-03-10", extra: Int = 0) throws -> TestWorkspace {
        let test = try TestWorkspace()
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = .current
        let noon = try #require(formatter.date(from: day + "T12:00:00" + Self.offset()))
        test.clock.advance(noon.timeIntervalSince(test.clock.now))
        if extra > 0 { try addCopies(extra, to: test) }
        return test
    }

    /// The local offset (`+01:00`) of today, for a local noon.
    static func offset() -> String {
        let seconds = TimeZone.current.secondsFromGMT()
        let sign = seconds < 0 ? "-" : "+", minutes = abs(seconds) / 60
        return String(format: "%@%02d:%02d", sign, minutes / 60, minutes % 60)
    }

    /// `count` copies of MJ-2019-004 (landlord 1, Metz) numbered MJ-2020-101…; the first one's
    /// tenant is « Hélène Kieffer ».
    static func addCopies(_ count: Int, to test: TestWorkspace) throws {
        let source = try String(contentsOf: TestWorkspace.examples.appendingPathComponent("dossier-MJ-2019-004.yaml"), encoding: .utf8)
        let workspace = try test.workspace()
        for n in 1...count {
            let id = "MJ-2020-\(100 + n)"
            var text = source.replacingOccurrences(of: "MJ-2019-004", with: id)
            if n == 1 {
                text = text.replacingOccurrences(of: "nom: Lefèvre-N'Diaye", with: "nom: Kieffer")
                    .replacingOccurrences(of: "prenom: Anne-Sophie", with: "prenom: Hélène")
            }
            _ = try workspace.addRecord(data: Data(text.utf8), fileName: "dossier-\(id).yaml")
        }
    }

    /// The dossier numbers of the list's rows, in order.
    static func rows(_ html: String) -> [String] {
        html.components(separatedBy: "<th scope=\"row\"><a href=\"/dossiers/").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    /// The part of a page between two markers.
    static func section(_ html: String, from start: String, to end: String) -> String {
        guard let a = html.range(of: start) else { return "" }
        let rest = html[a.upperBound...]
        return String(rest[..<(rest.range(of: end)?.lowerBound ?? rest.endIndex)])
    }

    // MARK: search

    @Test func searchIsCaseAndAccentInsensitiveOnNameNumberAndCommune() async throws {
        let test = try Self.workspace(extra: 1)
        defer { test.remove() }
        let coord = try test.session("coord")
        try await test.withApp { client in
            #expect(Self.rows(try await client.get("/dossiers?q=metz", coord).text) == ["MJ-2019-004", "MJ-2019-011", "MJ-2020-101"],
                    "« metz » finds Metz and Montigny-lès-Metz, not Marly")
            #expect(Self.rows(try await client.get("/dossiers?q=helene", coord).text) == ["MJ-2020-101"], "« helene » finds « Hélène »")
            #expect(Self.rows(try await client.get("/dossiers?q=OZTURK", coord).text) == ["MJ-2019-011"], "« OZTURK » finds « Öztürk »")
            #expect(Self.rows(try await client.get("/dossiers?q=lefevre", coord).text) == ["MJ-2019-004"])
            #expect(Self.rows(try await client.get("/dossiers?q=mj-2019-002", coord).text) == ["MJ-2019-002"], "by dossier number")
            #expect(Self.rows(try await client.get("/dossiers?q=lès", coord).text) == ["MJ-2019-011"])
            #expect(Self.rows(try await client.get("/dossiers?q=rui%20marly", coord).text) == ["MJ-2019-002"], "every word must match")
            let none = try await client.get("/dossiers?q=Dupont", coord)
            #expect(Self.rows(none.text).isEmpty)
            #expect(none.text.contains("Aucun dossier ne correspond."))
            let page = try await client.get("/dossiers?q=metz", coord).text
            #expect(page.contains("<caption>3 dossiers</caption>"))
            #expect(page.contains("<label for=\"filtre-recherche\">Rechercher (nom, numéro, commune)</label>"), "a labelled search field")
            #expect(page.contains("value=\"metz\""), "the search stays in its field")
        }
    }

    @Test func aLandlordSearchesOnlyItsOwnDossiersAndNeverLearnsAnotherName() async throws {
        let test = try Self.workspace()
        defer { test.remove() }
        let landlord1 = try test.session("bailleur1"), landlord2 = try test.session("bailleur2")
        try await test.withApp { client in
            let byName = try await client.get("/dossiers?q=ozturk", landlord1)
            #expect(Self.rows(byName.text).isEmpty && !byName.text.contains("Öztürk"), "another landlord's tenant stays unknown")
            #expect(Self.rows(try await client.get("/dossiers?q=MJ-2019-011", landlord1).text).isEmpty)
            #expect(Self.rows(try await client.get("/dossiers?q=montigny", landlord1).text).isEmpty)
            #expect(Self.rows(try await client.get("/dossiers?q=metz", landlord1).text) == ["MJ-2019-004"])
            #expect(Self.rows(try await client.get("/dossiers?q=ozturk", landlord2).text) == ["MJ-2019-011"])
            // A landlord cannot widen its list with another landlord's id.
            #expect(Self.rows(try await client.get("/dossiers?bailleur=bailleur-exemple-2", landlord1).text) == ["MJ-2019-002", "MJ-2019-004"])
        }
    }

    // MARK: sort

    @Test func sortsByNameNumberStageAndNextDeadlineBothWays() async throws {
        let test = try Self.workspace()
        defer { test.remove() }
        let asso = try test.session("asso")
        try await test.withApp { client in
            #expect(Self.rows(try await client.get("/dossiers", asso).text) == ["MJ-2019-002", "MJ-2019-004", "MJ-2019-011"])
            #expect(Self.rows(try await client.get("/dossiers?ordre=desc", asso).text) == ["MJ-2019-011", "MJ-2019-004", "MJ-2019-002"])
            // Da Silva, Lefèvre-N'Diaye, Öztürk (the Ö sorts as an O).
            #expect(Self.rows(try await client.get("/dossiers?tri=nom", asso).text) == ["MJ-2019-002", "MJ-2019-004", "MJ-2019-011"])
            #expect(Self.rows(try await client.get("/dossiers?tri=nom&ordre=desc", asso).text) == ["MJ-2019-011", "MJ-2019-004", "MJ-2019-002"])
            // attribution < sous-location < glissement.
            #expect(Self.rows(try await client.get("/dossiers?tri=etape", asso).text) == ["MJ-2019-011", "MJ-2019-004", "MJ-2019-002"])
            #expect(Self.rows(try await client.get("/dossiers?tri=etape&ordre=desc", asso).text) == ["MJ-2019-002", "MJ-2019-004", "MJ-2019-011"])
            // Next deadlines on 10/03/2020: MJ-2019-004 on 26/03/2020, MJ-2019-002 on 30/06/2020, MJ-2019-011 none (last both ways).
            #expect(Self.rows(try await client.get("/dossiers?tri=echeance", asso).text) == ["MJ-2019-004", "MJ-2019-002", "MJ-2019-011"])
            #expect(Self.rows(try await client.get("/dossiers?tri=echeance&ordre=desc", asso).text) == ["MJ-2019-002", "MJ-2019-004", "MJ-2019-011"])

            let page = try await client.get("/dossiers?tri=nom", asso).text
            #expect(page.contains("<th scope=\"col\" aria-sort=\"ascending\"><a href=\"/dossiers?tri=nom&amp;ordre=desc\">Sous-locataire</a>"),
                    "the sorted column says so, and its link reverses the order")
            #expect(page.components(separatedBy: "aria-sort=").count == 2, "one sorted column")
            #expect(page.contains("<input type=\"hidden\" name=\"tri\" value=\"nom\">"), "a new search keeps the order")
            let reversed = try await client.get("/dossiers?tri=etape&ordre=desc", asso).text
            #expect(reversed.contains("aria-sort=\"descending\"><a href=\"/dossiers?tri=etape\">Étape</a>"))
            // The list speaks plain French too: no article of law, no ISO date.
            let row = Self.section(page, from: "href=\"/dossiers/MJ-2019-004\"", to: "</tr>")
            #expect(row.contains("26/03/2020 — Évaluation partagée à tenir (au moins tous les six mois) (dans 16 jours)"))
            #expect(row.contains("Avis du bailleur au préfet non envoyé"))
            #expect(!row.contains("CCH") && !row.contains("2020-03-31"))
        }
    }

    @Test func aRoleThatMayNotSeeTheStageCannotSortByIt() async throws {
        let test = try Self.workspace()
        defer { test.remove() }
        let landlord = try test.session("bailleur1")
        try await test.withApp { client in
            for query in ["tri=etape", "tri=echeance", "tri=etape&ordre=desc"] {
                let page = try await client.get("/dossiers?\(query)", landlord).text
                let rows = Self.rows(page)
                #expect(rows == (query.hasSuffix("desc") ? ["MJ-2019-004", "MJ-2019-002"] : ["MJ-2019-002", "MJ-2019-004"]),
                        "sorting by a hidden field would reveal it: \(query) falls back to the number")
                #expect(!page.contains("Étape") && !page.contains("Prochaine échéance"))
            }
        }
    }

    // MARK: pagination

    @Test func paginatesByTwentyFiveWithBoundaries() async throws {
        let test = try Self.workspace(extra: 30)
        defer { test.remove() }
        let coord = try test.session("coord")
        try await test.withApp { client in
            let first = try await client.get("/dossiers", coord).text
            #expect(Self.rows(first).count == 25)
            #expect(first.contains("<caption>33 dossiers — 1 à 25 affichés</caption>"))
            #expect(first.contains("<nav class=\"pagination\" aria-label=\"Pages de la liste des dossiers\">"))
            #expect(first.contains("<a href=\"/dossiers?page=2\" rel=\"next\">Page suivante</a>"))
            #expect(first.contains("<a href=\"/dossiers\" aria-current=\"page\">1</a>"))
            #expect(!first.contains("rel=\"prev\""))

            let second = try await client.get("/dossiers?page=2", coord).text
            #expect(Self.rows(second).count == 8)
            #expect(second.contains("<caption>33 dossiers — 26 à 33 affichés</caption>"))
            #expect(second.contains("rel=\"prev\"") && !second.contains("rel=\"next\""))
            #expect(Set(Self.rows(first)).isDisjoint(with: Self.rows(second)), "no dossier on two pages")
            #expect(Set(Self.rows(first) + Self.rows(second)).count == 33, "every dossier on one page")

            #expect(Self.rows(try await client.get("/dossiers?page=3", coord).text) == Self.rows(second), "past the end: the last page")
            #expect(Self.rows(try await client.get("/dossiers?page=0", coord).text) == Self.rows(first))
            #expect(Self.rows(try await client.get("/dossiers?page=abc", coord).text) == Self.rows(first))

            // The page links keep the search and the order.
            let searched = try await client.get("/dossiers?q=metz&tri=nom&ordre=desc", coord).text
            #expect(searched.contains("href=\"/dossiers?q=metz&amp;tri=nom&amp;ordre=desc&amp;page=2\""))
            let exactly = try await client.get("/dossiers?q=MJ-2020", coord).text
            #expect(Self.rows(exactly).count == 25 && exactly.contains("page=2"), "30 results: two pages")
        }
    }

    @Test func aSingleResultIsNotPaginated() async throws {
        let test = try Self.workspace()
        defer { test.remove() }
        let coord = try test.session("coord")
        try await test.withApp { client in
            let page = try await client.get("/dossiers?q=rui", coord).text
            #expect(page.contains("<caption>1 dossier</caption>"))
            #expect(!page.contains("class=\"pagination\""))
        }
    }

    // MARK: À faire

    @Test func theToDoPageListsLateAndSoonItemsByDateInPlainFrench() async throws {
        let test = try Self.workspace()
        defer { test.remove() }
        let asso = try test.session("asso")
        try await test.withApp { client in
            let response = try await client.get("/a-faire", asso)
            #expect(response.status == .ok)
            let page = response.text
            let late = Self.section(page, from: "id=\"retard-titre\"", to: "</section>")
            let soon = Self.section(page, from: "id=\"bientot-titre\"", to: "</section>")
            // Late on 10/03/2020: 011's start (01/08/2019), 002's préfet notice (29/12/2019), 004's (31/01/2020).
            let lateDates = late.components(separatedBy: "<tr class=\"retard\"><td>").dropFirst().map { String($0.prefix(10)) }
            #expect(lateDates == ["01/08/2019", "29/12/2019", "31/01/2020"])
            #expect(late.contains("Jean-Baptiste Öztürk") && late.contains("href=\"/dossiers/MJ-2019-011\""))
            #expect(late.contains("Avis du bailleur au préfet non envoyé"))
            #expect(late.contains("Début de la sous-location à enregistrer"))
            // Within 30 days: 004's evaluation (26/03/2020), its term end and insurance (31/03/2020); not 002's 30/06/2020.
            let soonDates = soon.components(separatedBy: "<tr><td>").dropFirst().map { String($0.prefix(10)) }
            #expect(soonDates == ["26/03/2020", "31/03/2020", "31/03/2020"])
            #expect(soon.contains("Évaluation partagée à tenir") && soon.contains("dans 16 jours"))
            #expect(soon.contains("Fin du terme de la sous-location"))
            #expect(!page.contains("30/06/2020"))
            #expect(page.contains("3 échéances en retard") && page.contains("3 échéances dans les 30 jours"))
            for word in ["trame", "YAML", "SHA", "CCH", "L442", "2020-03-26", "soin", "santé"] {
                #expect(!Self.section(page, from: "<main", to: "</main>").contains(word), "no « \(word) » on the page")
            }
        }
    }

    @Test func theToDoPageIsTheHomeOfTheRolesThatSeeDeadlinesOnly() async throws {
        let test = try Self.workspace()
        defer { test.remove() }
        let coord = try test.session("coord"), care = try test.session("soin")
        let landlord = try test.session("bailleur1")
        try await test.withApp { client in
            let refused = try await client.get("/a-faire", landlord)
            #expect(refused.status == .forbidden)
            #expect(!refused.text.contains("Öztürk") && !refused.text.contains("MJ-2019-011") && !refused.text.contains("préfet"))
            #expect(!(try await client.get("/dossiers", landlord)).text.contains("href=\"/a-faire\""), "not in a landlord's navigation")
            #expect((try await client.get("/dossiers", coord)).text.contains("<li><a href=\"/a-faire\">À faire</a></li>"))
            // The care role sees the same items, and nothing of the care part.
            let page = try await client.get("/a-faire", care).text
            #expect(page.contains("Avis du bailleur au préfet non envoyé"))
            #expect(!page.contains("partie soin") && !page.contains("observations"))
        }
    }

    @Test func theHomeIsToDoForTheRolesThatSeeDeadlinesAndTheListForTheOthers() async throws {
        let test = try Self.workspace()
        defer { test.remove() }
        let coord = try test.session("coord"), landlord = try test.session("bailleur1")
        try await test.withApp { client in
            let forCoordination = try await client.get("/", coord), forLandlord = try await client.get("/", landlord)
            let anonymous = try await client.get("/", nil)
            #expect(forCoordination.headers[.location] == "/a-faire")
            #expect(forLandlord.headers[.location] == "/dossiers")
            #expect(anonymous.headers[.location] == "/connexion")
        }
    }

    @Test func theToDoPageFollowsTheDossiersNewVersion() async throws {
        let test = try Self.workspace(extra: 1)
        defer { test.remove() }
        let asso = try test.session("asso")
        try await test.withApp { client in
            #expect(try await client.get("/a-faire", asso).text.contains("Hélène Kieffer"))
            // MJ-2020-101 ends by a glissement: no deadline any more, hence off the page.
            let source = try String(contentsOf: TestWorkspace.examples.appendingPathComponent("dossier-MJ-2019-002.yaml"), encoding: .utf8)
            _ = try test.workspace().addRecord(data: Data(source.replacingOccurrences(of: "MJ-2019-002", with: "MJ-2020-101").utf8),
                                               fileName: "dossier-MJ-2020-101.yaml")
            let after = try await client.get("/a-faire", asso).text
            #expect(!after.contains("Hélène Kieffer"), "a version saved by anyone (here the archive, as the CLI) is seen at once")
        }
    }

    // MARK: dossier page

    @Test func theDossierPageStartsWithWhatMatters() async throws {
        let test = try Self.workspace()
        defer { test.remove() }
        let asso = try test.session("asso")
        try await test.withApp { client in
            let page = try await client.get("/dossiers/MJ-2019-004", asso).text
            let summary = Self.section(page, from: "<section id=\"essentiel\"", to: "</section>")
            #expect(!summary.isEmpty)
            let start = try #require(page.range(of: "id=\"essentiel\"")).lowerBound
            for later in ["id=\"documents\"", "id=\"archive\"", "id=\"versions\"", "id=\"echeances\"", "class=\"donnees\""] {
                #expect(page.range(of: later).map { $0.lowerBound > start } == true, "the summary comes before \(later)")
            }
            #expect(summary.contains("<dt>Étape</dt><dd>sous-location</dd>"))
            #expect(summary.contains("<strong>26/03/2020</strong> — Évaluation partagée à tenir"))
            #expect(summary.contains("<strong>31/01/2020</strong> — Avis du bailleur au préfet non envoyé"))
            // The review of 19/03/2020 is not held yet on 10/03/2020.
            #expect(summary.contains("<a href=\"/dossiers/MJ-2019-004/documents/evaluation?date=2019-09-26\">évaluation du 26/09/2019</a>"))
            #expect(summary.contains("En attente de signature</dt><dd>aucun document"))
            #expect(!summary.contains("CCH") && !summary.contains("2020-03-26"))
        }
    }

    @Test func theLandlordsSummaryHoldsNoStageNorDeadline() async throws {
        let test = try Self.workspace()
        defer { test.remove() }
        let landlord = try test.session("bailleur1")
        try await test.withApp { client in
            let page = try await client.get("/dossiers/MJ-2019-004", landlord).text
            let summary = Self.section(page, from: "<section id=\"essentiel\"", to: "</section>")
            #expect(summary.contains("Dernière évaluation"))
            #expect(!summary.contains("Étape") && !summary.contains("échéance") && !summary.contains("retard"))
        }
    }

    @Test func aGeneratedDocumentWaitsForItsSignedVersion() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let asso = try test.session("asso"), landlord = try test.session("bailleur1")
        let today = test.configuration.today.description
        try await test.withApp { client in
            let generated = try await client.post("/dossiers/MJ-2019-004/documents/sous-location/generer", asso,
                                                  [("destinataire", "sous-locataire"), ("format", "odt")])
            let sha = try #require(AccessRulesTests.generated(generated))
            let before = Self.section(try await client.get("/dossiers/MJ-2019-004", asso).text, from: "<section id=\"essentiel\"", to: "</section>")
            #expect(before.contains("<a href=\"/dossiers/MJ-2019-004/documents/sous-location\">contrat de sous-location</a> (exemplaire sous-locataire"),
                    "the sublease waits for its signature")
            let theirs = Self.section(try await client.get("/dossiers/MJ-2019-004", landlord).text, from: "<section id=\"essentiel\"", to: "</section>")
            #expect(!theirs.contains("sous-location</a>"), "a landlord never hears of the sublease's copies")

            let signed = try await client.postFile("/dossiers/MJ-2019-004/documents/sous-location/signe", asso,
                                                   fields: [("signe_le", today), ("signataires", "Claire Exemple (association)"), ("genere", sha)],
                                                   file: ("fichier", "sous-location-signee.pdf", DocumentTests.pdf))
            #expect(signed.status == .seeOther)
            let after = Self.section(try await client.get("/dossiers/MJ-2019-004", asso).text, from: "<section id=\"essentiel\"", to: "</section>")
            #expect(after.contains("En attente de signature</dt><dd>aucun document"))
        }
    }
    // MARK: performance without blindness

    @Test func anArchivedFileAlteredAfterAViewIsStillReported() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let asso = try test.session("asso")
        try await test.withApp { client in
            let today = test.configuration.today.description
            let signed = try await client.postFile("/dossiers/MJ-2019-004/documents/sous-location/signe", asso,
                                                   fields: [("signe_le", today), ("signataires", "Claire Exemple (association)")],
                                                   file: ("fichier", "sous-location-signee.pdf", DocumentTests.pdf))
            #expect(signed.status == .seeOther)
            let sha = try #require(try test.workspace().signedVersions(ownerID: "MJ-2019-004").first?.sha256)
            #expect(try await client.get("/dossiers/MJ-2019-004", asso).text.contains("intègre (empreinte vérifiée)"))
            #expect(try await client.get("/dossiers/MJ-2019-004", asso).text.contains("intègre (empreinte vérifiée)"), "remembered")
            // The same size, other bytes: the remembered hash no longer stands.
            let url = try test.workspace().storedFileURL(sha256: sha)
            var data = try Data(contentsOf: url)
            data[data.count / 2] ^= 0x01
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
            try data.write(to: url)
            // Whatever the file system's time granularity, the write shows in the modification date.
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: url.path)
            #expect(try await client.get("/dossiers/MJ-2019-004", asso).text.contains("altéré : empreinte différente"))
        }
    }
}
