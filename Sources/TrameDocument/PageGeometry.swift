/// Page geometry shared by the writers: A4 portrait with 2 cm margins, and the arithmetic that
/// turns relative column widths into absolute ones without floating point (so output is stable).
enum PageGeometry {
    /// Text width in thousandths of a centimetre: 21 cm − 2 × 2 cm.
    static let textWidthMilliCentimetres = 17_000
    /// Text width in twentieths of a point (twips): 17 cm ≈ 9638 twips.
    static let textWidthTwips = 9_638
    /// Page size and margin in twips for DOCX: A4 is 11906 × 16838, 2 cm is 1134.
    static let pageWidthTwips = 11_906
    static let pageHeightTwips = 16_838
    static let marginTwips = 1_134

    /// Splits `total` into `count` integer widths proportional to `weights`. Falls back to equal
    /// widths when `weights` does not give one positive number per column. The widths add up to `total`.
    static func distribute(_ total: Int, weights: [Int], count: Int) -> [Int] {
        guard count > 0 else { return [] }
        let usable = weights.count == count && weights.allSatisfy { $0 > 0 }
        let effective = usable ? weights : Array(repeating: 1, count: count)
        let sum = effective.reduce(0, +)
        var widths = effective.map { total * $0 / sum }
        widths[count - 1] += total - widths.reduce(0, +)
        return widths
    }

    /// Formats thousandths of a centimetre as an ODF length: `4250` → `"4.25cm"`.
    static func centimetres(_ thousandths: Int) -> String {
        let whole = thousandths / 1000
        var fraction = thousandths % 1000
        guard fraction != 0 else { return "\(whole)cm" }
        var digits = 3
        while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        let padded = String(repeating: "0", count: digits - String(fraction).count) + String(fraction)
        return "\(whole).\(padded)cm"
    }

    /// Formats thousandths as a CSS percentage of `total`: `(4250, 17000)` → `"25%"`.
    static func percent(_ part: Int, of total: Int) -> String {
        let hundredths = part * 10_000 / max(total, 1)
        let whole = hundredths / 100, fraction = hundredths % 100
        if fraction == 0 { return "\(whole)%" }
        return fraction % 10 == 0 ? "\(whole).\(fraction / 10)%" : "\(whole).\(fraction < 10 ? "0" : "")\(fraction)%"
    }
}
