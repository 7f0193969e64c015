import Foundation
import TrameFiles
import GRDB
import TrameDiagnostics

/// Undoes what a crash left behind, when a workspace is opened.
///
/// An add journals the hashes of its files (`store_journal`, operation `ajout`) before moving them
/// into `objets/`, and clears the journal in the transaction that records the version. A journal
/// entry whose add no longer holds its lock (`tmp/<token>.lock`) is therefore an add that died
/// before committing: its files are removed unless a recorded version or another add uses them.
/// Entries `suppression` (written by the purge in its transaction) are finished the same way.
struct Recovery {
    let database: DatabasePool
    let store: ContentStore
    let actor: String
    let clock: Workspace.Clock

    /// - Returns: the hashes of the interrupted adds that were undone.
    func run() throws -> [String] {
        do {
            var undone: [String] = []
            let journal = try database.read { db in
                try Row.fetchAll(db, sql: "SELECT token, operation, sha256 FROM store_journal ORDER BY token")
                    .map { (token: $0["token"] as String, operation: $0["operation"] as String, sha256: $0["sha256"] as String) }
            }
            var handled: Set<String> = []
            for entry in journal {
                let owner = Recovery.lockToken(entry.token)
                if entry.operation == "suppression" {
                    try finishDeletion(token: entry.token, sha256: entry.sha256)
                    continue
                }
                guard !handled.contains(owner), let lock = InFlightLock.takeOverIfAbandoned(store.lockURL(owner)) else { continue }
                handled.insert(owner)
                let entries = journal.filter { Recovery.lockToken($0.token) == owner && $0.operation == "ajout" }
                for e in entries where try undoAdd(token: e.token, sha256: e.sha256) { undone.append(e.sha256) }
                removeLeftovers(of: owner)
                lock.release()
            }
            try removeAbandonedTemporaries(journalOwners: Set(journal.map { Recovery.lockToken($0.token) }))
            return undone
        } catch let error as Diagnostic {
            throw error
        } catch {
            throw Diagnostic.io("reprise après interruption impossible", subject: store.root.path, underlying: error)
        }
    }

    /// `tmp/<owner>.lock` guards journal entries `<owner>.<n>`.
    static func lockToken(_ token: String) -> String {
        String(token.prefix { $0 != "." })
    }

    /// Removes the journal entry and, unless still used, the stored file. Returns whether there was one.
    func undoAdd(token: String, sha256: String, logged: Bool = true) throws -> Bool {
        try database.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM store_journal WHERE token = ?", arguments: [token]) != nil else { return false }
            try db.execute(sql: "DELETE FROM store_journal WHERE token = ?", arguments: [token])
            if try !isUsed(db, sha256) { POSIXFile.remove(store.url(for: sha256)) }
            guard logged else { return true }
            try AuditLog.append(db, at: clock(), actor: actor, action: "reprise", sha256: sha256,
                                detail: ["motif": "ajout interrompu avant son enregistrement : fichier retiré", "jeton": token])
            return true
        }
    }

    /// Undoes an add given up on purpose (refused input): nothing to log, the archive is unchanged.
    func undoAddSilently(token: String, sha256: String) throws -> Bool {
        try undoAdd(token: token, sha256: sha256, logged: false)
    }

    /// Removes a purged file unless it was added again meanwhile, then clears the journal entry.
    func finishDeletion(token: String, sha256: String) throws {
        try database.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM store_journal WHERE token = ?", arguments: [token]) != nil else { return }
            if try !isUsed(db, sha256) {
                let url = store.url(for: sha256)
                if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
            }
            try db.execute(sql: "DELETE FROM store_journal WHERE token = ?", arguments: [token])
        }
    }

    /// Whether a stored file is recorded, or being added by another add.
    private func isUsed(_ db: Database, _ sha256: String) throws -> Bool {
        try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM stored_file WHERE sha256 = ?)
                OR EXISTS (SELECT 1 FROM store_journal WHERE sha256 = ? AND operation = 'ajout')
            """, arguments: [sha256, sha256]) ?? true
    }

    /// Removes `tmp/<owner>.*` except the lock, and the temporary output a `.sortie` note names.
    private func removeLeftovers(of owner: String) {
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: store.tmp.path)) ?? [] where name.hasPrefix(owner + ".") && !name.hasSuffix(".lock") {
            store.removeNotedOutput(store.tmp.appendingPathComponent(name))
            try? fm.removeItem(at: store.tmp.appendingPathComponent(name))
        }
    }

    /// Removes the temporary files of adds, backups and exports that died before journalling.
    private func removeAbandonedTemporaries(journalOwners: Set<String>) throws {
        let fm = FileManager.default
        let names = (try? fm.contentsOfDirectory(atPath: store.tmp.path)) ?? []
        let owners = Set(names.map(Recovery.lockToken).filter { UUID(uuidString: $0) != nil })
        for owner in owners.subtracting(journalOwners) {
            guard let lock = InFlightLock.takeOverIfAbandoned(store.lockURL(owner)) else { continue }
            removeLeftovers(of: owner)
            lock.release()
        }
    }
}
