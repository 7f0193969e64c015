import Foundation
import TrameDocument
import TrameModel
import TrameTemplates

/// A document rendered to the document model, ready to be written in any format.
public struct ProducedDocument: Sendable {
    public let document: Document
    public let template: CompiledTemplate
    public let audience: Audience
    /// The id of the dossier, or of the convention for partnership documents.
    public let subjectID: String
    /// The date of the evaluation or renewal the document is about.
    public let eventDate: CalendarDate?
    public let missingValues: [MissingValue]
    public let warnings: [Diagnostic]
    /// Every clause considered, with its version, inclusion and reason.
    public let clauses: [ClauseUse]
    public let referenceDate: CalendarDate?
    /// The context the document was rendered from, already narrowed to what its audience may see.
    public let visibleData: DataNode
    /// The data paths the document read.
    public let readPaths: Set<String>
    /// The template's mandatory mentions: required or not for this act, present or not.
    public let mentions: [MentionCheck]
    /// The notes for counsel of the rendered clauses (never printed in a final document).
    public let draftingNotes: [DraftingNote]
    /// For an easy-to-read companion: its figures and the rules it breaks (none, or it is refused).
    public var easyRead: EasyRead.Report? = nil
    /// The layout every format is written with: the template's style (`standard`, `facile`), with
    /// the partnership's house style and the issuer's letterhead applied by the generator.
    public var style: DocumentStyle
    /// The partners' logos of the letterhead (in ``style``), recorded in the manifest.
    public var letterheadLogos: [Manifest.LogoRef] = []
    /// The partnership's style files applied (convention, then `--style`), recorded in the manifest.
    public var styleFiles: [Manifest.StyleRef] = []

    /// `sous-location-MJ-2019-004`, plus the event date and the audience when it is not the template's default.
    public var baseName: String {
        var name = "\(template.documentID)-\(subjectID)"
        if let eventDate { name += "-\(eventDate)" }
        if let defaultAudience = template.audience, defaultAudience != audience { name += "-\(audience.rawValue)" }
        return name
    }

    /// The bytes of the document in `format`, with its manifest embedded, and the manifest
    /// (including the file's own hash) for the sidecar.
    public func output(as format: ProducedFormat, draft: Bool) throws(Diagnostics) -> (data: Data, manifest: Manifest) {
        let (document, manifest) = withManifest(draft: draft, toolVersion: TrameVersion.current)
        let data = try Self.bytes(of: document, as: format, style: style, name: baseName, what: "du document")
        var complete = manifest
        complete.fichier = Manifest.FileRef(format: format.rawValue, sha256: CanonicalData.sha256(of: data), octets: data.count)
        return (data, complete)
    }
}

extension ProducedDocument {
    /// A document's bytes in `format` (PDF through LibreOffice, from the ODT): the one place the
    /// produced formats are written, for acts and their notes sheets alike.
    static func bytes(of document: Document, as format: ProducedFormat, style: DocumentStyle, name: String,
                      what: String) throws(Diagnostics) -> Data {
        do {
            switch format {
            case .odt: return try DocumentRenderer.render(document, as: .odt, style: style)
            case .docx: return try DocumentRenderer.render(document, as: .docx, style: style)
            case .html: return try DocumentRenderer.render(document, as: .html, style: style)
            case .txt: return try DocumentRenderer.render(document, as: .txt, style: style)
            case .pdf: return try PDFConverter.convert(odt: DocumentRenderer.render(document, as: .odt, style: style), name: name)
            }
        } catch let failure as Diagnostics {
            throw failure
        } catch {
            throw Diagnostics(.error(.ecritureImpossible, "écriture \(what) impossible : \(error)"))
        }
    }
}

/// The tool's version, recorded in every manifest: same inputs and same version give the same bytes.
public enum TrameVersion {
    public static let current = "0.1.0"
}
