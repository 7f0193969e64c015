import Foundation
import Testing
import TrameModel
import TrameProcedure

/// The shared rules of FORMAT.md: month rule, current term, review period, evaluation chain.
@Suite("Sublease dates")
struct SubleaseScheduleTests {
    typealias Term = SubleaseSchedule.Term
    let day = Fixtures.day

    func schedule(_ terms: [(String, Int)]) -> SubleaseSchedule {
        SubleaseSchedule(terms: terms.map { Term(start: day($0.0), months: $0.1) }, evaluationPeriod: 6, maximumMonths: 24)
    }

    @Test(arguments: [
        ("2019-04-01", 12, "2020-03-31"),  // the sample: ends the day before 2020-04-01
        ("2019-01-31", 1, "2019-02-27"),   // FORMAT.md: 2019-01-31 + 1 month = 2019-02-28, minus one day
        ("2019-01-31", 12, "2020-01-30"),
        ("2020-01-31", 1, "2020-02-28"),   // leap year: 2020-02-29 minus one day
        ("2020-02-29", 12, "2021-02-27"),  // 2021-02-29 does not exist: 2021-02-28, minus one day
        ("2020-02-29", 48, "2024-02-28"),  // back on a leap year: 2024-02-29, minus one day
        ("2019-03-01", 12, "2020-02-29"),  // a term ending on a 29 February
        ("2019-08-31", 6, "2020-02-28"),
    ])
    func termEndsFollowTheMonthRule(start: String, months: Int, end: String) {
        #expect(schedule([(start, months)]).currentTermEnd == day(end))
    }

    @Test func theCurrentTermIsTheLastRenewal() {
        // MJ-2019-002: 12 months from 2019-03-01 (ends 2020-02-29), renewed 6 months from 2020-03-01.
        let s = schedule([("2019-03-01", 12), ("2020-03-01", 6)])
        #expect(s.renewalCount == 1)
        #expect(s.currentTermEnd == day("2020-08-31"))
        #expect(s.reviewPeriodEnd == day("2020-08-31"))
        #expect(s.prefectNoticeDate == day("2020-06-30"))  // 2020-08-31 − 2 months: clamped to 30 June
        #expect(s.maximumEnd == day("2021-02-28"))         // 2019-03-01 + 24 months − 1 day
    }

    @Test(arguments: [
        ("2020-03-31", "2020-01-31"),
        ("2020-04-30", "2020-02-29"),  // leap year
        ("2021-04-30", "2021-02-28"),
        ("2020-12-31", "2020-10-31"),
    ])
    func prefectNoticeIsTwoMonthsBeforeTheEndOfTheReviewPeriod(end: String, notice: String) {
        let termEnd = day(end)
        let s = SubleaseSchedule(terms: [Term(start: termEnd.adding(days: 1).adding(months: -12), months: 12)])
        #expect(s.currentTermEnd == termEnd)
        #expect(s.prefectNoticeDate == day(notice))
    }

    @Test func evaluationsChainFromThePreviousDueDateWithClamping() {
        // From 2019-08-31: 2020-02-29 (leap), then 2020-02-29 + 6 = 2020-08-29, then 2021-02-28.
        let s = schedule([("2019-08-31", 24)])
        let due = s.evaluationDueDates(after: nil, on: day("2021-01-01"))
        #expect(due.overdue == [day("2020-02-29"), day("2020-08-29")])
        #expect(due.next == day("2021-02-28"))
    }

    @Test func evaluationsFromASubleaseStartingOn29February() {
        let s = schedule([("2020-02-29", 12)])
        let due = s.evaluationDueDates(after: nil, on: day("2021-03-01"))
        #expect(due.overdue == [day("2020-08-29"), day("2021-02-28")])
        #expect(due.next == day("2021-08-28"))
    }

    @Test func evaluationsCountFromTheLastOne() {
        let s = schedule([("2019-04-01", 12)])
        let due = s.evaluationDueDates(after: day("2020-03-19"), on: day("2020-04-15"))
        #expect(due.overdue.isEmpty)
        #expect(due.next == day("2020-09-19"))
        // On the due date itself, the evaluation is due, not late.
        #expect(s.evaluationDueDates(after: day("2020-03-19"), on: day("2020-09-19")) .next == day("2020-09-19"))
        #expect(s.evaluationDueDates(after: day("2020-03-19"), on: day("2020-09-20")).overdue == [day("2020-09-19")])
    }

    @Test func overdueListIsBounded() {
        let s = schedule([("2019-04-01", 12)])
        #expect(s.evaluationDueDates(after: nil, on: day("9999-12-31")).overdue.count == SubleaseSchedule.overdueLimit)
    }
}
