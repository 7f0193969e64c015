import Foundation
import TrameFiles
import TrameModel
import TrameTemplates

/// `trame demo`: the whole document set of a convention and its dossiers, written to a folder.
/// A document whose data is complete is final; one that lacks values is a draft marked PROJET,
/// and the outcome says which values are missing.
public struct DemoRun: Sendable {
    public struct Outcome: Sendable {
        /// The folder of the subject (`partenariat`, or the dossier id).
        public let subject: String
        public let document: String
        public let date: CalendarDate?
        public let audience: Audience?
        /// Files written, relative to the output folder.
        public let files: [String]
        public let isDraft: Bool
        /// Why it is a draft (missing values), or why it failed.
        public let missing: [String]
        public let failure: String?
    }

    public let generator: Generator
    public let output: URL
    public let formats: [ProducedFormat]
    /// The day the copies are made: decides which landlord copies the person's consent allows.
    public let today: CalendarDate

    public init(generator: Generator, output: URL, formats: [ProducedFormat], today: CalendarDate) {
        self.generator = generator
        self.output = output
        self.formats = formats
        self.today = today
    }

    /// Generates everything for the convention file and the dossier files.
    public func run(convention: String, dossiers: [String]) -> [Outcome] {
        var outcomes = produceAll(convention: convention, dossiers: dossiers)
        if formats.contains(.pdf) { convertPDFs(&outcomes) }
        return outcomes
    }

    /// The PDFs of every produced document, in one LibreOffice run, beside their ODT.
    private func convertPDFs(_ outcomes: inout [Outcome]) {
        var documents: [(name: String, odt: Data)] = []
        var targets: [String: (index: Int, relative: String)] = [:]
        for (i, outcome) in outcomes.enumerated() {
            guard let odt = outcome.files.first(where: { $0.hasSuffix(".odt") }),
                  let data = try? Data(contentsOf: output.appendingPathComponent(odt)) else { continue }
            let name = "\(i)-" + ((odt as NSString).lastPathComponent as NSString).deletingPathExtension
            documents.append((name, data))
            targets[name] = (i, (odt as NSString).deletingPathExtension + ".pdf")
        }
        guard !documents.isEmpty, let pdfs = try? PDFConverter.convert(many: documents) else { return }
        for (name, pdf) in pdfs {
            guard let (index, relative) = targets[name] else { continue }
            if (try? AtomicFile.write(pdf, to: output.appendingPathComponent(relative))) != nil {
                let o = outcomes[index]
                outcomes[index] = Outcome(subject: o.subject, document: o.document, date: o.date, audience: o.audience,
                                          files: o.files + [relative], isDraft: o.isDraft, missing: o.missing, failure: o.failure)
            }
        }
    }

    private func produceAll(convention: String, dossiers: [String]) -> [Outcome] {
        var outcomes: [Outcome] = []
        for document in generator.partnershipDocuments {
            outcomes.append(produce(GenerationRequest(document: document, conventionPath: convention, today: today), subject: "partenariat", audience: nil))
        }
        for path in dossiers {
            let id = ModelLoader.read(path: path).root?["dossier"]?.text ?? (path as NSString).lastPathComponent
            let loaded: CaseFiles
            do {
                loaded = try CaseFiles.load(dossierPath: path)
            } catch {
                outcomes.append(Outcome(subject: id, document: "(dossier)", date: nil, audience: nil, files: [], isDraft: false, missing: [],
                                        failure: error.diagnostics.first(where: { $0.severity == .error })?.headline ?? "dossier refusé"))
                continue
            }
            let dossier = Dossier(checked: loaded.dossier!.root!)
            for instance in generator.documents(for: dossier) {
                for audience in audiences(for: instance, dossier: dossier) {
                    let request = GenerationRequest(document: instance.document, dossierPath: path, audience: audience, date: instance.date,
                                                    today: today)
                    outcomes.append(produce(request, subject: dossier.id, audience: audience))
                }
            }
        }
        return outcomes
    }

    /// The copies of a document: every audience it allows (a landlord's copy only with the person's consent).
    private func audiences(for instance: DocumentInstance, dossier: Dossier) -> [Audience?] {
        guard let allowed = DocumentCatalog.rule(for: instance.document).audiences else { return [nil] }
        return allowed.filter { audience in
            guard audience == .bailleur else { return true }
            guard let landlord = dossier.logement?.bailleur, let date = instance.date else { return false }
            return DisclosurePolicy.decide(dossier, documentFor: .bailleur, recipient: .bailleur, recipientLandlord: landlord,
                                           event: date, today: today).isAllowed
        }
    }

    /// Final if possible; a draft when only values are missing.
    private func produce(_ request: GenerationRequest, subject: String, audience: Audience?) -> Outcome {
        var request = request
        var missing: [String] = []
        let produced: ProducedDocument
        do {
            produced = try generator.generate(request)
        } catch {
            let errors = error.diagnostics.filter { $0.severity == .error }
            guard !errors.isEmpty, errors.allSatisfy({ $0.code == .valeurManquante || $0.code == .mentionObligatoireAbsente }) else {
                return Outcome(subject: subject, document: request.document, date: request.date, audience: audience, files: [], isDraft: false,
                               missing: [], failure: errors.first?.headline ?? "échec")
            }
            missing = Array(Set(errors.compactMap { error in
                error.code == .mentionObligatoireAbsente ? error.message : error.path?.description
            })).sorted()
            request.draft = true
            do {
                produced = try generator.generate(request)
            } catch {
                return Outcome(subject: subject, document: request.document, date: request.date, audience: audience, files: [], isDraft: true,
                               missing: missing, failure: error.diagnostics.first?.headline ?? "échec")
            }
        }
        var files: [String] = []
        for format in formats where format != .pdf {
            let relative = "\(subject)/\(produced.baseName).\(format.fileExtension)"
            let target = output.appendingPathComponent(relative)
            do {
                let (data, manifest) = try produced.output(as: format, draft: request.draft)
                try AtomicFile.write(data, to: target)
                try AtomicFile.write(manifest.json(pretty: true), to: Manifest.sidecar(for: target))
                files.append(relative)
                // The notes for counsel, beside the document and never in it.
                if let notes = try produced.notesOutput(as: format, draft: request.draft) {
                    let notesRelative = "\(subject)/\(produced.notesBaseName).\(format.fileExtension)"
                    try AtomicFile.write(notes, to: output.appendingPathComponent(notesRelative))
                    files.append(notesRelative)
                }
            } catch {
                return Outcome(subject: subject, document: request.document, date: request.date, audience: audience, files: files,
                               isDraft: request.draft, missing: missing,
                               failure: (error as? Diagnostics)?.rendered ?? (error as? Diagnostic)?.headline ?? "échec")
            }
        }
        return Outcome(subject: subject, document: request.document, date: request.date, audience: audience, files: files,
                       isDraft: request.draft, missing: missing, failure: nil)
    }
}
