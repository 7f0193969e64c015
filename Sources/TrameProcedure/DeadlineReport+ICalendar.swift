import Foundation
import TrameModel

extension DeadlineReport {
    /// The deadlines as an RFC 5545 iCalendar file, stamped at the reference date (midnight UTC)
    /// and with no memory of earlier exports (every `SEQUENCE` is 0). See `iCalendar(stamp:published:)`.
    public var iCalendar: String { iCalendar(stamp: Self.midnightUTC(on), published: CalendarMemory()).text }

    /// `AAAAMMJJT000000Z`: a calendar date as an iCalendar UTC time.
    public static func midnightUTC(_ day: CalendarDate) -> String { ICalendarText.compact(day) + "T000000Z" }

    /// `AAAAMMJJTHHMMSSZ`: an instant given by the caller (the CLI reads the clock, not this module).
    public static func utcStamp(_ instant: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        func pad(_ n: Int?, _ w: Int = 2) -> String { let s = String(n ?? 0); return String(repeating: "0", count: max(0, w - s.count)) + s }
        return "\(pad(c.year, 4))\(pad(c.month))\(pad(c.day))T\(pad(c.hour))\(pad(c.minute))\(pad(c.second))Z"
    }

    /// The deadlines as an RFC 5545 iCalendar file the partners can subscribe to, and what a
    /// workspace must remember of it for the next export.
    ///
    /// One all-day event per deadline (`DTSTART;VALUE=DATE`, `DTEND` the next day); lines end with
    /// CRLF and are folded at 75 octets without cutting a UTF-8 sequence; text is escaped
    /// (`\\ ; , \n`). The `UID` names (dossier, kind, period) — `Deadline.uid` — and never the
    /// computed date, so a moved date updates its event: its `SEQUENCE` grows by one over the one
    /// published before. An event published before and absent now is exported once more with
    /// `STATUS:CANCELLED` (and a greater `SEQUENCE`), then forgotten by the calendars. The status
    /// on the reference date is left out, so that an event changes only when its data does.
    /// - Parameters:
    ///   - stamp: The `DTSTAMP` of every event: the export time (UTC, `AAAAMMJJTHHMMSSZ`), passed in.
    ///   - published: What the earlier exports of this calendar published (empty: first export).
    /// - Returns: The calendar text, and the memory to keep for the next export.
    public func iCalendar(stamp: String, published: CalendarMemory) -> (text: String, published: CalendarMemory) {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Trame//Echeances du partenariat//FR",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + ICalendarText.escaped("Trame — échéances"),
        ]
        var memory = published
        var seen: Set<String> = []
        func event(uid: String, sequence: Int, date: CalendarDate, summary: String, description: String, category: String, cancelled: Bool) {
            lines += [
                "BEGIN:VEVENT",
                "UID:" + ICalendarText.escaped(uid),
                "DTSTAMP:" + stamp,
                "SEQUENCE:\(sequence)",
                "DTSTART;VALUE=DATE:" + ICalendarText.compact(date),
                "DTEND;VALUE=DATE:" + ICalendarText.compact(date.adding(days: 1)),
                "SUMMARY:" + ICalendarText.escaped(summary),
                "DESCRIPTION:" + ICalendarText.escaped(description),
                "CATEGORIES:" + ICalendarText.escaped(category),
            ] + (cancelled ? ["STATUS:CANCELLED"] : []) + [
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
        }
        for group in groups {
            for item in group.items {
                let uid = item.uid
                guard seen.insert(uid).inserted else { continue }
                let summary = "\(group.owner) — \(item.label)" + (item.planned ? " (prévisionnel)" : "")
                let source = item.dossier.map { "du dossier \($0) (convention \(item.convention))" } ?? "de la convention \(item.convention)"
                let description = "Échéance calculée par Trame à partir \(source)."
                    + (item.planned ? " Dates prévues : la sous-location n'a pas commencé (étape « attribution »)." : "")
                let before = published.events[uid]
                let sequence: Int
                switch before {
                case nil: sequence = 0
                case let b? where b.cancelled || b.date != item.date || b.summary != summary: sequence = b.sequence + 1
                case let b?: sequence = b.sequence
                }
                memory.events[uid] = .init(date: item.date, sequence: sequence, summary: summary, cancelled: false)
                event(uid: uid, sequence: sequence, date: item.date, summary: summary, description: description,
                      category: item.kind.rawValue, cancelled: false)
            }
        }
        for (uid, before) in published.events.sorted(by: { $0.key < $1.key }) where !seen.contains(uid) && !before.cancelled {
            let sequence = before.sequence + 1
            memory.events[uid] = .init(date: before.date, sequence: sequence, summary: before.summary, cancelled: true)
            event(uid: uid, sequence: sequence, date: before.date, summary: before.summary,
                  description: "Échéance retirée par Trame : elle n'a plus lieu d'être (fait enregistré, date ou dossier changé).",
                  category: "annulee", cancelled: true)
        }
        lines.append("END:VCALENDAR")
        return (lines.map(ICalendarText.folded).joined(), memory)
    }
}

/// What the exports of one calendar have published: per UID, its date, `SEQUENCE`, summary and
/// whether it was cancelled. A workspace keeps it between exports (`trame deadlines --ics
/// --workspace`), so that moved dates update their events and vanished ones are cancelled once.
public struct CalendarMemory: Sendable, Hashable {
    /// One published event.
    public struct Event: Sendable, Hashable {
        public var date: CalendarDate
        public var sequence: Int
        public var summary: String
        public var cancelled: Bool

        public init(date: CalendarDate, sequence: Int, summary: String, cancelled: Bool) {
            self.date = date
            self.sequence = sequence
            self.summary = summary
            self.cancelled = cancelled
        }
    }

    /// By UID.
    public var events: [String: Event]

    public init(events: [String: Event] = [:]) { self.events = events }
}

/// RFC 5545 text helpers.
enum ICalendarText {
    /// `AAAAMMJJ`.
    static func compact(_ date: CalendarDate) -> String { date.description.replacingOccurrences(of: "-", with: "") }

    /// TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, newline.
    static func escaped(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n", "\r": out += "\\n"
            default: out.append(c)
            }
        }
        return out
    }

    /// The content line folded at 75 octets (continuations start with one space), ending with CRLF.
    static func folded(_ line: String) -> String {
        var out = ""
        var width = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if width + size > 75 {
                out += "\r\n "
                width = 1
            }
            out.unicodeScalars.append(scalar)
            width += size
        }
        return out + "\r\n"
    }
}
