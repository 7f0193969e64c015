import Foundation

/// A calendar date (year, month, day) with no time and no time zone, so no conversion can shift a day.
///
/// Month arithmetic follows the rule of the public format ("Shared rules" of FORMAT.md):
/// adding N months keeps the day number, or clamps to the last day of the target month.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date, or returns `nil` when the day does not exist (2019-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CalendarDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `AAAA-MM-JJ` strictly (four-digit year, two-digit month and day).
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// `AAAA-MM-JJ`.
    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days in this date's year (365 or 366).
    public var daysInYear: Int { CalendarDate.isLeap(year) ? 366 : 365 }

    /// This date plus `months` months, keeping the day number or clamping to the month's last day.
    public func adding(months: Int) -> CalendarDate {
        let total = (year * 12 + (month - 1)) + months
        let y = total / 12
        let m = total % 12 + 1
        let d = min(day, CalendarDate.daysIn(month: m, year: y))
        return CalendarDate(year: y, month: m, day: d)!
    }

    /// The number of days since 0001-01-01 (proleptic Gregorian), for day arithmetic.
    public var dayNumber: Int {
        // Algorithm from "days from civil" (H. Hinnant), shifted so 0001-01-01 is 0.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 306 - 365
    }

    /// The date `dayNumber` days after 0001-01-01.
    public init(dayNumber: Int) {
        let z = dayNumber + 306 + 365
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.year = y
        self.month = m
        self.day = d
    }

    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(to other: CalendarDate) -> Int { other.dayNumber - dayNumber }

    /// The last day of a term of `months` months starting on this date: the day before start + N months.
    public func endOfTerm(months: Int) -> CalendarDate { adding(months: months).adding(days: -1) }

    /// The day the landlord must tell the préfet whether it offers a lease (CCH L442-8-3): two
    /// months before the last day of the review period, same day number or the month's last day
    /// (a period ending on 31 March → 31 January; ending on 31 August → 30 June). Taking the
    /// earlier reading of "two months before" keeps the notice on time.
    public static func prefectNoticeDate(reviewPeriodEnd end: CalendarDate) -> CalendarDate {
        end.adding(months: -2)
    }

    /// The calendar day of an instant in a time zone. A pure conversion: the model never reads the
    /// clock; the CLI and the web layer pass "today" in (`CalendarDate.today()` lives there).
    /// - Parameters:
    ///   - instant: A point in time, given by the caller.
    ///   - timeZone: The time zone whose calendar names the day.
    public init(_ instant: Date, timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        self = CalendarDate(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1) ?? CalendarDate(year: 2000, month: 1, day: 1)!
    }
}
