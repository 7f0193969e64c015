import Foundation
import Testing
import TrameDocument
import TrameModel
import TrameTemplates

/// Legal periods: each clause version is the law's text from `en_vigueur` to `jusqu_au` (or to the
/// day before a later version starts); the act's date picks the version, and says why.
@Suite("Legal periods of clause versions")
struct LegalPeriodTests {
    static func clause(_ version: Int, from: String, until: String? = nil, source: String? = nil, body: String) -> ClauseSource {
        var text = "---\nclause: test.acte\nversion: \(version)\nen_vigueur: \(from)\n"
        if let until { text += "jusqu_au: \(until)\n" }
        if let source { text += "source: \"\(source)\"\n" }
        text += "titre: Acte\n---\n\(body)\n"
        return ClauseSource(id: "test.acte", version: version, path: "Templates/test/clauses/acte.v\(version).trame", text: text)
    }

    /// v1 (2018, « huissier », superseded), v2 (same start, editorial correction ending 30 June 2022),
    /// v3 (from 1 July 2022, « commissaire »), v4 (from 29 July 2023, repealed after 2030).
    static let library = [
        clause(1, from: "2018-01-01", body: "Texte un."),
        clause(2, from: "2018-01-01", until: "2022-06-30", source: "ancien texte", body: "Acte d'huissier de justice."),
        clause(3, from: "2022-07-01", source: "ordonnance n° 2016-728", body: "Acte de commissaire de justice."),
        clause(4, from: "2023-07-29", until: "2030-12-31", source: "loi n° 2023-668", body: "Six semaines."),
    ]

    func render(on day: String, library: [ClauseSource] = Self.library, pinned: [String: Int] = [:]) throws -> RenderResult {
        let template = try TemplateLoader.load(source: "---\ndocument: test\naudience: sous-locataire\n---\n@clause acte\n",
                                               name: "test.v1.trame", clauses: .dictionary(library))
        return template.render(context: Fixtures.context("MJ-2019-004"),
                               options: RenderOptions(audience: .sousLocataire, clauseVersions: pinned, referenceDate: CalendarDate(iso: day)))
    }

    func text(_ result: RenderResult) -> String {
        (result.document?.blocks ?? []).compactMap { if case .paragraph(let p) = $0 { Plain.text(p.inlines) } else { nil } }.joined(separator: "\n")
    }

    @Test(arguments: [("2018-11-05", 2, "Acte d'huissier de justice."), ("2022-06-30", 2, "Acte d'huissier de justice."),
                      ("2022-07-01", 3, "Acte de commissaire de justice."), ("2023-07-28", 3, "Acte de commissaire de justice."),
                      ("2023-07-29", 4, "Six semaines."), ("2030-12-31", 4, "Six semaines.")])
    func theVersionWhosePeriodCoversTheActDateIsUsed(day: String, version: Int, body: String) throws {
        let result = try render(on: day)
        #expect(text(result) == body)
        let use = try #require(result.clauses.first)
        #expect(use.version == version)
        #expect(use.selection.hasPrefix("acte du "), "the trace says why: \(use.selection)")
        #expect(result.referenceDate == CalendarDate(iso: day))
    }

    @Test func theTraceRecordsThePeriodAndItsSource() throws {
        let use = try #require(try render(on: "2019-03-01").clauses.first)
        #expect(use.version == 2 && use.effectiveDate == "2018-01-01" && use.until == "2022-06-30" && use.source == "ancien texte")
        #expect(use.selection == "acte du 1er mars 2019 : version 2 en vigueur du 1er janvier 2018 au 30 juin 2022")
        let current = try #require(try render(on: "2023-01-01").clauses.first)
        // v3 ends the day before v4 starts, without writing it.
        #expect(current.until == "2023-07-28" && current.source == "ordonnance n° 2016-728")
    }

    @Test func aLaterVersionMayCorrectTheWordingOfAnEarlierPeriodOnly() throws {
        // v5 corrects the 2018–2022 wording after v3 and v4 exist: it must end before v4 begins.
        let corrected = Self.library + [Self.clause(5, from: "2018-01-01", until: "2022-06-30", source: "ancien texte", body: "Acte d'huissier de justice, corrigé.")]
        #expect(text(try render(on: "2019-03-01", library: corrected)) == "Acte d'huissier de justice, corrigé.")
        #expect(text(try render(on: "2022-07-01", library: corrected)) == "Acte de commissaire de justice.")
        #expect(text(try render(on: "2024-01-01", library: corrected)) == "Six semaines.")
        // Without `jusqu_au` it would take over every later period: refused, located.
        let overreaching = Self.library + [Self.clause(5, from: "2018-01-01", body: "Trop large.")]
        do {
            _ = try render(on: "2019-03-01", library: overreaching)
            Issue.record("an earlier en_vigueur without jusqu_au must be refused")
        } catch let error as Diagnostics {
            #expect(error.diagnostics.contains { $0.code == .versionClause && $0.message.contains("corriger une période antérieure") })
        }
    }

    @Test func noVersionInForceIsALocatedErrorNeverTheLatest() throws {
        for day in ["2017-12-31", "2031-01-01"] {
            let result = try render(on: day)
            #expect(result.document == nil)
            let error = try #require(result.diagnostics.first { $0.code == .horsVigueur })
            #expect(error.location?.file == "test.v1.trame" && error.location?.line == 5)
            #expect(error.message.contains("aucune version de la clause « test.acte » n'était en vigueur"))
            #expect(error.message.contains("version 4 en vigueur du 29 juillet 2023 au 31 décembre 2030"))
        }
    }

    @Test func aGapBetweenPeriodsIsAnError() throws {
        let gap = [Self.clause(1, from: "2018-01-01", until: "2019-12-31", body: "A"), Self.clause(2, from: "2021-01-01", body: "B")]
        #expect(try render(on: "2020-06-01", library: gap).diagnostics.contains { $0.code == .horsVigueur })
        #expect(text(try render(on: "2021-01-01", library: gap)) == "B")
    }

    @Test func aManifestPinWinsAndSaysSo() throws {
        let result = try render(on: "2024-01-01", pinned: ["test.acte": 1])
        #expect(text(result) == "Texte un.")
        #expect(result.clauses.first?.selection == "version 1 imposée par le manifeste du document d'origine")
    }

    @Test func aPeriodEndingBeforeItStartsIsRefusedAtLoad() {
        let wrong = [Self.clause(1, from: "2020-01-01", until: "2019-01-01", body: "A")]
        #expect {
            _ = try TemplateLoader.load(source: "---\ndocument: test\n---\n@clause acte\n", name: "t.trame", clauses: .dictionary(wrong))
        } throws: { error in
            (error as? Diagnostics)?.diagnostics.contains { $0.code == .versionClause && $0.message.contains("jusqu_au") } == true
        }
    }

    @Test func periodsAreComputedFromTheVersionsAlone() {
        let d = { CalendarDate(iso: $0)! }
        let periods = LegalPeriod.periods([(d("2018-01-01"), nil, nil), (d("2018-01-01"), d("2018-12-31"), nil), (d("2019-01-01"), nil, "ELAN")])
        #expect(periods.map(\.until) == [d("2018-12-31"), d("2018-12-31"), nil])
        #expect(LegalPeriod.choose(on: d("2018-11-05"), among: periods) == 1)
        #expect(LegalPeriod.choose(on: d("2019-01-01"), among: periods) == 2)
        #expect(LegalPeriod.choose(on: d("2017-01-01"), among: periods) == nil)
    }
}
