import Foundation
import Hummingbird
import TrameAccounts
import TrameArchive
import TrameAssembly
import TrameModel
import TrameProcedure

/// The JSON API (`/api/…`): the same data and the same rules as the pages.
enum APIRoutes {
    static func register(on router: Router<WebContext>, services: WebServices) {
        router.get("/api/dossiers") { _, context -> Response in
            try await services.offload {
                let session = try context.requireSession()
                let clearance = session.account.clearance
                let stage = clearance.mayRead(field: FieldPath(parsing: "etape"))
                let items: [JSONText] = try services.cases(for: session.account).all().compactMap { stored in
                    guard let dossier = stored.dossier, clearance.mayOpen(dossier) else { return nil }
                    var pairs: [(String, JSONText)] = [("dossier", .string(dossier.id)), ("version", .int(stored.version.version))]
                    if stage { pairs.append(("etape", .string(dossier.etape.rawValue))) }
                    pairs.append(("commune", dossier.logement.map { .string($0.commune) } ?? .null))
                    return .ordered(pairs)
                }
                try services.journal(session, "api", subject: "/api/dossiers")
                return Pages.json(JSONText.array(items).rendered)
            }
        }
        router.get("/api/dossiers/:id") { _, context -> Response in
            try await services.offloadAPI {
                let session = try context.requireSession()
                let opened = try services.open(try context.parameters.require("id"), session: session)
                try services.journal(session, "api", dossier: opened.dossier.id, subject: "/api/dossiers/:id")
                // What the role may read of this version on this day: encoded once, not per request.
                let account = session.account
                let base = [opened.dossier.id, account.role.rawValue, account.landlord ?? "", services.today.description].joined(separator: "|")
                let body = services.apiBodies.body(base, index: "\(opened.stored.version.sha256)|\(opened.stored.version.version)|\(opened.cases.conventionsKey)") {
                    let visible = opened.clearance.visibleData(of: opened.dossier, today: services.today,
                                                               careParties: opened.stored.convention.map(DisclosurePolicy.careParties(of:)))
                    return JSONText.ordered([
                        ("dossier", .string(opened.dossier.id)), ("version", .int(opened.stored.version.version)),
                        ("sha256", .string(opened.stored.version.sha256)), ("donnees", .raw(CanonicalData.json(visible))),
                    ]).rendered
                }
                return Pages.json(body)
            }
        }
        router.get("/api/echeances") { request, context -> Response in
            try await services.offload {
                let session = try context.requireSession()
                try DashboardRoutes.requireProgramme(session, services)
                let day = try DashboardRoutes.referenceDate(request, services)
                let (_, report, _) = DashboardRoutes.figures(try services.cases(for: session.account), services, on: day)
                try services.journal(session, "api", subject: "/api/echeances")
                return Pages.json(report.json)
            }
        }
        router.get("/api/statut") { request, context -> Response in
            try await services.offload {
                let session = try context.requireSession()
                try DashboardRoutes.requireProgramme(session, services)
                let day = try DashboardRoutes.referenceDate(request, services)
                let (statuses, _, _) = DashboardRoutes.figures(try services.cases(for: session.account), services, on: day)
                try services.journal(session, "api", subject: "/api/statut")
                // The same object as `trame status --json` (docs/outputs.md).
                return Pages.json(JSONValue.array(statuses.map(\.json)).compact)
            }
        }
    }
}
