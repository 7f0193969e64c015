import Crypto
import Foundation
import Testing
import TrameArchive
import TrameModel
import ZIPFoundation

@Suite("Export per audience, purge, backup and restore")
struct ExportPurgeBackupTests {
    /// MJ-2019-004 with documents for every audience.
    private func fullDossier() throws -> (Workspace, URL) {
        let (workspace, root) = try ArchiveFixtures.workspace()
        try ArchiveFixtures.sign(workspace, .bailPrincipal, in: root)
        try ArchiveFixtures.sign(workspace, .sousLocation, in: root)
        try ArchiveFixtures.sign(workspace, .sousLocation, on: "2020-04-01", reason: "renouvellement", in: root)
        try ArchiveFixtures.sign(workspace, .conventionTripartite, in: root)
        try ArchiveFixtures.sign(workspace, .courrierPrefet, on: "2020-01-15", in: root)
        for audience in DocumentKind.evaluationAudiences {
            try ArchiveFixtures.sign(workspace, .evaluation, on: "2019-09-30", tag: "eval-\(audience.rawValue)", reason: "autre destinataire",
                                     evaluation: "2019-09-26", audience: audience, in: root)
        }
        return (workspace, root)
    }

    private func entries(_ zip: URL) throws -> [String: Data] {
        let archive = try Archive(url: zip, accessMode: .read)
        var result: [String: Data] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            result[entry.path] = data
        }
        return result
    }

    @Test func theLandlordBundleNeverHoldsACareDocument() throws {
        let (workspace, root) = try fullDossier()
        defer { try? FileManager.default.removeItem(at: root) }
        let zip = root.appendingPathComponent("bailleur.zip")
        let summary = try workspace.export(ownerID: "MJ-2019-004", audience: .bailleur, to: zip, overwrite: false)
        let versions = try workspace.signedVersions(ownerID: "MJ-2019-004")
        let expected = versions.filter { [.bailleur, .partenaires, .prefet].contains($0.audience) }.map(\.ref)
        #expect(Set(summary.documents) == Set(expected))
        #expect(summary.documents.allSatisfy { !$0.contains("sous-location") })
        let files = try entries(zip)
        #expect(Set(files.keys) == Set(["index.json", "index.txt", "SHA256SUMS", "documents/bail-principal/v1.pdf",
                                        "documents/convention-tripartite/v1.pdf", "documents/courrier-prefet/v1.pdf",
                                        "documents/evaluation-2019-09-26/v1.pdf"]))
        let careSHA = try #require(versions.first { $0.audience == .soin }).sha256
        for (_, data) in files { #expect(!String(decoding: data, as: UTF8.self).contains(careSHA)) }
        let sums = String(decoding: try #require(files["SHA256SUMS"]), as: UTF8.self)
        for line in sums.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            let path = String(parts[1].dropFirst())
            #expect(sha256Hex(files[path] ?? Data()) == String(parts[0]), "\(path)")
        }
        let index = String(decoding: try #require(files["index.txt"]), as: UTF8.self)
        #expect(index.contains("destinataire : bailleur"))
        #expect(index.contains("signée le 1er avril 2019"))
        #expect(throws: Diagnostic.self) { try workspace.export(ownerID: "MJ-2019-004", audience: .bailleur, to: zip, overwrite: false) }
    }

    @Test func theFullBundleHoldsEveryVersionAndItsHistory() throws {
        let (workspace, root) = try fullDossier()
        defer { try? FileManager.default.removeItem(at: root) }
        let zip = root.appendingPathComponent("tout.zip")
        let summary = try workspace.export(ownerID: "MJ-2019-004", audience: nil, to: zip, overwrite: false)
        #expect(summary.documents.count == 8)
        let files = try entries(zip)
        #expect(files["documents/sous-location/v1.pdf"] != nil && files["documents/sous-location/v2.pdf"] != nil)
        let indexData = try #require(files["index.json"])
        let json = try #require(try JSONSerialization.jsonObject(with: indexData) as? [String: Any])
        let docs = try #require(json["documents"] as? [[String: Any]])
        #expect(docs.filter { $0["document"] as? String == "sous-location" }.map { $0["en_vigueur"] as? Bool } == [false, true])
        let association = try workspace.export(ownerID: "MJ-2019-004", audience: .association, to: root.appendingPathComponent("a.zip"), overwrite: false)
        #expect(association.documents.contains("MJ-2019-004/sous-location/v2"))
        #expect(!association.documents.contains { $0.hasPrefix("MJ-2019-004/evaluation") && $0.hasSuffix("v3") }, "the care version stays out")
    }

    @Test func purgeIsADryRunUnlessConfirmedAndKeepsIdsAndHashes() throws {
        let (workspace, root) = try ArchiveFixtures.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let finale = try ArchiveFixtures.sign(workspace, .evaluationFinale, owner: "MJ-2019-002", on: "2020-08-10", evaluation: "2020-08-06", audience: .bailleur, in: root)
        let noSetting = try #require(throws: Diagnostic.self) { try workspace.planPurge(before: ArchiveFixtures.date("2025-01-01")) }
        #expect(noSetting.code == .conservationNonDefinie)

        try workspace.setRetention(conventionID: "metz-jury-2018", years: 5)
        let young = try workspace.planPurge(before: ArchiveFixtures.date("2025-01-01"))
        #expect(young.candidates.isEmpty, "ended 2020-10-01 + 5 years > 2025-06-15")
        #expect(young.kept.first { $0.dossierID == "MJ-2019-002" }?.reason.contains("2025-10-01") == true)

        try workspace.setRetention(conventionID: "metz-jury-2018", years: 3)
        let dry = try workspace.planPurge(before: ArchiveFixtures.date("2025-01-01"))
        #expect(dry.candidates.map(\.dossierID) == ["MJ-2019-002"] && !dry.executed)
        #expect(try workspace.signedVersions(ownerID: "MJ-2019-002").count == 1)
        #expect(FileManager.default.fileExists(atPath: workspace.storedFileURL(.signed(finale.version)).path))

        let done = try workspace.purge(before: ArchiveFixtures.date("2025-01-01"))
        #expect(done.executed && done.candidates == dry.candidates)
        #expect(try workspace.signedVersions(ownerID: "MJ-2019-002").isEmpty)
        #expect(try workspace.recordVersions(.dossier, id: "MJ-2019-002").isEmpty)
        #expect(!FileManager.default.fileExists(atPath: workspace.storedFileURL(.signed(finale.version)).path))
        let purge = try #require(try workspace.auditEvents(ownerID: "MJ-2019-002").last)
        #expect(purge.action == "purge" && purge.detail.contains(finale.version.sha256) && purge.detail.contains(finale.version.ref))
        #expect(!purge.detail.contains("glissement"), "no content in the audit log")
        #expect(try workspace.records(.dossier).map(\.current.id) == ["MJ-2019-004", "MJ-2019-011"])
        #expect(try workspace.verify().isClean)
    }

    @Test func backupAndRestoreRebuildAWorkspaceThatVerifies() throws {
        let (workspace, root) = try fullDossier()
        defer { try? FileManager.default.removeItem(at: root) }
        let backup = root.appendingPathComponent("sauvegarde.zip")
        let summary = try workspace.backup(to: backup, overwrite: false)
        #expect(summary.files == ArchiveFixtures.storedPaths(workspace).filter { $0.count > 3 }.count)
        let target = root.appendingPathComponent("restaure")
        let (restored, _, report) = try Workspace.restore(from: backup, to: target, actor: "r", clock: ArchiveFixtures.clock)
        #expect(report.isClean)
        #expect(try restored.signedVersions() == workspace.signedVersions())
        #expect(try restored.recordVersions(.dossier, id: "MJ-2019-004") == workspace.recordVersions(.dossier, id: "MJ-2019-004"))
        let again = try #require(throws: Diagnostic.self) { try Workspace.restore(from: backup, to: target, actor: "r") }
        #expect(again.code == .dossierNonVide)
        var bytes = try Data(contentsOf: backup)
        bytes[bytes.count / 3] ^= 0xFF
        let broken = root.appendingPathComponent("abimee.zip")
        try bytes.write(to: broken)
        #expect(throws: Diagnostic.self) { try Workspace.restore(from: broken, to: root.appendingPathComponent("r2"), actor: "r") }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("r2").path))
    }
}

/// SHA-256 in lower-case hexadecimal.
func sha256Hex(_ data: Data) -> String {
    SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
}
