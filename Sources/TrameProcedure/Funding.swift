import Foundation
import TrameModel

/// Whether a dossier's funding is committed or only planned.
public enum Commitment: String, Sendable, Hashable, CaseIterable {
    /// The sublease has started: stage `sous_location` or later.
    case committed = "engage"
    /// Only planned dates: stage `attribution`.
    case planned = "previsionnel"

    /// "engagé", "prévisionnel".
    public var label: String { self == .committed ? "engagé" : "prévisionnel" }
}

/// A funder of a scheme: its party id and name.
public struct Funder: Sendable, Hashable {
    /// The party id (`ddcs`).
    public var id: String
    /// The party's denomination, or its id when the convention does not list it.
    public var name: String
}

/// One funding scheme of a convention, with its funders named.
public struct FundingSchemeInfo: Sendable, Hashable {
    /// The scheme id (`iml`).
    public var id: String
    /// Its title (`Intermédiation locative (IML)`).
    public var title: String
    /// The funders, in the convention's order: a scheme's amount is never split between them.
    public var funders: [Funder]
    /// The amount per year, per housing or per person.
    public var annualAmount: Decimal
    /// `logement` (per housing) or `personne` (per person: the sub-tenant).
    public var base: String
    /// Whether the amount may be doubled for a dossier (`doublement_possible`).
    public var doublingPossible: Bool
}

/// The amount of one scheme for one dossier in one calendar year.
public struct FundingLine: Sendable, Hashable {
    /// The dossier id.
    public var dossier: String
    /// The scheme id.
    public var scheme: String
    /// The calendar year.
    public var year: Int
    /// The first and last days counted in that year.
    public var from: CalendarDate
    public var to: CalendarDate
    /// Days counted in that year, both ends included.
    public var days: Int
    /// 365 or 366.
    public var daysInYear: Int
    /// The annual amount used, doubled where the dossier says so.
    public var annualBase: Decimal
    /// Whether the annual amount was doubled.
    public var doubled: Bool
    /// `annualBase × days ÷ daysInYear`, rounded to the cent half away from zero.
    public var amount: Decimal
    /// Committed or planned, as the dossier.
    public var commitment: Commitment
}

/// Why the counted period ends where it does.
public enum FundingPeriodEnd: String, Sendable, Hashable {
    case termEnd = "fin_terme"
    case outcome = "issue"
    case conventionEnd = "fin_convention"

    /// "fin du terme en cours", "date de l'issue", "fin de la convention".
    public var label: String {
        switch self {
        case .termEnd: return "fin du terme en cours"
        case .outcome: return "date de l'issue"
        case .conventionEnd: return "fin de la convention"
        }
    }
}

/// The funding of one dossier.
public struct DossierFunding: Sendable, Hashable {
    /// The dossier id.
    public var dossier: String
    /// Its stage.
    public var stage: Stage
    /// Committed from `sous_location` on, planned at `attribution`.
    public var commitment: Commitment
    /// The counted period, both days included.
    public var from: CalendarDate
    public var to: CalendarDate
    /// Which of the three ends came first.
    public var endReason: FundingPeriodEnd
    /// Per scheme (convention order), then per year.
    public var lines: [FundingLine]

    /// The sum of the dossier's rounded lines.
    public var total: Decimal { lines.reduce(0) { $0 + $1.amount } }
}

/// Committed, planned and total amounts.
public struct FundingTotal: Sendable, Hashable {
    /// Lines of dossiers whose sublease has started.
    public var committed: Decimal = 0
    /// Lines of dossiers with planned dates only.
    public var planned: Decimal = 0
    /// Both.
    public var total: Decimal { committed + planned }

    mutating func add(_ line: FundingLine) {
        if line.commitment == .committed { committed += line.amount } else { planned += line.amount }
    }
}

/// The funding of the dossiers of one convention, with totals per scheme, per year and overall.
public struct ConventionFunding: Sendable {
    /// The convention id.
    public var convention: String
    /// The first and last days of the convention.
    public var start: CalendarDate
    public var end: CalendarDate
    /// Its funding schemes, in order.
    public var schemes: [FundingSchemeInfo]
    /// Sorted by dossier id.
    public var dossiers: [DossierFunding]
    /// Dossiers counted for nothing, with the reason.
    public var unfunded: [(dossier: String, reason: String)]

    /// Every line of every dossier.
    public var lines: [FundingLine] { dossiers.flatMap(\.lines) }

    /// The totals of each scheme, in the convention's order.
    public var totalsPerScheme: [(scheme: String, total: FundingTotal)] {
        schemes.map { s in (s.id, lines.filter { $0.scheme == s.id }.reduce(into: FundingTotal()) { $0.add($1) }) }
    }

    /// The totals of each calendar year, in order.
    public var totalsPerYear: [(year: Int, total: FundingTotal)] {
        Set(lines.map(\.year)).sorted().map { y in (y, lines.filter { $0.year == y }.reduce(into: FundingTotal()) { $0.add($1) }) }
    }

    /// The total of the whole experiment.
    public var total: FundingTotal { lines.reduce(into: FundingTotal()) { $0.add($1) } }
}
