import Foundation
import Testing
import TrameAssembly
import TrameDocument
import TrameModel
import TrameTemplates

/// Every act of every sample carries every mandatory mention its template declares for its date
/// and audience; the drafting notes never reach a final document.
@Suite("Mentions obligatoires sur les exemples")
struct MandatoryMentionsOnSamplesTests {
    /// Acts of the person and partnership documents, with every audience the catalogue allows.
    static func requests() throws -> [GenerationRequest] {
        var requests = Samples.generator.partnershipDocuments.map { Samples.request($0) }
        for id in Samples.dossiers {
            let files = try CaseFiles.load(dossierPath: Samples.dossier(id))
            let dossier = Dossier(checked: files.dossier!.root!)
            for instance in Samples.generator.documents(for: dossier) {
                let audiences: [Audience?] = DocumentCatalog.rule(for: instance.document).audiences.map { $0.map(Optional.some) } ?? [nil]
                for audience in audiences {
                    requests.append(Samples.request(instance.document, dossier: id, date: instance.date?.description, audience: audience))
                }
            }
        }
        return requests
    }

    @Test func everyDocumentTemplateDeclaresItsMandatoryMentionsWithSources() throws {
        for document in Samples.generator.availableDocuments {
            let template = try Samples.generator.template(document)
            // An easy-to-read companion is no act: the easy-to-read rules check it instead (EasyRead).
            guard template.style != .easyRead else { continue }
            #expect(!template.mentions.isEmpty, "\(document) declares no mandatory mention")
            for mention in template.mentions {
                #expect(!mention.source.isEmpty && mention.label != mention.id, "\(document): mention \(mention.id) lacks its label or source")
            }
        }
    }

    @Test func everySampleActCarriesEveryRequiredMention() throws {
        var checked = 0
        for request in try Self.requests() {
            let produced: ProducedDocument
            do {
                produced = try Samples.generator.generate(request)
            } catch {
                // A landlord copy without consent is refused by the disclosure policy, not by a mention.
                let codes = error.diagnostics.map(\.code)
                #expect(!codes.contains(.mentionObligatoireAbsente), "\(request.document) \(request.dossierPath ?? "") \(request.audience?.rawValue ?? ""): \(error.diagnostics.map(\.headline))")
                continue
            }
            let missing = produced.mentions.filter(\.isMissing)
            #expect(missing.isEmpty, "\(produced.baseName): \(missing.map(\.id))")
            checked += 1
        }
        #expect(checked > 20)
    }

    @Test func noFinalSampleDocumentPrintsADraftingNote() throws {
        for request in try Self.requests() {
            guard let produced = try? Samples.generator.generate(request) else { continue }
            let text = String(decoding: try produced.output(as: .txt, draft: false).data, as: UTF8.self)
            for marker in ["à faire valider", "à vérifier", "Note de rédaction", "NON CONFIRMÉ"] {
                #expect(!text.contains(marker), "\(produced.baseName) prints « \(marker) »")
            }
            if !produced.draftingNotes.isEmpty {
                let sheet = try #require(try produced.notesOutput(as: .txt, draft: false))
                let sheetText = String(decoding: sheet, as: UTF8.self)
                for note in produced.draftingNotes { #expect(sheetText.contains(note.text.prefix(30)), "\(produced.baseName) sheet lacks « \(note.text) »") }
            }
        }
    }
}
