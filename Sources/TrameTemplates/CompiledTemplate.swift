import TrameDocument
import TrameModel

/// A template parsed and checked once, rendered many times.
public struct CompiledTemplate: Sendable {
    /// The file name (as given to the loader).
    public let name: String
    /// The document id of the front matter (`sous-location`), else the file's base name.
    public let documentID: String
    /// The document title (`titre`).
    public let title: String
    public let version: Int
    /// The default audience of the front matter.
    public let audience: Audience?
    /// Whether every page carries an initials zone (`paraphes`).
    public let initialsOnEveryPage: Bool
    /// The house style the document is written with (`style:` — `standard`, or `facile` for the
    /// easy-to-read companions).
    public let style: DocumentStyle
    /// The schema the template was checked against.
    public let schema: ContextSchema
    /// `en_vigueur` of this version of the document template.
    public let effectiveDate: CalendarDate?
    /// `jusqu_au` of this version of the document template.
    public let until: CalendarDate?
    /// `source` of this version of the document template.
    public let source: String?
    /// `date_reference`: the paths giving the reference date, as written.
    public var referenceDatePaths: [String] { referenceDate.map(\.text) }
    /// SHA-256 of the template file's text (the document template version's fingerprint).
    public let sha256: String
    /// The mandatory mentions of the document type (`mentions:`), checked on every render.
    public let mentions: [MandatoryMention]
    /// How the act designates itself (`acte:`, else ``defaultActDesignation(for:)``): the context's `acte`.
    public let act: String
    let referenceDate: [PathRef]
    let header: [InlineNode]?
    let body: [BodyNode]
    let hasReferences: Bool
}

extension CompiledTemplate {
    /// How each document of the partnership designates itself, with its article: a clause shared
    /// by several acts (`commun.mesure-protection`) names the right one through `acte`.
    /// - Parameter documentID: The document (`sous-location`).
    /// - Returns: « le présent contrat », « la présente convention », « le présent avenant »…
    public static func defaultActDesignation(for documentID: String) -> String {
        switch documentID {
        case "sous-location": return "le présent contrat"
        case "bail-principal": return "le présent bail"
        case "convention-tripartite", "convention-cadre": return "la présente convention"
        case "avenant-renouvellement": return "le présent avenant"
        case "annexe-roles": return "la présente annexe"
        case "evaluation", "evaluation-finale", "evaluation-vierge": return "le présent compte rendu"
        case "courrier-prefet": return "la présente lettre"
        default: return "le présent document"
        }
    }

    /// The context's `acte`: `designation` (« le présent contrat »), `denomination` and `article`
    /// (« présent contrat », « le »: `{{ acte.denomination | avec_article("de") }}` → « du présent
    /// contrat »), and `pronom` (« le » / « la »: « qui le contresigne »).
    static func actNode(_ designation: String) -> DataNode {
        var article = "le", name = designation
        for prefix in ["le ", "la ", "les "] where designation.hasPrefix(prefix) {
            article = String(prefix.dropLast())
            name = String(designation.dropFirst(prefix.count))
        }
        func node(_ text: String, _ key: String) -> DataNode {
            DataNode(value: .text(text), path: FieldPath(parsing: "acte." + key), sensitivity: .partenaires, location: nil)
        }
        let object = DataObject([
            ("designation", node(designation, "designation")), ("denomination", node(name, "denomination")),
            ("article", node(article, "article")), ("pronom", node(article == "la" ? "la" : article == "les" ? "les" : "le", "pronom")),
        ])
        return DataNode(value: .object(object), path: FieldPath(parsing: "acte"), sensitivity: .partenaires, location: nil)
    }
}

/// How to render: final or draft, and for whom.
public struct RenderOptions: Sendable {
    /// A draft shows missing values as placeholders; a final document refuses them.
    public var draft: Bool
    /// The audience: fields it may not see are removed before rendering.
    public var audience: Audience

    /// Clause versions to use whatever the reference date (`id` → version), to rebuild a document
    /// exactly as it was (`trame regenerate`).
    public var clauseVersions: [String: Int]

    /// The act date: the day whose law chooses each clause version. Nil: the template's
    /// `date_reference`, read from the data.
    public var referenceDate: CalendarDate?

    public init(draft: Bool = false, audience: Audience, clauseVersions: [String: Int] = [:], referenceDate: CalendarDate? = nil) {
        self.draft = draft
        self.audience = audience
        self.clauseVersions = clauseVersions
        self.referenceDate = referenceDate
    }
}

/// A value the template needed and the data did not have.
public struct MissingValue: Sendable, Hashable {
    /// The path as the data has it (`logement.etage`, `logement.inventaire[2].etat`).
    public let path: String
    /// Where the template asks for it.
    public let location: SourceLocation

    public init(path: String, location: SourceLocation) {
        self.path = path
        self.location = location
    }
}

/// The outcome of a render.
public struct RenderResult: Sendable {
    /// The document; nil when an error was found (missing value in a final document, audience).
    public let document: Document?
    /// The values the data lacked (placeholders in a draft, errors in a final document).
    public let missingValues: [MissingValue]
    /// Errors and warnings, located in the template.
    public let diagnostics: [Diagnostic]
    /// Every clause the document considered, in order: version, included or not, and why.
    public let clauses: [ClauseUse]
    /// The date that chose the clause versions (nil when the data lacks it: latest versions).
    public let referenceDate: CalendarDate?
    /// The data paths the document read, as the context has them (`logement.etage`,
    /// `logement.inventaire[2].etat`, `evaluation.motifs`): what the document actually used.
    public let readPaths: Set<String>
    /// Every mandatory mention of the template, with whether the act required it and has it.
    public let mentions: [MentionCheck]
    /// The notes for counsel of the rendered clauses, in document order.
    public let draftingNotes: [DraftingNote]
}
