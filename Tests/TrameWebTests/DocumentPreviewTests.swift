import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TrameAccounts
import TrameArchive
import TrameModel
import TrameWeb

/// The preview before archiving (issue 16): nothing written, the same disclosure as generation,
/// draft or final visible, French diagnostics on failure, the document sandboxed.
@Suite struct DocumentPreviewTests {
    /// What the workspace holds: dossier versions, generated documents, signed versions, audit entries.
    static func snapshot(_ test: TestWorkspace) throws -> [Int] {
        let workspace = try test.workspace()
        return [try workspace.recordVersions(.dossier, id: "MJ-2019-004").count,
                try workspace.generatedDocuments(ownerID: "MJ-2019-004").count,
                try workspace.signedVersions(ownerID: "MJ-2019-004").count,
                try workspace.auditEvents().count]
    }

    static let evaluation = "/dossiers/MJ-2019-004/documents/evaluation"

    @Test func previewArchivesNothingAndShowsTheDraftMark() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let asso = try test.session("asso")
        let before = try Self.snapshot(test)
        try await test.withApp { client in
            let documentPage = try await client.get("\(Self.evaluation)?date=2019-09-26", asso)
            #expect(FormScraper.unescape(documentPage.text).contains("action=\"\(Self.evaluation)/apercu\"") && FormScraper.unescape(documentPage.text).contains("Prévisualiser"))

            let page = try await client.get("\(Self.evaluation)/apercu?date=2019-09-26&destinataire=association&projet=1", asso)
            #expect(page.status == .ok)
            #expect(FormScraper.unescape(page.text).contains("<iframe") && FormScraper.unescape(page.text).contains("sandbox"))
            #expect(FormScraper.unescape(page.text).contains("rien n'est encore archivé") && FormScraper.unescape(page.text).contains("<strong>projet</strong>"))
            // « Générer et archiver » under it posts today's form: same action, same field names.
            #expect(FormScraper.unescape(page.text).contains("action=\"\(Self.evaluation)/generer?date=2019-09-26\""))
            #expect(FormScraper.unescape(page.text).contains("name=\"destinataire\" value=\"association\"") && FormScraper.unescape(page.text).contains("name=\"projet\" value=\"1\""))
            #expect(page.headers[.contentSecurityPolicy]?.contains("frame-src 'self'") == true)

            let draft = try await client.get("\(Self.evaluation)/apercu/document?date=2019-09-26&destinataire=association&projet=1", asso)
            #expect(draft.status == .ok)
            #expect(FormScraper.unescape(draft.text).contains("PROJET"))
            let policy = try #require(draft.headers[.contentSecurityPolicy])
            #expect(policy.contains("sandbox") && policy.contains("default-src 'none'") && policy.contains("frame-ancestors 'self'"))
            #expect(!policy.contains("script"))

            let final = try await client.get("\(Self.evaluation)/apercu/document?date=2019-09-26&destinataire=association", asso)
            #expect(final.status == .ok)
            #expect(!FormScraper.unescape(final.text).contains(">PROJET<"), "a final preview carries no draft mark")
        }
        #expect(try Self.snapshot(test) == before, "a preview records no version, no document, no audit entry")
    }

    @Test func previewFollowsTheDisclosureOfGeneration() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let landlord = try test.session("bailleur1"), coordination = try test.session("coord"), care = try test.session("soin")
        let document = "\(Self.evaluation)/apercu/document?date=2019-09-26"
        try await test.withApp { client in
            let landlordCopy = try await client.get("\(document)&destinataire=bailleur", landlord)
            #expect(landlordCopy.status == .ok)
            #expect(!FormScraper.unescape(landlordCopy.text).contains("Suivi ambulatoire"), "never the care part for a landlord")
            #expect(!FormScraper.unescape(landlordCopy.text).contains("Je me sens bien"), "never the person's social words for a landlord")
            #expect(try await client.get("\(document)&destinataire=soin", landlord).status == .forbidden)
            #expect(try await client.get("\(Self.evaluation)/apercu?date=2019-09-26&destinataire=association", landlord).status == .forbidden)

            #expect(try await client.get("\(document)&destinataire=soin", coordination).status == .forbidden,
                    "coordination never sees the care part")
            let coordinationCopy = try await client.get("\(document)&destinataire=association", coordination)
            #expect(coordinationCopy.status == .ok && !FormScraper.unescape(coordinationCopy.text).contains("Suivi ambulatoire"))

            let careCopy = try await client.get("\(document)&destinataire=soin", care)
            #expect(careCopy.status == .ok && FormScraper.unescape(careCopy.text).contains("Suivi ambulatoire"), "the care part only in the care team's copy")
        }
    }

    @Test func aFailedPreviewShowsFrenchDiagnosticsNeverA500() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let asso = try test.session("asso")
        try await test.withApp { client in
            let page = try await client.get("\(Self.evaluation)/apercu?date=2019-09-26&destinataire=association", asso)
            #expect(page.status == .ok)
            // Withdraw the evaluation, then preview it: refused with the generator's French message.
            let base = try #require(try test.workspace().currentRecord(.dossier, id: "MJ-2019-004")).sha256
            let withdrawn = try await client.post("/dossiers/MJ-2019-004/evaluations/2019-09-26/retirer", asso,
                                                  [("_base", base), ("motif", "réunion enregistrée dans le mauvais dossier")])
            #expect(withdrawn.status == .seeOther)
            let refused = try await client.get("\(Self.evaluation)/apercu?date=2019-09-26&destinataire=association", asso)
            #expect(refused.status == .unprocessableContent)
            #expect(FormScraper.unescape(refused.text).contains("a été retirée") && FormScraper.unescape(refused.text).contains("ne peut pas être produit"))
            #expect(!FormScraper.unescape(refused.text).contains("<iframe"))
            let framed = try await client.get("\(Self.evaluation)/apercu/document?date=2019-09-26&destinataire=association", asso)
            #expect(framed.status == .unprocessableContent && FormScraper.unescape(framed.text).contains("ne peut pas être produit"))
            #expect(try await client.get("\(Self.evaluation)/apercu?date=2019-09-26&destinataire=inconnu", asso).status == .forbidden)
        }
    }
}
