/// The house style every writer reads: page geometry, fonts, sizes, spacing, colours, table
/// borders, signature geometry and keep-together rules. ODT, DOCX and HTML (print) take every
/// font, size and margin from here, never from a constant of their own, so that they lay out alike.
///
/// ``DocumentStyle/standard`` is Trame's own style (Liberation fonts, A4, 2 cm margins); a user's
/// style file (`trame style import`, `generate --style`, the convention's `style:` key) changes
/// any of its values. ``DocumentStyle/format(of:)`` derives each paragraph role's full format from
/// these few values.
public struct DocumentStyle: Sendable, Hashable {
    public var page = PageStyle()
    /// Body text (paragraphs, lists, tables, signatures).
    public var bodyFont = FontFace.liberationSerif
    /// Title, subtitle, headings, articles, running header and footer.
    public var headingFont = FontFace.liberationSans
    public var sizes = FontSizes()
    /// Proportional line height of body text, in percent (115 = 1.15 lines).
    public var lineHeightPercent = 115
    /// Space after a body paragraph.
    public var paragraphSpacing = Length.cm(thousandths: 200)
    /// How body paragraphs are aligned unless a paragraph says otherwise (justified for the acts,
    /// flush left for the easy-to-read companions).
    public var bodyAlignment = Paragraph.Alignment.justified
    /// Whether words may be broken at the end of a line. Never in Trame's styles: every format says so.
    public var hyphenation = false
    public var colours = Colours()
    public var table = TableStyle()
    public var signature = SignatureStyle()
    public var keep = KeepRules()
    /// Images at the top of every page (the issuer's logo, or the partners' logos in a row).
    public var letterhead: Letterhead?

    public init() {}

    /// Trame's default style.
    public static let standard = DocumentStyle()

    /// The easy-to-read companions' style (« facile à lire et à comprendre »): sans-serif body text
    /// of 14 points, line spacing 1.5, flush left, no hyphenation, larger headings and spacing.
    public static let easyRead: DocumentStyle = {
        var style = DocumentStyle()
        style.bodyFont = .liberationSans
        style.headingFont = .liberationSans
        style.sizes.body = .pt(14)
        style.sizes.table = .pt(14)
        style.sizes.note = .pt(14)
        style.sizes.title = .pt(20)
        style.sizes.subtitle = .pt(16)
        style.sizes.heading1 = .pt(17)
        style.sizes.heading2 = .pt(15)
        style.sizes.article = .pt(15)
        style.lineHeightPercent = 150
        style.paragraphSpacing = .cm(thousandths: 300)
        style.bodyAlignment = .left
        style.hyphenation = false
        return style
    }()

    /// The text width: page width minus the left and right margins.
    public var textWidth: Length { page.width - page.marginLeft - page.marginRight }

    /// The space below a grid table: a body paragraph's space after, so that the table's frame
    /// never touches the text that follows (ODT `fo:margin-bottom` of the table, DOCX space before
    /// the next paragraph, CSS `margin-bottom`). Like a paragraph's, it collapses with the next
    /// paragraph's space before: the larger of the two separates them.
    public var tableSpaceAfter: Length { paragraphSpacing }
}

/// Page size, margins (where the body starts and ends), and where the header and footer sit.
public struct PageStyle: Sendable, Hashable {
    public var width = Length.mm(210)
    public var height = Length.mm(297)
    /// From the top edge to the first line of the body (the header sits inside this margin).
    public var marginTop = Length.cm(2)
    /// From the bottom edge to the last line of the body (the footer sits inside this margin).
    public var marginBottom = Length.cm(2)
    public var marginLeft = Length.cm(2)
    public var marginRight = Length.cm(2)
    /// From the top edge to the top of the header.
    public var headerDistance = Length.cm(1)
    /// From the bottom edge to the bottom of the footer.
    public var footerDistance = Length.cm(1)
    public init() {}
}

/// A font family, with the alternate a reader's machine may substitute (DOCX `w:altName`, CSS fallback).
public struct FontFace: Sendable, Hashable {
    public enum Generic: String, Sendable, Hashable { case serif, sans }
    public var name: String
    public var alternate: String?
    public var generic: Generic
    public init(name: String, alternate: String? = nil, generic: Generic) {
        self.name = name
        self.alternate = alternate
        self.generic = generic
    }
    public static let liberationSerif = FontFace(name: "Liberation Serif", alternate: "Times New Roman", generic: .serif)
    public static let liberationSans = FontFace(name: "Liberation Sans", alternate: "Arial", generic: .sans)

    /// ODF `style:font-family-generic`.
    var odfGeneric: String { generic == .serif ? "roman" : "swiss" }
    /// DOCX `w:family`.
    var docxFamily: String { generic == .serif ? "roman" : "swiss" }
}

public struct FontSizes: Sendable, Hashable {
    public var body = FontSize.pt(11)
    public var title = FontSize.pt(16)
    public var subtitle = FontSize.pt(12)
    public var heading1 = FontSize.pt(13)
    public var heading2 = FontSize.pt(12)
    public var article = FontSize.pt(11)
    public var note = FontSize.pt(9)
    public var table = FontSize.pt(10)
    /// Running header and footer.
    public var headerFooter = FontSize.pt(9)
    public var draftMark = FontSize.pt(14)
    public init() {}
}

/// Colours as six hexadecimal digits, upper case, without `#`.
public struct Colours: Sendable, Hashable {
    public var text = "000000"
    public var headings = "000000"
    /// The running header and footer text; nil: the text colour.
    public var headerText: String?
    public var tableHeaderFill = "E6E6E6"
    public var border = "000000"
    public var draftMark = "CC0000"
    public var placeholder = "FFFF00"
    public init() {}
}

public struct TableStyle: Sendable, Hashable {
    /// Border width in eighths of a point (DOCX `w:sz`): 4 = 0.5 pt.
    public var borderEighths = 4
    public var cellPaddingHorizontal = Length.cm(thousandths: 100)
    public var cellPaddingVertical = Length.cm(thousandths: 50)
    public init() {}

    /// `"0.5pt"`.
    var borderWidth: String {
        borderEighths % 8 == 0 ? "\(borderEighths / 8)pt" : PageGeometry.decimal(borderEighths * 125, scale: 3) + "pt"
    }
}

public struct SignatureStyle: Sendable, Hashable {
    /// The height of the row where the parties sign (a table row height, not paragraph spacing).
    public var minimumHeight = Length.cm(3)
    /// A grid table whose header row has a cell holding one of these words (any case) is a
    /// signature sheet: its body rows get ``minimumHeight`` too (the evaluations' « Signature »
    /// column, the companions' « Ma signature », « Signature du curateur »).
    public var columnHeadings: [String] = ["Signature", "Signatures"]
    public init() {}
}

/// Keep-together rules, the same in every format.
public struct KeepRules: Sendable, Hashable {
    /// Widow and orphan control (ODF `fo:widows`/`fo:orphans`, DOCX `w:widowControl`, CSS).
    public var widowsAndOrphans = 2
    /// A paragraph ending with « : » stays on the page of what it introduces (list, table, quotation).
    public var leadInsWithNext = true
    /// A paragraph made of lines (a question block, an address) is never split across pages.
    public var blocksTogether = true
    public init() {}
}

/// What the header of every page carries above the running header text: images in a row.
public struct Letterhead: Sendable, Hashable {
    public var images: [Image]
    /// Where the row sits.
    public var alignment: Paragraph.Alignment
    public init(images: [Image], alignment: Paragraph.Alignment = .left) {
        self.images = images
        self.alignment = alignment
    }
}
