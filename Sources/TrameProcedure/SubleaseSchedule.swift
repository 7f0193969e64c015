import Foundation
import TrameModel

/// The dates of one sublease under the shared rules of FORMAT.md.
///
/// - Month rule: a term of N months starting on S ends the day before S + N months (same day
///   number, or the last day of the month when it does not exist).
/// - Current term: the initial term, then each recorded renewal in order.
/// - Review period (L442-8-3): the current term; the préfet notice is due two months before its
///   last day (same month rule: 2020-03-31 → 2020-01-31, 2020-08-31 → 2020-06-30).
/// - Six-monthly evaluations: every N months from the last evaluation, or from the sublease start.
public struct SubleaseSchedule: Sendable, Hashable {
    /// One term of the sublease: the initial one or a renewal.
    public struct Term: Sendable, Hashable {
        /// The first day of the term.
        public var start: CalendarDate
        /// Its duration in months.
        public var months: Int
        /// The last day of the term: the day before start + months.
        public var end: CalendarDate { start.endOfTerm(months: months) }

        /// A term of `months` months from `start`.
        public init(start: CalendarDate, months: Int) {
            self.start = start
            self.months = months
        }
    }

    /// The first day of the sublease.
    public let start: CalendarDate
    /// The initial term then each renewal (never empty).
    public let terms: [Term]
    /// Months between two evaluations (`periodicite_evaluation_mois`).
    public let evaluationPeriod: Int
    /// The convention's maximum duration in months (`duree_maximale_mois`).
    public let maximumMonths: Int

    /// Builds the schedule of a sublease.
    /// - Parameters:
    ///   - sublease: The dossier's sublease.
    ///   - rules: The convention's sublease rules.
    public init(sublease: Dossier.Sublease, rules: Convention.SubleaseRules) {
        self.init(terms: sublease.terms.map { Term(start: $0.dateEffet, months: $0.dureeMois) },
                  evaluationPeriod: rules.periodiciteEvaluationMois, maximumMonths: rules.dureeMaximaleMois)
    }

    /// Builds a schedule from its terms (the initial one first, then the renewals).
    /// - Precondition: `terms` is not empty.
    public init(terms: [Term], evaluationPeriod: Int = 6, maximumMonths: Int = 24) {
        precondition(!terms.isEmpty, "a sublease has at least its initial term")
        self.start = terms[0].start
        self.terms = terms
        self.evaluationPeriod = max(1, evaluationPeriod)
        self.maximumMonths = maximumMonths
    }

    /// The number of renewals recorded after the initial term.
    public var renewalCount: Int { terms.count - 1 }

    /// The last day of the current term (initial term, then renewals in order).
    public var currentTermEnd: CalendarDate { terms[terms.count - 1].end }

    /// The last day of the review period: the current term's.
    public var reviewPeriodEnd: CalendarDate { currentTermEnd }

    /// The day the landlord must tell the préfet whether it offers a lease: two months before the end
    /// of the review period.
    public var prefectNoticeDate: CalendarDate { CalendarDate.prefectNoticeDate(reviewPeriodEnd: reviewPeriodEnd) }

    /// The last day allowed by the convention's maximum duration, counted from the start.
    public var maximumEnd: CalendarDate { start.endOfTerm(months: maximumMonths) }

    /// The evaluation due dates after `last` (or after the start when there is none), every
    /// `evaluationPeriod` months, each counted from the previous due date: those before `day`
    /// (overdue), then the first on or after it (next).
    /// - Parameters:
    ///   - last: The date of the last evaluation recorded, if any.
    ///   - day: The reference date.
    /// - Returns: The overdue dates in order (at most `overdueLimit` listed, the oldest first), how
    ///   many were missed in all, and the next due date.
    public func evaluationDueDates(after last: CalendarDate?, on day: CalendarDate) -> (overdue: [CalendarDate], missed: Int, next: CalendarDate) {
        var due = (last ?? start).adding(months: evaluationPeriod)
        var overdue: [CalendarDate] = []
        var missed = 0
        while due < day, due.year < 9998 {
            if overdue.count < Self.overdueLimit { overdue.append(due) }
            missed += 1
            due = due.adding(months: evaluationPeriod)
        }
        return (overdue, missed, due)
    }

    /// The most overdue evaluations listed for one dossier (twenty years of six-monthly reviews).
    public static let overdueLimit = 40
}
