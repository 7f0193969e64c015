import TrameFrench
import TrameModel

extension DocumentCatalog {
    /// The dates of the landlord's letter to the préfet (CCH L. 442-8-3): the final evaluation it
    /// reports, the day it is dated, and the review period it closes.
    public struct PrefectLetterDates: Sendable, Equatable {
        /// The final evaluation the letter reports.
        public var evaluation: CalendarDate
        /// The day the letter is dated: `--as-of`, else `--date`, else the notice recorded for the
        /// period (`avis_prefet`), else the day of the final evaluation.
        public var date: CalendarDate
        /// The review period the evaluation closes (nil only for a dossier without periods).
        public var period: Dossier.ReviewPeriod?
    }

    /// Chooses the final evaluation a letter to the préfet reports and the day it is dated.
    ///
    /// `--date D` dates the letter (a final evaluation held on D is the one it reports; a
    /// six-monthly one is refused, `EVALUATION_NON_FINALE`); `--as-of A` makes the act of day A,
    /// dated A. Without either, the letter is dated from the notice recorded for the period
    /// (`avis_prefet`), else the day of the final evaluation. The letter reports the last final
    /// evaluation held by its date and is never dated before it (`DATE_COURRIER`, located on the
    /// evaluation, or on the recorded notice that is too early).
    /// - Parameters:
    ///   - dossier: The dossier, as recorded in full.
    ///   - date: `--date`.
    ///   - asOf: `--as-of`.
    public static func prefectLetter(dossier: Dossier, date: CalendarDate?, asOf: CalendarDate?) throws(Diagnostics) -> PrefectLetterDates {
        let finals = dossier.evaluations.filter(\.isFinal).map(\.date)
        if let date, let held = dossier.evaluations.first(where: { $0.date == date }), !held.isFinal {
            throw Diagnostics(.error(.evaluationNonFinale, "le document « courrier-prefet » porte sur l'évaluation finale ; celle du \(date) est semestrielle"))
        }
        let given = asOf ?? date
        let evaluation: CalendarDate?
        if let date, finals.contains(date), asOf.map({ date <= $0 }) ?? true {
            evaluation = date
        } else if let given {
            evaluation = finals.last { $0 <= given }
        } else {
            evaluation = finals.last
        }
        guard let evaluation else {
            if let given, let later = finals.first(where: { $0 > given }) {
                throw Diagnostics(tooEarly(given, evaluation: later, dossier: dossier, at: evaluationLocation(later, in: dossier)))
            }
            let listed = dossier.evaluations.isEmpty ? "le dossier \(dossier.id) n'en compte aucune"
                : "évaluations du dossier : " + dossier.evaluations.map(\.date.description).joined(separator: ", ")
            throw Diagnostics(.error(.evaluationIntrouvable, "aucune évaluation finale dans le dossier \(dossier.id) ; \(listed)"))
        }
        let periods = dossier.reviewPeriods
        let period = periods.enumerated().first { index, period in
            evaluation >= period.start && (evaluation <= period.end || index == periods.count - 1)
        }?.element
        let recorded = period.flatMap { $0.noticeIsDefault ? nil : $0.notice }
        let letterDate = given ?? recorded ?? evaluation
        if letterDate < evaluation {
            let location = given == nil ? noticeLocation(period, in: dossier) : nil
            throw Diagnostics(tooEarly(letterDate, evaluation: evaluation, dossier: dossier, at: location ?? evaluationLocation(evaluation, in: dossier)))
        }
        return PrefectLetterDates(evaluation: evaluation, date: letterDate, period: period)
    }

    private static func tooEarly(_ day: CalendarDate, evaluation: CalendarDate, dossier: Dossier, at location: SourceLocation?) -> Diagnostic {
        func long(_ d: CalendarDate) -> String { FrenchDate.long(year: d.year, month: d.month, day: d.day) }
        return .error(.dateCourrier, "le courrier au préfet ne peut pas être daté du \(long(day)) : il rend compte de l'évaluation finale du \(long(evaluation)), tenue après ; datez-le de ce jour ou d'un jour suivant (--date AAAA-MM-JJ)",
                      at: location, subject: dossier.id)
    }

    private static func evaluationLocation(_ date: CalendarDate, in dossier: Dossier) -> SourceLocation? {
        let list = dossier.data["evaluations"]?.list ?? []
        return list.first { $0["date"]?.date == date }?["date"]?.location
    }

    /// Where the recorded notice of a period is written (`sous_location.avis_prefet` or a renewal's).
    private static func noticeLocation(_ period: Dossier.ReviewPeriod?, in dossier: Dossier) -> SourceLocation? {
        guard let period else { return nil }
        let sublease = dossier.data["sous_location"]
        let node = period.index == 0 ? sublease?["avis_prefet"] : sublease?["renouvellements"]?.list?[safe: period.index - 1]?["avis_prefet"]
        return node?.location
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
