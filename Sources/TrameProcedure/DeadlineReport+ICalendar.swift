import Foundation
import TrameModel

extension DeadlineReport {
    /// The deadlines as an RFC 5545 iCalendar file the partners can subscribe to.
    ///
    /// One all-day event per deadline (`DTSTART;VALUE=DATE`, `DTEND` the next day); lines end with
    /// CRLF and are folded at 75 octets without cutting a UTF-8 sequence; text is escaped
    /// (`\\ ; , \n`). The output is deterministic: the `UID` is derived from dossier, kind and date
    /// (`Deadline.uid`), and the `DTSTAMP` from the data — the latest date written in the dossier
    /// (or convention) file, at midnight UTC — never from the clock. The status on the reference
    /// date is left out, so that an event changes only when its data does.
    public var iCalendar: String {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Trame//Echeances du partenariat//FR",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + ICalendarText.escaped("Trame — échéances"),
        ]
        for group in groups {
            let stamp = ICalendarText.compact(group.revision ?? on) + "T000000Z"
            for item in group.items {
                let summary = "\(group.owner) — \(item.label)" + (item.planned ? " (prévisionnel)" : "")
                let source = item.dossier.map { "du dossier \($0) (convention \(item.convention))" } ?? "de la convention \(item.convention)"
                let description = "Échéance calculée par Trame à partir \(source)."
                    + (item.planned ? " Dates prévues : la sous-location n'a pas commencé (étape « attribution »)." : "")
                lines += [
                    "BEGIN:VEVENT",
                    "UID:" + ICalendarText.escaped(item.uid),
                    "DTSTAMP:" + stamp,
                    "DTSTART;VALUE=DATE:" + ICalendarText.compact(item.date),
                    "DTEND;VALUE=DATE:" + ICalendarText.compact(item.date.adding(days: 1)),
                    "SUMMARY:" + ICalendarText.escaped(summary),
                    "DESCRIPTION:" + ICalendarText.escaped(description),
                    "CATEGORIES:" + ICalendarText.escaped(item.kind.rawValue),
                    "TRANSP:TRANSPARENT",
                    "END:VEVENT",
                ]
            }
        }
        lines.append("END:VCALENDAR")
        return lines.map(ICalendarText.folded).joined()
    }
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
