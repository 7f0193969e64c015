import TrameModel

/// A dossier as known on a reference day, with what `trame status` and `trame deadlines` derive
/// from it that day: computed once per dossier version and day, and kept by whoever shows it again
/// (the web application's dashboard and « À faire » after each save: issue 16).
public struct CaseOnDay: Sendable {
    /// The dossier (every version of its data) with its convention.
    public let `case`: Case
    /// The reference day.
    public let day: CalendarDate
    /// Whether the dossier was opened by then (`Dossier.isOpen(on:)`).
    public let isOpen: Bool
    /// The dossier as recorded that day (`Dossier.asOf(_:)`).
    public let known: Dossier
    /// Its deadlines that day (`DeadlineCalendar.deadlines(for:convention:on:)`), in date order.
    public let deadlines: [Deadline]
    /// Its group in the deadline report.
    public let group: DeadlineReport.Group
    /// Its funding as recorded that day (`FundingCalculator.funding(of:convention:)`), for `ProgrammeStatus`.
    public let funding: Result<DossierFunding, FundingCalculator.NotFunded>

    public init(_ c: Case, on day: CalendarDate) {
        self.case = c
        self.day = day
        isOpen = c.dossier.isOpen(on: day)
        known = c.dossier.asOf(day)
        deadlines = DeadlineCalendar.deadlines(for: c.dossier, convention: c.convention, on: day)
        group = DeadlineCalendar.group(of: c, known: known, items: deadlines, on: day)
        funding = FundingCalculator.funding(of: known, convention: c.convention)
    }
}
