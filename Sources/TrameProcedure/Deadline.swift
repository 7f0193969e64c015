import Foundation
import TrameModel

/// One dated item of `trame deadlines`: what is due for a dossier (or for the convention itself).
public struct Deadline: Sendable, Hashable {
    /// What the date is about. The raw values are the `nature` of the JSON output and part of
    /// the iCalendar UIDs: keep them stable.
    public enum Kind: String, Sendable, CaseIterable {
        /// The planned first day of a sublease not started yet (stage `attribution`); late once
        /// passed with no start recorded.
        case subleaseStart = "debut_sous_location"
        /// The evaluations whose due dates have passed with none recorded: one item for the
        /// consecutive missed ones, dated at the first, with their number (`count`).
        case evaluationOverdue = "evaluation_en_retard"
        /// The next six-monthly evaluation.
        case evaluation = "evaluation"
        /// The last day of the current sublease term; once passed with no renewal and no outcome
        /// recorded, a late item (the person keeps the right to stay, CCH L442-8-2).
        case termEnd = "fin_terme"
        /// The landlord's notice to the préfet, two months before the end of each review period
        /// (CCH L442-8-3), until it is recorded as sent.
        case prefectNotice = "avis_prefet"
        /// The last day allowed by the convention's maximum duration.
        case maximumDuration = "duree_maximale"
        /// The insurance certificate not provided yet (`attestation_assurance: false`).
        case insuranceCertificate = "attestation_assurance"
        /// The insurance renewal deadline (`assurance_echeance`).
        case insuranceRenewal = "echeance_assurance"
        /// The last day of the experimental convention.
        case conventionEnd = "fin_convention"
    }

    /// The day it falls due.
    public var date: CalendarDate
    /// The dossier id; nil for the convention's own deadline.
    public var dossier: String?
    /// The convention id.
    public var convention: String
    /// What the date is about.
    public var kind: Kind
    /// What is due, in French ("fin du terme initial de la sous-location…").
    public var label: String
    /// Whether the sublease is only planned (stage `attribution`).
    public var planned: Bool
    /// Where it stands on the reference date.
    public var status: DeadlineStatus
    /// Which occurrence of its kind it is, independent of its computed date: `terme-0` (initial
    /// term), `terme-1` (first renewal), `periode-0` (review period of the tripartite
    /// convention), `evaluation-3` (third evaluation), `debut`; empty for a kind that occurs once.
    public var period: String
    /// How many occurrences one item stands for (consecutive missed evaluations); 1 otherwise.
    public var count: Int

    /// A deadline; `period` and `count` as documented on the properties.
    public init(date: CalendarDate, dossier: String?, convention: String, kind: Kind, label: String, planned: Bool,
                status: DeadlineStatus, period: String = "", count: Int = 1) {
        self.date = date
        self.dossier = dossier
        self.convention = convention
        self.kind = kind
        self.label = label
        self.planned = planned
        self.status = status
        self.period = period
        self.count = count
    }

    /// The dossier id, or the convention id for the convention's own deadline.
    public var owner: String { dossier ?? convention }

    /// A stable identifier for (owner, kind, period), independent of the computed date, so that a
    /// calendar updates an event when its date moves (`MJ-2019-004-fin_terme-terme-0@trame`,
    /// `metz-jury-2018-fin_convention@trame`).
    public var uid: String {
        func safe(_ s: String) -> String {
            String(s.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") ? $0 : "_" })
        }
        return "\(safe(owner))-\(kind.rawValue)" + (period.isEmpty ? "" : "-\(safe(period))") + "@trame"
    }
}

/// Where a deadline stands on the reference date.
public struct DeadlineStatus: Sendable, Hashable {
    /// The state, for tools (JSON `etat`).
    public enum State: String, Sendable {
        case upcoming = "a_venir"
        case soon = "proche"
        case today = "aujourd_hui"
        case late = "en_retard"
        case endedWithoutRenewal = "terminee_sans_renouvellement"
        case exceeded = "depassee"
        case ended = "terminee"
    }

    /// Upcoming, soon, today, late, ended…
    public var state: State
    /// Days from the reference date to the deadline (negative once it has passed).
    public var days: Int

    /// Deadlines closer than this many days are shown as "dans N jours", later ones as "à venir".
    public static let soonHorizon = 90

    /// The status of a deadline of `kind` on `date`, seen on `day`.
    public init(kind: Deadline.Kind, date: CalendarDate, on day: CalendarDate) {
        days = day.days(to: date)
        if days > Self.soonHorizon { state = .upcoming }
        else if days > 0 { state = .soon }
        else if days == 0 { state = .today }
        else {
            switch kind {
            case .termEnd: state = .endedWithoutRenewal
            case .maximumDuration: state = .exceeded
            case .conventionEnd: state = .ended
            default: state = .late
            }
        }
    }

    /// The status in French: "à venir", "dans 12 jours", "en retard de 3 jours",
    /// "terminée sans renouvellement enregistré".
    public var text: String {
        let n = abs(days)
        let count = "\(n) jour\(n > 1 ? "s" : "")"
        switch state {
        case .upcoming: return "à venir"
        case .soon: return "dans \(count)"
        case .today: return "aujourd'hui"
        case .late: return "en retard de \(count)"
        case .endedWithoutRenewal: return "terminée sans renouvellement enregistré"
        case .exceeded: return "dépassée de \(count)"
        case .ended: return "terminée depuis \(count)"
        }
    }

    /// Whether something should have been done and was not.
    public var isLate: Bool { [.late, .endedWithoutRenewal, .exceeded].contains(state) }
}
