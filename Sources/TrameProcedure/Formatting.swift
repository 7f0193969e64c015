import Foundation
import TrameFrench
import TrameModel

/// French dates in prose: "1er avril 2019".
enum FrenchDates {
    static func long(_ date: CalendarDate) -> String { FrenchDate.long(year: date.year, month: date.month, day: date.day) }
}

/// Money helpers: amounts are `Decimal`, rounded to the cent half away from zero.
public enum Cents {
    /// `amount` rounded to the cent, half away from zero (3 767,123 → 3 767,12; 0,005 → 0,01).
    public static func rounded(_ amount: Decimal) -> Decimal {
        var value = amount
        var result = Decimal()
        NSDecimalRound(&result, &value, 2, .plain)
        return result
    }

    /// The amount with a decimal point and exactly two decimals, for JSON: "3767.12", "5000.00".
    public static func plain(_ amount: Decimal) -> String {
        let text = rounded(amount).description
        let negative = text.hasPrefix("-")
        let digits = negative ? String(text.dropFirst()) : text
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0].isEmpty ? "0" : String(parts[0])
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        return (negative ? "-" : "") + whole + "." + (fraction + "00").prefix(2)
    }

    /// The amount with a decimal comma and no grouping, for spreadsheets: "3767,12".
    public static func comma(_ amount: Decimal) -> String { plain(amount).replacingOccurrences(of: ".", with: ",") }

    /// The amount the French way, always with cents in tables: "3 767,12 €", "5 000,00 €"
    /// (U+202F between thousands, U+00A0 before the euro sign).
    public static func french(_ amount: Decimal) -> String {
        let text = FrenchMoney.inDigits(rounded(amount))
        guard !text.contains(",") else { return text }
        return text.replacingOccurrences(of: "\u{00A0}€", with: ",00\u{00A0}€")
    }
}

/// A plain-text table for terminals: columns padded by characters, numbers aligned right.
public struct TextTable {
    public enum Alignment: Sendable { case left, right }

    var alignments: [Alignment]
    var rows: [[String]] = []
    /// A rule of dashes under the first row, as wide as each column.
    var ruleUnderHeader = false

    public init(_ alignments: [Alignment]) { self.alignments = alignments }

    /// Left-aligned columns under a header row and a rule of dashes.
    public init(header: [String]) {
        self.init(Array(repeating: .left, count: header.count))
        ruleUnderHeader = true
        add(header)
    }

    public mutating func add(_ cells: [String]) { rows.append(cells) }

    /// The rows, columns separated by two spaces, trailing spaces removed; `indent` before each line.
    public func render(indent: String = "") -> String {
        // Each cell's width in characters, counted once (a report of 200 dossiers has 4 000 cells).
        func width(_ cell: String) -> Int {
            let utf8 = cell.utf8
            return utf8.allSatisfy { $0 < 0x80 } ? utf8.count : cell.count
        }
        var counts = rows.map { $0.map(width) }
        var widths = Array(repeating: 0, count: alignments.count)
        for row in counts { for (i, count) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], count) } }
        var lines = rows
        if ruleUnderHeader, !lines.isEmpty {
            lines.insert(widths.map { String(repeating: "-", count: $0) }, at: 1)
            counts.insert(widths, at: 1)
        }
        var out = ""
        for (row, rowCounts) in zip(lines, counts) {
            var cells: [String] = []
            for (i, cell) in row.enumerated() {
                let pad = String(repeating: " ", count: max(0, (i < widths.count ? widths[i] : 0) - rowCounts[i]))
                cells.append(i < alignments.count && alignments[i] == .right ? pad + cell : cell + pad)
            }
            var line = indent + cells.joined(separator: "  ")
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        return out
    }
}

extension String {
    /// The text wrapped at spaces so that no line exceeds `width` characters (a longer word stays
    /// whole). French typography: never a break before « : ; ! ? » » nor after « « ».
    func wrapped(width: Int) -> String {
        var lines: [String] = []
        var line = ""
        var previous: Substring = ""
        for word in split(separator: " ", omittingEmptySubsequences: true) {
            let glued = [":", ";", "!", "?", "»"].contains(word) || previous == "«"
            previous = word
            if !line.isEmpty, !glued, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }
}
