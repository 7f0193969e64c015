import Crypto
import Foundation
import GRDB
import HummingbirdBcrypt
import TrameModel

extension AccountStore {
    /// Checks a login and password and opens a session.
    ///
    /// Failures are counted per (login, client `address`): past `policy.maximumFailures`, an attempt
    /// from that address before the growing delay (`SessionPolicy.delay`) is refused without even
    /// checking the password. Other addresses are not affected, so nobody can lock someone else's
    /// login. Unknown logins are counted and timed like known ones.
    /// - Parameters:
    ///   - address: the client's IP address (the same throttle for every caller when nil).
    /// - Throws: `Diagnostic` `TROP_DE_TENTATIVES` or `IDENTIFIANTS_INCORRECTS` (both `refused`).
    public func signIn(login rawLogin: String, password: String, from address: String? = nil) throws(Diagnostic) -> Session {
        let login = rawLogin.trimmingCharacters(in: .whitespaces).lowercased()
        let peer = address ?? ""
        let now = clock()
        let windowStart = Stamp.string(now.addingTimeInterval(-policy.failureWindow))
        let (failures, latest, stored) = try read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM echec_connexion WHERE login = ? AND adresse = ? AND le > ?",
                              arguments: [login, peer, windowStart]) ?? 0,
             try String.fetchOne(db, sql: "SELECT MAX(le) FROM echec_connexion WHERE login = ? AND adresse = ? AND le > ?",
                                 arguments: [login, peer, windowStart]),
             try Row.fetchOne(db, sql: "SELECT * FROM compte WHERE login = ?", arguments: [login]))
        }
        let detail = ["adresse": peer]
        let wait = policy.delay(afterFailures: failures)
        if wait > 0, let latest, case let retry = Stamp.date(latest).addingTimeInterval(wait), retry > now {
            let seconds = Int(retry.timeIntervalSince(now).rounded(.up))
            let text = seconds < 120 ? "\(seconds) seconde\(seconds > 1 ? "s" : "")" : "\((seconds + 59) / 60) minutes"
            try record(actor: login, action: "connexion-ralentie", detail: detail)
            throw Diagnostic.error(.tropDeTentatives,
                                   "trop de tentatives de connexion depuis cette adresse pour cet identifiant : réessayez dans \(text)",
                                   subject: login)
        }
        let hash: String? = stored?["hash"]
        let matches = Bcrypt.verify(password, hash: hash ?? decoyHash)
        // A disabled account is refused like a wrong password, so a sign-in page tells nobody it exists.
        let disabled = (stored?["desactive_le"] as String?) != nil
        guard let stored, hash != nil, matches, !disabled else {
            try write { db in
                try db.execute(sql: "INSERT INTO echec_connexion (login, adresse, le) VALUES (?, ?, ?)", arguments: [login, peer, Stamp.string(now)])
                try Journal.append(db, at: now, actor: login, action: "connexion-refusee", detail: detail)
            }
            throw Diagnostic.error(.identifiantsIncorrects, "identifiant ou mot de passe incorrect")
        }
        let account = Account(row: stored)
        let session = Session(token: RandomToken.make(), account: account, csrfToken: RandomToken.make(), createdAt: now,
                              expiresAt: now.addingTimeInterval(min(policy.idleTimeout, policy.absoluteTimeout)))
        try write { db in
            try db.execute(sql: "DELETE FROM echec_connexion WHERE login = ? AND adresse = ?", arguments: [login, peer])
            try db.execute(sql: "DELETE FROM session WHERE expire_le < ?", arguments: [Stamp.string(now)])
            try db.execute(sql: "INSERT INTO session (jeton, login, csrf, creee_le, vue_le, expire_le) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [Self.stored(session.token), login, session.csrfToken, Stamp.string(now), Stamp.string(now),
                                       Stamp.string(session.expiresAt)])
            try Journal.append(db, at: now, actor: login, action: "connexion", detail: detail)
        }
        return session
    }

    /// The session of a cookie, extended by the idle timeout; nil when unknown or expired (an
    /// expired session is removed and the expiry logged).
    public func session(token: String) throws(Diagnostic) -> Session? {
        try lookUp(token: token).session
    }

    /// The session of a cookie, as `session(token:)`; when the session has just expired, also the
    /// login it belonged to (so that a form sent too late can be handed back to that partner only).
    public func lookUp(token: String) throws(Diagnostic) -> (session: Session?, expiredLogin: String?) {
        guard token.count == 64, token.allSatisfy(\.isHexDigit) else { return (nil, nil) }
        let now = clock()
        let key = Self.stored(token)
        // Most requests only read: the expiry is pushed back (a write, with its fsync) at most once
        // a minute per session, so that 50 partners' page views do not queue behind one another.
        let fresh = try read { db -> Session? in
            guard let row = try Row.fetchOne(db, sql: Self.sessionQuery, arguments: [key]) else { return nil }
            let created = Stamp.date(row["creee_le"]), ends = Stamp.date(row["expire_le"]), seen = Stamp.date(row["vue_le"])
            guard now < ends, now < created.addingTimeInterval(policy.absoluteTimeout), now >= seen,
                  now.timeIntervalSince(seen) < Self.touchInterval else { return nil }
            return Session(token: token, account: Account(row: row), csrfToken: row["csrf"], createdAt: created, expiresAt: ends)
        }
        if let fresh { return (fresh, nil) }
        return try write { db -> (Session?, String?) in
            guard let row = try Row.fetchOne(db, sql: Self.sessionQuery, arguments: [key]) else { return (nil, nil) }
            let created = Stamp.date(row["creee_le"])
            let ends = Stamp.date(row["expire_le"])
            let login: String = row["login"]
            if now >= ends || now >= created.addingTimeInterval(policy.absoluteTimeout) {
                try db.execute(sql: "DELETE FROM session WHERE jeton = ?", arguments: [key])
                try Journal.append(db, at: now, actor: login, action: "session-expiree")
                return (nil, login)
            }
            let extended = min(now.addingTimeInterval(policy.idleTimeout), created.addingTimeInterval(policy.absoluteTimeout))
            try db.execute(sql: "UPDATE session SET vue_le = ?, expire_le = ? WHERE jeton = ?",
                           arguments: [Stamp.string(now), Stamp.string(extended), key])
            return (Session(token: token, account: Account(row: row), csrfToken: row["csrf"], createdAt: created, expiresAt: extended), nil)
        }
    }

    /// How often a session's last use is written (seconds): its idle timeout counts from then.
    static let touchInterval: TimeInterval = 60

    static let sessionQuery = """
        SELECT s.*, c.role, c.bailleur, c.cree_le, c.cree_par
          FROM session s JOIN compte c ON c.login = s.login WHERE s.jeton = ? AND c.desactive_le IS NULL
        """

    /// Ends a session (sign-out).
    public func signOut(token: String) throws(Diagnostic) {
        let now = clock()
        let key = Self.stored(token)
        try write { db in
            guard let login = try String.fetchOne(db, sql: "SELECT login FROM session WHERE jeton = ?", arguments: [key]) else { return }
            try db.execute(sql: "DELETE FROM session WHERE jeton = ?", arguments: [key])
            try Journal.append(db, at: now, actor: login, action: "deconnexion")
        }
    }

    /// What the database keeps of a session token: its SHA-256, so that a copy of `comptes.sqlite`
    /// (a backup, a stolen disk) cannot be used to take over a signed-in session.
    static func stored(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).hex
    }
}
