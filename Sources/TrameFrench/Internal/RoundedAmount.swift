import Foundation

/// A `Decimal` amount rounded to the cent, half away from zero, without any floating point.
///
/// The rounding works on the exact decimal text of the value (`Decimal.description` always
/// writes plain digits with a "." whatever the locale), so it is exact for any magnitude.
struct RoundedAmount: Equatable {
    /// True for a strictly negative amount (an amount that rounds to zero is not negative).
    let isNegative: Bool
    /// The whole units (euros) as decimal digits without leading zeros ("0" for none).
    let units: String
    /// The cents, 0 ... 99.
    let cents: Int

    /// Rounds `amount` to the cent; nil when it is not a number.
    init?(_ amount: Decimal) {
        guard !amount.isNaN else { return nil }
        var text = Substring(amount.description)
        let negative = text.hasPrefix("-")
        if negative { text = text.dropFirst() }
        let pieces = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let wholeDigits = pieces.first.map(String.init) ?? ""
        let fraction = pieces.count > 1 ? Array(pieces[1]) : []
        guard Self.isDigits(wholeDigits), fraction.allSatisfy(\.isASCIIDigit) else { return nil }

        let centDigits = fraction.prefix(2) + Array(repeating: Character("0"), count: max(0, 2 - fraction.count))
        var cents = Int(String(centDigits)) ?? 0
        var whole = wholeDigits.isEmpty ? "0" : wholeDigits
        if fraction.count > 2, let next = fraction[2].wholeNumberValue, next >= 5 {
            cents += 1
            if cents == 100 {
                cents = 0
                whole = Self.incremented(whole)
            }
        }
        whole = Self.trimmingLeadingZeros(whole)
        self.units = whole
        self.cents = cents
        self.isNegative = negative && (whole != "0" || cents != 0)
    }

    /// The whole units as an integer, nil when they do not fit in 64 bits.
    var unitsValue: UInt64? { UInt64(units) }

    private static func isDigits(_ text: String) -> Bool {
        text.allSatisfy(\.isASCIIDigit)
    }

    /// Adds one to a string of decimal digits: "199" → "200", "99" → "100".
    private static func incremented(_ digits: String) -> String {
        var result = Array(digits)
        var index = result.count - 1
        while index >= 0 {
            if result[index] == "9" {
                result[index] = "0"
                index -= 1
            } else {
                let value = result[index].wholeNumberValue ?? 0
                result[index] = Character(String(value + 1))
                return String(result)
            }
        }
        return "1" + String(result)
    }

    private static func trimmingLeadingZeros(_ digits: String) -> String {
        let trimmed = digits.drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }
}

extension Character {
    /// True for "0" ... "9" only (not other Unicode digits).
    var isASCIIDigit: Bool { isASCII && isNumber }
}
