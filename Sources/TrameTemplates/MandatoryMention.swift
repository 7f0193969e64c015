import TrameModel

/// A mention the law requires in a document type (`mentions:` in the document template's front
/// matter): an id, its legal source, and the clause ids that carry it. Generation checks, for the
/// act's date and audience, that one of those clauses is in the rendered document.
public struct MandatoryMention: Sendable {
    /// `surface-habitable`.
    public let id: String
    /// What the mention is, in French (`libelle`): « surface habitable du logement ».
    public let label: String
    /// The legal text, article and version that require it (`source`).
    public let source: String
    /// The clause ids that carry it: any one of them, included, satisfies the mention.
    public let clauses: [String]
    /// The audiences for which the mention is required (`destinataires`); nil: every audience.
    public let audiences: [Audience]?
    /// When the mention is required (`quand`), as written; nil: always.
    public let conditionText: String?
    let condition: ConditionNode?
    public let location: SourceLocation
}

/// Whether one mandatory mention is in a rendered document, and why it was required or not.
public struct MentionCheck: Sendable, Hashable, Codable {
    public let id: String
    public let label: String
    public let source: String
    public let clauses: [String]
    /// Whether the act required it (audience and `quand`).
    public let required: Bool
    /// Whether a clause carrying it was included in the document.
    public let present: Bool
    /// Why it was required or not (`toujours`, the condition with its values, the audience).
    public let reason: String

    /// Required and absent: a final document is refused, a draft names it.
    public var isMissing: Bool { required && !present }

    public init(id: String, label: String, source: String, clauses: [String], required: Bool, present: Bool, reason: String) {
        self.id = id
        self.label = label
        self.source = source
        self.clauses = clauses
        self.required = required
        self.present = present
        self.reason = reason
    }
}

/// A note for the partnership's counsel (`{% note_redaction "…" %}`): shown in a draft, never
/// printed in a final document, gathered in the « notes de rédaction » sheet beside it.
public struct DraftingNote: Sendable, Hashable {
    public let text: String
    /// The clause it belongs to, if any (`sous-location.resiliation`), and its version.
    public let clause: String?
    public let clauseVersion: Int?
    /// The number of the article it appears in (the last article opened before it), if any.
    public let article: Int?
    /// Where the template writes it.
    public let location: SourceLocation

    public init(text: String, clause: String?, clauseVersion: Int?, article: Int?, location: SourceLocation) {
        self.text = text
        self.clause = clause
        self.clauseVersion = clauseVersion
        self.article = article
        self.location = location
    }
}
