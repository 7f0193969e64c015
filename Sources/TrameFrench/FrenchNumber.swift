/// Numbers as French legal texts write them: cardinals in letters, ordinals, grouped digits.
///
/// The spelling is the traditional (pre-1990) one used by notaries and courts: hyphens only
/// between tens and units below one hundred, "et" in "vingt et un" … "soixante et onze",
/// "quatre-vingts" / "deux cents" with an "s" only when they end the number or precede
/// "millions" / "milliards", and an invariable "mille".
public enum FrenchNumber {
    /// The cardinal in letters, traditional spelling.
    ///
    /// Examples: 21 → "vingt et un", 80 → "quatre-vingts", 81 → "quatre-vingt-un",
    /// 200 → "deux cents", 201 → "deux cent un", 80 000 → "quatre-vingt mille",
    /// 200 000 000 → "deux cents millions", 1 000 000 000 → "un milliard".
    /// The documented range is 0 ... 999 999 999 999; larger magnitudes are composed with
    /// "milliards" (1 000 000 000 000 → "mille milliards") but are not checked further.
    /// - Parameters:
    ///   - n: The number; a negative number is written "moins " followed by its magnitude.
    ///   - feminine: Writes a final "un" as "une" ("vingt et une", "une") for agreement with
    ///     a feminine noun ("vingt et une heures"). "un" before "mille" / "million" is unchanged.
    /// - Returns: The number in letters, lower case.
    public static func inLetters(_ n: Int, feminine: Bool = false) -> String {
        let magnitude = CardinalSpeller.spell(UInt64(n.magnitude), feminine: feminine)
        return n < 0 ? "moins " + magnitude : magnitude
    }

    /// The abbreviated ordinal: "1er" (feminine "1re"), "2e", "3e", … "21e".
    /// - Parameters:
    ///   - n: The rank.
    ///   - feminine: Writes the first rank "1re" ("1re chambre") instead of "1er".
    /// - Returns: The digits followed by the French ordinal suffix.
    public static func ordinal(_ n: Int, feminine: Bool = false) -> String {
        if n == 1 { return feminine ? "1re" : "1er" }
        return "\(n)e"
    }

    /// The digits grouped by three with U+202F NARROW NO-BREAK SPACE.
    ///
    /// Examples: 5000 → "5\u{202F}000", 999 → "999", -1200 → "-1\u{202F}200".
    /// - Parameter n: The number.
    /// - Returns: The grouped digits, with a leading "-" for a negative number.
    public static func digits(_ n: Int) -> String {
        let grouped = DigitGrouping.grouped(String(n.magnitude))
        return n < 0 ? "-" + grouped : grouped
    }
}

extension FrenchNumber {
    /// A run of text and whether it is the suffix of an abbreviated ordinal (to be set in superscript).
    public struct OrdinalRun: Sendable, Hashable {
        public var text: Substring
        public var isSuffix: Bool
    }

    /// The suffixes of abbreviated ordinals: « 1er », « 1re », « 2e », and their plurals.
    private static let ordinalSuffixes: [String] = ["ers", "res", "er", "re", "es", "e"]

    /// Splits text at the suffixes of its abbreviated ordinals, which French typography sets in
    /// superscript: « le 1er avril 2019 » → « le 1 », « er » (suffix), « avril 2019 ».
    ///
    /// An ordinal is a run of digits, not preceded by a letter or a digit, followed by one of
    /// « er », « re », « e » (or their plurals) and then by anything but a letter: « 2e étage »
    /// and « Article 1er » qualify, « 2eme », « 1erement » and « A1e » do not.
    /// - Parameter text: The text.
    /// - Returns: The runs in order; a single non-suffix run when the text has no ordinal.
    public static func ordinalRuns(_ text: String) -> [OrdinalRun] {
        var runs: [OrdinalRun] = []
        var start = text.startIndex
        var index = text.startIndex
        var previousIsWordCharacter = false
        while index < text.endIndex {
            let character = text[index]
            guard character.isASCII, character.isNumber, !previousIsWordCharacter else {
                previousIsWordCharacter = character.isLetter || character.isNumber
                index = text.index(after: index)
                continue
            }
            var end = index
            while end < text.endIndex, text[end].isASCII, text[end].isNumber { end = text.index(after: end) }
            let rest = text[end...]
            var matched: String?
            for suffix in ordinalSuffixes where rest.hasPrefix(suffix) {
                let after = text.index(end, offsetBy: suffix.count)
                if after == text.endIndex || !text[after].isLetter { matched = suffix; break }
            }
            guard let suffix = matched else {
                previousIsWordCharacter = true
                index = end
                continue
            }
            let suffixEnd = text.index(end, offsetBy: suffix.count)
            if start < end { runs.append(OrdinalRun(text: text[start..<end], isSuffix: false)) }
            runs.append(OrdinalRun(text: text[end..<suffixEnd], isSuffix: true))
            start = suffixEnd
            index = suffixEnd
            previousIsWordCharacter = true
        }
        if start < text.endIndex || runs.isEmpty { runs.append(OrdinalRun(text: text[start...], isSuffix: false)) }
        return runs
    }
}
