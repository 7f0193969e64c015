import Testing
import TrameModel

@Suite("Calendar dates and the month rule of FORMAT.md")
struct CalendarDateTests {
    func d(_ s: String) -> CalendarDate { CalendarDate(iso: s)! }

    @Test func parsesStrictly() {
        #expect(CalendarDate(iso: "2019-02-29") == nil)
        #expect(CalendarDate(iso: "2020-02-29") != nil)
        #expect(CalendarDate(iso: "2019-4-1") == nil)
        #expect(CalendarDate(iso: "2019-04-01T00:00") == nil)
        #expect(CalendarDate(iso: "1900-02-29") == nil)
        #expect(CalendarDate(iso: "2000-02-29") != nil)
    }

    @Test(arguments: [
        ("2019-04-01", 12, "2020-03-31"), ("2019-01-31", 1, "2019-02-27"), ("2020-01-31", 1, "2020-02-28"),
        ("2020-02-29", 12, "2021-02-27"), ("2019-08-01", 18, "2021-01-31"), ("2019-03-01", 12, "2020-02-29"),
    ])
    func endOfTerm(start: String, months: Int, end: String) {
        #expect(d(start).endOfTerm(months: months) == d(end))
    }

    @Test func addingMonthsClamps() {
        #expect(d("2019-08-31").adding(months: 6) == d("2020-02-29"))
        #expect(d("2019-12-15").adding(months: 1) == d("2020-01-15"))
    }

    @Test func dayArithmeticRoundTrips() {
        for s in ["0001-01-01", "1970-01-01", "2000-02-29", "2019-12-31", "2024-03-01", "9999-12-31"] {
            #expect(CalendarDate(dayNumber: d(s).dayNumber) == d(s))
        }
        #expect(d("2019-12-31").days(to: d("2020-01-01")) == 1)
        #expect(d("2020-01-01").days(to: d("2021-01-01")) == 366)
        #expect(d("2020-03-01").adding(days: -1) == d("2020-02-29"))
    }
}
