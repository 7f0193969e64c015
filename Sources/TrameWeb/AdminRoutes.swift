import Foundation
import Hummingbird
import TrameAccounts
import TrameArchive

/// `GET /administration` and `POST /administration/verification` (coordination): the accounts,
/// the web journal, the archive's audit log, and the archive check (`Workspace.verify`).
enum AdminRoutes {
    static func register(on router: Router<WebContext>, services: WebServices) {
        router.get("/administration") { _, context -> Response in
            let session = try require(context, services)
            try services.journal(session, "consultation", subject: "administration")
            return try page(session, services, report: nil)
        }
        router.post("/administration/verification") { request, context -> Response in
            let session = try require(context, services)
            try await FormBody.read(request, context: context).checkToken(of: session, request: request)
            return try await services.offloadDocuments {
                let report = try services.workspace(for: session.account).verify()
                try services.journal(session, "verification", detail: ["problemes": String(report.problems.count)])
                return try page(session, services, report: report)
            }
        }
    }

    private static func require(_ context: WebContext, _ services: WebServices) throws -> Session {
        let session = try context.requireSession()
        guard Access.mayAdminister(session.account) else {
            try services.journal(session, "acces-refuse", subject: "administration")
            throw WebError.forbidden()
        }
        return session
    }

    private static func page(_ session: Session, _ services: WebServices, report: VerificationReport?) throws -> Response {
        let words = PlainWords(cases: try services.cases(for: session.account), clearance: session.account.clearance)
        let accounts = try services.accounts.accounts().map {
            ["login": $0.login, "role": $0.role.label, "landlord": $0.landlord.map(words.party) ?? "", "at": WebDates.local($0.createdAt)]
        }
        let journal = try services.accounts.journal(limit: 200).map {
            ["seq": $0.seq, "at": WebDates.local($0.at), "actor": $0.actor, "action": $0.action, "dossier": $0.dossier ?? "",
             "subject": $0.subject ?? ""] as [String: Any]
        }
        let audit = try services.workspace(for: session.account).auditEvents().suffix(200).reversed().map {
            ["seq": $0.seq, "at": WebDates.local($0.at), "actor": $0.actor, "action": $0.action, "owner": $0.ownerID ?? "",
             "subject": $0.subject ?? ""] as [String: Any]
        }
        var data: [String: Any] = ["accounts": accounts, "journal": journal, "audit": audit, "csrf": session.csrfToken, "verified": report != nil]
        if let report {
            data["clean"] = report.isClean
            data["files"] = report.filesChecked
            data["problems"] = report.problems.map(\.description)
        }
        return services.pages.page("administration", title: "Archive et journal", session: session, data: data)
    }
}
