import Foundation
import TrameDocument
import TrameModel
import Yams

/// A value of a style file, checked and in its unit.
public enum StyleValue: Sendable, Hashable {
    case text(String)
    case texts([String])
    case genre(FontFace.Generic)
    case size(FontSize)
    case percent(Int)
    case length(Length)
    /// Six upper-case hex digits.
    case colour(String)
    /// A border width in eighths of a point.
    case eighths(Int)

    /// As a style file writes it, in French: « 2,5 cm », « 11 pt », « 115 % », « #1F3A68 ».
    public var french: String {
        switch self {
        case .text(let text): text
        case .texts(let texts): texts.joined(separator: ", ")
        case .genre(let genre): genre == .serif ? "serif" : "sans"
        case .size(let size): StyleNumbers.decimal(size.halfPoints * 5, scale: 1) + " pt"
        case .percent(let percent): "\(percent) %"
        case .length(let length): StyleNumbers.length(length)
        case .colour(let hex): "#" + hex
        case .eighths(let eighths): StyleNumbers.decimal(eighths * 125, scale: 3) + " pt"
        }
    }

    /// The YAML scalar (or flow list) a style file holds for it.
    var yaml: String {
        switch self {
        case .text(let text): StyleNumbers.quoted(text)
        case .texts(let texts): "[" + texts.map(StyleNumbers.quoted).joined(separator: ", ") + "]"
        case .colour: StyleNumbers.quoted(french)
        default: french
        }
    }
}

/// One key of a style file (docs/style.md): its path, its kind, the part of ``DocumentStyle`` it
/// sets, and whether the easy-to-read companions take it.
public struct StyleKey: Sendable {
    public enum Kind: Sendable {
        case text, fontName, fontList, genre, colour
        case size(min: Int, max: Int)
        case percent(min: Int, max: Int)
        case length(min: Length, max: Length)
        /// A border width in points, kept in eighths.
        case border(maxEighths: Int)
    }

    /// `page.marges.haut`.
    public let path: String
    public let kind: Kind
    /// What it is, in French (for `trame style show`).
    public let french: String
    /// Whether the easy-to-read companions take it: they keep their own sizes and spacing.
    public let easyRead: Bool
    let apply: @Sendable (inout DocumentStyle, StyleValue) -> Void
    let read: @Sendable (DocumentStyle) -> StyleValue?
}

extension StyleKey {
    private static func font(_ path: String, _ french: String, _ keyPath: any WritableKeyPath<DocumentStyle, FontFace> & Sendable) -> [StyleKey] {
        [
            StyleKey(path: "polices.\(path).famille", kind: .fontName, french: "police \(french)", easyRead: true,
                     apply: { style, value in
                         guard case .text(let name) = value else { return }
                         style[keyPath: keyPath].name = name
                         // The genre the name says, unless `genre` says otherwise (applied after).
                         if let genre = FontFace.genre(of: name) { style[keyPath: keyPath].setGenre(genre) }
                     },
                     read: { .text($0[keyPath: keyPath].name) }),
            StyleKey(path: "polices.\(path).remplacements", kind: .fontList, french: "polices de remplacement (\(french))", easyRead: true,
                     apply: { style, value in if case .texts(let names) = value { style[keyPath: keyPath].alternate = names.first } },
                     read: { style in style[keyPath: keyPath].alternate.map { .texts([$0]) } }),
            StyleKey(path: "polices.\(path).genre", kind: .genre, french: "genre de la police \(french) (serif ou sans)", easyRead: true,
                     apply: { style, value in if case .genre(let genre) = value { style[keyPath: keyPath].setGenre(genre) } },
                     read: { .genre($0[keyPath: keyPath].generic) }),
        ]
    }

    private static func size(_ path: String, _ french: String, _ keyPath: any WritableKeyPath<FontSizes, FontSize> & Sendable) -> StyleKey {
        StyleKey(path: "tailles.\(path)", kind: .size(min: 6, max: 72), french: "taille \(french)", easyRead: false,
                 apply: { style, value in if case .size(let size) = value { style.sizes[keyPath: keyPath] = size } },
                 read: { .size($0.sizes[keyPath: keyPath]) })
    }

    private static func page(_ path: String, _ french: String, _ keyPath: any WritableKeyPath<PageStyle, Length> & Sendable,
                             min: Length, max: Length) -> StyleKey {
        StyleKey(path: "page.\(path)", kind: .length(min: min, max: max), french: french, easyRead: true,
                 apply: { style, value in if case .length(let length) = value { style.page[keyPath: keyPath] = length } },
                 read: { .length($0.page[keyPath: keyPath]) })
    }

    private static func colour(_ path: String, _ french: String, _ keyPath: any WritableKeyPath<Colours, String> & Sendable) -> StyleKey {
        StyleKey(path: "couleurs.\(path)", kind: .colour, french: french, easyRead: true,
                 apply: { style, value in if case .colour(let hex) = value { style.colours[keyPath: keyPath] = hex } },
                 read: { .colour($0.colours[keyPath: keyPath]) })
    }

    /// Every key of a style file but the header image (``HeaderImageSetting``), in the order
    /// `trame style show` lists them.
    public static let all: [StyleKey] = [
        StyleKey(path: "nom", kind: .text, french: "nom du style", easyRead: true, apply: { _, _ in }, read: { _ in nil }),
    ]
        + font("corps", "du texte", \.bodyFont)
        + font("titres", "des titres", \.headingFont)
        + [
            size("corps", "du texte", \.body), size("titre", "du titre du document", \.title),
            size("sous_titre", "du sous-titre", \.subtitle), size("section", "des titres de section", \.heading1),
            size("sous_section", "des titres de sous-section", \.heading2), size("article", "des titres d'article", \.article),
            size("notes", "des notes", \.note), size("tableaux", "du texte des tableaux", \.table),
            size("en_tete_pied", "de l'en-tête et du pied de page", \.headerFooter),
            StyleKey(path: "interligne", kind: .percent(min: 80, max: 300), french: "interligne du texte", easyRead: false,
                     apply: { style, value in if case .percent(let p) = value { style.lineHeightPercent = p } },
                     read: { .percent($0.lineHeightPercent) }),
            StyleKey(path: "espacement_paragraphes", kind: .length(min: .zero, max: .cm(3)), french: "espace après un paragraphe", easyRead: false,
                     apply: { style, value in if case .length(let l) = value { style.paragraphSpacing = l } },
                     read: { .length($0.paragraphSpacing) }),
            page("marges.haut", "marge du haut (début du corps)", \.marginTop, min: .cm(thousandths: 500), max: .cm(8)),
            page("marges.bas", "marge du bas (fin du corps)", \.marginBottom, min: .cm(thousandths: 500), max: .cm(8)),
            page("marges.gauche", "marge de gauche", \.marginLeft, min: .cm(thousandths: 500), max: .cm(8)),
            page("marges.droite", "marge de droite", \.marginRight, min: .cm(thousandths: 500), max: .cm(8)),
            page("en_tete", "distance du bord du haut à l'en-tête", \.headerDistance, min: .cm(thousandths: 200), max: .cm(5)),
            page("pied", "distance du bord du bas au pied de page", \.footerDistance, min: .cm(thousandths: 200), max: .cm(5)),
            colour("texte", "couleur du texte", \.text),
            colour("titres", "couleur des titres", \.headings),
            StyleKey(path: "couleurs.en_tete", kind: .colour, french: "couleur du texte de l'en-tête et du pied de page", easyRead: true,
                     apply: { style, value in if case .colour(let hex) = value { style.colours.headerText = hex } },
                     read: { .colour($0.colours.headerText ?? $0.colours.text) }),
            colour("bordures", "couleur des filets des tableaux", \.border),
            colour("fond_en_tete_tableau", "fond de la ligne d'en-tête des tableaux", \.tableHeaderFill),
            StyleKey(path: "tableaux.bordure", kind: .border(maxEighths: 48), french: "épaisseur des filets des tableaux", easyRead: true,
                     apply: { style, value in if case .eighths(let e) = value { style.table.borderEighths = e } },
                     read: { .eighths($0.table.borderEighths) }),
        ]

    static func named(_ path: String) -> StyleKey? { all.first { $0.path == path } }

    /// Whether the key at `path` accepts `value` (its limits): an import writes only those.
    static func accepts(_ path: String, _ value: StyleValue) -> Bool {
        guard let key = named(path) else { return false }
        switch (key.kind, value) {
        case (.size(let min, let max), .size(let size)): return size.halfPoints >= min * 2 && size.halfPoints <= max * 2
        case (.percent(let min, let max), .percent(let percent)): return percent >= min && percent <= max
        case (.length(let min, let max), .length(let length)): return length >= min && length <= max
        case (.border(let max), .eighths(let eighths)): return eighths <= max
        default: return true
        }
    }
}

extension FontFace {
    /// Changes the genre; a font of the other genre gets that genre's usual alternate.
    mutating func setGenre(_ genre: Generic) {
        if generic != genre, alternate == FontFace.defaultFace(generic).alternate {
            alternate = FontFace.defaultFace(genre).alternate
        }
        generic = genre
    }

    /// Trame's font of a genre: Liberation Serif or Liberation Sans.
    static func defaultFace(_ generic: Generic) -> FontFace { generic == .serif ? .liberationSerif : .liberationSans }

    /// The genre a family name says (« … Serif », « Times… », « … Sans »), or nil.
    static func genre(of family: String) -> Generic? {
        let name = family.lowercased()
        if name.contains("sans") { return .sans }
        let serifs = ["serif", "times", "roman", "georgia", "garamond", "cambria", "palatino", "book antiqua", "baskerville",
                      "caslon", "minion", "century", "bodoni", "didot", "charter", "constantia", "cochin", "plantin", "bembo"]
        if serifs.contains(where: name.contains) { return .serif }
        let sans = ["arial", "helvetica", "calibri", "verdana", "tahoma", "segoe", "open", "roboto", "lato", "marianne",
                    "frutiger", "futura", "gill", "avenir", "aptos", "carlito", "trebuchet", "source", "inter", "noto"]
        if sans.contains(where: name.contains) { return .sans }
        return nil
    }
}

/// French numbers and YAML strings for style files.
enum StyleNumbers {
    /// `value / 10^scale` with a decimal comma and no trailing zeros: `(25, 1)` → `"2,5"`.
    static func decimal(_ value: Int, scale: Int) -> String {
        FixedPoint.text(value, scale: scale, separator: ",")
    }

    /// « 2 cm », « 25 mm », « 2,5 cm », « 1,25 cm ».
    static func length(_ length: Length) -> String {
        let micrometres = length.micrometres
        if micrometres % 10_000 == 0 { return "\(micrometres / 10_000) cm" }
        if micrometres % 1000 == 0 { return "\(micrometres / 1000) mm" }
        return decimal(micrometres / 10, scale: 3) + " cm"
    }

    /// A double-quoted YAML string, written by Yams' emitter (as the web app's dossier files are):
    /// line and paragraph separators, controls and quotes escaped as libyaml reads them back.
    static func quoted(_ text: String) -> String {
        let node = Node.scalar(Node.Scalar(text, Tag(.str), .doubleQuoted))
        let written = (try? Yams.serialize(node: node, width: -1, allowUnicode: true, lineBreak: .ln)) ?? "\"\""
        return written.trimmingCharacters(in: .newlines)
    }

    /// Reads « 2,5 cm », « 25mm », « 12 pt », « 0.5cm ». Nil for anything else (no unit, another unit).
    static func parseLength(_ raw: String) -> Length? {
        let text = normalised(raw).lowercased()
        let units: [(String, Decimal)] = [("mm", 1000), ("cm", 10_000), ("pt", Decimal(25_400) / 72)]
        guard let (unit, factor) = units.first(where: { text.hasSuffix($0.0) }),
              let number = parseNumber(String(text.dropLast(unit.count))) else { return nil }
        return Length(micrometres: rounded(number * factor))
    }

    /// « 11 », « 10,5 », « 10.5 »: a non-negative decimal, or nil.
    static func parseNumber(_ raw: String) -> Decimal? {
        let text = normalised(raw).replacingOccurrences(of: ",", with: ".")
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), text.count <= 12,
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }

    static func rounded(_ value: Decimal) -> Int {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, 0, .plain)
        return NSDecimalNumber(decimal: result).intValue
    }

    /// Trimmed, with the no-break spaces of French typography read as spaces, then spaces removed.
    private static func normalised(_ raw: String) -> String {
        raw.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
            .replacingOccurrences(of: " ", with: "").trimmingCharacters(in: .whitespaces)
    }
}
