import TrameModel
import TrameTemplates

extension DocumentCatalog {
    /// The dates « Mes prochaines dates » gives the person on `day`, read from the dossier as
    /// recorded that day; only dates after `day` are kept.
    ///
    /// - Next evaluation: the last one recorded (else the start of the sublease) plus the
    ///   convention's periodicity; none once a final evaluation is held. When that day is already
    ///   reached, no date is invented: a date is to be set with the person.
    /// - End of the current term (initial term, then the renewals recorded by `day`).
    /// - Insurance renewal (`sous_location.assurance_echeance`), when known.
    /// - Start of a sublease that has not begun yet.
    ///
    /// A dossier whose pathway has an outcome (`issue`), or without a sublease, has no date to come.
    /// - Parameters:
    ///   - dossier: The dossier as recorded on `day`.
    ///   - evaluationPeriod: `convention.sous_location.periodicite_evaluation_mois`.
    ///   - day: The day the sheet is made.
    public static func nextDates(dossier: Dossier, evaluationPeriod: Int, on day: CalendarDate) -> ContextBuilder.NextDates {
        var dates = ContextBuilder.NextDates(day: day)
        guard dossier.issue == nil, let sublease = dossier.sousLocation else { return dates }
        if sublease.dateEffet > day { dates.start = sublease.dateEffet }
        if !dossier.evaluations.contains(where: \.isFinal) {
            let due = (dossier.evaluations.map(\.date).max() ?? sublease.dateEffet).adding(months: max(1, evaluationPeriod))
            if due > day {
                dates.evaluation = due
                dates.firstEvaluation = dossier.evaluations.isEmpty
            } else {
                dates.evaluationToSchedule = true
            }
        }
        if let last = sublease.terms.last {
            let end = last.dateEffet.endOfTerm(months: last.dureeMois)
            if end > day { dates.termEnd = end }
        }
        if let insurance = sublease.assuranceEcheance, insurance > day { dates.insurance = insurance }
        return dates
    }
}
