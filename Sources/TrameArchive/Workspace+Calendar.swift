import Foundation
import GRDB
import TrameModel

/// What `trame deadlines --ics --workspace` has published: one row per event UID, so that the next
/// export raises the `SEQUENCE` of a moved event and cancels, once, an event that vanished
/// (issue 12). Table `calendrier_publie`, migration `v4-calendrier`.
extension Workspace {
    /// One event as last published.
    public struct PublishedEvent: Sendable, Hashable {
        /// The iCalendar UID (dossier, kind of deadline, period).
        public var uid: String
        /// The day the event was published on.
        public var date: CalendarDate
        /// Its last `SEQUENCE`.
        public var sequence: Int
        /// Its last `SUMMARY`.
        public var summary: String
        /// Whether it was last published as `STATUS:CANCELLED`.
        public var cancelled: Bool

        public init(uid: String, date: CalendarDate, sequence: Int, summary: String, cancelled: Bool) {
            self.uid = uid
            self.date = date
            self.sequence = sequence
            self.summary = summary
            self.cancelled = cancelled
        }
    }

    /// The events the workspace's calendar has published so far (none before the first export).
    public func publishedCalendar() throws -> [PublishedEvent] {
        do {
            return try database.read { db in
                try Row.fetchAll(db, sql: "SELECT uid, date, sequence, summary, cancelled FROM calendrier_publie ORDER BY uid").compactMap { row in
                    guard let date = CalendarDate(iso: row["date"]) else { return nil }
                    return PublishedEvent(uid: row["uid"], date: date, sequence: row["sequence"], summary: row["summary"],
                                          cancelled: (row["cancelled"] as Int) != 0)
                }
            }
        } catch {
            throw Diagnostic.io("lecture du calendrier publié impossible", subject: directory.path, underlying: error)
        }
    }

    /// Replaces what the calendar has published, in one transaction, after an export.
    public func recordPublishedCalendar(_ events: [PublishedEvent]) throws {
        do {
            try database.write { db in
                try db.execute(sql: "DELETE FROM calendrier_publie")
                for e in events {
                    try db.execute(sql: "INSERT INTO calendrier_publie (uid, date, sequence, summary, cancelled) VALUES (?, ?, ?, ?, ?)",
                                   arguments: [e.uid, e.date.description, e.sequence, e.summary, e.cancelled ? 1 : 0])
                }
            }
        } catch {
            throw Diagnostic.io("enregistrement du calendrier publié impossible", subject: directory.path, underlying: error)
        }
    }
}

/// The migration that adds the table of published calendar events.
enum CalendarSchema {
    static func v4(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE calendrier_publie (
                uid TEXT PRIMARY KEY NOT NULL,
                date TEXT NOT NULL,
                sequence INTEGER NOT NULL CHECK (sequence >= 0),
                summary TEXT NOT NULL,
                cancelled INTEGER NOT NULL CHECK (cancelled IN (0, 1))
            )
            """)
    }
}
