import Foundation
import TrameModel

/// What a social worker types, in the formats the pages show: dates « 14/03/1986 », amounts
/// « 351,20 » or « 351,20 € » or « 1 234,50 ». Turned into the file's format (`1986-03-14`,
/// `351.20`) before the dossier is checked; anything else is kept as typed, and the check says why.
enum FrenchInput {
    /// `14/03/1986`, `4/3/1986`, `14.03.1986` or `14-03-1986` → `1986-03-14`; an ISO date or anything else unchanged.
    static func date(_ typed: String) -> String {
        let text = typed.trimmingCharacters(in: .whitespaces)
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" }).map(String.init)
        guard parts.count == 3, parts[2].count == 4, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && Int($0) != nil }) else { return typed }
        let iso = "\(parts[2])-\(parts[1].count == 1 ? "0" : "")\(parts[1])-\(parts[0].count == 1 ? "0" : "")\(parts[0])"
        return CalendarDate(iso: iso) != nil ? iso : typed
    }

    /// `351,20 €`, `1 234,5`, `351.20` → `351.20`, `1234.5`, `351.20`; anything else unchanged.
    static func decimal(_ typed: String) -> String {
        var text = typed.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix("€") { text = String(text.dropLast()).trimmingCharacters(in: .whitespaces) }
        text = text.filter { $0 != " " && $0 != "\u{00A0}" && $0 != "\u{202F}" }
        if text.contains(","), !text.contains(".") { text = text.replacingOccurrences(of: ",", with: ".") }
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }),
              text.filter({ $0 == "." }).count <= 1 else { return typed }
        return text
    }

    /// `1 234` → `1234`; anything else unchanged.
    static func integer(_ typed: String) -> String {
        let text = typed.trimmingCharacters(in: .whitespaces).filter { $0 != " " && $0 != "\u{00A0}" && $0 != "\u{202F}" }
        return !text.isEmpty && text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }) ? text : typed
    }

    /// A stored date as the pages show it: `14/03/1986`.
    static func show(_ date: CalendarDate) -> String {
        String(format: "%02d/%02d/%04d", date.day, date.month, date.year)
    }

    /// A stored amount as the pages show it: `351,20` (two decimals when it has cents), `245`.
    static func show(_ amount: Decimal) -> String {
        var text = "\(amount)"
        if let dot = text.firstIndex(of: ".") {
            let cents = text[text.index(after: dot)...]
            if cents.count == 1 { text += "0" }
        }
        return text.replacingOccurrences(of: ".", with: ",")
    }
}
