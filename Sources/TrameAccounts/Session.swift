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

/// How long sessions last, and how failed sign-ins are slowed down.
///
/// Failures are counted per (login, client address) within `failureWindow`: after
/// `maximumFailures` of them, each new attempt from that address must wait a delay that doubles
/// with every further failure (`firstDelay`, then twice as long…, at most `maximumDelay`). Nobody
/// can lock a login from another address, and a password guesser gets a handful of tries an hour.
public struct SessionPolicy: Sendable, Hashable {
    /// A session unused for this long ends (seconds).
    public var idleTimeout: TimeInterval
    /// A session ends this long after sign-in, used or not (seconds).
    public var absoluteTimeout: TimeInterval
    /// Failed sign-ins of one login from one address within `failureWindow` allowed without delay.
    public var maximumFailures: Int
    /// How long a failure is remembered (seconds).
    public var failureWindow: TimeInterval
    /// The delay after `maximumFailures` failures (seconds); it doubles with each further failure.
    public var firstDelay: TimeInterval
    /// The longest delay (seconds).
    public var maximumDelay: TimeInterval

    /// 30 minutes idle, 10 hours at most; 5 free failures per login and address, then 30 s, 1 min,
    /// 2 min… up to 15 min between attempts, failures remembered for an hour.
    public init(idleTimeout: TimeInterval = 30 * 60, absoluteTimeout: TimeInterval = 10 * 3600,
                maximumFailures: Int = 5, failureWindow: TimeInterval = 60 * 60,
                firstDelay: TimeInterval = 30, maximumDelay: TimeInterval = 15 * 60) {
        self.idleTimeout = idleTimeout
        self.absoluteTimeout = absoluteTimeout
        self.maximumFailures = maximumFailures
        self.failureWindow = failureWindow
        self.firstDelay = firstDelay
        self.maximumDelay = maximumDelay
    }

    /// The wait required after the last of `failures` failures (zero while within `maximumFailures`).
    public func delay(afterFailures failures: Int) -> TimeInterval {
        guard failures >= maximumFailures else { return 0 }
        let doublings = min(failures - maximumFailures, 30)
        return min(maximumDelay, firstDelay * pow(2, Double(doublings)))
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
