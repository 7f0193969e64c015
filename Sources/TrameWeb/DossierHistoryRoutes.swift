import Foundation
import Hummingbird
import TrameAccounts
import TrameArchive
import TrameModel
import TrameTemplates

/// `GET /dossiers/:id/historique`: every version of a dossier, who recorded it and when, and for a
/// correction or withdrawal of an evaluation its reason (from the archive's audit log, issue 16).
enum DossierHistoryRoutes {
    static let notices = [
        "corrigee": "Correction enregistrée : nouvelle version du dossier. La version précédente reste dans l'archive.",
        "retiree": "Évaluation retirée : nouvelle version du dossier. Rien n'a été supprimé ; la version précédente reste dans l'archive.",
    ]

    static func register(on router: Router<WebContext>, services: WebServices) {
        router.get("/dossiers/:id/historique") { request, context -> Response in
            try await services.offload {
                let session = try context.requireSession()
                let opened = try services.open(try context.parameters.require("id"), session: session)
                let data = try page(opened, services: services)
                try services.journal(session, "consultation", dossier: opened.dossier.id, subject: "historique")
                let notice = request.uri.queryParameters["ok"].flatMap { notices[String($0)] }
                return services.pages.page("historique", title: "Historique du dossier \(opened.dossier.id)", session: session,
                                           data: data, notice: notice)
            }
        }
    }

    /// One change a person made to an evaluation, as the audit log records it.
    struct EvaluationChange {
        let version: Int
        let withdrawal: Bool
        let evaluation: CalendarDate?
        let reason: String
        let fields: [String]
        let at: Date
        let actor: String
    }

    /// The corrections and withdrawals of a dossier's evaluations, by version.
    static func changes(of id: String, workspace: Workspace) throws -> [Int: EvaluationChange] {
        var out: [Int: EvaluationChange] = [:]
        for event in try workspace.auditEvents(ownerID: id) where event.action == "evaluation-correction" || event.action == "evaluation-retrait" {
            guard let detail = try? JSONDecoder().decode([String: String].self, from: Data(event.detail.utf8)),
                  let version = detail["version"].flatMap(Int.init) else { continue }
            out[version] = EvaluationChange(
                version: version, withdrawal: event.action == "evaluation-retrait", evaluation: detail["evaluation"].flatMap(CalendarDate.init(iso:)),
                reason: detail["motif"] ?? "", fields: (detail["champs"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) },
                at: event.at, actor: event.actor)
        }
        return out
    }

    /// Whether the partner may read the reason of a change to the evaluation of `day` (level
    /// `partage`: a landlord only with the person's consent covering that evaluation).
    static func mayReadReason(_ opened: OpenedDossier, about day: CalendarDate?, today: CalendarDate) -> Bool {
        let clearance = opened.clearance
        let consented = clearance.role == .bailleur && clearance.hasConsent(opened.dossier, on: day ?? today, today: today)
        return clearance.mayRead(.partage, consented: consented)
    }

    static func page(_ opened: OpenedDossier, services: WebServices) throws -> [String: Any] {
        let workspace = try services.workspace(for: opened.session.account)
        let id = Paths.escape(opened.dossier.id)
        let changes = try changes(of: opened.dossier.id, workspace: workspace)
        let mayExport = opened.clearance.mayReadAll(of: opened.dossier, today: services.today)
        let versions = try workspace.recordVersions(.dossier, id: opened.dossier.id).reversed().map { v -> [String: Any] in
            var row: [String: Any] = ["version": v.version, "by": v.addedBy, "at": WebDates.local(v.addedAt), "first": v.version == 1,
                                      "export": mayExport, "href": "/dossiers/\(id)/export?version=\(v.version)",
                                      "hasChange": false, "what": v.version == 1 ? "Création du dossier" : "Enregistrement d'une nouvelle version",
                                      "reason": "", "hasReason": false, "fields": "", "hasFields": false]
            if let change = changes[v.version] {
                let day = change.evaluation.map { " du \(DataView.french($0))" } ?? ""
                row["hasChange"] = true
                row["withdrawal"] = change.withdrawal
                row["what"] = change.withdrawal ? "Retrait de l'évaluation\(day)" : "Correction de l'évaluation\(day)"
                if mayReadReason(opened, about: change.evaluation, today: services.today) {
                    row["reason"] = change.reason
                    row["hasReason"] = true
                } else {
                    row["reason"] = "motif consigné, non communiqué à votre rôle"
                }
                let readable = change.fields.filter { opened.clearance.mayRead(field: FieldPath(parsing: "evaluations[0].\($0)")) }
                    .map { FieldLabels.label(FieldPath(parsing: "evaluations.\($0)").schemaPath) }
                row["fields"] = readable.joined(separator: ", ")
                row["hasFields"] = !readable.isEmpty
            }
            return row
        }
        return ["versions": versions, "dossierHref": "/dossiers/\(id)", "id": opened.dossier.id]
    }
}
