import Foundation
import Testing
import TrameModel
import TrameProcedure

/// Funding prorata for the three sample dossiers, against figures computed by hand.
///
/// Convention metz-jury-2018: 2019-01-01 for 24 months → ends 2020-12-31. IML 5 000 € per housing
/// and per year; AMI 1 400 € per person and per year, doubling possible. 2019 has 365 days, 2020 366.
/// Each (dossier, scheme, year) line is rounded to the cent, half away from zero.
@Suite("Funding")
struct FundingTests {
    let report = FundingReport(Fixtures.samples)
    var funding: ConventionFunding { report.conventions[0] }

    func amounts(_ dossier: String) -> [String] {
        funding.dossiers.first { $0.dossier == dossier }!.lines.map { "\($0.scheme) \($0.year) \($0.days)/\($0.daysInYear) \(Cents.plain($0.amount))" }
    }

    @Test func mj2019004() throws {
        // Sublease 2019-04-01 for 12 months, no renewal → 2020-03-31 (before the convention's end).
        // 2019: 1 April → 31 December = 30+31+30+31+31+30+31+30+31 = 275 days; 2020: 31+29+31 = 91 days.
        // IML 5 000 × 275/365 = 3 767,123… → 3 767,12;  5 000 × 91/366 = 1 243,169… → 1 243,17
        // AMI 1 400 × 275/365 = 1 054,794… → 1 054,79;  1 400 × 91/366 =   348,087… →   348,09
        // Total 3 767,12 + 1 243,17 + 1 054,79 + 348,09 = 6 413,17 (engagé: stage sous_location).
        #expect(amounts("MJ-2019-004") == ["iml 2019 275/365 3767.12", "iml 2020 91/366 1243.17",
                                           "ami-logement-d-abord 2019 275/365 1054.79", "ami-logement-d-abord 2020 91/366 348.09"])
        let d = try #require(funding.dossiers.first { $0.dossier == "MJ-2019-004" })
        #expect(d.total == Decimal(string: "6413.17"))
        #expect(d.commitment == .committed)
        #expect((d.from, d.to, d.endReason) == (Fixtures.day("2019-04-01"), Fixtures.day("2020-03-31"), .termEnd))
    }

    @Test func mj2019002() throws {
        // Sublease 2019-03-01, 12 months then a 6-month renewal from 2020-03-01 → 2020-08-31.
        // 2019: 1 March → 31 December = 365 − 31 − 28 = 306 days; 2020: 1 January → 31 August = 244 days.
        // IML 5 000 × 306/365 = 4 191,780… → 4 191,78;  5 000 × 244/366 = 3 333,333… → 3 333,33
        // AMI 1 400 × 306/365 = 1 173,698… → 1 173,70;  1 400 × 244/366 =   933,333… →   933,33
        // Total 9 632,14 (engagé: stage glissement, the sublease ran).
        #expect(amounts("MJ-2019-002") == ["iml 2019 306/365 4191.78", "iml 2020 244/366 3333.33",
                                           "ami-logement-d-abord 2019 306/365 1173.70", "ami-logement-d-abord 2020 244/366 933.33"])
        let d = try #require(funding.dossiers.first { $0.dossier == "MJ-2019-002" })
        #expect(d.total == Decimal(string: "9632.14"))
        #expect(d.commitment == .committed)
    }

    @Test func mj2019011() throws {
        // Planned sublease 2019-08-01 for 18 months (→ 2021-01-31), cut at the convention's end 2020-12-31.
        // 2019: 31+30+31+30+31 = 153 days; 2020: the whole year, 366 days. AMI doubled: 2 × 1 400 = 2 800.
        // IML 5 000 × 153/365 = 2 095,890… → 2 095,89;  5 000 × 366/366 = 5 000,00
        // AMI 2 800 × 153/365 = 1 173,698… → 1 173,70;  2 800 × 366/366 = 2 800,00
        // Total 11 069,59 (prévisionnel: stage attribution).
        #expect(amounts("MJ-2019-011") == ["iml 2019 153/365 2095.89", "iml 2020 366/366 5000.00",
                                           "ami-logement-d-abord 2019 153/365 1173.70", "ami-logement-d-abord 2020 366/366 2800.00"])
        let d = try #require(funding.dossiers.first { $0.dossier == "MJ-2019-011" })
        #expect(d.total == Decimal(string: "11069.59"))
        #expect(d.commitment == .planned)
        #expect(d.endReason == .conventionEnd)
        #expect(d.lines.filter { $0.scheme == "ami-logement-d-abord" }.allSatisfy { $0.doubled })
        #expect(!d.lines.filter { $0.scheme == "iml" }.contains { $0.doubled })
    }

    @Test func totalsPerSchemePerYearAndOverall() {
        // IML: 3 767,12 + 1 243,17 + 4 191,78 + 3 333,33 (engagé 12 535,40) + 2 095,89 + 5 000,00 (prévisionnel 7 095,89)
        // AMI: 1 054,79 + 348,09 + 1 173,70 + 933,33 (engagé 3 509,91) + 1 173,70 + 2 800,00 (prévisionnel 3 973,70)
        let perScheme = funding.totalsPerScheme.map { "\($0.scheme) \(Cents.plain($0.total.committed)) \(Cents.plain($0.total.planned)) \(Cents.plain($0.total.total))" }
        #expect(perScheme == ["iml 12535.40 7095.89 19631.29", "ami-logement-d-abord 3509.91 3973.70 7483.61"])
        // 2019: 3 767,12 + 1 054,79 + 4 191,78 + 1 173,70 = 10 187,39 engagé; 2 095,89 + 1 173,70 = 3 269,59 prévisionnel
        // 2020: 1 243,17 + 348,09 + 3 333,33 + 933,33 = 5 857,92 engagé; 5 000 + 2 800 = 7 800,00 prévisionnel
        let perYear = funding.totalsPerYear.map { "\($0.year) \(Cents.plain($0.total.committed)) \(Cents.plain($0.total.planned)) \(Cents.plain($0.total.total))" }
        #expect(perYear == ["2019 10187.39 3269.59 13456.98", "2020 5857.92 7800.00 13657.92"])
        #expect(funding.total.committed == Decimal(string: "16045.31"))
        #expect(funding.total.planned == Decimal(string: "11069.59"))
        #expect(funding.total.total == Decimal(string: "27114.90"))
    }

    @Test func theIssueDateEndsThePeriod() throws {
        // MJ-2019-004 left on 2019-12-31: 275 days of 2019 only.
        let text = Fixtures.replacing(Fixtures.text004, "etape: sous_location", "etape: sortie") + "issue: { date: 2019-12-31, nature: sortie }\n"
        let d = try FundingCalculator.funding(of: Fixtures.dossierCase(text).dossier, convention: Fixtures.convention).get()
        #expect(d.endReason == .outcome)
        #expect(d.lines.map(\.year) == [2019, 2019])
        #expect(d.total == Decimal(string: "4821.91"))  // 3 767,12 + 1 054,79
    }

    @Test func earlyStagesAreNotCounted() {
        let text = Fixtures.replacing(Fixtures.text011, "etape: attribution", "etape: orientation")
        let result = FundingCalculator.funding(of: Fixtures.dossierCase(text).dossier, convention: Fixtures.convention)
        #expect(throws: FundingCalculator.NotFunded.self) { try result.get() }
    }

    @Test func roundingIsHalfAwayFromZero() {
        #expect(Cents.plain(Decimal(string: "0.005")!) == "0.01")
        #expect(Cents.plain(Decimal(string: "0.0049")!) == "0.00")
        #expect(Cents.plain(Decimal(string: "-0.005")!) == "-0.01")
        #expect(Cents.plain(Decimal(string: "1243.169398")!) == "1243.17")
        #expect(Cents.french(Decimal(5000)) == "5\u{202F}000,00\u{00A0}€")
        #expect(Cents.french(Decimal(string: "1243.17")!) == "1\u{202F}243,17\u{00A0}€")
    }

    @Test func fundersAreNamedAndNeverSplit() {
        let ami = funding.schemes[1]
        #expect(ami.funders.map(\.name) == ["Metz Métropole", "Délégation interministérielle à l'hébergement et à l'accès au logement"])
        #expect(report.text.contains("financeurs : Metz Métropole et Délégation interministérielle"))
        #expect(funding.lines.filter { $0.scheme == ami.id }.count == 6)  // one line per dossier and year, not per funder
    }

    @Test func textStatesTheRuleAndPrintsFrenchAmounts() {
        let text = report.text
        #expect(text.hasPrefix("Règle : pour chaque dossier et chaque dispositif"))
        #expect(text.contains("Arrondi : chaque ligne (dossier, dispositif, année) est arrondie au centime"))
        #expect(text.contains("MJ-2019-004 — engagé — sous-location du 1er avril 2019 au 31 mars 2020 (fin du terme en cours)"))
        #expect(text.contains("MJ-2019-011 — prévisionnel"))
        #expect(text.contains("  iml                   2020    91/366     5\u{202F}000,00\u{00A0}€  1\u{202F}243,17\u{00A0}€"))
        #expect(text.contains("ensemble de l'expérimentation  16\u{202F}045,31\u{00A0}€   11\u{202F}069,59\u{00A0}€  27\u{202F}114,90\u{00A0}€"))
    }

    @Test func jsonShape() throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["regle", "arrondi", "conventions"])
        let convention = try #require((object["conventions"] as? [[String: Any]])?.first)
        #expect(Set(convention.keys) == ["convention", "du", "au", "dispositifs", "dossiers", "non_comptes", "totaux"])
        let dossiers = try #require(convention["dossiers"] as? [[String: Any]])
        #expect(dossiers.map { $0["dossier"] as? String } == ["MJ-2019-002", "MJ-2019-004", "MJ-2019-011"])
        #expect(dossiers.map { $0["statut"] as? String } == ["engage", "engage", "previsionnel"])
        let line = try #require((dossiers[1]["lignes"] as? [[String: Any]])?.first)
        #expect(Set(line.keys) == ["dispositif", "annee", "du", "au", "jours", "jours_annee", "base_annuelle", "double", "montant"])
        #expect(report.json.contains("\"montant\": 3767.12"))
        #expect(report.json.contains("\"ensemble\": {\n          \"engage\": 16045.31,\n          \"previsionnel\": 11069.59,\n          \"total\": 27114.90\n        }"))
    }

    @Test func csvForASpreadsheet() {
        let csv = report.csv
        #expect(csv.hasPrefix("\u{FEFF}dossier;statut;statut_libelle;convention;dispositif;intitule;financeurs;annee;du;au;jours;jours_annee;base_annuelle;double;montant\r\n"))
        let rows = csv.dropFirst().components(separatedBy: "\r\n").dropLast()
        #expect(rows.count == 1 + 12)
        #expect(rows.contains("MJ-2019-004;engage;engagé;metz-jury-2018;iml;Intermédiation locative (IML);Direction départementale de la cohésion sociale de la Moselle;2019;2019-04-01;2019-12-31;275;365;5000,00;non;3767,12"))
        #expect(rows.contains { $0.hasPrefix("MJ-2019-011;previsionnel;prévisionnel;metz-jury-2018;ami-logement-d-abord;") && $0.hasSuffix(";2800,00;oui;1173,70") })
    }
}
