import Foundation
import Testing
import TrameTestSupport

/// Regression tests for the audience review: each reproduces an attack that once leaked data.
@Suite("Audience: consent, manifests and archive never leak", .serialized)
struct AudienceLeakTests {
    static let bundle = TrameProcess.repository.appendingPathComponent("Conventions/metz-jury-2018")

    /// MJ-2019-004 with its landlord consent withdrawn on `withdrawal`, in a folder with its convention.
    func withdrawnCase(_ withdrawal: String) throws -> URL {
        let dir = try TrameProcess.temporaryDirectory()
        try TrameProcess.copyConvention(to: dir)
        let text = try String(contentsOf: Self.bundle.appendingPathComponent("dossier-MJ-2019-004.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "{ date: 2019-03-20, destinataire: bailleur-exemple-1, perimetre: partage }",
                                  with: "{ date: 2019-03-20, destinataire: bailleur-exemple-1, perimetre: partage, retrait: \(withdrawal) }")
        try text.write(to: dir.appendingPathComponent("dossier-MJ-2019-004.yaml"), atomically: true, encoding: .utf8)
        return dir
    }

    func sidecarFields(_ file: URL) throws -> [String] {
        let json = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file.path + ".manifest.json"))) as? [String: Any])
        return try #require((json["donnees"] as? [String: Any])?["champs"] as? [String: String]).keys.sorted()
    }

    @Test func aWithdrawnConsentStopsNewLandlordCopiesEvenForEarlierEvaluations() throws {
        let dir = try withdrawnCase("2019-12-01")
        defer { try? FileManager.default.removeItem(at: dir) }
        for date in ["2019-09-26", "2020-03-19"] {
            let r = try TrameProcess.run(["generate", "evaluation", "--dossier", "dossier-MJ-2019-004.yaml", "--date", date, "--audience", "bailleur"], in: dir)
            #expect(r.status == 65, "\(date): \(r.stdout)")
            #expect(r.stderr.contains("[CONSENTEMENT_ABSENT]"))
        }
    }

    @Test func landlordDocumentsHoldNoSharedPartOutsideTheConsent() throws {
        // Consent withdrawn only in 2099: in force for both evaluations and today.
        let dir = try withdrawnCase("2099-01-01")
        defer { try? FileManager.default.removeItem(at: dir) }
        let lease = dir.appendingPathComponent("bail.html")
        #expect(try TrameProcess.run(["generate", "bail-principal", "--dossier", "dossier-MJ-2019-004.yaml", "--format", "html", "--output", lease.path], in: dir).status == 0)
        // The lease reads no evaluation: its manifest hashes none of their fields.
        let leaseFields = try sidecarFields(lease)
        #expect(!leaseFields.isEmpty)
        #expect(!leaseFields.contains { $0.hasPrefix("evaluations") || $0.hasPrefix("evaluation.") }, "\(leaseFields.filter { $0.hasPrefix("evaluation") })")
        #expect(!leaseFields.contains { $0.hasPrefix("criteres") || $0.hasPrefix("ressources") || $0.hasPrefix("parcours") || $0 == "etape" })
        // The landlord's evaluation copy hashes only what it read: no other evaluation, no social or care field.
        let copy = dir.appendingPathComponent("eval.html")
        let r = try TrameProcess.run(["generate", "evaluation", "--dossier", "dossier-MJ-2019-004.yaml", "--date", "2019-09-26", "--audience", "bailleur",
                                      "--format", "html", "--output", copy.path], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let fields = try sidecarFields(copy)
        #expect(!fields.contains { $0.contains("evaluations[1]") }, "the other evaluation is not in the landlord copy's manifest")
        #expect(!fields.contains { $0.contains("partie_soin") || $0.contains("avis_sous_locataire") || $0.contains("objectifs") })
    }

    @Test func archiveKeepsEachSignedCopyWithItsOwnAudience() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ws = dir.appendingPathComponent("ws").path
        #expect(try TrameProcess.run(["init", ws]).status == 0)
        #expect(try TrameProcess.run(["convention", "add", Self.bundle.appendingPathComponent("convention-metz-jury-2018.yaml").path, "--workspace", ws]).status == 0)
        #expect(try TrameProcess.run(["dossier", "add", Self.bundle.appendingPathComponent("dossier-MJ-2019-004.yaml").path, "--workspace", ws]).status == 0)
        let care = dir.appendingPathComponent("soin.html")
        let g = try TrameProcess.run(["generate", "evaluation", "--dossier", Self.bundle.appendingPathComponent("dossier-MJ-2019-004.yaml").path,
                                      "--date", "2019-09-26", "--audience", "soin", "--format", "html", "--output", care.path, "--archive", "--workspace", ws])
        #expect(g.status == 0, "\(g.stderr)")
        // A "signed scan" (any PDF) of the care copy, archived as the landlord's copy and linked to G1: refused.
        let pdf = dir.appendingPathComponent("scan.pdf")
        try Data("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".utf8).write(to: pdf)
        let linked = try TrameProcess.run(["archive", "add", pdf.path, "--dossier", "MJ-2019-004", "--document", "evaluation", "--evaluation-date", "2019-09-26",
                                           "--audience", "bailleur", "--signed-on", "2019-09-30", "--signatory", "X", "--generated", "G1", "--workspace", ws])
        #expect(linked.status == 65, "\(linked.stdout)\(linked.stderr)")
        #expect(linked.stderr.contains("GENERE_AUTRE_DESTINATAIRE"))
        // A sublease archived "for the landlord": refused, it keeps the sub-tenant's audience.
        let lease = try TrameProcess.run(["archive", "add", pdf.path, "--dossier", "MJ-2019-004", "--document", "sous-location", "--audience", "bailleur",
                                          "--signed-on", "2019-04-01", "--signatory", "X", "--workspace", ws])
        #expect(lease.status == 64, "\(lease.stdout)\(lease.stderr)")
        #expect(lease.stderr.contains("DESTINATAIRE"))
        #expect(try TrameProcess.run(["archive", "verify", "--workspace", ws]).status == 0)
    }
}
