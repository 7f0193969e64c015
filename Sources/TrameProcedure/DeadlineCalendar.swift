import Foundation
import TrameFrench
import TrameModel

/// Computes the deadlines of dossiers and conventions on a reference date (never the clock).
///
/// A dossier has sublease deadlines while its sublease is planned (`attribution`) or running
/// (`sous_location`) and no `issue` is recorded. Evaluations keep falling due while the stage is
/// `sous_location`, even past the end of a term with no renewal recorded: the person keeps the
/// right to stay (CCH L442-8-2), so the review goes on until an outcome is recorded.
public enum DeadlineCalendar {
    /// The deadlines of one dossier, in date order (none before attribution or after an outcome).
    public static func deadlines(for dossier: Dossier, convention: Convention, on day: CalendarDate) -> [Deadline] {
        guard let sublease = dossier.sousLocation, dossier.issue == nil,
              dossier.etape == .attribution || dossier.etape == .sousLocation else { return [] }
        let planned = dossier.etape == .attribution
        let schedule = SubleaseSchedule(sublease: sublease, rules: convention.sousLocation)
        var out: [Deadline] = []
        func add(_ kind: Deadline.Kind, _ date: CalendarDate, _ label: String) {
            out.append(Deadline(date: date, dossier: dossier.id, convention: convention.identifiant, kind: kind, label: label,
                                planned: planned, status: DeadlineStatus(kind: kind, date: date, on: day)))
        }
        if planned { add(.subleaseStart, schedule.start, "début prévu de la sous-location") }

        let name = evaluationName(months: schedule.evaluationPeriod)
        let last = dossier.evaluations.map(\.date).max()
        if !dossier.evaluations.contains(where: \.isFinal) {
            let due = schedule.evaluationDueDates(after: last, on: day)
            for date in due.overdue { add(.evaluationOverdue, date, "évaluation \(name) non enregistrée") }
            add(.evaluation, due.next, due.overdue.isEmpty ? "prochaine évaluation \(name)" : "évaluation \(name) suivante")
        }

        add(.termEnd, schedule.currentTermEnd, termLabel(schedule))
        if sublease.conventionTripartite {
            add(.prefectNotice, schedule.prefectNoticeDate, "avis du bailleur au préfet (CCH L442-8-3)")
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
        var groups: [DeadlineReport.Group] = []
        var conventions: [String: Convention] = [:]
        for c in cases.sorted(by: { $0.dossier.id < $1.dossier.id }) {
            let items = deadlines(for: c.dossier, convention: c.convention, on: day)
            groups.append(.init(owner: c.dossier.id, stage: c.dossier.etape, items: items,
                                note: items.isEmpty ? emptyNote(c.dossier) : nil, revision: c.dossier.data.latestDate))
            conventions[c.convention.identifiant] = c.convention
        }
        for (id, convention) in conventions.sorted(by: { $0.key < $1.key }) {
            groups.append(.init(owner: id, stage: nil, items: deadlines(for: convention, on: day), note: nil,
                                revision: convention.data.latestDate))
        }
        return DeadlineReport(on: day, groups: groups)
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

    private static func emptyNote(_ dossier: Dossier) -> String {
        if dossier.issue != nil || dossier.etape.rank == Stage.glissement.rank {
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
