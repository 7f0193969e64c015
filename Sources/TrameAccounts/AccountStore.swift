import Foundation
import GRDB
import HummingbirdBcrypt
import TrameArchive
import TrameDiagnostics

/// The partner accounts of a workspace, their sessions and the web journal, in
/// `<workspace>/comptes.sqlite` (beside the archive's own database, never inside it).
///
/// Passwords are kept as bcrypt hashes (cost ≥ 10). Several processes may use the file at once
/// (WAL, busy timeout): `trame users add` while `trame-web` runs.
public final class AccountStore: Sendable {
    /// The source of the current time (injected by tests).
    public typealias Clock = @Sendable () -> Date

    /// The database file name inside the workspace.
    public static let fileName = "comptes.sqlite"
    /// The bcrypt cost of new hashes; never below `minimumCost`.
    public static let defaultCost: UInt8 = 12
    /// The lowest bcrypt cost accepted.
    public static let minimumCost: UInt8 = 10

    /// The workspace directory.
    public let directory: URL
    let database: DatabasePool
    let clock: Clock
    let cost: UInt8
    /// Session lifetimes and sign-in throttling.
    public let policy: SessionPolicy
    private let decoy = DecoyHash()

    /// Opens (and creates on first use) the accounts of the workspace in `directory`.
    /// - Parameters:
    ///   - directory: a Trame workspace (`trame init`).
    ///   - cost: bcrypt cost of new password hashes (at least `minimumCost`).
    ///   - policy: session lifetimes and sign-in throttling.
    ///   - clock: the current time.
    /// - Throws: `Diagnostic` `ESPACE_INTROUVABLE` when `directory` is no workspace, `io` otherwise.
    public init(directory: URL, cost: UInt8 = AccountStore.defaultCost, policy: SessionPolicy = SessionPolicy(),
                clock: @escaping Clock = { Date() }) throws(Diagnostic) {
        guard Workspace.isWorkspace(directory) else {
            throw Diagnostic.error(.espaceIntrouvable,
                               "aucun espace de travail Trame dans ce dossier ; créez-le avec « trame init \(directory.path) »",
                               subject: directory.path)
        }
        self.directory = directory.standardizedFileURL
        self.clock = clock
        self.policy = policy
        self.cost = max(cost, Self.minimumCost)
        let path = self.directory.appendingPathComponent(Self.fileName).path
        do {
            var config = Configuration()
            config.busyMode = .timeout(30)
            // WAL with synchronous NORMAL: a commit survives a crash of the process (kill -9), and
            // no longer waits for the disk — every page view writes a journal row (issue 16).
            config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
            database = try DatabasePool(path: path, configuration: config)
            // Owner only, whatever the umask (the WAL files SQLite creates later copy the database's mode).
            for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
                try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
            }
            try AccountSchema.migrator.migrate(database)
        } catch {
            throw Diagnostic.error(.baseComptes, "ouverture de la base des comptes impossible (\(error))", subject: path)
        }
    }

    /// Creates an account.
    /// - Parameters:
    ///   - login: see `Account.isValidLogin`.
    ///   - role: the account's role.
    ///   - landlord: required for `bailleur`, refused otherwise.
    ///   - password: at least `Account.minimumPasswordLength` characters.
    ///   - createdBy: who creates it, for the journal.
    /// - Throws: `Diagnostic` `IDENTIFIANT_INVALIDE`, `BAILLEUR_MANQUANT`, `BAILLEUR_INUTILE`,
    ///   `MOT_DE_PASSE_COURT`, `IDENTIFIANT_PRIS`.
    @discardableResult
    public func add(login: String, role: Role, landlord: String?, password: String, createdBy: String) throws(Diagnostic) -> Account {
        guard Account.isValidLogin(login) else {
            throw Diagnostic.error(.identifiantInvalide,
                               "identifiant « \(login) » refusé : 2 à 40 caractères, minuscules sans accents, chiffres, « . », « _ » ou « - »")
        }
        if role == .bailleur, landlord?.isEmpty ?? true {
            throw Diagnostic.error(.bailleurManquant, "un compte « bailleur » doit indiquer son bailleur : --bailleur IDENTIFIANT (ex. bailleur-exemple-1)")
        }
        if role != .bailleur, landlord != nil {
            throw Diagnostic.error(.bailleurInutile, "--bailleur ne vaut que pour le rôle « bailleur »")
        }
        guard password.count >= Account.minimumPasswordLength else {
            throw Diagnostic.error(.motDePasseCourt, "mot de passe trop court : au moins \(Account.minimumPasswordLength) caractères")
        }
        let hash = Bcrypt.hash(password, cost: cost)
        let account = Account(login: login, role: role, landlord: landlord, createdAt: clock(), createdBy: createdBy)
        try write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM compte WHERE login = ?", arguments: [login]) == true {
                throw Diagnostic.error(.identifiantPris, "le compte « \(login) » existe déjà", subject: login)
            }
            try db.execute(sql: "INSERT INTO compte (login, role, bailleur, hash, cree_le, cree_par) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [login, role.rawValue, landlord, hash, Stamp.string(account.createdAt), createdBy])
            try Journal.append(db, at: account.createdAt, actor: createdBy, action: "compte-ajout", subject: login,
                               detail: ["role": role.rawValue, "bailleur": landlord ?? ""])
        }
        return account
    }

    /// Sets a new password; every open session of the account ends.
    /// - Throws: `Diagnostic` `COMPTE_INCONNU`, `MOT_DE_PASSE_COURT`.
    public func setPassword(login: String, password: String, by actor: String) throws(Diagnostic) {
        guard password.count >= Account.minimumPasswordLength else {
            throw Diagnostic.error(.motDePasseCourt, "mot de passe trop court : au moins \(Account.minimumPasswordLength) caractères")
        }
        let hash = Bcrypt.hash(password, cost: cost)
        let now = clock()
        try write { db in
            try db.execute(sql: "UPDATE compte SET hash = ? WHERE login = ?", arguments: [hash, login])
            guard db.changesCount == 1 else { throw Diagnostic.error(.compteInconnu, "aucun compte « \(login) »", subject: login) }
            try db.execute(sql: "DELETE FROM session WHERE login = ?", arguments: [login])
            try db.execute(sql: "DELETE FROM echec_connexion WHERE login = ?", arguments: [login])
            try Journal.append(db, at: now, actor: actor, action: "mot-de-passe", subject: login)
        }
    }

    /// Disables an account (it can no longer sign in; its open sessions end) or enables it again.
    /// Accounts are never deleted: the journal keeps naming them.
    /// - Throws: `Diagnostic` `COMPTE_INCONNU`.
    public func setEnabled(_ enabled: Bool, login: String, by actor: String) throws(Diagnostic) {
        let now = clock()
        try write { db in
            try db.execute(sql: "UPDATE compte SET desactive_le = ? WHERE login = ?", arguments: [enabled ? nil : Stamp.string(now), login])
            guard db.changesCount == 1 else { throw Diagnostic.error(.compteInconnu, "aucun compte « \(login) »", subject: login) }
            if !enabled { try db.execute(sql: "DELETE FROM session WHERE login = ?", arguments: [login]) }
            try Journal.append(db, at: now, actor: actor, action: enabled ? "compte-reactive" : "compte-desactive", subject: login)
        }
    }

    /// Every account, by login.
    public func accounts() throws(Diagnostic) -> [Account] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM compte ORDER BY login").map(Account.init(row:)) }
    }

    /// The account with this login, if any.
    public func account(_ login: String) throws(Diagnostic) -> Account? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM compte WHERE login = ?", arguments: [login]).map(Account.init(row:)) }
    }

    /// A hash to check unknown logins against, so that they take as long as known ones.
    var decoyHash: String { decoy.value(cost: cost) }

    func read<T>(_ body: (Database) throws -> T) throws(Diagnostic) -> T {
        do { return try database.read(body) } catch { throw Self.wrap(error) }
    }

    func write<T>(_ body: (Database) throws -> T) throws(Diagnostic) -> T {
        do { return try database.write(body) } catch { throw Self.wrap(error) }
    }

    static func wrap(_ error: any Error) -> Diagnostic {
        if let error = error as? Diagnostic { return error }
        return Diagnostic.error(.baseComptes, "accès à la base des comptes impossible (\(error))")
    }
}

extension Account {
    init(row: Row) {
        login = row["login"]
        role = Role(rawValue: row["role"]) ?? .bailleur
        landlord = row["bailleur"]
        createdAt = Stamp.date(row["cree_le"])
        createdBy = row["cree_par"]
        disabledAt = (row["desactive_le"] as String?).map(Stamp.date)
    }
}

/// Timestamps as stored: ISO 8601 in UTC with milliseconds.
enum Stamp {
    static func string(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    static func date(_ text: String) -> Date {
        (try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))) ?? Date(timeIntervalSince1970: 0)
    }
}

/// A bcrypt hash of a random password, made once when first needed.
private final class DecoyHash: @unchecked Sendable {
    private let lock = NSLock()
    private var hash: String?

    func value(cost: UInt8) -> String {
        lock.lock()
        defer { lock.unlock() }
        if let hash { return hash }
        let made = Bcrypt.hash(RandomToken.make(), cost: cost)
        hash = made
        return made
    }
}
