import Crypto
import Foundation

/// Forms sent after the session expired (issue 16): kept in memory for an hour, for the partner
/// whose session it was and the browser that held it, then handed back once signed in again.
///
/// A form is kept only when its browser still sends the expired session's cookie (never for a
/// request without it: another site cannot plant values, the cookie being `SameSite=Strict`), and
/// given back only to the same login; it is used once.
final class PendingForms: @unchecked Sendable {
    struct Entry {
        let login: String
        let path: String
        let fields: [(name: String, value: String)]
        let keptAt: Date
    }

    /// How long a form waits for its partner.
    static let lifetime: TimeInterval = 3600
    /// At most this many forms are kept (the oldest go first).
    static let capacity = 500

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    private static func key(_ token: String) -> String { SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined() }

    /// Keeps the form sent with the expired session cookie `token`.
    func keep(token: String, login: String, path: String, fields: [(name: String, value: String)], now: Date) {
        lock.withLock {
            entries = entries.filter { now.timeIntervalSince($0.value.keptAt) < Self.lifetime }
            if entries.count >= Self.capacity, let oldest = entries.min(by: { $0.value.keptAt < $1.value.keptAt }) {
                entries[oldest.key] = nil
            }
            entries[Self.key(token)] = Entry(login: login, path: path, fields: fields.filter { $0.name != "_csrf" }, keptAt: now)
        }
    }

    /// After sign-in with the old cookie `old`: moves the form to the new session `new` when it is
    /// the same partner, and returns the page to go back to.
    func resume(old: String, new: String, login: String, now: Date) -> String? {
        lock.withLock {
            guard let entry = entries.removeValue(forKey: Self.key(old)), entry.login == login,
                  now.timeIntervalSince(entry.keptAt) < Self.lifetime else { return nil }
            entries[Self.key(new)] = entry
            return entry.path
        }
    }

    /// The form kept for the session `token` and the page `path`, once.
    func take(token: String, path: String) -> [(name: String, value: String)]? {
        lock.withLock {
            guard let entry = entries[Self.key(token)], entry.path == path else { return nil }
            entries[Self.key(token)] = nil
            return entry.fields
        }
    }

    /// Whether a form at `path` is one that is handed back (the dossier form).
    static func isKept(_ path: String) -> Bool {
        path == "/dossiers/nouveau" || (path.hasPrefix("/dossiers/") && path.hasSuffix("/modifier") && path.split(separator: "/").count == 3)
    }
}
