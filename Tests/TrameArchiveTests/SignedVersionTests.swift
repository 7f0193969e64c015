import Foundation
import Testing
import TrameArchive
import TrameModel

@Suite("Signed versions: the chain, and bad input leaving the archive unchanged")
struct SignedVersionTests {
    @Test func versionsSupersedeEachOtherAndSayWhy() throws {
        let (workspace, root) = try ArchiveFixtures.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let v1 = try ArchiveFixtures.sign(workspace, .sousLocation, on: "2019-04-01", in: root)
        #expect(v1.isNew && v1.version.version == 1 && v1.supersedes == nil)
        #expect(v1.version.audience == .sousLocataire && v1.version.mediaType == .pdf)

        let noReason = try #require(throws: Diagnostic.self) { try ArchiveFixtures.sign(workspace, .sousLocation, on: "2020-04-01", in: root) }
        #expect(noReason.code == .motifManquant && noReason.category == .usage)

        let v2 = try ArchiveFixtures.sign(workspace, .sousLocation, on: "2020-04-01", reason: "renouvellement d'un an", in: root)
        #expect(v2.version.version == 2 && v2.supersedes?.ref == "MJ-2019-004/sous-location/v1")
        #expect(v2.version.reason == "renouvellement d'un an")

        #expect(try workspace.resolve("MJ-2019-004/sous-location").ref == "MJ-2019-004/sous-location/v2")
        #expect(try workspace.resolve("MJ-2019-004/sous-location/v1").sha256 == v1.version.sha256)
        #expect(try workspace.resolve(String(v1.version.sha256.prefix(10))).ref == "MJ-2019-004/sous-location/v1")
        let neighbours = try workspace.neighbours(of: v1.version)
        #expect(neighbours.previous == nil && neighbours.next?.version == 2)

        // The same bytes again: nothing new, said so.
        let again = try workspace.addSigned(fileURL: root.appendingPathComponent("MJ-2019-004-sous-location--2019-04-01-.pdf"), request: SignedDocumentRequest(
            ownerID: "MJ-2019-004", documentKind: .sousLocation, signedOn: ArchiveFixtures.date("2019-04-01"), signatories: ["A"]))
        #expect(!again.isNew && again.version.version == 1)
        #expect(try workspace.signedVersions(ownerID: "MJ-2019-004").count == 2)
    }

    @Test func evaluationsAreVersionedPerDateWithTheirAudienceAndType() throws {
        let (workspace, root) = try ArchiveFixtures.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try ArchiveFixtures.sign(workspace, .evaluation, on: "2019-09-30", evaluation: "2019-09-26", audience: .bailleur, in: root)
        #expect(first.version.ref == "MJ-2019-004/evaluation/2019-09-26/v1" && first.warnings.isEmpty)
        #expect(first.version.evaluationType == "semestrielle")
        let care = try ArchiveFixtures.sign(workspace, .evaluation, on: "2019-09-30", tag: "soin", reason: "version soin", evaluation: "2019-09-26", audience: .soin, in: root)
        #expect(care.version.version == 2)
        let other = try ArchiveFixtures.sign(workspace, .evaluation, on: "2020-03-20", evaluation: "2020-03-19", audience: .bailleur, in: root)
        #expect(other.version.version == 1)
        let unknownDate = try ArchiveFixtures.sign(workspace, .evaluation, on: "2020-10-01", evaluation: "2020-09-30", audience: .association, in: root)
        #expect(unknownDate.warnings.count == 1)

        // A final evaluation takes its recommendation from the dossier.
        let finale = try ArchiveFixtures.sign(workspace, .evaluationFinale, owner: "MJ-2019-002", on: "2020-08-10", evaluation: "2020-08-06", audience: .bailleur, in: root)
        #expect(finale.version.recommendation == "glissement_bail" && finale.version.evaluationType == "finale")
        let wrongType = try #require(throws: Diagnostic.self) {
            try ArchiveFixtures.sign(workspace, .evaluationFinale, owner: "MJ-2019-002", on: "2020-08-10", evaluation: "2020-02-13", audience: .bailleur, in: root)
        }
        #expect(wrongType.code == .evaluationDifferente)
        let noAudience = try #require(throws: Diagnostic.self) {
            try ArchiveFixtures.sign(workspace, .evaluation, on: "2019-09-30", tag: "x", evaluation: "2019-09-26", in: root)
        }
        #expect(noAudience.code == .destinataire && noAudience.category == .usage)
        let beforeEvaluation = try #require(throws: Diagnostic.self) {
            try ArchiveFixtures.sign(workspace, .evaluation, on: "2019-09-20", tag: "y", evaluation: "2019-09-26", audience: .soin, in: root)
        }
        #expect(beforeEvaluation.code == .datesEvaluation)
    }

    @Test(arguments: [
        ("future", "DATE_FUTURE", DiagnosticCategory.data),
        ("unknown-dossier", "DOSSIER_INCONNU", .notFound),
        ("elsewhere", "DEJA_ARCHIVE", .conflict),
        ("missing-file", "FICHIER_INTROUVABLE", .missingInput),
        ("not-a-pdf", "FORMAT_NON_ARCHIVABLE", .data),
        ("partnership-under-dossier", "DOCUMENT_DE_CONVENTION", .data),
        ("no-signatory", "SIGNATAIRE_MANQUANT", .usage),
    ])
    func badInputIsRefusedAndChangesNothing(_ input: (String, String, DiagnosticCategory)) throws {
        let (workspace, root) = try ArchiveFixtures.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let archived = try ArchiveFixtures.sign(workspace, .bailPrincipal, owner: "MJ-2019-004", in: root)
        let storedBefore = ArchiveFixtures.storedPaths(workspace)
        let auditBefore = try workspace.auditEvents().count
        var request = SignedDocumentRequest(ownerID: "MJ-2019-011", documentKind: .sousLocation,
                                            signedOn: ArchiveFixtures.date("2019-08-01"), signatories: ["Association"])
        var file = ArchiveFixtures.pdf("nouveau", in: root)
        switch input.0 {
        case "future": request.signedOn = ArchiveFixtures.date("2025-06-16")
        case "unknown-dossier": request.ownerID = "MJ-2099-999"
        case "elsewhere": file = root.appendingPathComponent("MJ-2019-004-bail-principal--2019-04-01-.pdf")
        case "missing-file": file = root.appendingPathComponent("absent.pdf")
        case "not-a-pdf": try Data("PK\u{3}\u{4} odt".utf8).write(to: file)
        case "partnership-under-dossier": request.documentKind = .conventionCadre
        default: request.signatories = ["  "]
        }
        let error = try #require(throws: Diagnostic.self) { try workspace.addSigned(fileURL: file, request: request) }
        #expect(error.code.rawValue == input.1)
        #expect(error.category == input.2)
        #expect(ArchiveFixtures.storedPaths(workspace) == storedBefore)
        #expect(try workspace.auditEvents().count == auditBefore)
        #expect(try workspace.signedVersions().map(\.ref) == [archived.version.ref])
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.directory.appendingPathComponent("tmp").path)
            .filter { !$0.hasPrefix("migration") }.isEmpty)
        #expect(try workspace.verify().isClean)
    }

    @Test func partnershipDocumentsGoUnderTheConvention() throws {
        let (workspace, root) = try ArchiveFixtures.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let cadre = try ArchiveFixtures.sign(workspace, .conventionCadre, owner: "metz-jury-2018", on: "2018-12-12", in: root)
        #expect(cadre.version.ownerKind == .convention && cadre.version.audience == .partenaires)
        let avenant = try ArchiveFixtures.sign(workspace, .avenant, owner: "metz-jury-2018", on: "2020-01-10", in: root)
        #expect(avenant.version.ref == "metz-jury-2018/avenant/v1")
        let wrong = try #require(throws: Diagnostic.self) { try ArchiveFixtures.sign(workspace, .bailPrincipal, owner: "metz-jury-2018", in: root) }
        #expect(wrong.code == .documentDeDossier)
    }

    @Test func mediaTypesAreToldByTheirFirstBytes() {
        #expect(MediaType.sniffSigned(Data("%PDF-1.4".utf8)) == .pdf)
        #expect(MediaType.sniffSigned(Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) == .png)
        #expect(MediaType.sniffSigned(Data([0xFF, 0xD8, 0xFF, 0xE0])) == .jpeg)
        #expect(MediaType.sniffSigned(Data([0x49, 0x49, 0x2A, 0x00])) == .tiff)
        #expect(MediaType.sniffSigned(Data([0x4D, 0x4D, 0x00, 0x2A])) == .tiff)
        #expect(MediaType.sniffSigned(Data("PK\u{3}\u{4}".utf8)) == nil)
        #expect(MediaType.sniffSigned(Data()) == nil)
    }
}
