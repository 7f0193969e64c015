/// The integer arithmetic the writers share: relative column widths turned into absolute ones,
/// and lengths formatted without floating point (so output is stable). The page itself is
/// ``DocumentStyle/page``.
enum PageGeometry {
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

extension PageGeometry {
    /// `value / 10^scale` written with a dot and no trailing zeros: `(625, 3)` → `"0.625"`.
    static func decimal(_ value: Int, scale: Int) -> String {
        FixedPoint.text(value, scale: scale, separator: ".")
    }
}

/// Exact decimal text of a fixed-point number, for the XML and CSS of the writers (a dot) and the
/// French of style files (a comma).
public enum FixedPoint {
    /// `value / 10^scale` with `separator` and no trailing zeros: `(625, 3, ".")` → `"0.625"`,
    /// `(25, 1, ",")` → `"2,5"`.
    public static func text(_ value: Int, scale: Int, separator: String) -> String {
        var divisor = 1
        for _ in 0..<scale { divisor *= 10 }
        let whole = value / divisor
        var fraction = value % divisor
        guard fraction != 0 else { return "\(whole)" }
        var digits = scale
        while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        let text = String(fraction)
        return "\(whole)" + separator + String(repeating: "0", count: digits - text.count) + text
    }
}
