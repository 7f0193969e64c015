import Foundation
import TrameFrench
import TrameModel

/// How a value is written when no filter says otherwise.
enum ValueFormatter {
    /// Text as is; numbers with a decimal comma; booleans oui / non; dates "1er avril 2019".
    static func text(_ value: DataValue, groupDigits: Bool = false) -> String {
        switch value {
        case .text(let s): return s
        case .integer(let i): return groupDigits ? FrenchNumber.digits(i) : String(i)
        case .decimal(let d): return decimal(d, groupDigits: groupDigits)
        case .boolean(let b): return b ? "oui" : "non"
        case .date(let d): return FrenchDate.long(year: d.year, month: d.month, day: d.day)
        case .list(let items): return FrenchText.joined(items.map { text($0.value) })
        case .object: return ""
        }
    }

    /// `44.5` → "44,5" (grouped: `1234.5` → "1 234,5" with a narrow no-break space).
    static func decimal(_ d: Decimal, groupDigits: Bool) -> String {
        var raw = "\(d)"
        var negative = false
        if raw.hasPrefix("-") { negative = true; raw.removeFirst() }
        let parts = raw.split(separator: ".", maxSplits: 1)
        var whole = String(parts.first ?? "0")
        if groupDigits, let n = Int(whole) { whole = FrenchNumber.digits(n) }
        let fraction = parts.count > 1 ? "," + parts[1] : ""
        return (negative ? "-" : "") + whole + fraction
    }

    /// The whole number held by a value (an integral decimal counts).
    static func integer(_ value: DataValue) -> Int? {
        switch value {
        case .integer(let i): return i
        case .decimal(let d):
            let raw = "\(d)"
            return raw.contains(".") ? nil : Int(raw)
        default: return nil
        }
    }
}
