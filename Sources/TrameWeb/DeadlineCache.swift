import Foundation
import TrameArchive
import TrameModel
import TrameProcedure

/// Each dossier version as known on a reference day, with its deadlines and its group of the
/// deadline report (`CaseOnDay`: `trame deadlines` and `trame status` compute the same), computed
/// once per (dossier bytes, conventions in use, reference day) and shared by every request: the
/// list, « À faire », the dashboard and the dossier page never recompute them per request, nor for
/// the dossiers a save did not touch (issue 16).
///
/// Content-addressed like `CheckedCache`, so never stale: a new version is new bytes, a new day a
/// new key. Bounded: when full, the entries of other days go first, then everything.
final class DeadlineCache: @unchecked Sendable {
    static let capacity = 4_000

    private let lock = NSLock()
    private var entries: [String: CaseOnDay] = [:]

    /// `stored` on `day` (nil for a dossier with errors or without its convention, as `trame
    /// deadlines` sets those aside).
    func day(of stored: StoredDossier, conventions: String, on day: CalendarDate) -> CaseOnDay? {
        guard let c = stored.case else { return nil }
        let key = stored.version.sha256 + "|" + conventions + "|" + day.description
        if let known = lock.withLock({ entries[key] }) { return known }
        let computed = CaseOnDay(c, on: day)
        lock.withLock {
            if entries.count >= Self.capacity {
                let suffix = "|" + day.description
                entries = entries.filter { $0.key.hasSuffix(suffix) }
                if entries.count >= Self.capacity { entries.removeAll() }
            }
            entries[key] = computed
        }
        return computed
    }
}

extension WebServices {
    /// The deadlines of a dossier on `day`, from the shared cache.
    func deadlines(of stored: StoredDossier, cases: CaseStore, on day: CalendarDate) -> [Deadline] {
        caseOnDay(stored, cases: cases, on: day)?.deadlines ?? []
    }

    /// A dossier as known on `day` with its deadlines, from the shared cache.
    func caseOnDay(_ stored: StoredDossier, cases: CaseStore, on day: CalendarDate) -> CaseOnDay? {
        deadlineCache.day(of: stored, conventions: cases.conventionsKey, on: day)
    }
}

/// What is due, in plain French for the pages (no article of law, no ISO date): one sentence per
/// kind of deadline, from the same items as `trame deadlines`.
enum DeadlineWording {
    static func plain(_ deadline: Deadline) -> String {
        let late = deadline.status.isLate
        switch deadline.kind {
        case .subleaseStart:
            return late ? "Début de la sous-location à enregistrer (date prévue passée)" : "Début prévu de la sous-location"
        case .evaluationOverdue:
            return deadline.count > 1 ? "\(deadline.count) évaluations partagées non enregistrées : à tenir et à enregistrer"
                                      : "Évaluation partagée non enregistrée : à tenir et à enregistrer"
        case .evaluation:
            return "Évaluation partagée à tenir" + rhythm(deadline.label)
        case .termEnd:
            return late ? "Fin du terme passée sans renouvellement ni décision enregistrés (la personne reste dans les lieux)"
                        : "Fin du terme de la sous-location : renouvellement ou glissement du bail à décider"
        case .prefectNotice:
            return late ? "Avis du bailleur au préfet non envoyé (période d'examen de la convention tripartite)"
                        : "Avis du bailleur au préfet à envoyer (période d'examen de la convention tripartite)"
        case .maximumDuration:
            return late ? "Durée maximale de la sous-location dépassée" : "Fin de la durée maximale de la sous-location"
        case .insuranceCertificate:
            return "Attestation d'assurance habitation à fournir"
        case .insuranceRenewal:
            return "Renouvellement de l'assurance habitation"
        case .conventionEnd:
            return "Fin de la convention"
        }
    }

    /// « (tous les six mois) », from the rhythm `DeadlineCalendar` names in its label.
    private static func rhythm(_ label: String) -> String {
        if label.contains("semestrielle") { return " (au moins tous les six mois)" }
        if label.contains("trimestrielle") { return " (au moins tous les trois mois)" }
        if label.contains("annuelle") { return " (au moins une fois par an)" }
        return ""
    }

    /// « en retard de 12 jours », « dans 3 jours », « aujourd'hui »…
    static func status(_ deadline: Deadline) -> String { deadline.status.text }
}
