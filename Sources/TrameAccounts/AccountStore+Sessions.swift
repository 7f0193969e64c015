import Crypto
import Foundation
import GRDB
import HummingbirdBcrypt
import TrameModel

extension AccountStore {
    /// Checks a login and password and opens a session.
    ///
    /// A login with `maximumFailures` failures within `failureWindow` is refused without even
    /// checking the password; unknown logins are counted and timed like known ones.
    /// - Throws: `Diagnostic` `TROP_DE_TENTATIVES` or `IDENTIFIANTS_INCORRECTS` (both `refused`).
    public func signIn(login rawLogin: String, password: String, from address: String? = nil) throws(Diagnostic) -> Session {
        let login = rawLogin.trimmingCharacters(in: .whitespaces).lowercased()
        let now = clock()
        let windowStart = Stamp.string(now.addingTimeInterval(-policy.failureWindow))
        let (failures, oldest, stored) = try read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM echec_connexion WHERE login = ? AND le > ?", arguments: [login, windowStart]) ?? 0,
             try String.fetchOne(db, sql: "SELECT MIN(le) FROM echec_connexion WHERE login = ? AND le > ?", arguments: [login, windowStart]),
             try Row.fetchOne(db, sql: "SELECT * FROM compte WHERE login = ?", arguments: [login]))
        }
        let detail = ["adresse": address ?? ""]
        if failures >= policy.maximumFailures {
            let unlock = (oldest.map(Stamp.date) ?? now).addingTimeInterval(policy.failureWindow)
            let minutes = max(1, Int((unlock.timeIntervalSince(now) / 60).rounded(.up)))
            try record(actor: login, action: "connexion-bloquee", detail: detail)
            throw Diagnostic.error(.tropDeTentatives,
                               "trop de tentatives de connexion pour cet identifiant : réessayez dans \(minutes) minute\(minutes > 1 ? "s" : "")",
                               subject: login)
        }
        let hash: String? = stored?["hash"]
        let matches = Bcrypt.verify(password, hash: hash ?? decoyHash)
        // A disabled account is refused like a wrong password, so a sign-in page tells nobody it exists.
        let disabled = (stored?["desactive_le"] as String?) != nil
        guard let stored, hash != nil, matches, !disabled else {
            try write { db in
                try db.execute(sql: "INSERT INTO echec_connexion (login, le) VALUES (?, ?)", arguments: [login, Stamp.string(now)])
                try Journal.append(db, at: now, actor: login, action: "connexion-refusee", detail: detail)
            }
            throw Diagnostic.error(.identifiantsIncorrects, "identifiant ou mot de passe incorrect")
        }
        let account = Account(row: stored)
        let session = Session(token: RandomToken.make(), account: account, csrfToken: RandomToken.make(), createdAt: now,
                              expiresAt: now.addingTimeInterval(min(policy.idleTimeout, policy.absoluteTimeout)))
        try write { db in
            try db.execute(sql: "DELETE FROM echec_connexion WHERE login = ?", arguments: [login])
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
        guard token.count == 64, token.allSatisfy(\.isHexDigit) else { return nil }
        let now = clock()
        let key = Self.stored(token)
        return try write { db -> Session? in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT s.*, c.role, c.bailleur, c.cree_le, c.cree_par
                  FROM session s JOIN compte c ON c.login = s.login WHERE s.jeton = ? AND c.desactive_le IS NULL
                """, arguments: [key]) else { return nil }
            let created = Stamp.date(row["creee_le"])
            let ends = Stamp.date(row["expire_le"])
            let login: String = row["login"]
            if now >= ends || now >= created.addingTimeInterval(policy.absoluteTimeout) {
                try db.execute(sql: "DELETE FROM session WHERE jeton = ?", arguments: [key])
                try Journal.append(db, at: now, actor: login, action: "session-expiree")
                return nil
            }
            let extended = min(now.addingTimeInterval(policy.idleTimeout), created.addingTimeInterval(policy.absoluteTimeout))
            try db.execute(sql: "UPDATE session SET vue_le = ?, expire_le = ? WHERE jeton = ?",
                           arguments: [Stamp.string(now), Stamp.string(extended), key])
            return Session(token: token, account: Account(row: row), csrfToken: row["csrf"], createdAt: created, expiresAt: extended)
        }
    }

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
