import Hummingbird
import TrameAccounts

/// The request context of the web application: the signed-in partner's session, if any.
public struct WebContext: RequestContext {
    /// Hummingbird's own request data.
    public var coreContext: CoreRequestContextStorage
    /// Set by `SessionMiddleware` from the session cookie.
    public var session: Session?

    /// A context without session (the middleware sets it).
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        session = nil
    }

    /// Signed scans and imported files: 25 Mo at most.
    public var maxUploadSize: Int { 25 * 1024 * 1024 }
}
