/// A document to be written as ODT, DOCX or HTML: metadata and a list of blocks.
///
/// User data enters only as text (`Inline.text`), never as markup: the writers alone produce
/// markup, so a value such as `O'Brien & <Fils> {{x}}` appears literally in every format.
public struct Document: Sendable, Hashable {
    public var metadata: DocumentMetadata
    /// Short text repeated at the top of every page (e.g. the document's short title and reference).
    public var header: String?
    /// Whether the footer carries an initials zone ("Paraphes : ____") on every page.
    public var initialsOnEveryPage: Bool
    public var blocks: [Block]

    public init(metadata: DocumentMetadata, header: String? = nil, initialsOnEveryPage: Bool = false, blocks: [Block]) {
        self.metadata = metadata
        self.header = header
        self.initialsOnEveryPage = initialsOnEveryPage
        self.blocks = blocks
    }
}

/// Document properties. In a draft, every page carries the mark "PROJET".
public struct DocumentMetadata: Sendable, Hashable {
    public var title: String
    public var subject: String
    /// The dossier id, or the convention id for documents about the partnership as a whole.
    public var identifier: String
    /// BCP 47 language tag, `fr-FR`.
    public var language: String
    public var isDraft: Bool
    /// Custom properties in a stable order (DOCX custom properties, ODT user-defined metadata, HTML meta).
    /// The clause manifest is recorded here.
    public var customProperties: [CustomProperty]

    public init(title: String, subject: String, identifier: String, language: String = "fr-FR",
                isDraft: Bool = false, customProperties: [CustomProperty] = []) {
        self.title = title
        self.subject = subject
        self.identifier = identifier
        self.language = language
        self.isDraft = isDraft
        self.customProperties = customProperties
    }
}

/// A named text property of a document.
public struct CustomProperty: Sendable, Hashable {
    public var name: String
    public var value: String
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// A block-level element.
public indirect enum Block: Sendable, Hashable {
    /// The document's title (once, at the top).
    case title([Inline])
    /// A subtitle line under the title.
    case subtitle([Inline])
    /// A section heading (level 1 = "Titre I"-style section, 2 = subsection), not numbered.
    case heading(level: Int, [Inline])
    /// A numbered article: written "Article 1er – Objet", "Article 2 – …". The number is given
    /// by whoever builds the document (the template engine), so cross-references can use it.
    case article(number: Int, title: [Inline])
    case paragraph(Paragraph)
    case list(ListBlock)
    case table(Table)
    case pageBreak
    /// Parties side by side with their names, capacity, "Lu et approuvé" and room to sign.
    case signatures(SignatureBlock)
}

/// A paragraph of inline content.
public struct Paragraph: Sendable, Hashable {
    public enum Alignment: String, Sendable, Hashable { case justified, left, center, right }
    public var inlines: [Inline]
    public var alignment: Alignment
    /// A smaller, indented paragraph (legal references, notes).
    public var isNote: Bool
    /// Pictures set in a row at the start of the paragraph, before its text (as ODF and DOCX
    /// anchor them: as characters of the paragraph).
    public var images: [Image]
    /// A section title (1 or 2) with its pictures beside it: written as a heading of that level,
    /// pictures first (the easy-to-read companions' parts, each with its pictogram).
    public var headingLevel: Int?

    public init(_ inlines: [Inline], alignment: Alignment = .justified, isNote: Bool = false, images: [Image] = [], headingLevel: Int? = nil) {
        self.inlines = inlines
        self.alignment = alignment
        self.isNote = isNote
        self.images = images
        self.headingLevel = headingLevel
    }
}

/// Inline content: text runs with emphasis (and superscript, `TextStyle.superscript`), draft
/// placeholders and line breaks.
public enum Inline: Sendable, Hashable {
    case text(String, TextStyle = [])
    /// A value missing from the data, shown highlighted in drafts: `[à compléter : logement.etage]`.
    case placeholder(String)
    case lineBreak
}

/// Emphasis of a text run.
public struct TextStyle: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = TextStyle(rawValue: 1)
    public static let italic = TextStyle(rawValue: 2)
    public static let underline = TextStyle(rawValue: 4)
    /// Raised and smaller: the suffix of an abbreviated ordinal (« 1er », « 2e »). Plain text writes it inline.
    public static let superscript = TextStyle(rawValue: 8)
}

/// A bulleted or numbered list. Numbering restarts at 1 for every numbered list.
public struct ListBlock: Sendable, Hashable {
    public var ordered: Bool
    public var items: [ListItem]
    public init(ordered: Bool, items: [ListItem]) {
        self.ordered = ordered
        self.items = items
    }
}

/// One list item: its text and an optional nested list.
public struct ListItem: Sendable, Hashable {
    public var inlines: [Inline]
    public var sublist: ListBlock?
    public init(_ inlines: [Inline], sublist: ListBlock? = nil) {
        self.inlines = inlines
        self.sublist = sublist
    }
}

/// A table whose header rows repeat at the top of every page it spans.
public struct Table: Sendable, Hashable {
    public var headerRows: [[TableCell]]
    public var rows: [[TableCell]]
    /// Relative column widths (any positive numbers; they are normalised). Empty = equal widths.
    public var columnWidths: [Int]

    public init(headerRows: [[TableCell]], rows: [[TableCell]], columnWidths: [Int] = []) {
        self.headerRows = headerRows
        self.rows = rows
        self.columnWidths = columnWidths
    }

    /// The number of columns (the widest row).
    public var columnCount: Int { (headerRows + rows).map(\.count).max() ?? 0 }
}

/// A table cell: one or more paragraphs of inlines.
public struct TableCell: Sendable, Hashable {
    public var paragraphs: [[Inline]]
    public init(_ paragraphs: [[Inline]]) { self.paragraphs = paragraphs }
    public init(_ inlines: [Inline]) { self.paragraphs = [inlines] }
    public init(text: String) { self.paragraphs = [[.text(text)]] }
}

/// The closing of a contract: "Fait à Metz, le …, en N exemplaires originaux." then one column per party.
public struct SignatureBlock: Sendable, Hashable {
    /// The "Fait à …" line, already worded.
    public var closing: [Inline]
    public var signatories: [Signatory]
    /// Whether each party writes "Lu et approuvé" by hand above the signature.
    public var readAndApproved: Bool

    public init(closing: [Inline], signatories: [Signatory], readAndApproved: Bool = true) {
        self.closing = closing
        self.signatories = signatories
        self.readAndApproved = readAndApproved
    }
}

/// One signing party: the capacity line ("Pour l'association, la présidente") and the name.
public struct Signatory: Sendable, Hashable {
    public var capacity: [Inline]
    public var name: [Inline]
    public init(capacity: [Inline], name: [Inline]) {
        self.capacity = capacity
        self.name = name
    }
}

extension Document {
    /// "Article 1er", "Article 2", … as French legal texts number them.
    public static func articleLabel(_ number: Int) -> String {
        number == 1 ? "Article 1er" : "Article \(number)"
    }

    /// The article label as inlines: « Article 1 » and « er » in superscript, or « Article 2 ».
    public static func articleLabelInlines(_ number: Int, style: TextStyle = []) -> [Inline] {
        number == 1 ? [.text("Article 1", style), .text("er", style.union(.superscript))] : [.text("Article \(number)", style)]
    }
}
