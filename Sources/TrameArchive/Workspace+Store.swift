import Foundation
import TrameFiles
import GRDB
import TrameDiagnostics

/// An add in progress: it holds `tmp/<token>.lock` from the first byte written to the commit.
final class PendingAdd {
    let token: String
    let lock: InFlightLock
    var staged: [(file: ContentStore.Staged, mediaType: MediaType)] = []
    var journaled = false
    /// Its named steps, where `TRAME_FAULT_AT` may stop the process (see `WriteSteps`).
    let steps: WriteSteps

    init(token: String, lock: InFlightLock, steps: WriteSteps) {
        self.token = token
        self.lock = lock
        self.steps = steps
    }
}

extension Workspace {
    /// Starts an add: takes its lock before anything is written. Another process's cleanup may
    /// remove a lock file in the instant between its creation and its locking: then a new one is taken.
    /// - Parameter operation: the write it starts, for `TRAME_FAULT_AT`; nil: none that can be named.
    func beginAdd(_ operation: WriteSteps.Operation? = nil) throws -> PendingAdd {
        var lastError: (any Error)?
        for _ in 0..<20 {
            let token = UUID().uuidString
            do {
                let add = PendingAdd(token: token, lock: try InFlightLock.create(store.lockURL(token)), steps: WriteSteps(operation))
                add.steps.step("lock-created")
                return add
            } catch {
                lastError = error
            }
        }
        throw Diagnostic.io("écriture dans l'espace de travail impossible", subject: store.tmp.path,
                              underlying: lastError ?? CocoaError(.fileWriteUnknown))
    }

    /// Copies a file into `tmp/`, hashing it on the way.
    func stage(_ add: PendingAdd, file: URL) throws -> ContentStore.Staged {
        do {
            return try store.stage(from: file, token: "\(add.token).\(add.staged.count)", steps: add.steps)
        } catch {
            abandon(add)
            throw Diagnostic.error(.fichierIllisible, "lecture impossible (\(error))", subject: file.path)
        }
    }

    /// Writes bytes into `tmp/`.
    func stage(_ add: PendingAdd, data: Data) throws -> ContentStore.Staged {
        do {
            return try store.stage(data: data, token: "\(add.token).\(add.staged.count)", steps: add.steps)
        } catch {
            abandon(add)
            throw Diagnostic.io("écriture dans l'espace de travail impossible", subject: store.tmp.path, underlying: error)
        }
    }

    /// Journals the staged files, moves them into the store, then runs `register` in the
    /// transaction that records them and clears the journal. A crash at any point leaves either
    /// everything recorded or a journal that the next opening undoes.
    func commit<T>(_ add: PendingAdd, register: (Database) throws -> T) throws -> T {
        do {
            try database.write { db in
                for (index, item) in add.staged.enumerated() {
                    try db.execute(sql: "INSERT INTO store_journal (token, operation, sha256, started_at) VALUES (?, 'ajout', ?, ?)",
                                   arguments: ["\(add.token).\(index)", item.file.sha256, Timestamp.string(now)])
                }
                add.steps.step("journal-inserted")
            }
            add.journaled = true
            add.steps.step("journal-committed")
            for item in add.staged { try store.install(item.file, steps: add.steps) }
            let result = try database.write { db -> T in
                add.steps.step("transaction-begun")
                for item in add.staged {
                    guard FileManager.default.fileExists(atPath: store.url(for: item.file.sha256).path) else {
                        throw Diagnostic.io("fichier disparu pendant l'ajout", subject: ContentStore.relativePath(item.file.sha256),
                                              underlying: CocoaError(.fileNoSuchFile))
                    }
                    try db.execute(sql: """
                        INSERT OR IGNORE INTO stored_file (sha256, size, media_type, stored_at) VALUES (?, ?, ?, ?)
                        """, arguments: [item.file.sha256, item.file.size, item.mediaType.value, Timestamp.string(now)])
                    add.steps.step("stored-file-inserted")
                }
                let value = try register(db)
                try db.execute(sql: "DELETE FROM store_journal WHERE token LIKE ?", arguments: ["\(add.token).%"])
                add.steps.step("journal-cleared")
                return value
            }
            add.steps.step("committed")
            add.lock.release()
            add.steps.step("lock-released")
            return result
        } catch {
            abandon(add)
            if let error = error as? Diagnostic { throw error }
            throw Diagnostic.io("enregistrement dans l'espace de travail impossible", subject: directory.path, underlying: error)
        }
    }

    /// Gives up an add: removes its temporary and journalled files, then its lock.
    func abandon(_ add: PendingAdd) {
        let recovery = Recovery(database: database, store: store, actor: actor, clock: clock)
        if add.journaled {
            for index in add.staged.indices {
                _ = try? recovery.undoAddSilently(token: "\(add.token).\(index)", sha256: add.staged[index].file.sha256)
            }
        }
        for item in add.staged { POSIXFile.remove(item.file.url) }
        add.lock.release()
    }

    /// Reads in a snapshot, with database errors reported in French.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try database.read(body) } catch let error as Diagnostic { throw error } catch {
            throw Diagnostic.io("lecture de la base de l'espace de travail impossible", subject: directory.path, underlying: error)
        }
    }

    /// Writes in one immediate transaction, with database errors reported in French.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try database.write(body) } catch let error as Diagnostic { throw error } catch {
            throw Diagnostic.io("écriture dans la base de l'espace de travail impossible", subject: directory.path, underlying: error)
        }
    }
}
