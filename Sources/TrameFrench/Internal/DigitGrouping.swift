/// Groups a string of decimal digits by three from the right.
enum DigitGrouping {
    /// U+202F NARROW NO-BREAK SPACE, the thousands separator of French typography.
    static let thousandsSeparator: Character = "\u{202F}"

    /// Inserts `separator` every three digits from the right: "1234567" → "1 234 567".
    static func grouped(_ digits: String, separator: Character = thousandsSeparator) -> String {
        var result: [Character] = []
        result.reserveCapacity(digits.count + digits.count / 3)
        for (offset, digit) in digits.enumerated() {
            let remaining = digits.count - offset
            if offset > 0 && remaining % 3 == 0 {
                result.append(separator)
            }
            result.append(digit)
        }
        return String(result)
    }
}
