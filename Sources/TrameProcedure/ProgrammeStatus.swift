import Foundation
import TrameModel

/// The programme of one convention at a glance (`trame status`): households per stage against the
/// identified needs, flats per commune and type, evaluations done / due / late, funding.
public struct ProgrammeStatus: Sendable {
    /// The convention shown.
    public let convention: Convention
    /// The convention's dossiers without errors, as recorded on the reference date, sorted by id.
    public let cases: [Case]
    /// The reference date.
    public let on: CalendarDate
    /// Files refused because of errors (shown so that nobody mistakes a partial view for the whole).
    public let rejected: [String]
    /// The deadlines of every dossier on the reference date (computed once, not at each use).
    public let deadlines: [Deadline]
    /// The funding of the convention's dossiers (`trame funding`'s, computed once).
    public let funding: ConventionFunding?

    /// Collects the status of `convention` from `cases` as known on `on` (other conventions'
    /// dossiers are ignored): each dossier as recorded that day (`Dossier.asOf(_:)`), and only the
    /// dossiers opened by then.
    public init(convention: Convention, cases: [Case], on: CalendarDate, rejected: [String] = []) {
        self.init(convention: convention,
                  days: cases.filter { $0.dossier.convention == convention.identifiant }.map { CaseOnDay($0, on: on) },
                  on: on, rejected: rejected)
    }

    /// The same status from each dossier's `CaseOnDay` on `on` (kept by a server per version and day).
    public init(convention: Convention, days: [CaseOnDay], on: CalendarDate, rejected: [String] = []) {
        self.convention = convention
        let kept = days.filter { $0.case.dossier.convention == convention.identifiant && $0.isOpen }
            .sorted { $0.case.dossier.id < $1.case.dossier.id }
        cases = kept.map { Case(dossier: $0.known, convention: $0.case.convention, path: $0.case.path) }
        deadlines = kept.flatMap(\.deadlines)
        funding = kept.isEmpty ? nil : FundingCalculator.report(kept[0].case.convention, kept.map { ($0.case.dossier.id, $0.funding) })
        self.on = on
        self.rejected = rejected
    }

    /// The number of dossiers at each stage, in pathway order.
    public var households: [(stage: Stage, count: Int)] {
        Stage.allCases.map { s in (s, cases.filter { $0.dossier.etape == s }.count) }
    }

    /// "Metz (Sablon)" when the quarter is known, else the commune.
    static func place(_ housing: Dossier.Housing) -> String {
        housing.quartier.map { "\(housing.commune) (\($0))" } ?? housing.commune
    }

    /// Flats recorded in the dossiers (attributed, occupied or taken over by the tenant), per
    /// commune (with quarter) and type.
    public var flats: [(commune: String, type: String, count: Int)] {
        let all = cases.compactMap(\.dossier.logement)
        let keys = Set(all.map { "\(Self.place($0))\u{0}\($0.typologie)" }).sorted()
        return keys.map { key in
            let parts = key.split(separator: "\u{0}").map(String.init)
            return (parts[0], parts[1], all.filter { Self.place($0) == parts[0] && $0.typologie == parts[1] }.count)
        }
    }

    /// Evaluations recorded (six-monthly and final).
    public var evaluationsDone: Int { cases.reduce(0) { $0 + $1.dossier.evaluations.count } }

    /// Evaluations whose due date has passed with none recorded: one item per dossier, standing
    /// for its consecutive missed evaluations (`Deadline.count`).
    public var evaluationsLate: [Deadline] { deadlines.filter { $0.kind == .evaluationOverdue } }

    /// How many evaluations were missed in all.
    public var evaluationsLateCount: Int { evaluationsLate.reduce(0) { $0 + $1.count } }

    /// The next evaluation of each dossier still under review, on or after the reference date.
    public var evaluationsDue: [Deadline] { deadlines.filter { $0.kind == .evaluation } }

}
