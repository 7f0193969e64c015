import Foundation
import TrameDocument
import TrameFrench
import TrameModel
import TrameTemplates

/// The « notes de rédaction » sheet: the notes for the partnership's counsel that a document's
/// clauses carry (`{% note_redaction %}`) and the mandatory mentions a draft lacks. A final document
/// never prints them; the sheet is written beside it, in the same format.
extension ProducedDocument {
    /// Whether the document has anything for counsel: notes, or mandatory mentions it lacks.
    public var hasNotesSheet: Bool { !draftingNotes.isEmpty || mentions.contains(where: \.isMissing) }

    /// `sous-location-MJ-2019-004-notes-redaction`.
    public var notesBaseName: String { baseName + "-notes-redaction" }

    /// The sheet as a document; nil when there is nothing for counsel.
    public func notesSheet(draft: Bool) -> Document? {
        guard hasNotesSheet else { return nil }
        func t(_ s: String) -> Inline { .text(FrenchText.typography(s)) }
        func cell(_ s: String) -> TableCell { TableCell([t(s)]) }
        var blocks: [Block] = [
            .title([.text("Notes de rédaction")]),
            .subtitle([t("\(template.title) — \(subjectID)")]),
        ]
        var context = "Document « \(template.title) » (gabarit \(template.documentID), version \(template.version))"
        if let date = referenceDate { context += ", acte du \(FrenchDate.long(year: date.year, month: date.month, day: date.day))" }
        context += ", destinataire : \(audience.rawValue)\(draft ? ", projet" : ", version définitive")."
        blocks.append(.paragraph(Paragraph([t(context)], alignment: .left)))
        blocks.append(.paragraph(Paragraph([t("Ces notes s'adressent au conseil juridique du partenariat. Elles ne figurent jamais dans un document définitif : celui-ci est produit sans elles. Une fois une clause validée, sa nouvelle version est publiée sans la note.")], alignment: .left, isNote: true)))
        if !draftingNotes.isEmpty {
            blocks.append(.heading(level: 1, [.text("Points à faire valider")]))
            let rows: [[TableCell]] = draftingNotes.map { note in
                let place = note.article.map(Document.articleLabel) ?? "Préambule"
                let clause = note.clause.map { id in note.clauseVersion.map { "\(id), version \($0)" } ?? id } ?? "gabarit du document"
                return [cell(place), cell(clause), cell(note.text)]
            }
            blocks.append(.table(Table(headerRows: [[cell("Emplacement"), cell("Clause"), cell("Note")]],
                                       rows: rows, columnWidths: [18, 32, 50])))
        }
        let missing = mentions.filter(\.isMissing)
        if !missing.isEmpty {
            blocks.append(.heading(level: 1, [.text("Mentions obligatoires absentes")]))
            blocks.append(.paragraph(Paragraph([t("Le document définitif est refusé tant que ces mentions manquent : complétez les données du dossier qui les portent.")], alignment: .left)))
            blocks.append(.table(Table(headerRows: [[cell("Mention"), cell("Source"), cell("Clause qui la porte")]],
                                       rows: missing.map { [cell($0.label), cell($0.source), cell($0.clauses.joined(separator: " ou "))] },
                                       columnWidths: [34, 40, 26])))
        }
        let metadata = DocumentMetadata(title: "Notes de rédaction — \(template.title)", subject: template.title, identifier: subjectID,
                                        isDraft: false,
                                        customProperties: [CustomProperty(name: "trame:notes-de", value: "\(template.documentID)@\(template.version)")])
        return Document(metadata: metadata, header: "Notes de rédaction — \(subjectID) — ne pas joindre à l'acte", blocks: blocks)
    }

    /// The bytes of the sheet in `format` (PDF through LibreOffice, as for documents).
    public func notesOutput(as format: ProducedFormat, draft: Bool) throws(Diagnostics) -> Data? {
        guard let sheet = notesSheet(draft: draft) else { return nil }
        return try Self.bytes(of: sheet, as: format, style: .standard, name: notesBaseName, what: "des notes de rédaction")
    }
}
