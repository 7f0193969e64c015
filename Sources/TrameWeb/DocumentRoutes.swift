import Foundation
import Hummingbird
import TrameAccounts
import TrameArchive
import TrameAssembly
import TrameModel

/// `GET /dossiers/:id/documents/:document` and its two forms: generate (and record into the
/// archive), and archive a signed scan.
enum DocumentRoutes {
    static func register(on router: Router<WebContext>, services: WebServices) {
        router.get("/dossiers/:id/documents/:document") { request, context -> Response in
            try await services.offload {
                let (page, _) = try open(request, context, services)
                let query = request.uri.queryParameters
                var notice: String?, link: String?
                // A notice only for a file of this document the partner may have: never a link built from the query.
                if let sha = query["genere"].map(String.init) ?? query["signe"].map(String.init), Paths.isSHA256(sha),
                   let kind = DocumentKind(rawValue: page.instance.document) {
                    let archive = ArchiveView(opened: page.opened, workspace: try services.workspace(for: page.opened.session.account), today: services.today)
                    if query["genere"] != nil, try archive.generated(kind: kind).contains(where: { $0.sha256 == sha }) {
                        notice = "Document généré et enregistré dans l'archive."
                        link = "/fichiers/\(sha)"
                    } else if query["genere"] == nil, try archive.signed(kind: kind).contains(where: { $0.sha256 == sha }) {
                        notice = "Version signée archivée."
                    }
                }
                try services.journal(page.opened.session, "consultation", dossier: page.opened.dossier.id, subject: page.instance.document)
                return try page.render(audience: page.audience(query["destinataire"].map(String.init)), notice: notice, link: link)
            }
        }
        router.post("/dossiers/:id/documents/:document/generer") { request, context -> Response in
            let (page, form) = try await openForm(request, context, services)
            return try await services.offloadDocuments { try generate(page, form: form, services: services) }
        }
        router.post("/dossiers/:id/documents/:document/signe") { request, context -> Response in
            let (page, form) = try await openForm(request, context, services)
            return try await services.offloadDocuments { try SignedUpload.archive(page, form: form, services: services) }
        }
        // The preview before archiving, and the correction or withdrawal of an evaluation (issue 16).
        DocumentPreview.register(on: router, services: services)
        EvaluationRoutes.register(on: router, services: services)
    }

    private static func open(_ request: Request, _ context: WebContext, _ services: WebServices) throws -> (DocumentPage, Session) {
        let session = try context.requireSession()
        let opened = try services.open(try context.parameters.require("id"), session: session)
        let page = try DocumentPage(opened: opened, document: try context.parameters.require("document"),
                                    date: request.uri.queryParameters["date"].map(String.init), services: services)
        return (page, session)
    }

    private static func openForm(_ request: Request, _ context: WebContext, _ services: WebServices) async throws -> (DocumentPage, FormBody) {
        let (page, session) = try open(request, context, services)
        let form = try await FormBody.read(request, context: context)
        try form.checkToken(of: session, request: request)
        return (page, form)
    }

    /// Generates for an allowed audience, records the file into the archive (linked to the
    /// dossier's exact version) and comes back to the page with the download link.
    static func generate(_ page: DocumentPage, form: FormBody, services: WebServices) throws -> Response {
        let session = page.opened.session
        guard let asked = form["destinataire"].flatMap(Audience.init(rawValue:)), page.audiences.contains(asked) else {
            try services.journal(session, "acces-refuse", dossier: page.opened.dossier.id, subject: page.instance.document,
                                 detail: ["destinataire": form["destinataire"] ?? ""])
            throw WebError.forbidden("Votre rôle ne permet pas d'obtenir ce document pour ce destinataire.")
        }
        guard let format = form["format"].flatMap(ProducedFormat.init(rawValue:)), ProducedFormat.deliverable.contains(format) else {
            throw WebError.badRequest("Format inconnu : choisissez ODT, DOCX, HTML ou PDF.")
        }
        let draft = form["projet"] != nil
        let workspace = try services.workspace(for: session.account)
        do {
            let produced = try services.documents.generate(page.opened.stored, cases: page.opened.cases, document: page.instance.document,
                                                           date: page.instance.date, audience: asked, draft: draft,
                                                           today: services.today)
            let (_, recorded) = try services.documents.record(produced, format: format, draft: draft, ownerID: page.opened.dossier.id,
                                                              sourceSHA256: page.opened.stored.version.sha256, workspace: workspace)
            guard let recorded else { throw WebError.server("Ce document ne s'archive pas.") }
            try services.journal(session, "generation", dossier: page.opened.dossier.id, subject: recorded.ref,
                                 detail: ["document": page.instance.document, "destinataire": asked.rawValue, "format": format.rawValue,
                                          "projet": draft ? "oui" : "non"])
            return Pages.redirect(page.href + (page.href.contains("?") ? "&" : "?") + "genere=\(recorded.sha256)&destinataire=\(asked.rawValue)")
        } catch let failure as Diagnostics {
            var errors = failure.diagnostics.filter { $0.severity == .error || $0.code == .projetPossible }.map { $0.shown(to: page.opened.clearance) }
            if failure.category == .unavailable { errors = ["LibreOffice (soffice) n'est pas installé sur le serveur : le PDF est indisponible ; choisissez ODT ou DOCX."] }
            try services.journal(session, "generation-refusee", dossier: page.opened.dossier.id, subject: page.instance.document)
            return try page.render(audience: asked, errors: errors, status: .unprocessableContent)
        } catch let error as Diagnostic {
            return try page.render(audience: asked, errors: [error.message], status: .unprocessableContent)
        }
    }
}
