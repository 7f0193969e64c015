import Foundation
import TrameModel

/// A signed-in partner: the account, and the token of its cookie with the form token bound to it.
public struct Session: Sendable, Hashable {
    /// The random value of the session cookie (256 bits, hexadecimal).
    public let token: String
    /// The signed-in account.
    public let account: Account
    /// The token every form of the session must send back (CSRF protection).
    public let csrfToken: String
    /// When the partner signed in.
    public let createdAt: Date
    /// When the session ends unless it is used before.
    public let expiresAt: Date
}

/// How long sessions last and how many failed sign-ins a login may have.
public struct SessionPolicy: Sendable, Hashable {
    /// A session unused for this long ends (seconds).
    public var idleTimeout: TimeInterval
    /// A session ends this long after sign-in, used or not (seconds).
    public var absoluteTimeout: TimeInterval
    /// Failed sign-ins of one login within `failureWindow` after which sign-in is refused.
    public var maximumFailures: Int
    /// The window of `maximumFailures` (seconds).
    public var failureWindow: TimeInterval

    /// 30 minutes idle, 10 hours at most, 5 failures per login per 15 minutes.
    public init(idleTimeout: TimeInterval = 30 * 60, absoluteTimeout: TimeInterval = 10 * 3600,
                maximumFailures: Int = 5, failureWindow: TimeInterval = 15 * 60) {
        self.idleTimeout = idleTimeout
        self.absoluteTimeout = absoluteTimeout
        self.maximumFailures = maximumFailures
        self.failureWindow = failureWindow
    }
}

/// Random tokens for cookies and forms.
enum RandomToken {
    /// 32 random bytes from the system's secure generator, in hexadecimal.
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }.hex
    }
}
