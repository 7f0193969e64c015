import Foundation
import HTTPTypes
import Hummingbird
import TrameAccounts
import TrameDiagnostics

/// Finds the session of the cookie, turns refusals into French pages (JSON under `/api/`), and adds
/// the security headers to every response.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let services: WebServices

    /// The session cookie's name.
    static let cookieName = "trame_session"

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var context = context
        if let token = request.cookies[Self.cookieName]?.value, let found = try? services.accounts.lookUp(token: token) {
            context.session = found.session
            context.expiredLogin = found.expiredLogin
            // A dossier form sent just after its session expired is kept for its partner (issue 16).
            if let login = found.expiredLogin, request.method == .post, PendingForms.isKept(request.uri.path) {
                if let form = try? await FormBody.read(request, context: context) {
                    services.pendingForms.keep(token: token, login: login, path: request.uri.path, fields: form.fields,
                                               now: services.configuration.clock())
                    var response = Pages.redirect("/connexion?reprise=1")
                    Self.secure(&response, path: request.uri.path)
                    return response
                }
            }
        }
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as WebError {
            response = render(error, request: request, context: context)
        } catch let diagnostic as Diagnostic {
            response = render(WebError(diagnostic, title: "Demande refusée"), request: request, context: context)
        } catch let error as any HTTPResponseError {
            let known = WebError(status: error.status, title: error.status == .notFound ? "Introuvable" : "Demande refusée",
                                 message: error.status == .notFound ? "Cette page n'existe pas." :
                                    error.status == .contentTooLarge ? "Fichier trop volumineux (25 Mo au plus)." : "La demande n'a pas pu être traitée (\(error.status.code)).")
            response = render(known, request: request, context: context)
        } catch {
            // Never a 500 with an empty body nor a system message in English with a server path.
            FileHandle.standardError.write(Data("trame-web: \(request.method) \(request.uri.path): \(error)\n".utf8))
            response = render(WebError.server("L'action n'a pas pu aboutir (erreur interne du serveur). Réessayez ; si l'erreur persiste, prévenez la coordination."),
                              request: request, context: context)
        }
        Self.secure(&response, path: request.uri.path)
        return response
    }

    private func render(_ error: WebError, request: Request, context: WebContext) -> Response {
        if error.status == .unauthorized, !request.uri.path.hasPrefix("/api/") {
            return Pages.redirect("/connexion")
        }
        if request.uri.path.hasPrefix("/api/") {
            return Pages.json(JSONText.object(["erreur": .string(error.message), "statut": .int(Int(error.status.code))]), status: error.status)
        }
        return services.pages.page("erreur", title: error.title, session: context.session,
                                   data: ["message": error.message], status: error.status)
    }

    /// The application's content policy: no script, no framing.
    static let policy = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    /// Security headers: no script, no framing, no caching of pages with personal data. A route may
    /// set a stricter policy of its own (the sandboxed preview of a document, and the page that
    /// frames it: `DocumentPreview`); every other response gets `policy`.
    static func secure(_ response: inout Response, path: String) {
        if response.headers[.contentSecurityPolicy] == nil {
            response.headers[.contentSecurityPolicy] = policy
            if let name = HTTPField.Name("X-Frame-Options") { response.headers[name] = "DENY" }
        } else if let name = HTTPField.Name("X-Frame-Options"), response.headers[name] == nil {
            response.headers[name] = "DENY"
        }
        response.headers[.xContentTypeOptions] = "nosniff"
        if let name = HTTPField.Name("Referrer-Policy") { response.headers[name] = "no-referrer" }
        if response.headers[.cacheControl] == nil {
            response.headers[.cacheControl] = path.hasPrefix("/static/") ? "max-age=3600" : "no-store"
        }
    }

    /// The session cookie: Secure, HttpOnly, SameSite=Strict, for the whole site.
    static func cookie(_ token: String, maxAge: Int) -> Cookie {
        Cookie(name: cookieName, value: token, maxAge: maxAge, path: "/", secure: true, httpOnly: true, sameSite: .strict)
    }
}

extension WebContext {
    /// The signed-in partner's session; otherwise the sign-in page (401 under `/api/`).
    func requireSession() throws -> Session {
        guard let session else {
            throw WebError(status: .unauthorized, title: "Connexion requise", message: "Connectez-vous pour accéder à cette page.")
        }
        return session
    }
}
