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
    /// Each entry holds a dossier's data as known that day: about a tenth of a megabyte at most.
    static let capacity = 2_000

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

/// Parts of pages computed from one dossier version (its rows in a table, its search text), by what
/// they depend on (`key`: the version's bytes, the conventions, the day, the role…), so that a page
/// of every dossier shown again after a save computes the saved dossier's part only (issue 16).
/// Content-addressed: never stale. Bounded: emptied when full.
final class FragmentCache<Value>: @unchecked Sendable {
    private let capacity: Int
    private let lock = NSLock()
    private var entries: [String: Value] = [:]

    init(capacity: Int = 20_000) {
        self.capacity = capacity
    }

    func value(_ key: String, compute: () throws -> Value) rethrows -> Value {
        if let known = lock.withLock({ entries[key] }) { return known }
        let value = try compute()
        lock.withLock {
            if entries.count >= capacity { entries.removeAll() }
            entries[key] = value
        }
        return value
    }
}

/// A key made of everything a page fragment's values hold (dictionaries by sorted key, arrays,
/// texts, numbers, booleans): equal keys, equal values, hence the same rendered fragment.
enum FragmentKey {
    static func of(_ value: Any) -> String {
        var out = ""
        append(value, to: &out)
        return out
    }

    private static func append(_ value: Any, to out: inout String) {
        // Separators are control characters that no value holds unescaped: each text is length-prefixed.
        switch value {
        case let text as String: out += "s\(text.utf8.count):"; out += text
        case let flag as Bool: out += flag ? "T" : "F"
        case let number as Int: out += "i\(number);"
        case let dictionary as [String: Any]:
            out += "{"
            for key in dictionary.keys.sorted() {
                out += "\(key.utf8.count):"; out += key
                append(dictionary[key]!, to: &out)
            }
            out += "}"
        case let array as [Any]:
            out += "["
            for element in array { append(element, to: &out) }
            out += "]"
        default: out += "?\(String(describing: type(of: value))):\(String(describing: value));"
        }
    }
}

extension StoredDossier {
    /// What a part of a page computed from this version depends on, with `parts` (the day, the role…).
    func fragmentKey(_ kind: String, conventions: String, _ parts: String...) -> String {
        ([kind, version.sha256, String(version.version), conventions] + parts).joined(separator: "|")
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
