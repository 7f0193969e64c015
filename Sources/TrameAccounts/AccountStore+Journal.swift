import Foundation
import GRDB
import TrameDiagnostics

/// One entry of the web journal: who did what, when, on which dossier. Never content: ids only.
public struct JournalEntry: Sendable, Codable, Hashable {
    /// Position in the journal (1, 2, …).
    public let seq: Int64
    /// When it happened.
    public let at: Date
    /// The login (or the system user for `trame users add`).
    public let actor: String
    /// `connexion`, `connexion-refusee`, `connexion-bloquee`, `deconnexion`, `session-expiree`,
    /// `compte-ajout`, `liste`, `consultation`, `enregistrement`, `import`, `export`, `generation`,
    /// `telechargement`, `archive-signe`, `verification`, `tableau-de-bord`, `api`, `acces-refuse`…
    public let action: String
    /// The dossier concerned, if any.
    public let dossier: String?
    /// The document, version or page concerned.
    public let subject: String?
    /// Details as a JSON object.
    public let detail: String
}

extension AccountStore {
    /// Appends an entry to the journal (append-only: triggers refuse UPDATE and DELETE).
    public func record(actor: String, action: String, dossier: String? = nil, subject: String? = nil,
                       detail: [String: String] = [:]) throws(Diagnostic) {
        let now = clock()
        try write { db in try Journal.append(db, at: now, actor: actor, action: action, dossier: dossier, subject: subject, detail: detail) }
    }

    /// The journal, newest first, optionally for one dossier.
    public func journal(dossier: String? = nil, limit: Int = 500) throws(Diagnostic) -> [JournalEntry] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM journal WHERE (? IS NULL OR dossier = ?) ORDER BY seq DESC LIMIT ?",
                             arguments: [dossier, dossier, limit]).map { row in
                JournalEntry(seq: row["seq"], at: Stamp.date(row["le"]), actor: row["acteur"], action: row["action"],
                             dossier: row["dossier"], subject: row["sujet"], detail: row["detail"])
            }
        }
    }
}

/// Writes journal entries inside the caller's transaction.
enum Journal {
    static func append(_ db: Database, at date: Date, actor: String, action: String, dossier: String? = nil,
                       subject: String? = nil, detail: [String: String] = [:]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(detail), as: UTF8.self)
        try db.execute(sql: "INSERT INTO journal (le, acteur, action, dossier, sujet, detail) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [Stamp.string(date), actor, action, dossier, subject, json])
    }
}
