import TrameDocument
import TrameModel

/// `{% pour x dans liste %}`.
struct LoopSpec: Sendable {
    let variable: String
    let list: PathRef
    let location: SourceLocation
}

/// One branch of `{% si %}` / `{% sinon si %}` / `{% sinon %}` (condition nil).
struct Branch<Body: Sendable>: Sendable {
    let condition: ConditionNode?
    let body: Body
}

/// Inline content, as parsed once at load time.
indirect enum InlineNode: Sendable {
    /// Template text, French typography already applied.
    case text(String, TextStyle)
    case output(OutputExpression, TextStyle)
    case conditional([Branch<[InlineNode]>])
    case loop(LoopSpec, [InlineNode])
    /// `{% renvoi label %}` → "article 3".
    case reference(String, TextStyle, SourceLocation)
    /// `{% a_remplir "date de signature" %}`: a placeholder in a draft, dotted leaders in a final document.
    case fillIn(String, TextStyle)
    /// `{% note_redaction "clause à faire valider" %}`: a note for counsel, shown in a draft, never
    /// printed in a final document, always gathered in the « notes de rédaction » sheet.
    case draftingNote(String, SourceLocation)
    case lineBreak
}

/// The kinds of heading lines.
enum HeadingKind: Sendable {
    case title, subtitle, level1, level2
}

/// Block-level content, as parsed once at load time.
indirect enum BodyNode: Sendable {
    case paragraph([InlineNode], isNote: Bool)
    case listItem(level: Int, ordered: Bool, [InlineNode])
    case tableRow([[InlineNode]])
    /// `|---|---|`: the rows before it in the table are header rows.
    case tableSeparator
    /// `@tableau largeurs=30,70`: widths of the next table.
    case tableWidths([Int])
    case heading(HeadingKind, [InlineNode])
    case article(title: [InlineNode], label: String?)
    /// `@section logement Votre logement`: a part's title with its pictogram beside it.
    case section(Image, [InlineNode])
    case pageBreak
    /// `@signatures LISTE` (acts: « Lu et approuvé ») or `@signatures LISTE lettre` (a letter's
    /// signature: no « Lu et approuvé », in the right half of the page).
    case signatures(PathRef, letter: Bool)
    /// A blank line: ends the current list or table.
    case blank
    case conditional([Branch<[BodyNode]>])
    case loop(LoopSpec, [BodyNode])
    /// `@clause nom`: a versioned clause, its version chosen at render time.
    case clause(ClauseNode)
}

/// One version of a clause, compiled.
struct ClauseVersionNode: Sendable {
    let version: Int
    let effectiveDate: CalendarDate
    /// The legal period as written (`jusqu_au`, `source`); `ClauseNode.periods` completes it.
    let until: CalendarDate?
    let source: String?
    let title: String
    let condition: ConditionNode?
    let conditionText: String?
    let body: [BodyNode]
    let sha256: String
}

/// `@clause nom`: every version of the clause, oldest first.
struct ClauseNode: Sendable {
    let id: String
    let location: SourceLocation
    let versions: [ClauseVersionNode]
    /// The legal period of each version, in the order of `versions`.
    let periods: [LegalPeriod]
}
