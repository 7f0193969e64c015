import Foundation
import Testing
import TrameArchive
import TrameModel

@Suite("Workspace: creation, conventions and dossiers")
struct WorkspaceTests {
    @Test func createsTheLayoutAndReopens() throws {
        let root = ArchiveFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let dir = root.appendingPathComponent("ws")
        let (workspace, created) = try Workspace.create(at: dir, actor: "a", clock: ArchiveFixtures.clock)
        #expect(created)
        for name in ["trame.sqlite", "objets", "tmp"] {
            #expect(FileManager.default.fileExists(atPath: workspace.directory.appendingPathComponent(name).path), "\(name)")
        }
        let again = try Workspace.create(at: dir, actor: "a", clock: ArchiveFixtures.clock)
        #expect(!again.created)
        #expect(try Workspace.open(at: dir, actor: "b").auditEvents().map(\.action) == ["creation"])
    }

    @Test func refusesANonEmptyDirectoryAndAMissingWorkspace() throws {
        let root = ArchiveFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("x".utf8).write(to: root.appendingPathComponent("notes.txt"))
        let error = try #require(throws: Diagnostic.self) { try Workspace.create(at: root, actor: "a") }
        #expect(error.code == .dossierNonVide)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["notes.txt"])
        let missing = try #require(throws: Diagnostic.self) { try Workspace.open(at: root.appendingPathComponent("absent"), actor: "a") }
        #expect(missing.code == .espaceIntrouvable)
        #expect(missing.category == .missingInput)
    }

    @Test func recordsEachChangeAsAVersionIdentifiedByItsHash() throws {
        let (workspace, root) = try ArchiveFixtures.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let original = ArchiveFixtures.sample("dossier-MJ-2019-004.yaml")
        let same = try workspace.addRecord(data: original, fileName: "copie.yaml")
        #expect(!same.isNew)
        #expect(same.version.version == 1)

        let changed = Data(String(decoding: original, as: UTF8.self).replacingOccurrences(of: "etage: 2", with: "etage: 3").utf8)
        #expect(changed != original)
        let v2 = try workspace.addRecord(data: changed, fileName: "dossier-MJ-2019-004.yaml")
        #expect(v2.isNew && v2.version.version == 2 && v2.sameBytesAs == nil)
        let back = try workspace.addRecord(data: original, fileName: "dossier-MJ-2019-004.yaml")
        #expect(back.isNew && back.version.version == 3 && back.sameBytesAs == 1)

        let versions = try workspace.recordVersions(.dossier, id: "MJ-2019-004")
        #expect(versions.map(\.version) == [1, 2, 3])
        #expect(versions[0].sha256 == versions[2].sha256)
        #expect(try workspace.recordContent(.dossier, id: "MJ-2019-004", version: 2).data == changed)
        #expect(try workspace.recordContent(.dossier, id: "MJ-2019-004").data == original)
        let summaries = try workspace.records(.dossier)
        #expect(summaries.map(\.current.id) == ["MJ-2019-002", "MJ-2019-004", "MJ-2019-011"])
        #expect(summaries.first { $0.current.id == "MJ-2019-004" }?.versionCount == 3)
        #expect(summaries.first { $0.current.id == "MJ-2019-002" }?.current.endDate == "2020-10-01")
        #expect(try workspace.auditEvents(ownerID: "MJ-2019-004").map(\.action) == ["dossier-ajout", "dossier-ajout", "dossier-ajout", "consultation", "consultation"])
    }

    @Test func refusesAFileThatIsNotAValidDossier() throws {
        let (workspace, root) = try ArchiveFixtures.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let before = ArchiveFixtures.storedPaths(workspace)
        let broken = Data(String(decoding: ArchiveFixtures.sample("dossier-MJ-2019-011.yaml"), as: UTF8.self)
            .replacingOccurrences(of: "etape: attribution", with: "etape: inconnue").utf8)
        let error = try #require(throws: Diagnostic.self) { try workspace.addRecord(data: broken, fileName: "dossier.yaml") }
        #expect(error.code == .fichierNonConforme)
        #expect(ArchiveFixtures.storedPaths(workspace) == before)
        #expect(try workspace.recordVersions(.dossier, id: "MJ-2019-011").count == 1)
    }

    @Test func linksAGeneratedDocumentToTheExactDossierVersion() throws {
        let (workspace, root) = try ArchiveFixtures.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("bail.odt")
        try Data("PK fake odt".utf8).write(to: file)
        let v1 = try #require(try workspace.currentRecord(.dossier, id: "MJ-2019-004"))
        let manifest = Data(#"{"modele":"bail-principal"}"#.utf8)
        let g = try workspace.recordGenerated(fileURL: file, manifestJSON: manifest, dossierID: "MJ-2019-004",
                                              documentKind: .bailPrincipal, audience: .bailleur, format: "odt")
        #expect(g.ref == "G1" && g.sourceSHA256 == v1.sha256 && g.sourceVersion == 1 && g.manifestSHA256 != nil)
        let again = try workspace.recordGenerated(fileURL: file, manifestJSON: manifest, dossierID: "MJ-2019-004",
                                                  documentKind: .bailPrincipal, audience: .bailleur, format: "odt")
        #expect(again.id == g.id)
        let unknown = try #require(throws: Diagnostic.self) {
            try workspace.recordGenerated(fileURL: file, manifestJSON: nil, dossierID: "MJ-2019-004", sourceSHA256: String(repeating: "a", count: 64),
                                          documentKind: .bailPrincipal, audience: .bailleur, format: "odt")
        }
        #expect(unknown.code == .versionSourceInconnue)

        let signedFile = ArchiveFixtures.pdf("bail-signe", in: root)
        let signed = try workspace.addSigned(fileURL: signedFile, request: SignedDocumentRequest(
            ownerID: "MJ-2019-004", documentKind: .bailPrincipal, signedOn: ArchiveFixtures.date("2019-04-01"),
            signatories: ["Bailleur", "Association"], generated: "G1"))
        #expect(signed.version.generatedRef == "G1" && signed.version.generatedSHA256 == g.sha256)
        let byPath = try workspace.addSigned(fileURL: ArchiveFixtures.pdf("bail-signe-2", in: root), request: SignedDocumentRequest(
            ownerID: "MJ-2019-004", documentKind: .bailPrincipal, signedOn: ArchiveFixtures.date("2019-04-02"),
            signatories: ["Bailleur"], reason: "correction", generated: file.path))
        #expect(byPath.version.generatedRef == "G1")
        let wrongKind = try #require(throws: Diagnostic.self) {
            try workspace.addSigned(fileURL: ArchiveFixtures.pdf("autre", in: root), request: SignedDocumentRequest(
                ownerID: "MJ-2019-004", documentKind: .sousLocation, signedOn: ArchiveFixtures.date("2019-04-01"), signatories: ["X"], generated: "G1"))
        }
        #expect(wrongKind.code == .genereAutreDocument)
    }
}
