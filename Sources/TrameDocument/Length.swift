import Foundation

/// A length on the page, held in micrometres so that centimetres, millimetres, points and twips
/// convert without floating point (output stays byte-for-byte stable).
public struct Length: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The length in micrometres (1 cm = 10 000).
    public var micrometres: Int

    public init(micrometres: Int) { self.micrometres = micrometres }
    /// - Parameter thousandths: thousandths of a centimetre (`3000` = 3 cm).
    public static func cm(thousandths: Int) -> Length { Length(micrometres: thousandths * 10) }
    public static func cm(_ value: Int) -> Length { Length(micrometres: value * 10_000) }
    public static func mm(_ value: Int) -> Length { Length(micrometres: value * 1000) }
    /// - Parameter twips: twentieths of a point (DOCX page geometry).
    public static func twips(_ twips: Int) -> Length { Length(micrometres: (twips * 1270 + 36) / 72) }
    public static let zero = Length(micrometres: 0)

    public static func < (lhs: Length, rhs: Length) -> Bool { lhs.micrometres < rhs.micrometres }
    public static func + (lhs: Length, rhs: Length) -> Length { Length(micrometres: lhs.micrometres + rhs.micrometres) }
    public static func - (lhs: Length, rhs: Length) -> Length { Length(micrometres: lhs.micrometres - rhs.micrometres) }

    /// Twentieths of a point, rounded: 2 cm → 1134.
    public var twips: Int { (micrometres * 72 + 635) / 1270 }
    /// English Metric Units (DrawingML): 1 cm = 360 000.
    public var emu: Int { micrometres * 36 }
    /// Thousandths of a centimetre.
    var thousandthsOfCentimetre: Int { micrometres / 10 }
    /// An ODF / CSS length in centimetres: `"2cm"`, `"0.635cm"`.
    public var css: String {
        let sign = micrometres < 0 ? "-" : ""
        return sign + PageGeometry.centimetres(abs(micrometres) / 10)
    }
    /// How a style file writes it: `"25mm"` when a whole number of millimetres, else centimetres.
    public var description: String {
        micrometres % 1000 == 0 ? "\(micrometres / 1000)mm" : css
    }

    /// Reads `2cm`, `25mm`, `0.5cm`, `12pt`, `1in`. Returns nil for anything else.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(String, Int)] = [("mm", 1000), ("cm", 10_000), ("pt", 0), ("in", 25_400)]
        guard let (unit, factor) = units.first(where: { trimmed.hasSuffix($0.0) }),
              let value = Decimal(string: String(trimmed.dropLast(unit.count)), locale: Locale(identifier: "en_US_POSIX")),
              value >= 0 else { return nil }
        let micrometres = unit == "pt" ? value * 25_400 / 72 : value * Decimal(factor)
        self.micrometres = NSDecimalNumber(decimal: micrometres).rounding(accordingToBehavior: nil).intValue
    }
}

/// A font size in half-points (the DOCX unit): 22 = 11 pt.
public struct FontSize: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var halfPoints: Int
    public init(halfPoints: Int) { self.halfPoints = halfPoints }
    public static func pt(_ points: Int) -> FontSize { FontSize(halfPoints: points * 2) }
    public static func < (lhs: FontSize, rhs: FontSize) -> Bool { lhs.halfPoints < rhs.halfPoints }
    /// `"11pt"`, `"10.5pt"` (ODF and CSS).
    public var description: String { halfPoints % 2 == 0 ? "\(halfPoints / 2)pt" : "\(halfPoints / 2).5pt" }

    /// Reads `11pt`, `10.5pt` or `11` (points, rounded to the half-point).
    public init?(parsing text: String) {
        var trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if trimmed.hasSuffix("pt") { trimmed.removeLast(2) }
        guard let value = Double(trimmed), value > 0, value < 200 else { return nil }
        halfPoints = Int((value * 2).rounded())
    }
}
