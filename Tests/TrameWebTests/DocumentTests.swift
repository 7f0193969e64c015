import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TrameAccounts
import TrameArchive
import TrameModel
import TrameWeb

/// Generation and archive through the pages, and the dashboard's figures against the CLI's.
@Suite struct DocumentTests {
    /// A one-page PDF, small but well formed enough for the archive's format check.
    static let pdf = Data("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n".utf8)

    @Test func generateDownloadThenArchiveTheSignedSublease() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let asso = try test.session("asso"), landlord = try test.session("bailleur1")
        let today = test.configuration.today.description
        try await test.withApp { client in
            let page = try await client.get("/dossiers/MJ-2019-004/documents/sous-location", asso)
            // Clauses by title; their ids in the coordination's « Détails techniques » only (issue 16).
            #expect(page.text.contains("Clauses (exemplaire pour") && !page.text.contains("sous-location.resiliation"), "the clause trace lists the document's clauses")
            let forCoordination = try await client.get("/dossiers/MJ-2019-004/documents/sous-location", try test.session("coord"))
            #expect(forCoordination.text.contains("<code>sous-location.resiliation</code>"))
            #expect(page.text.contains("Mentions obligatoires") && page.text.contains("L. 442-8-2"), "the page lists the mandatory mentions and their sources")
            let generated = try await client.post("/dossiers/MJ-2019-004/documents/sous-location/generer", asso,
                                                  [("destinataire", "sous-locataire"), ("format", "odt")])
            #expect(generated.status == .seeOther)
            let sha = try #require(AccessRulesTests.generated(generated))
            let file = try await client.get("/fichiers/\(sha)", asso)
            #expect(file.status == .ok)
            #expect(file.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
            #expect(Array(file.body.readableBytesView.prefix(2)) == Array("PK".utf8))
            #expect(try await client.get("/fichiers/\(sha)", landlord).status == .notFound, "a landlord never gets the sublease (social data)")

            let fields = [("signe_le", today), ("signataires", "Claire Exemple (association)\nAnne-Sophie Lefèvre-N'Diaye"), ("genere", sha)]
            let signed = try await client.postFile("/dossiers/MJ-2019-004/documents/sous-location/signe", asso, fields: fields,
                                                   file: ("fichier", "sous-location-signee.pdf", Self.pdf))
            #expect(signed.status == .seeOther)
            var second = Self.pdf
            second.append(Data("% seconde\n".utf8))
            let withoutReason = try await client.postFile("/dossiers/MJ-2019-004/documents/sous-location/signe", asso, fields: fields,
                                                          file: ("fichier", "v2.pdf", second))
            #expect(withoutReason.status == .unprocessableContent)
            #expect(withoutReason.text.contains("--reason") || withoutReason.text.contains("remplace"))
            let withReason = try await client.postFile("/dossiers/MJ-2019-004/documents/sous-location/signe", asso,
                                                       fields: fields + [("motif", "correction d'une coquille")], file: ("fichier", "v2.pdf", second))
            #expect(withReason.status == .seeOther)
            let after = try await client.get("/dossiers/MJ-2019-004/documents/sous-location", asso)
            #expect(after.text.contains("MJ-2019-004/sous-location/v2"))
            #expect(after.text.contains("intègre"))
        }
        let versions = try test.workspace().signedVersions(ownerID: "MJ-2019-004")
        #expect(versions.map(\.version) == [1, 2])
        #expect(versions[0].generatedSHA256 != nil && versions[0].addedBy == "web:asso")
    }

    @Test func theDocumentPageShowsTheNotesForCounselAFinalActNeverPrints() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let asso = try test.session("asso")
        try await test.withApp { client in
            let page = try await client.get("/dossiers/MJ-2019-004/documents/bail-principal", asso)
            #expect(page.status == .ok)
            #expect(page.text.contains("Notes de rédaction pour le conseil juridique"))
            #expect(page.text.contains("juridiction compétente pour le bail principal"))
        }
    }

    @Test func aLandlordGetsItsLeaseButNeverTheCareCopy() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let landlord = try test.session("bailleur1")
        try await test.withApp { client in
            let lease = try await client.post("/dossiers/MJ-2019-004/documents/bail-principal/generer", landlord,
                                              [("destinataire", "bailleur"), ("format", "docx")])
            #expect(lease.status == .seeOther)
            let care = try await client.post("/dossiers/MJ-2019-004/documents/evaluation/generer?date=2019-09-26", landlord,
                                             [("destinataire", "soin"), ("format", "html")])
            #expect(care.status == .forbidden)
            let copy = try await client.post("/dossiers/MJ-2019-004/documents/evaluation/generer?date=2019-09-26", landlord,
                                             [("destinataire", "bailleur"), ("format", "html")])
            #expect(copy.status == .seeOther, "the landlord's copy, with the person's consent")
            let sha = try #require(AccessRulesTests.generated(copy))
            let html = try await client.get("/fichiers/\(sha)", landlord).text
            #expect(!html.contains("Suivi ambulatoire") && !html.contains("Je me sens bien"))
        }
    }

    /// The dashboard shows the text of `trame status` and `trame deadlines` for the same files.
    @Test(.enabled(if: DocumentTests.trame != nil, "the trame executable is not built")) func dashboardFiguresAreTheCLIs() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let session = try test.session("coord")
        let trame = try #require(Self.trame)
        let examples = TestWorkspace.examples.path
        let status = try Self.run(trame, ["status", examples, "--on", "2020-06-01"])
        let deadlines = try Self.run(trame, ["deadlines", "--on", "2020-06-01"] + ["002", "004", "011"].map { "\(examples)/dossier-MJ-2019-\($0).yaml" })
        try await test.withApp { client in
            let page = try await client.get("/tableau-de-bord?au=2020-06-01", session)
            let blocks = page.text.matches(of: /<pre>([^<]*)<\/pre>/).map { FormScraper.unescape(String($0.1)) }
            #expect(blocks.count == 2)
            #expect(blocks.first == status)
            #expect(blocks.last == deadlines)
            #expect(page.text.contains("<svg class=\"graphique\""))
            #expect(page.text.contains("20 besoins identifiés"))
        }
    }

    static let trame: URL? = {
        let candidates = [Bundle.main.executableURL?.deletingLastPathComponent() ?? URL(fileURLWithPath: "/nonexistent"), URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".build/debug")]
        return candidates.map { $0.appendingPathComponent("trame") }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    static func run(_ program: URL, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
