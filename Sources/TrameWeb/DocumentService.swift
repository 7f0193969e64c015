import Foundation
import TrameAccounts
import TrameArchive
import TrameAssembly
import TrameModel
import TrameTemplates

/// The documents of the set for the web pages: which apply to a dossier, for which audiences a
/// partner may have them, and their generation from a workspace version.
struct DocumentService {
    let generator: Generator
    /// Each document's default audience (its template's), read once at start.
    let templateAudiences: [String: Audience]

    init(generator: Generator) {
        self.generator = generator
        var audiences: [String: Audience] = [:]
        for document in generator.availableDocuments {
            if let template = try? generator.template(document) { audiences[document] = template.audience ?? .partenaires }
        }
        templateAudiences = audiences
    }

    /// The audiences a document may be produced for (FORMAT.md; `DocumentCatalog`).
    func audiences(_ document: String) -> [Audience] {
        DocumentCatalog.rule(for: document).audiences ?? templateAudiences[document].map { [$0] } ?? []
    }

    /// The audiences of a document of `dossier` the partner may have (`Clearance.mayReceive`).
    func allowedAudiences(_ instance: DocumentInstance, of dossier: Dossier, for clearance: Clearance, today: CalendarDate) -> [Audience] {
        audiences(instance.document).filter { clearance.mayReceive($0, of: dossier, event: instance.date, today: today) }
    }

    /// The documents of `dossier` the partner may have, with their allowed audiences.
    func documents(of dossier: Dossier, for clearance: Clearance, today: CalendarDate) -> [(instance: DocumentInstance, audiences: [Audience])] {
        generator.documents(for: dossier).compactMap { instance in
            let allowed = allowedAudiences(instance, of: dossier, for: clearance, today: today)
            return allowed.isEmpty ? nil : (instance, allowed)
        }
    }

    /// Renders a document from the dossier's workspace version (written to a temporary file, then
    /// removed), checked exactly as `trame generate` checks it.
    func generate(_ stored: StoredDossier, cases: CaseStore, document: String, date: CalendarDate?, audience: Audience,
                  draft: Bool, today: CalendarDate) throws(Diagnostics) -> ProducedDocument {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trame-web-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        // A short, safe name: the recorded one may be long (a 300-character name made « File name too long »).
        let file = folder.appendingPathComponent(UploadName.safe(stored.version.fileName, fallback: "dossier.yaml"))
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try stored.bytes.write(to: file)
        } catch {
            throw Diagnostics(.error(.ecritureImpossible, "fichier temporaire impossible à écrire (\(error))"))
        }
        let conventionID = stored.dossier?.convention ?? ""
        let request = GenerationRequest(document: document, dossierPath: file.path, conventionPath: cases.conventionPath(conventionID),
                                        draft: draft, audience: audience, date: date, today: today)
        return try generator.generate(request)
    }

    /// The bytes and manifest in `format`, recorded into the archive linked to the exact version used.
    func record(_ produced: ProducedDocument, format: ProducedFormat, draft: Bool, ownerID: String, sourceSHA256: String?,
                workspace: Workspace) throws -> (data: Data, recorded: GeneratedDocument?) {
        let (data, manifest) = try produced.output(as: format, draft: draft)
        guard let kind = DocumentKind(rawValue: produced.template.documentID) else { return (data, nil) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trame-web-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent(UploadName.safe("\(produced.baseName).\(format.fileExtension)",
                                                                 fallback: "document.\(format.fileExtension)"))
        try data.write(to: file)
        let recorded = try workspace.recordGenerated(fileURL: file, manifestJSON: manifest.json(pretty: true), dossierID: ownerID,
                                                     sourceSHA256: sourceSHA256, documentKind: kind, audience: produced.audience,
                                                     format: format.rawValue)
        return (data, recorded)
    }

    /// The French name of a document.
    static func name(_ document: String) -> String {
        DocumentKind(rawValue: document)?.french ?? (document == "evaluation-vierge" ? "formulaire d'évaluation vierge" : document)
    }
}
