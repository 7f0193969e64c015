import Foundation

extension Dossier {
    /// The dossier as recorded and in force on `day`: built from `data.recorded(asOf: day)`.
    ///
    /// Evaluations held, renewals begun, consents given (and withdrawals made), the outcome
    /// decided, préfet notices sent by that day; the stage their evidence supports; the flat, its
    /// landlord, the person's protection measure and the household in force that day. Use it for
    /// anything "as known on D": deadlines, status, an act generated as of its own date.
    /// - Parameter day: The day D.
    /// - Returns: The dossier on D. Before `parcours.proposition_ch_jury` the dossier did not exist
    ///   yet: see `isOpen(on:)`.
    public func asOf(_ day: CalendarDate) -> Dossier {
        Dossier(checked: data.recorded(asOf: day))
    }

    /// Whether the dossier existed on `day`: the CH Jury proposal was made on or before it.
    public func isOpen(on day: CalendarDate) -> Bool { parcours.propositionCHJury <= day }
}
