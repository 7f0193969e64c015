import ArgumentParser
import Foundation
import TrameFiles
import TrameArchive
import TrameAssembly
import TrameModel
import TrameTemplates

extension TrameCommand {
    /// `trame generate DOCUMENT …`: renders one document of the set to a file.
    struct Generate: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: "Produit un document (ODT, DOCX, HTML ou PDF) à partir d'un dossier ou de la convention.",
                discussion: """
                    Les documents sur un ménage prennent --dossier ; ceux sur le partenariat, --convention. \
                    Un document définitif refuse toute valeur manquante ; --draft produit un projet marqué \
                    « PROJET » où chaque valeur manquante apparaît surlignée : [à compléter : chemin]. \
                    Le fichier est écrit de façon atomique : un fichier existant n'est remplacé que par un \
                    fichier complet. Le PDF passe par LibreOffice (soffice), s'il est installé.

                    Documents :
                    \(DocumentCatalog.listing)
                    """
            )
        }

        @Argument(help: "Le document (nom d'un dossier de Templates/, par exemple sous-location).")
        var document: String

        @Option(help: "Le dossier du ménage (YAML ou JSON).")
        var dossier: String?

        @Option(help: "La convention (document sur le partenariat, ou pour imposer celle d'un dossier).")
        var convention: String?

        @Option(help: "Format : odt, docx, html, pdf ou txt (texte brut, pour relire).")
        var format: ProducedFormat = .odt

        @Option(help: "Fichier ou dossier de sortie (par défaut : le dossier courant).")
        var output: String?

        @Flag(help: "Produit un projet : valeurs manquantes signalées, mention « PROJET » sur chaque page.")
        var draft = false

        @Option(help: "Destinataire : bailleur, association, soin, sous-locataire, partenaires, prefet.")
        var audience: Audience?

        @Option(help: "Date (AAAA-MM-JJ) de l'évaluation ou du renouvellement dont traite le document ; pour courrier-prefet, date du courrier (jamais avant l'évaluation finale dont il rend compte).")
        var date: CalendarDate?

        @Option(name: .customLong("as-of"), help: "Produit l'acte tel qu'il aurait été établi ce jour-là (AAAA-MM-JJ) : le dossier tel qu'enregistré à cette date et le droit alors en vigueur (par défaut : la date de l'acte lui-même).")
        var asOf: CalendarDate?

        @Flag(help: "Formulaire vierge à remplir à la main (évaluations ; avec --convention).")
        var blank = false

        @Option(help: ArgumentHelp("Fichier de style appliqué par-dessus celui de la convention (docs/style.md).", valueName: "fichier"))
        var style: String?

        @Flag(help: "Enregistre aussi le document et son manifeste dans l'espace de travail, relié à la version exacte du dossier.")
        var archive = false

        @OptionGroup var workspaceOptions: WorkspaceOptions

        func validate() throws {
            if blank && dossier != nil {
                throw ValidationError("--blank produit un formulaire vierge : indiquez --convention FICHIER, sans --dossier")
            }
            if archive && !ProducedFormat.deliverable.contains(format) {
                throw ValidationError("--archive : le texte brut (txt) sert à relire, il ne s'archive pas ; choisissez odt, docx, html ou pdf")
            }
            if dossier == nil && convention == nil {
                throw ValidationError("indiquez --dossier FICHIER (document d'un ménage) ou --convention FICHIER (document du partenariat)")
            }
        }

        func run() throws {
            let generator = Generator(templatesDirectory: try Resources.templates())
            let request = GenerationRequest(document: document, dossierPath: dossier, conventionPath: convention, draft: draft,
                                            audience: audience, date: date, blank: blank, asOf: asOf,
                                            today: CalendarDate.today(), stylePath: style)
            let written: (target: URL, manifest: Manifest, produced: ProducedDocument)
            do {
                written = try produce(generator, request)
            } catch {
                throw error
            }
            if archive { try record(written.target, manifest: written.manifest, produced: written.produced) }
        }

        /// Generates, writes the file and its manifest, and tells what was written.
        private func produce(_ generator: Generator, _ request: GenerationRequest) throws(Diagnostics) -> (URL, Manifest, ProducedDocument) {
            let generated = try generator.generate(request)
            let (data, manifest) = try generated.output(as: format, draft: draft)
            let target = OutputPath.resolve(output, defaultName: "\(generated.baseName).\(format.fileExtension)")
            do {
                try AtomicFile.write(data, to: target)
                try AtomicFile.write(manifest.json(pretty: true), to: Manifest.sidecar(for: target))
            } catch {
                throw Diagnostics(error)
            }
            // The notes for counsel go beside the document, never in it.
            var notesTarget: URL?
            if let notes = try generated.notesOutput(as: format, draft: draft) {
                let ext = target.pathExtension
                let stem = target.deletingPathExtension().lastPathComponent
                let sheet = target.deletingLastPathComponent().appendingPathComponent("\(stem)-notes-redaction" + (ext.isEmpty ? "" : ".\(ext)"))
                do { try AtomicFile.write(notes, to: sheet) } catch { throw Diagnostics(error) }
                notesTarget = sheet
            }
            for warning in generated.warnings where warning.severity == .warning { CommandLineRunner.standardError(warning.headline) }
            for mention in generated.mentions where mention.isMissing {
                CommandLineRunner.standardError("mention obligatoire absente : \(mention.label) (\(mention.source))")
            }
            for missing in generated.missingValues {
                CommandLineRunner.standardError("à compléter : \(missing.path) (\(missing.location))")
            }
            print("écrit : \(target.path)\(draft ? " (projet)" : "")")
            if let report = generated.easyRead {
                print("facile à lire : \(report.sentences) phrases, \(String(format: "%.1f", report.mean).replacingOccurrences(of: ".", with: ",")) mots par phrase en moyenne, la plus longue de \(report.longest) mots"
                      + (report.passes ? " ; toutes les règles sont respectées" : " ; \(report.problems.count) règle(s) non respectée(s) (projet)"))
            }
            if let notesTarget {
                print("écrit : \(notesTarget.path) (notes de rédaction pour le conseil juridique, \(generated.draftingNotes.count) note\(generated.draftingNotes.count > 1 ? "s" : ""))")
            }
            return (target, manifest, generated)
        }
    }
}

extension TrameCommand.Generate {
    /// Records the written file and its manifest in the workspace, linked to the dossier (or
    /// convention) file's exact version, which must already be in the workspace.
    func record(_ file: URL, manifest: Manifest, produced: ProducedDocument) throws {
        guard let kind = DocumentKind(rawValue: produced.template.documentID) else {
            throw Diagnostic.error(.documentNonArchivable, "« \(produced.template.documentID) » ne s'archive pas (formulaire vierge)")
        }
        let source = dossier ?? convention ?? ""
        let sourceHash = FileManager.default.contents(atPath: source).map(CanonicalData.sha256(of:))
        let workspace = try workspaceOptions.open()
        let recorded = try {
            try workspace.recordGenerated(fileURL: file, manifestJSON: manifest.json(pretty: true), dossierID: produced.subjectID,
                                          sourceSHA256: sourceHash, documentKind: kind, audience: produced.audience, format: format.rawValue)
        }()
        print("archivé : \(recorded.ref) (\(workspaceOptions.directory.path))")
    }
}

extension ProducedFormat: ExpressibleByArgument {
    /// `pdf`, `PDF` or `Pdf`: a format is a name, not a spelling test.
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }
}
extension Audience: ExpressibleByArgument {
    /// `bailleur` or `Bailleur`.
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

/// Resolving `--output`: an existing directory (or a path ending in `/`) receives the default name.
enum OutputPath {
    static func resolve(_ output: String?, defaultName: String) -> URL {
        guard let output else { return URL(fileURLWithPath: defaultName) }
        var isDirectory: ObjCBool = false
        if output.hasSuffix("/") || (FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) && isDirectory.boolValue) {
            return URL(fileURLWithPath: output).appendingPathComponent(defaultName)
        }
        return URL(fileURLWithPath: output)
    }
}

/// The bundled resources, or a clear message when they cannot be found.
enum Resources {
    static func templates() throws -> URL {
        guard let url = TrameResources.templatesDirectory else {
            throw Diagnostic.error(.ressourcesIntrouvables, "dossier Templates/ introuvable : lancez trame depuis son dépôt ou indiquez TRAME_RESOURCES=chemin")
        }
        return url
    }
}
