import Hummingbird
import TrameDiagnostics

/// A refusal or failure shown to the user as a French page (or JSON under `/api/`).
struct WebError: Error, Sendable {
    var status: HTTPResponse.Status
    /// The page title ("Accès refusé").
    var title: String
    /// The French explanation.
    var message: String

    static func forbidden(_ message: String = "Votre rôle ne permet pas d'accéder à cette page.") -> WebError {
        WebError(status: .forbidden, title: "Accès refusé", message: message)
    }

    static func notFound(_ message: String = "Cette page n'existe pas, ou votre rôle ne permet pas de la voir.") -> WebError {
        WebError(status: .notFound, title: "Introuvable", message: message)
    }

    static func badRequest(_ message: String) -> WebError {
        WebError(status: .badRequest, title: "Demande incorrecte", message: message)
    }

    static func csrf() -> WebError {
        WebError(status: .forbidden, title: "Formulaire refusé",
                 message: "Le jeton de sécurité du formulaire manque ou ne correspond pas à votre session : rechargez la page et recommencez.")
    }

    static func server(_ message: String) -> WebError {
        WebError(status: .internalServerError, title: "Erreur", message: message)
    }
}

extension WebError {
    /// A diagnostic of the model, the archive or the accounts as a page: the HTTP status comes
    /// from its category (the same table that gives the CLI its exit status).
    init(_ diagnostic: Diagnostic, title: String) {
        self.init(status: HTTPResponse.Status(code: diagnostic.category.httpStatus), title: title, message: diagnostic.message)
    }
}
