import TrameModel

/// A file format a document can be produced in: the three writers, and PDF through LibreOffice.
public enum ProducedFormat: String, CaseIterable, Sendable {
    case odt, docx, html, pdf
    /// Plain text (review, golden files): not a document to hand out.
    case txt
    public var fileExtension: String { rawValue }
    /// The formats a document is handed out and archived in (not the review text).
    public static let deliverable: [ProducedFormat] = [.odt, .docx, .html, .pdf]
}

/// What to generate.
public struct GenerationRequest: Sendable {
    /// The document's name: a folder of `Templates/` (`sous-location`).
    public var document: String
    /// The dossier file, for a document about one household.
    public var dossierPath: String?
    /// The convention file: the input of a partnership document, or an override for a dossier's.
    public var conventionPath: String?
    public var draft: Bool
    /// The audience, when the document has several (evaluations); default: the template's.
    public var audience: Audience?
    /// The evaluation or renewal the document is about (`--date`).
    public var date: CalendarDate?
    /// A blank form to fill by hand instead (`evaluation --blank`).
    public var blank: Bool
    /// Rebuild with exactly these versions (`trame regenerate`): the document template's and the clauses'.
    public var templateVersion: Int?
    public var clauseVersions: [String: Int]
    /// Generate as of this day instead of the act's own date (`--as-of`): the dossier as recorded
    /// by then, and the law in force then. Nil: the act's date (`DocumentCatalog.actDate`).
    public var asOf: CalendarDate?
    /// The day a landlord copy is made: a consent withdrawn by then stops it. Nil when rebuilding a
    /// document that was already transmitted (`trame regenerate`), which only proves it.
    public var today: CalendarDate?
    /// A style file applied over the convention's (`--style`, docs/style.md).
    public var stylePath: String?

    public init(document: String, dossierPath: String? = nil, conventionPath: String? = nil, draft: Bool = false,
                audience: Audience? = nil, date: CalendarDate? = nil, blank: Bool = false,
                templateVersion: Int? = nil, clauseVersions: [String: Int] = [:], asOf: CalendarDate? = nil,
                today: CalendarDate?, stylePath: String? = nil) {
        self.document = document
        self.dossierPath = dossierPath
        self.conventionPath = conventionPath
        self.draft = draft
        self.audience = audience
        self.date = date
        self.blank = blank
        self.templateVersion = templateVersion
        self.clauseVersions = clauseVersions
        self.asOf = asOf
        self.today = today
        self.stylePath = stylePath
    }
}
