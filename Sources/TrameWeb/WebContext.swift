import Hummingbird
import NIOCore
import TrameAccounts

/// The request context of the web application: the signed-in partner's session, if any.
public struct WebContext: RequestContext {
    /// Hummingbird's own request data.
    public var coreContext: CoreRequestContextStorage
    /// Set by `SessionMiddleware` from the session cookie.
    public var session: Session?
    /// The login of the session the cookie held when it has just expired (set by `SessionMiddleware`).
    public var expiredLogin: String?
    /// The peer's IP address (nil in router tests): sign-in throttling counts per (login, address).
    public var peerAddress: String?

    /// A context without session (the middleware sets it).
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        session = nil
        expiredLogin = nil
        peerAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Signed scans and imported files: 25 Mo at most.
    public var maxUploadSize: Int { 25 * 1024 * 1024 }
}
