import Foundation
import Testing
import TrameModel
import TrameProcedure

/// The observations of issue 12, each with its regression test.
@Suite("Deadlines and status as known on a day (issue 12)")
struct TimeTrueDeadlineTests {
    let day = Fixtures.day

    func items(_ c: Case, on: String) -> [Deadline] {
        DeadlineCalendar.deadlines(for: c.dossier, convention: c.convention, on: day(on))
    }

    /// « deadlines --on 2020-01-15 dossier-MJ-2019-002 » said « sous-location achevée (étape
    /// « glissement ») »: on that day the sublease ran; its renewal (2020-03-01) and final
    /// evaluation (2020-08-06) did not exist yet.
    @Test func observation002On20200115IsARunningSublease() throws {
        let report = DeadlineCalendar.report([Fixtures.case002], on: day("2020-01-15"))
        #expect(!report.text.contains("achevée"))
        #expect(report.groups[0].stage == .sousLocation)
        let all = items(Fixtures.case002, on: "2020-01-15")
        #expect(all.first { $0.kind == .termEnd }?.date == day("2020-02-29"))
        #expect(all.first { $0.kind == .evaluation }?.date == day("2020-02-29"))  // 2019-08-29 + 6 months
    }

    /// `status --on` counted evaluations held after the date.
    @Test func observation002StatusCountsOnlyEvaluationsHeldByTheDay() {
        let status = ProgrammeStatus(convention: Fixtures.convention, cases: [Fixtures.case002], on: day("2020-01-15"))
        #expect(status.evaluationsDone == 1)
        #expect(status.households.first { $0.stage == .sousLocation }?.count == 1)
        #expect(status.households.first { $0.stage == .glissement }?.count == 0)
        let before = ProgrammeStatus(convention: Fixtures.convention, cases: Fixtures.samples, on: day("2019-01-01"))
        #expect(before.cases.map(\.dossier.id) == ["MJ-2019-002"])  // 004 and 011 were proposed later
    }

    /// 26 of the 38 events of the sample calendar were « évaluation semestrielle non enregistrée »,
    /// one per semester until 2027, for MJ-2019-004 and MJ-2019-011.
    @Test func observation004And011NoLongerProduceOneEventPerSemester() {
        let report = DeadlineCalendar.report(Fixtures.samples, on: day("2027-01-01"))
        let overdue = report.items.filter { $0.kind == .evaluationOverdue }
        #expect(overdue.count == 1)
        #expect(overdue.first?.dossier == "MJ-2019-004")
        #expect(overdue.first?.count == 13)  // 2020-09-19 … 2026-09-19
        #expect(overdue.first?.label == "13 évaluations semestrielles consécutives non enregistrées (la première due le 2020-09-19)")
        let of011 = report.items.filter { $0.dossier == "MJ-2019-011" }
        #expect(of011.map(\.kind) == [.subleaseStart])
        #expect(of011.first?.status.isLate == true)
        #expect(report.items.count < 12)
    }

    /// The term of MJ-2019-004 lapsed on 2020-03-31 with nothing recorded after: one late item.
    @Test func observation004LapsedTermIsALateItem() throws {
        let all = items(Fixtures.case004, on: "2020-06-01")
        let lapsed = try #require(all.first { $0.kind == .termEnd })
        #expect(lapsed.date == day("2020-03-31"))
        #expect(lapsed.status.isLate)
        #expect(lapsed.label.contains("CCH L442-8-2"))
        #expect(all.first { $0.kind == .evaluation }?.date == day("2020-09-19"))  // reviews remain due
    }

    /// 002's first review period (fixed by the tripartite convention: 2019-03-01 → 2020-02-29) has
    /// its préfet deadline on 2019-12-29; it passed without any warning.
    @Test func observation002FirstPrefectDeadlineIsReported() throws {
        let all = items(Fixtures.case002, on: "2020-01-15")
        let notice = try #require(all.first { $0.kind == .prefectNotice })
        #expect(notice.date == day("2019-12-29"))
        #expect(notice.period == "periode-0")
        #expect(notice.label.contains("2020-02-29"))
        #expect(notice.status.text == "en retard de 17 jours")
        // Still reported once the renewal opened the second period (ending 2020-08-31, notice by 2020-06-30).
        let later = items(Fixtures.case002, on: "2020-04-15").filter { $0.kind == .prefectNotice }
        #expect(later.map(\.date) == [day("2019-12-29"), day("2020-06-30")])
    }

    /// 004's deadline (2020-01-31) passed with the term ending 2020-03-31 and no final review,
    /// renewal or letter: nothing said so.
    @Test func observation004PrefectDeadlinePassedWithNothing() throws {
        #expect(items(Fixtures.case004, on: "2020-01-31").first { $0.kind == .prefectNotice }?.status.state == .today)
        let notice = try #require(items(Fixtures.case004, on: "2020-02-01").first { $0.kind == .prefectNotice })
        #expect(notice.date == day("2020-01-31"))
        #expect(notice.status.isLate)
    }

    /// A recorded letter ends the préfet item; a letter sent late makes it late until sent.
    @Test func aRecordedNoticeIsDoneFromItsDate() {
        let text = Fixtures.replacing(Fixtures.text004, "  convention_tripartite: true          # article L442-8-3 du CCH\n",
                                      "  convention_tripartite: true\n  avis_prefet: 2020-02-10\n")
        let c = Fixtures.dossierCase(text)
        #expect(items(c, on: "2020-02-05").first { $0.kind == .prefectNotice }?.status.isLate == true)
        #expect(items(c, on: "2020-02-10").contains { $0.kind == .prefectNotice } == false)
    }

    /// Before the planned start, the planned start only; once passed, one late item.
    @Test func observation011PlannedStartPassedUnrecorded() {
        #expect(items(Fixtures.case011, on: "2019-07-15").map(\.status.state) == [.soon])
        #expect(items(Fixtures.case011, on: "2020-01-15").map(\.status.state) == [.late])
        #expect(items(Fixtures.case011, on: "2019-06-01").isEmpty)  // before the commission: no flat yet
    }

    /// An ended pathway has no deadline.
    @Test func anEndedPathwayHasNone() {
        let report = DeadlineCalendar.report([Fixtures.case002], on: day("2021-01-01"))
        #expect(report.groups[0].items.isEmpty)
        #expect(report.groups[0].note == "aucune échéance : sous-location achevée (étape « glissement »)")
    }
}
