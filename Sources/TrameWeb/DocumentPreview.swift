import Foundation
import HTTPTypes
import Hummingbird
import TrameAccounts
import TrameArchive
import TrameAssembly
import TrameModel

/// The preview of a document before it is archived (issue 16): `GET /dossiers/:id/documents/:document/apercu`
/// (the page) and `…/apercu/document` (the document itself, framed by the page).
///
/// Nothing is archived and nothing is written to the workspace: the document is rendered from the
/// dossier's current version exactly as « Générer et archiver » would render it (same generator,
/// same audience rules through `DocumentPage.audiences`, same consent and care-part decisions), as
/// the HTML writer's output. Only the view is logged, in the application's journal, as every page
/// view of personal data is.
///
/// The document is shown in an `<iframe sandbox>` pointing to its own response, which carries a
/// policy of its own: no script, no form, no request but its inline style and embedded images, no
/// same-origin access (`sandbox` in the CSP too, so it stays sandboxed when opened on its own). The
/// writer escapes every value; the sandbox makes sure that even an escaping bug could not run in
/// the application's origin, read its form tokens or act for the partner. Inlining the body
/// instead would need the page's CSP to allow inline styles, or the document to lose its layout.
enum DocumentPreview {
    static func register(on router: Router<WebContext>, services: WebServices) {
        router.get("/dossiers/:id/documents/:document/apercu") { request, context -> Response in
            try await services.offload {
                let (page, request) = try open(request, context, services)
                return try preview(page, request: request, services: services)
            }
        }
        router.get("/dossiers/:id/documents/:document/apercu/document") { request, context -> Response in
            try await services.offload {
                let (page, asked) = try open(request, context, services)
                return try document(page, request: asked, services: services)
            }
        }
    }

    /// What is previewed: the audience (one the partner may have) and draft or final.
    struct Asked {
        let audience: Audience
        let draft: Bool

        /// `?date=…&destinataire=…&projet=1`, for the framed document.
        func query(date: CalendarDate?) -> String {
            var parts: [String] = []
            if let date { parts.append("date=\(date)") }
            parts.append("destinataire=\(audience.rawValue)")
            if draft { parts.append("projet=1") }
            return "?" + parts.joined(separator: "&")
        }
    }

    private static func open(_ request: Request, _ context: WebContext, _ services: WebServices) throws -> (DocumentPage, Asked) {
        let session = try context.requireSession()
        let opened = try services.open(try context.parameters.require("id"), session: session)
        let query = request.uri.queryParameters
        let page = try DocumentPage(opened: opened, document: try context.parameters.require("document"),
                                    date: query["date"].map(String.init), services: services)
        // The same refusal as generation: an audience the role may not have is never rendered.
        let requested = query["destinataire"].map(String.init)
        let audience: Audience? = if let requested { Audience(rawValue: requested) } else { page.audiences.first }
        guard let audience, page.audiences.contains(audience) else {
            try services.journal(session, "acces-refuse", dossier: opened.dossier.id, subject: page.instance.document,
                                 detail: ["destinataire": requested ?? "", "apercu": "oui"])
            throw WebError.forbidden("Votre rôle ne permet pas d'obtenir ce document pour ce destinataire.")
        }
        return (page, Asked(audience: audience, draft: query["projet"].map { !$0.isEmpty && $0 != "0" } ?? false))
    }

    /// Renders the document as HTML, as generation would, without recording anything.
    static func render(_ page: DocumentPage, _ asked: Asked, services: WebServices) -> Result<Data, PreviewFailure> {
        do {
            let produced = try services.documents.generate(page.opened.stored, cases: page.opened.cases, document: page.instance.document,
                                                           date: page.instance.date, audience: asked.audience, draft: asked.draft,
                                                           today: services.today)
            return .success(try produced.output(as: .html, draft: asked.draft).data)
        } catch {
            let shown = error.diagnostics.filter { $0.severity == .error || $0.code == .projetPossible }.map { $0.shown(to: page.opened.clearance) }
            return .failure(PreviewFailure(messages: shown.isEmpty ? ["Le document n'a pas pu être produit."] : shown))
        }
    }

    struct PreviewFailure: Error {
        let messages: [String]
    }

    /// The preview page: the framed document, or the diagnostics (422), and the form that archives it.
    static func preview(_ page: DocumentPage, request asked: Asked, services: WebServices) throws -> Response {
        let session = page.opened.session
        let result = render(page, asked, services: services)
        let errors: [String]
        if case .failure(let failure) = result { errors = failure.messages } else { errors = [] }
        try services.journal(session, "apercu", dossier: page.opened.dossier.id, subject: page.instance.document,
                             detail: ["destinataire": asked.audience.rawValue, "projet": asked.draft ? "oui" : "non",
                                      "resultat": errors.isEmpty ? "affiche" : "refuse"])
        let data: [String: Any] = [
            "backHref": page.href, "frame": page.documentBase + "/apercu/document" + asked.query(date: page.instance.date),
            "action": page.documentBase + "/generer" + page.dateQuery, "csrf": session.csrfToken,
            "audience": asked.audience.rawValue, "draft": asked.draft, "ok": errors.isEmpty,
            "errors": errors, "hasErrors": !errors.isEmpty,
            "formats": ProducedFormat.deliverable.map { ["value": $0.rawValue, "label": $0.rawValue.uppercased()] },
            "archivable": DocumentKind(rawValue: page.instance.document) != nil,
        ]
        var response = services.pages.page("apercu", title: "Aperçu — " + page.title, session: session, data: data,
                                           status: errors.isEmpty ? .ok : .unprocessableContent)
        // The page frames the document, from this site only; otherwise the application's policy.
        response.headers[.contentSecurityPolicy] = SessionMiddleware.policy + "; frame-src 'self'"
        return response
    }

    /// The document itself, sandboxed; a short French page when it cannot be produced.
    static func document(_ page: DocumentPage, request asked: Asked, services: WebServices) throws -> Response {
        var response: Response
        switch render(page, asked, services: services) {
        case .success(let data):
            var headers = HTTPFields()
            headers[.contentType] = "text/html; charset=utf-8"
            response = Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        case .failure(let failure):
            let items = failure.messages.map { "<li>\(HTML.escape($0))</li>" }.joined()
            response = Pages.html("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Aperçu indisponible</title></head><body><p>Le document ne peut pas être produit :</p><ul>\(items)</ul></body></html>",
                                  status: .unprocessableContent)
        }
        response.headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; "
            + "form-action 'none'; base-uri 'none'; frame-ancestors 'self'; sandbox"
        if let name = HTTPField.Name("X-Frame-Options") { response.headers[name] = "SAMEORIGIN" }
        return response
    }
}

extension DocumentPage {
    /// `/dossiers/ID/documents/DOCUMENT`.
    var documentBase: String { "/dossiers/\(Paths.escape(opened.dossier.id))/documents/\(instance.document)" }
    /// `?date=…` for a document about an event, else nothing.
    var dateQuery: String { instance.date.map { "?date=\($0)" } ?? "" }
}
