import Foundation

extension Dossier {
    /// One review period of CCH L442-8-3: a term of the sublease, fixed by the tripartite
    /// convention (the initial term) or by a renewal, and the landlord's notice to the préfet.
    public struct ReviewPeriod: Sendable, Hashable {
        /// 0 for the initial term (the tripartite convention's period), then 1, 2… per renewal.
        public var index: Int
        public var start: CalendarDate
        public var end: CalendarDate
        /// Two months before the end (docs/format.md § 3).
        public var noticeDue: CalendarDate { CalendarDate.prefectNoticeDate(reviewPeriodEnd: end) }
        /// The day the notice was sent: the recorded `avis_prefet`, else the final evaluation held
        /// during the period (the préfet letter goes with it), else nil.
        public var notice: CalendarDate?
        /// Whether `notice` is the final evaluation's date (no `avis_prefet` recorded).
        public var noticeIsDefault: Bool
        /// Whether the notice was sent after its deadline.
        public var noticeIsLate: Bool { notice.map { $0 > noticeDue } ?? false }
    }

    /// The review periods of the sublease (none without a tripartite convention or a sublease).
    /// A final evaluation held after the last term's end counts for the last period.
    public var reviewPeriods: [ReviewPeriod] {
        guard let sublease = sousLocation, sublease.conventionTripartite else { return [] }
        let terms = sublease.terms
        let finals = evaluations.filter(\.isFinal).map(\.date)
        return terms.enumerated().map { index, term in
            let isLast = index == terms.count - 1
            let heldDuring = finals.first { $0 >= term.dateEffet && ($0 <= term.fin || isLast) }
            return ReviewPeriod(index: index, start: term.dateEffet, end: term.fin,
                                notice: term.avisPrefet ?? heldDuring, noticeIsDefault: term.avisPrefet == nil && heldDuring != nil)
        }
    }

    /// Whether the dossier's pathway has ended: an outcome is recorded, or the stage is an outcome.
    public var hasEnded: Bool { issue != nil || etape.rank == Stage.glissement.rank }
}
