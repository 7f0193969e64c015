import Foundation
import TrameFrench
import TrameModel

/// Computes the deadlines of dossiers and conventions as known on a reference date (never the clock).
///
/// Everything is read from the dossier as recorded on that day (`Dossier.asOf(_:)`): evaluations,
/// renewals, préfet notices and outcomes recorded later do not exist yet. The rules (issue 12):
///
/// - A pathway that has ended (glissement, réorientation, sortie, or any recorded `issue`) has no
///   deadline; neither has a dossier before attribution, nor one not opened yet.
/// - A sublease not begun (stage `attribution`) has one item, its planned start: upcoming, or late
///   once the day has passed with no start recorded.
/// - A running sublease: the evaluations missed since the last one (or the start) are **one** late
///   item with their count, then the next evaluation (none once a final evaluation is held); the
///   end of the current term, or — when it lapsed with no renewal and no outcome — one late item
///   (the person keeps the right to stay, CCH L442-8-2, so reviews remain due); for each review
///   period of CCH L442-8-3 (the tripartite convention's, then each renewal's) the préfet notice,
///   late while it was not sent by its deadline; the convention's maximum duration; insurance.
/// - Late means due before the reference date and not done by then.
public enum DeadlineCalendar {
    /// The deadlines of one dossier as known on `day`, in date order.
    public static func deadlines(for dossier: Dossier, convention: Convention, on day: CalendarDate) -> [Deadline] {
        guard dossier.isOpen(on: day) else { return [] }
        let known = dossier.asOf(day)
        guard !known.hasEnded, let sublease = known.sousLocation,
              known.etape == .attribution || known.etape == .sousLocation else { return [] }
        let planned = known.etape == .attribution
        let owner = known.id
        var out: [Deadline] = []
        func add(_ kind: Deadline.Kind, _ date: CalendarDate, _ label: String, period: String = "", count: Int = 1) {
            out.append(Deadline(date: date, dossier: owner, convention: convention.identifiant, kind: kind, label: label,
                                planned: planned, status: DeadlineStatus(kind: kind, date: date, on: day), period: period, count: count))
        }
        if planned {
            let late = sublease.dateEffet < day
            add(.subleaseStart, sublease.dateEffet, late ? "début prévu de la sous-location, non enregistré (étape « attribution »)"
                                                         : "début prévu de la sous-location", period: "debut")
            return out
        }
        let schedule = SubleaseSchedule(sublease: sublease, rules: convention.sousLocation)
        let name = evaluationName(months: schedule.evaluationPeriod)
        if !known.evaluations.contains(where: \.isFinal) {
            let held = known.evaluations.count
            let due = schedule.evaluationDueDates(after: known.evaluations.map(\.date).max(), on: day)
            if let first = due.overdue.first {
                let n = due.missed
                let label = n == 1 ? "évaluation \(name) non enregistrée"
                    : "\(n) évaluations \(name)s consécutives non enregistrées (la première due le \(first))"
                add(.evaluationOverdue, first, label, period: "evaluation-\(held + 1)", count: n)
            }
            add(.evaluation, due.next, due.overdue.isEmpty ? "prochaine évaluation \(name)" : "évaluation \(name) suivante",
                period: "evaluation-\(held + due.missed + 1)")
        }
        let termIndex = schedule.terms.count - 1
        if schedule.currentTermEnd < day {
            add(.termEnd, schedule.currentTermEnd,
                "terme échu sans renouvellement ni issue enregistrés (maintien dans les lieux, CCH L442-8-2 : les évaluations restent dues)",
                period: "terme-\(termIndex)")
        } else {
            add(.termEnd, schedule.currentTermEnd, termLabel(schedule), period: "terme-\(termIndex)")
        }
        for period in known.reviewPeriods where period.notice == nil {
            let closed = period.end < day
            let label = "avis du bailleur au préfet (CCH L442-8-3) pour la période d'examen "
                + (closed ? "close le \(period.end)" : "qui s'achève le \(period.end)")
                + (period.noticeDue < day ? ", non envoyé" : "")
            add(.prefectNotice, period.noticeDue, label, period: "periode-\(period.index)")
        }
        if convention.sousLocation.dureeMaximaleMois > 0 {
            add(.maximumDuration, schedule.maximumEnd, "durée maximale de la convention (\(convention.sousLocation.dureeMaximaleMois) mois)")
        }
        if !sublease.attestationAssurance {
            add(.insuranceCertificate, schedule.start, "attestation d'assurance à fournir")
        }
        if let renewal = sublease.assuranceEcheance {
            add(.insuranceRenewal, renewal, "échéance de l'assurance habitation")
        }
        return out.sorted(by: order)
    }

    /// The convention's own deadline: the end of the experiment.
    public static func deadlines(for convention: Convention, on day: CalendarDate) -> [Deadline] {
        let kind = Deadline.Kind.conventionEnd
        return [Deadline(date: convention.dateFin, dossier: nil, convention: convention.identifiant, kind: kind,
                         label: "fin de la convention expérimentale (\(convention.dureeMois) mois)",
                         planned: false, status: DeadlineStatus(kind: kind, date: convention.dateFin, on: day))]
    }

    /// The full report: each dossier (sorted by id), then each convention once.
    public static func report(_ cases: [Case], on day: CalendarDate) -> DeadlineReport {
        report(cases.map { CaseOnDay($0, on: day) }, on: day)
    }

    /// The full report from each dossier's `CaseOnDay` (computed once per version and day by a
    /// server that keeps them): the same as `report(_:on:)` on their cases.
    public static func report(_ days: [CaseOnDay], on day: CalendarDate) -> DeadlineReport {
        var groups: [DeadlineReport.Group] = []
        var conventions: [String: Convention] = [:]
        for c in days.sorted(by: { $0.case.dossier.id < $1.case.dossier.id }) {
            groups.append(c.group)
            conventions[c.case.convention.identifiant] = c.case.convention
        }
        for (id, convention) in conventions.sorted(by: { $0.key < $1.key }) {
            groups.append(.init(owner: id, stage: nil, items: deadlines(for: convention, on: day), note: nil,
                                revision: convention.data.latestDate))
        }
        return DeadlineReport(on: day, groups: groups)
    }

    /// The group of `report` for one dossier.
    static func group(of c: Case, known: Dossier, items: [Deadline], on day: CalendarDate) -> DeadlineReport.Group {
        .init(owner: c.dossier.id, stage: c.dossier.isOpen(on: day) ? known.etape : nil, items: items,
              note: items.isEmpty ? emptyNote(c.dossier, on: day) : nil, revision: known.data.latestDate)
    }

    /// Date order; on the same day, the order of `Deadline.Kind`.
    static func order(_ a: Deadline, _ b: Deadline) -> Bool {
        let ka = Deadline.Kind.allCases.firstIndex(of: a.kind) ?? 0, kb = Deadline.Kind.allCases.firstIndex(of: b.kind) ?? 0
        return (a.date, ka) < (b.date, kb)
    }

    /// "semestrielle" for 6 months, "trimestrielle", "annuelle", else "périodique (tous les N mois)".
    static func evaluationName(months: Int) -> String {
        switch months {
        case 6: return "semestrielle"
        case 3: return "trimestrielle"
        case 12: return "annuelle"
        default: return "périodique (tous les \(months) mois)"
        }
    }

    private static func termLabel(_ schedule: SubleaseSchedule) -> String {
        let months = schedule.terms[schedule.terms.count - 1].months
        guard schedule.renewalCount > 0 else {
            return "fin du terme de sous-location (\(months) mois, sans renouvellement)"
        }
        return "fin du terme de sous-location (\(FrenchNumber.ordinal(schedule.renewalCount)) renouvellement, \(months) mois)"
    }

    private static func emptyNote(_ full: Dossier, on day: CalendarDate) -> String {
        guard full.isOpen(on: day) else {
            return "aucune échéance : dossier pas encore ouvert à cette date (proposition du \(full.parcours.propositionCHJury))"
        }
        let dossier = full.asOf(day)
        if dossier.hasEnded {
            return "aucune échéance : sous-location achevée (étape « \(dossier.etape.label) »)"
        }
        if dossier.sousLocation == nil || dossier.etape < .attribution {
            return "aucune échéance : pas encore de sous-location (étape « \(dossier.etape.label) »)"
        }
        return "aucune échéance"
    }
}

/// A dossier with its convention, both built from files without errors.
public struct Case: Sendable {
    /// The dossier.
    public var dossier: Dossier
    /// The convention the dossier belongs to.
    public var convention: Convention
    /// The dossier file's path, for messages.
    public var path: String

    /// Pairs a dossier with its convention; `path` is the dossier file, for messages.
    public init(dossier: Dossier, convention: Convention, path: String = "") {
        self.dossier = dossier
        self.convention = convention
        self.path = path
    }
}
