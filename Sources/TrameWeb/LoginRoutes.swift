import Foundation
import HTTPTypes
import Hummingbird
import TrameAccounts
import TrameDiagnostics

/// `/connexion` and `/deconnexion`.
enum LoginRoutes {
    /// The cookie carrying the sign-in form's token (before any session exists).
    static let formCookie = "trame_formulaire"

    static func register(on router: Router<WebContext>, services: WebServices) {
        router.get("/") { _, context -> Response in
            Pages.redirect(context.session.map { Access.home(for: $0.account) } ?? "/connexion")
        }
        router.get("/connexion") { request, context -> Response in
            if let session = context.session { return Pages.redirect(Access.home(for: session.account)) }
            let resumed = request.uri.queryParameters["reprise"] != nil
            return signInPage(services, login: "", error: nil, status: .ok,
                              notice: resumed ? "Votre session a expiré : reconnectez-vous, vous retrouverez le formulaire avec ce que vous aviez saisi." : nil)
        }
        router.post("/connexion") { request, context -> Response in
            let form = try await FormBody.read(request, context: context)
            guard let sent = form["_csrf"], let expected = request.cookies[formCookie]?.value,
                  FormBody.constantTimeEqual(sent, expected) else {
                return signInPage(services, login: form["identifiant"] ?? "",
                                  error: "Le formulaire a expiré : recommencez (les cookies doivent être acceptés).", status: .forbidden)
            }
            let login = form["identifiant"] ?? "", password = form["mot_de_passe"] ?? ""
            let accounts = services.accounts
            let address = clientAddress(request, context)
            let outcome: Result<Session, Diagnostic> = await withCheckedContinuation { continuation in
                DispatchQueue.global().async {
                    do throws(Diagnostic) {
                        continuation.resume(returning: .success(try accounts.signIn(login: login, password: password, from: address)))
                    } catch {
                        continuation.resume(returning: .failure(error))
                    }
                }
            }
            switch outcome {
            case .success(let session):
                // Back to a form sent after the session expired, with what was typed (issue 16).
                let back = request.cookies[SessionMiddleware.cookieName].flatMap {
                    services.pendingForms.resume(old: $0.value, new: session.token, login: session.account.login, now: services.configuration.clock())
                }
                // The home page: « À faire » for the roles that see deadlines, the list for the others.
                var response = Pages.redirect(back.map { $0 + "?reprise=1" } ?? Access.home(for: session.account))
                response.setCookie(SessionMiddleware.cookie(session.token, maxAge: Int(services.configuration.sessionPolicy.absoluteTimeout)))
                response.setCookie(Cookie(name: formCookie, value: "", maxAge: 0, path: "/connexion", secure: true, httpOnly: true, sameSite: .strict))
                return response
            case .failure(let error):
                let status: HTTPResponse.Status = error.code == .tropDeTentatives ? .tooManyRequests
                    : error.category == .io ? .internalServerError : .unauthorized
                return signInPage(services, login: login, error: error.message.prefix(1).uppercased() + error.message.dropFirst() + ".", status: status)
            }
        }
        router.post("/deconnexion") { request, context -> Response in
            let session = try context.requireSession()
            try await FormBody.read(request, context: context).checkToken(of: session, request: request)
            try? services.accounts.signOut(token: session.token)
            var response = Pages.redirect("/connexion")
            response.setCookie(SessionMiddleware.cookie("", maxAge: 0))
            return response
        }
    }

    /// The client's address for sign-in throttling: the peer's, or — when the peer is the loopback
    /// reverse proxy (the documented set-up) — the last address it appended to `X-Forwarded-For`.
    static func clientAddress(_ request: Request, _ context: WebContext) -> String? {
        let peer = context.peerAddress
        guard peer == nil || peer == "127.0.0.1" || peer == "::1",
              let name = HTTPField.Name("X-Forwarded-For"), let forwarded = request.headers[name] else { return peer }
        let last = forwarded.split(separator: ",").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        return last.isEmpty ? peer : String(last.prefix(64))
    }

    /// The sign-in page with a fresh form token (also set as a cookie: double submission).
    private static func signInPage(_ services: WebServices, login: String, error: String?, status: HTTPResponse.Status,
                                   notice: String? = nil) -> Response {
        let token = RandomFormToken.make()
        var data: [String: Any] = ["csrf": token, "login": login]
        if let error { data["error"] = error }
        data["invalid"] = status == .unauthorized  // wrong login or password: both fields marked, the summary links to them
        var response = services.pages.page("connexion", title: "Connexion", session: nil, data: data, status: status, notice: notice)
        response.setCookie(Cookie(name: formCookie, value: token, maxAge: 3600, path: "/connexion", secure: true, httpOnly: true, sameSite: .strict))
        return response
    }
}

/// Random tokens for the sign-in form.
enum RandomFormToken {
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(UInt64.random(in: .min ... .max, using: &generator), radix: 16) }.joined(separator: "-")
    }
}
