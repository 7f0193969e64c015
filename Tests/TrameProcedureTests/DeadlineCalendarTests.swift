import Foundation
import Testing
import TrameModel
import TrameProcedure

@Suite("Deadlines")
struct DeadlineCalendarTests {
    let day = Fixtures.day

    func items(_ c: Case, on: String) -> [Deadline] {
        DeadlineCalendar.deadlines(for: c.dossier, convention: c.convention, on: day(on))
    }

    func item(_ items: [Deadline], _ kind: Deadline.Kind) -> Deadline? { items.first { $0.kind == kind } }

    /// The dossier text up to its evaluations (which are dropped, with what follows them).
    static func withoutEvaluations(_ text: String) -> String {
        let parts = text.components(separatedBy: "\nevaluations:\n")
        precondition(parts.count == 2)
        return parts[0] + "\n"
    }

    @Test func sampleCheckMJ2019004EndedWithoutRenewalOn15April2020() throws {
        let all = items(Fixtures.case004, on: "2020-04-15")
        let end = try #require(item(all, .termEnd))
        #expect(end.date == day("2020-03-31"))
        #expect(end.status.state == .endedWithoutRenewal)
        #expect(end.status.text == "terminée sans renouvellement enregistré")
        #expect(end.label == "terme échu sans renouvellement ni issue enregistrés (maintien dans les lieux, CCH L442-8-2 : les évaluations restent dues)")
        #expect(end.status.isLate)
        #expect(item(all, .prefectNotice)?.date == day("2020-01-31"))
        #expect(item(all, .prefectNotice)?.status.text == "en retard de 75 jours")
        #expect(item(all, .insuranceRenewal)?.date == day("2020-03-31"))
        #expect(item(all, .evaluation)?.date == day("2020-09-19"))   // 2020-03-19 + 6 months
        #expect(item(all, .evaluation)?.status.text == "à venir")
        #expect(item(all, .maximumDuration)?.date == day("2021-03-31"))
        #expect(item(all, .evaluationOverdue) == nil)
        #expect(item(all, .insuranceCertificate) == nil)
        #expect(all.map(\.date) == all.map(\.date).sorted())
    }

    @Test func aRecordedRenewalMovesTheTermEnd() throws {
        let text = Fixtures.replacing(Fixtures.text004, "  convention_tripartite: true          # article L442-8-3 du CCH\n",
                                      "  convention_tripartite: true\n  renouvellements: [{ date_effet: 2020-04-01, duree_mois: 12 }]\n")
        let all = items(Fixtures.dossierCase(text), on: "2020-04-15")
        let end = try #require(item(all, .termEnd))
        #expect(end.date == day("2021-03-31"))
        #expect(end.label == "fin du terme de sous-location (1er renouvellement, 12 mois)")
        #expect(end.status.state == .upcoming)
        // Each review period has its own notice: the first one (due 2020-01-31) was never sent.
        let notices = all.filter { $0.kind == .prefectNotice }
        #expect(notices.map(\.date) == [day("2020-01-31"), day("2021-01-31")])
        #expect(notices.map(\.status.text) == ["en retard de 75 jours", "à venir"])
        #expect(notices.map(\.period) == ["periode-0", "periode-1"])
    }

    @Test func overdueEvaluationsAreListedThenTheNextOne() {
        let all = items(Fixtures.case004, on: "2021-01-01")
        let overdue = all.filter { $0.kind == .evaluationOverdue }
        #expect(overdue.map(\.date) == [day("2020-09-19")])
        #expect(overdue.map(\.count) == [1])
        #expect(overdue.first?.status.text == "en retard de 104 jours")  // 11 + 31 + 30 + 31 + 1
        #expect(item(all, .evaluation)?.date == day("2021-03-19"))
        #expect(item(all, .evaluation)?.label == "évaluation semestrielle suivante")
        #expect(item(all, .maximumDuration)?.status.text == "dans 89 jours")
    }

    @Test func subleaseStartingOn31January() {
        var text = Fixtures.text004.replacingOccurrences(of: "date_effet: 2019-04-01", with: "date_effet: 2019-01-31")
        text = Self.withoutEvaluations(text)
        let all = items(Fixtures.dossierCase(text), on: "2019-09-01")
        #expect(item(all, .termEnd)?.date == day("2020-01-30"))            // 2020-01-31 − 1 day
        #expect(item(all, .prefectNotice)?.date == day("2019-11-30"))      // 2020-01-30 − 2 months
        #expect(item(all, .evaluationOverdue)?.date == day("2019-07-31"))  // 2019-01-31 + 6 months
        #expect(item(all, .evaluation)?.date == day("2020-01-31"))         // 2019-07-31 + 6 months
        #expect(item(all, .maximumDuration)?.date == day("2021-01-30"))
    }

    @Test func subleaseStartingOn29February() {
        var text = Fixtures.text004.replacingOccurrences(of: "date_effet: 2019-04-01", with: "date_effet: 2020-02-29")
        text = Self.withoutEvaluations(text)
        let all = items(Fixtures.dossierCase(text), on: "2020-08-29")
        #expect(item(all, .termEnd)?.date == day("2021-02-27"))      // 2021-02-28 (no 29th) − 1 day
        #expect(item(all, .prefectNotice)?.date == day("2020-12-27"))
        #expect(item(all, .evaluation)?.date == day("2020-08-29"))
        #expect(item(all, .evaluation)?.status.text == "aujourd'hui")
        #expect(item(all, .maximumDuration)?.date == day("2022-02-27"))
    }

    /// A sublease not begun has one item, its planned start; no evaluation falls due before it begins.
    @Test func plannedSubleaseHasOnlyItsStart() {
        let all = items(Fixtures.case011, on: "2019-07-31")
        #expect(all.map(\.kind) == [.subleaseStart])
        #expect(all.allSatisfy { $0.planned })
        #expect(item(all, .subleaseStart)?.status.text == "dans 1 jour")
        let late = items(Fixtures.case011, on: "2019-08-02")
        #expect(late.map(\.kind) == [.subleaseStart])
        #expect(late.first?.status.text == "en retard de 1 jour")
        #expect(late.first?.label == "début prévu de la sous-location, non enregistré (étape « attribution »)")
    }

    @Test func finishedOrEarlyDossiersHaveNoDeadline() {
        #expect(items(Fixtures.case002, on: "2020-08-20").isEmpty)  // referred for a glissement that day
        let proposition = Fixtures.dossierCase(Fixtures.replacing(Fixtures.text011, "etape: attribution", "etape: proposition"))
        #expect(items(proposition, on: "2020-04-15").isEmpty)
        let report = DeadlineCalendar.report(Fixtures.samples, on: day("2020-09-01"))
        #expect(report.groups.map(\.owner) == ["MJ-2019-002", "MJ-2019-004", "MJ-2019-011", "metz-jury-2018"])
        #expect(report.groups[0].note == "aucune échéance : sous-location achevée (étape « glissement »)")
    }

    @Test func aFinalEvaluationEndsTheSixMonthlyOnes() {
        let text = Fixtures.text004.replacingOccurrences(of: "    type: semestrielle\n    presents: [ch-jury, association, bailleur-exemple-1, sous_locataire]\n    partie_partagee:\n      paiement_loyer: retards",
                                                         with: "    type: finale\n    recommandation: prolongation\n    motifs: Dette à solder.\n    presents: [ch-jury, association, bailleur-exemple-1, sous_locataire]\n    partie_partagee:\n      paiement_loyer: retards")
        let all = items(Fixtures.dossierCase(text), on: "2021-01-01")
        #expect(!all.contains { $0.kind == .evaluation || $0.kind == .evaluationOverdue })
    }

    @Test func theConventionEndIsListedOnce() {
        let report = DeadlineCalendar.report(Fixtures.samples + [Fixtures.case004], on: day("2021-01-05"))
        let ends = report.items.filter { $0.kind == .conventionEnd }
        #expect(ends.count == 1)
        #expect(ends.first?.date == day("2020-12-31"))
        #expect(ends.first?.dossier == nil)
        #expect(ends.first?.status.text == "terminée depuis 5 jours")
    }

    @Test(arguments: [(0, "aujourd'hui"), (1, "dans 1 jour"), (90, "dans 90 jours"), (91, "à venir"), (-1, "en retard de 1 jour"), (-30, "en retard de 30 jours")])
    func statusTexts(offset: Int, text: String) {
        let on = day("2020-02-28")
        #expect(DeadlineStatus(kind: .evaluation, date: on.adding(days: offset), on: on).text == text)
    }
}
