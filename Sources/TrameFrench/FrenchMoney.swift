public import Foundation

/// Amounts in euros as contracts write them: in letters, in digits, or both.
///
/// Every function rounds to the cent, half away from zero, working on the exact decimal value
/// (no `Double` is involved). A negative amount is written "moins …" / "-…".
public enum FrenchMoney {
    /// The amount in letters, rounded to the cent.
    ///
    /// Examples: 351.20 → "trois cent cinquante et un euros et vingt centimes"; 80 → "quatre-vingts euros";
    /// 1 000 000 → "un million d'euros"; 1 000 500 → "un million cinq cents euros"; 0 → "zéro euro";
    /// 0.50 → "cinquante centimes"; 1.01 → "un euro et un centime".
    ///
    /// "d'euros" is used only when the euros are an exact number of millions or milliards, and it is
    /// kept when cents follow: 1 000 000.01 → "un million d'euros et un centime" (the euro part is
    /// written as it would be alone, then "et" and the cents).
    /// A NaN, or an amount too large for 64 bits, falls back to `inDigits(_:)`.
    /// - Parameter amount: The amount in euros.
    /// - Returns: The amount in letters, lower case.
    public static func inLetters(_ amount: Decimal) -> String {
        guard let rounded = RoundedAmount(amount), let euros = rounded.unitsValue else {
            return inDigits(amount)
        }
        var parts: [String] = []
        if euros > 0 || rounded.cents == 0 {
            parts.append(eurosInLetters(euros))
        }
        if rounded.cents > 0 {
            let unit = rounded.cents == 1 ? "centime" : "centimes"
            parts.append(CardinalSpeller.spell(UInt64(rounded.cents), feminine: false) + " " + unit)
        }
        let text = parts.joined(separator: " et ")
        return rounded.isNegative ? "moins " + text : text
    }

    /// The amount in digits: thousands grouped with U+202F, decimal comma, U+00A0 before "€".
    ///
    /// Whole amounts have no decimals: 5000 → "5\u{202F}000\u{00A0}€"; 351.2 → "351,20\u{00A0}€";
    /// 0 → "0\u{00A0}€"; 1234567.5 → "1\u{202F}234\u{202F}567,50\u{00A0}€". A NaN is written "NaN\u{00A0}€".
    /// - Parameter amount: The amount in euros.
    /// - Returns: The amount in digits followed by the euro sign.
    public static func inDigits(_ amount: Decimal) -> String {
        guard let rounded = RoundedAmount(amount) else { return "NaN\u{00A0}€" }
        var text = DigitGrouping.grouped(rounded.units)
        if rounded.cents > 0 {
            text += rounded.cents < 10 ? ",0\(rounded.cents)" : ",\(rounded.cents)"
        }
        return (rounded.isNegative ? "-" : "") + text + "\u{00A0}€"
    }

    /// Letters then digits in parentheses, as contracts write amounts:
    /// 5000 → "cinq mille euros (5\u{202F}000\u{00A0}€)". Where the two differ, letters prevail
    /// (art. 1376 C. civ.), so both come from the same rounded value.
    /// - Parameter amount: The amount in euros.
    /// - Returns: `inLetters(amount)`, a space, and `inDigits(amount)` in parentheses.
    public static func full(_ amount: Decimal) -> String {
        inLetters(amount) + " (" + inDigits(amount) + ")"
    }

    /// "zéro euro", "un euro", "deux euros", "un million d'euros".
    private static func eurosInLetters(_ euros: UInt64) -> String {
        let words = CardinalSpeller.spell(euros, feminine: false)
        switch euros {
        case 0, 1:
            return words + " euro"
        case let value where value % 1_000_000 == 0:
            return words + " d'euros"
        default:
            return words + " euros"
        }
    }
}
