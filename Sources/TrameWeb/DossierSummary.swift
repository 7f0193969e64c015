import Foundation
import TrameAccounts
import TrameArchive
import TrameModel
import TrameProcedure

/// What the top of a dossier page says first (issue 16): the stage, the next deadline, the late
/// items, the last evaluation (with a link to its document when the role may have it) and the
/// documents waiting for their signed version — each only as far as the role may see it. Nothing
/// is rendered: the deadlines come from the shared cache, the documents from the archive's index.
enum DossierSummary {
    /// - Parameters:
    ///   - deadlines: the dossier's deadlines on `today` (empty for a role that does not see them).
    ///   - documents: the documents of the dossier the role may have (their page links).
    ///   - generated: the role's generated documents, each with the evaluation it is about.
    ///   - signed: the role's signed versions.
    static func data(_ opened: OpenedDossier, programme: Bool, deadlines: [Deadline], today: CalendarDate,
                     documents: [(document: String, date: CalendarDate?, href: String)],
                     generated: [(document: GeneratedDocument, evaluation: String?)], signed: [SignedVersion]) -> [String: Any] {
        let dossier = opened.dossier, clearance = opened.clearance
        var out: [String: Any] = ["programme": programme]
        if programme {
            out["stage"] = dossier.etape.label
            let next = deadlines.first { !$0.status.isLate && $0.status.days >= 0 }
            out["hasNext"] = next != nil
            out["next"] = next.map { ["date": DataView.french($0.date), "what": DeadlineWording.plain($0), "status": $0.status.text] } ?? [:]
            let late = deadlines.filter(\.status.isLate)
            out["late"] = late.map { ["date": DataView.french($0.date), "what": DeadlineWording.plain($0), "status": $0.status.text] }
            out["hasLate"] = !late.isEmpty
        }

        // The last evaluation held by today, if the role may read the evaluations' dates.
        let mayReadEvaluations = clearance.mayRead(field: FieldPath(parsing: "evaluations.date"))
        if mayReadEvaluations, let last = dossier.evaluations.filter({ $0.date <= today }).max(by: { $0.date < $1.date }) {
            let link = documents.first { $0.document == "evaluation" && $0.date == last.date }?.href
            out["evaluation"] = ["date": DataView.french(last.date), "final": last.isFinal, "href": link ?? "", "hasLink": link != nil]
            out["hasEvaluation"] = true
        } else {
            out["hasEvaluation"] = false
            out["evaluationVisible"] = mayReadEvaluations
        }

        // Generated documents archived with no signed version of the same document, audience and
        // evaluation: the latest generation of each, the most recent first.
        // A signed version answers the generation it names, and any of the same document for the same audience.
        let signedKeys = Set(signed.map { key($0.documentKind, $0.audience, $0.evaluationDate) })
        let signedGenerations = Set(signed.compactMap(\.generatedSHA256))
        var latest: [String: (document: GeneratedDocument, evaluation: String?)] = [:]
        var answered: Set<String> = []
        for entry in generated {
            let k = key(entry.document.documentKind, entry.document.audience, entry.evaluation)
            if signedGenerations.contains(entry.document.sha256) { answered.insert(k) }
            guard !signedKeys.contains(k) else { continue }
            if let known = latest[k], known.document.addedAt >= entry.document.addedAt { continue }
            latest[k] = entry
        }
        let id = Paths.escape(dossier.id)
        for k in answered { latest[k] = nil }
        let waiting = latest.values.sorted { $0.document.addedAt > $1.document.addedAt }.map { entry -> [String: Any] in
            let g = entry.document
            let about = entry.evaluation.flatMap(CalendarDate.init(iso:))
            let query = about.map { "?date=\($0)" } ?? ""
            return ["name": g.documentKind.french + (about.map { " du \(DataView.french($0))" } ?? ""),
                    "audience": g.audience.rawValue, "generatedOn": WebDates.local(g.addedAt),
                    "href": "/dossiers/\(id)/documents/\(g.documentKind.rawValue)\(query)"]
        }
        out["waiting"] = waiting
        out["hasWaiting"] = !waiting.isEmpty
        return out
    }

    private static func key(_ kind: DocumentKind, _ audience: Audience, _ evaluation: String?) -> String {
        "\(kind.rawValue)|\(audience.rawValue)|\(evaluation ?? "")"
    }
}
