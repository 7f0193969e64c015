/// Spells non-negative integers in French letters, traditional (pre-1990) spelling.
enum CardinalSpeller {
    /// "zéro" … "seize": the words that are not composed.
    private static let simple = [
        "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf",
        "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize",
    ]

    /// The tens from 20 to 60, indexed by the tens digit.
    private static let tens = [2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"]

    /// Spells `n` in letters; `feminine` turns a final "un" into "une".
    static func spell(_ n: UInt64, feminine: Bool) -> String {
        let words = spell(n)
        guard feminine else { return words }
        if words == "un" || words.hasSuffix(" un") || words.hasSuffix("-un") {
            return words + "e"
        }
        return words
    }

    /// Spells `n` in letters, masculine.
    private static func spell(_ n: UInt64) -> String {
        if n == 0 { return simple[0] }
        let milliards = n / 1_000_000_000
        let millions = Int(n / 1_000_000 % 1_000)
        let thousands = Int(n / 1_000 % 1_000)
        let rest = Int(n % 1_000)

        var parts: [String] = []
        if milliards > 0 {
            parts.append(scale(milliards, singular: "un milliard", plural: "milliards"))
        }
        if millions > 0 {
            parts.append(scale(UInt64(millions), singular: "un million", plural: "millions"))
        }
        if thousands > 0 {
            // "mille" is invariable, never "un mille", and makes "cents" / "vingts" lose their "s".
            parts.append(thousands == 1 ? "mille" : belowThousand(thousands, isFinal: false) + " mille")
        }
        if rest > 0 {
            parts.append(belowThousand(rest, isFinal: true))
        }
        return parts.joined(separator: " ")
    }

    /// "un million" / "deux cents millions": the nouns "million" and "milliard" take the plural,
    /// and the number before them keeps its final "s" ("quatre-vingts millions").
    private static func scale(_ count: UInt64, singular: String, plural: String) -> String {
        if count == 1 { return singular }
        let number = count < 1_000 ? belowThousand(Int(count), isFinal: true) : spell(count)
        return number + " " + plural
    }

    /// Spells 1 ... 999. `isFinal` is false when "mille" follows, which removes the plural "s"
    /// of "cents" and "quatre-vingts".
    private static func belowThousand(_ n: Int, isFinal: Bool) -> String {
        let hundreds = n / 100
        let remainder = n % 100
        var parts: [String] = []
        if hundreds == 1 {
            parts.append("cent")
        } else if hundreds > 1 {
            let plural = remainder == 0 && isFinal ? "s" : ""
            parts.append(simple[hundreds] + " cent" + plural)
        }
        if remainder > 0 {
            parts.append(belowHundred(remainder, isFinal: isFinal))
        }
        return parts.joined(separator: " ")
    }

    /// Spells 1 ... 99.
    private static func belowHundred(_ n: Int, isFinal: Bool) -> String {
        if n < simple.count { return simple[n] }
        if n < 20 { return "dix-" + simple[n - 10] }
        let tensDigit = n / 10
        let unit = n % 10
        switch tensDigit {
        case 2...6:
            let base = tens[tensDigit] ?? ""
            if unit == 0 { return base }
            if unit == 1 { return base + " et un" }
            return base + "-" + simple[unit]
        case 7:
            // 70 ... 79 count on from soixante: "soixante-dix", "soixante et onze", "soixante-douze".
            let over = n - 60
            if over == 11 { return "soixante et onze" }
            return "soixante-" + belowHundred(over, isFinal: isFinal)
        default:
            // 80 ... 99 count on from quatre-vingt, without "et": "quatre-vingt-un", "quatre-vingt-onze".
            let over = n - 80
            if over == 0 { return isFinal ? "quatre-vingts" : "quatre-vingt" }
            return "quatre-vingt-" + belowHundred(over, isFinal: isFinal)
        }
    }
}
