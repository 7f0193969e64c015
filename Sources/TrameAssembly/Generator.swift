import Foundation
import TrameDocument
import TrameModel
import TrameTemplates

/// A file format a document can be produced in: the three writers, and PDF through LibreOffice.
public enum ProducedFormat: String, CaseIterable, Sendable {
    case odt, docx, html, pdf
    public var fileExtension: String { rawValue }
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

    public init(document: String, dossierPath: String? = nil, conventionPath: String? = nil, draft: Bool = false, audience: Audience? = nil) {
        self.document = document
        self.dossierPath = dossierPath
        self.conventionPath = conventionPath
        self.draft = draft
        self.audience = audience
    }
}

/// A document rendered to the document model, ready to be written in any format.
public struct GeneratedDocument: Sendable {
    public let document: Document
    public let template: CompiledTemplate
    public let audience: Audience
    /// The id of the dossier, or of the convention for partnership documents.
    public let subjectID: String
    public let missingValues: [MissingValue]
    public let warnings: [Diagnostic]

    /// `sous-location-MJ-2019-004`, plus the audience when it is not the template's default.
    public var baseName: String {
        var name = "\(template.documentID)-\(subjectID)"
        if let defaultAudience = template.audience, defaultAudience != audience { name += "-\(audience.rawValue)" }
        return name
    }

    /// The bytes of the document in `format`.
    public func data(as format: ProducedFormat) throws(AssemblyFailure) -> Data {
        do {
            switch format {
            case .odt: return try DocumentRenderer.render(document, as: .odt)
            case .docx: return try DocumentRenderer.render(document, as: .docx)
            case .html: return try DocumentRenderer.render(document, as: .html)
            case .pdf: return try PDFConverter.convert(odt: DocumentRenderer.render(document, as: .odt), name: baseName)
            }
        } catch let failure as AssemblyFailure {
            throw failure
        } catch {
            throw AssemblyFailure(.cannotWrite, "écriture du document impossible : \(error)")
        }
    }
}

/// Produces documents from the templates of a `Templates/` folder.
public struct Generator: Sendable {
    public let templatesDirectory: URL

    public init(templatesDirectory: URL) { self.templatesDirectory = templatesDirectory }

    /// The document names available: the folders of `Templates/` holding `<name>.trame`.
    public var availableDocuments: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: templatesDirectory.path)) ?? []
        return names.filter { !$0.hasPrefix("_") && !$0.hasPrefix(".") }
            .filter { FileManager.default.fileExists(atPath: templatePath($0)) }.sorted()
    }

    func templatePath(_ document: String) -> String {
        templatesDirectory.appendingPathComponent(document).appendingPathComponent("\(document).trame").path
    }

    /// Loads the template of a document.
    public func template(_ document: String) throws(AssemblyFailure) -> CompiledTemplate {
        guard availableDocuments.contains(document) else {
            var message = "document « \(document) » inconnu"
            if let near = Suggestions.nearest(to: document, among: availableDocuments) { message += " ; vouliez-vous dire « \(near) » ?" }
            message += " ; documents disponibles : " + availableDocuments.joined(separator: ", ")
            throw AssemblyFailure(.data, message, code: "DOCUMENT_INCONNU")
        }
        do {
            return try TemplateLoader.load(path: templatePath(document))
        } catch {
            throw AssemblyFailure(.data, diagnostics: error.diagnostics, sources: Self.sources(of: error.diagnostics))
        }
    }

    /// Renders a document from its input files.
    public func generate(_ request: GenerationRequest) throws(AssemblyFailure) -> GeneratedDocument {
        let template = try template(request.document)
        let audience = request.audience ?? template.audience ?? .partenaires
        let files: CaseFiles
        let context: DataNode
        let subject: String
        if template.audience == .partenaires {
            guard let conventionPath = request.conventionPath else {
                throw AssemblyFailure(.data, "le document « \(request.document) » porte sur le partenariat : indiquez --convention FICHIER", code: "CONVENTION_REQUISE")
            }
            files = try CaseFiles.load(conventionPath: conventionPath)
            context = ContextBuilder.conventionContext(convention: files.convention.root!, audience: audience, draft: request.draft)
            subject = files.convention.root?["identifiant"]?.text ?? "convention"
        } else {
            guard let dossierPath = request.dossierPath else {
                throw AssemblyFailure(.data, "le document « \(request.document) » porte sur un ménage : indiquez --dossier FICHIER", code: "DOSSIER_REQUIS")
            }
            files = try CaseFiles.load(dossierPath: dossierPath, conventionOverride: request.conventionPath)
            context = ContextBuilder.dossierContext(dossier: files.dossier!.root!, convention: files.convention.root!, audience: audience, draft: request.draft)
            subject = files.dossier?.root?["dossier"]?.text ?? "dossier"
        }
        let result = template.render(context: context, options: RenderOptions(draft: request.draft, audience: audience))
        guard let document = result.document, !result.diagnostics.hasErrors else {
            var diagnostics = result.diagnostics
            if !request.draft, result.diagnostics.contains(where: { $0.code == "VALEUR_MANQUANTE" }) {
                diagnostics.append(.warning("PROJET_POSSIBLE", "des valeurs manquent : relancez avec --draft pour produire un projet marqué « PROJET » où elles apparaissent à compléter", at: nil))
            }
            var sources = Self.sources(of: diagnostics)
            if let d = files.dossier { sources[d.path] = d.source }
            sources[files.convention.path] = files.convention.source
            throw AssemblyFailure(.data, diagnostics: diagnostics, sources: sources)
        }
        return GeneratedDocument(document: document, template: template, audience: audience, subjectID: subject,
                                 missingValues: result.missingValues, warnings: files.warnings + result.diagnostics)
    }

    /// The text of the template files the diagnostics point into.
    static func sources(of diagnostics: [Diagnostic]) -> [String: SourceText] {
        var sources: [String: SourceText] = [:]
        for file in Set(diagnostics.compactMap { $0.location?.file }) where file.hasSuffix(".trame") {
            if let text = try? String(contentsOfFile: file, encoding: .utf8) { sources[file] = SourceText(name: file, text: text) }
        }
        return sources
    }
}
