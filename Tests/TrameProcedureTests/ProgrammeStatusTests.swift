import Foundation
import Testing
import TrameModel
import TrameProcedure

@Suite("Programme status and loading")
struct ProgrammeStatusTests {
    let status = ProgrammeStatus(convention: Fixtures.convention, cases: Fixtures.samples, on: Fixtures.day("2020-04-15"))

    @Test func householdsPerStage() {
        let counts = Dictionary(uniqueKeysWithValues: status.households.map { ($0.stage, $0.count) })
        // As known on 2020-04-15: MJ-2019-002 had renewed its sublease, its glissement came in August.
        #expect(counts[.attribution] == 1 && counts[.sousLocation] == 2 && counts[.glissement] == 0)
        #expect(counts.values.reduce(0, +) == 3)
        #expect(status.text.contains("Ménages : 3 dossiers pour 20 besoins identifiés"))
    }

    @Test func flatsPerCommuneAndType() {
        let flats = status.flats.map { "\($0.commune) \($0.type) \($0.count)" }
        #expect(flats == ["Marly T1 1", "Metz (Sablon) T2 1", "Montigny-lès-Metz T1 1"])
    }

    @Test func evaluationsDoneDueAndLate() {
        #expect(status.evaluationsDone == 4)  // held by 2020-04-15: 2 for MJ-2019-002, 2 for MJ-2019-004
        #expect(status.evaluationsDue.map(\.owner) == ["MJ-2019-002", "MJ-2019-004"])
        #expect(status.evaluationsLate.isEmpty)  // MJ-2019-011 has not begun: no evaluation is due
        #expect(status.text.contains("Évaluations partagées : 4 faites, 2 à venir (dont 0 dans les 90 jours), 0 en retard"))
        #expect(status.text.contains("! Avis au préfet en retard : MJ-2019-002 et MJ-2019-004"))
        #expect(status.text.contains("! Sous-location prévue non commencée : MJ-2019-011"))
        #expect(status.text.contains("! Terme échu sans renouvellement enregistré : MJ-2019-004"))
    }

    @Test func fundingCommittedAndTheScreenFits() {
        #expect(status.text.contains("  Ensemble              16\u{202F}045,31\u{00A0}€   11\u{202F}069,59\u{00A0}€  27\u{202F}114,90\u{00A0}€"))
        let lines = status.text.components(separatedBy: "\n")
        #expect(lines.count <= 40)
        #expect(lines.allSatisfy { $0.count <= 100 })
    }

    @Test func loadingTheBundledDirectory() {
        let set = CaseLoader.load(directory: Fixtures.bundle)
        #expect(!set.hasErrors, "\(set.errorText)")
        #expect(set.cases.map(\.dossier.id).sorted() == ["MJ-2019-002", "MJ-2019-004", "MJ-2019-011"])
        #expect(Array(set.conventions.keys) == ["metz-jury-2018"])
    }

    @Test func aDossierWithoutItsStageEvidenceIsRefused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("trame-proc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = Fixtures.replacing(Fixtures.text004, "  commission_attribution: 2019-03-05\n", "")
        let path = dir.appendingPathComponent("dossier-a.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let set = CaseLoader.load(paths: [path, Fixtures.bundle.appendingPathComponent("dossier-MJ-2019-011.yaml").path])
        #expect(set.rejected == [path])
        #expect(set.cases.map(\.dossier.id) == ["MJ-2019-011"])
        #expect(set.errorText.contains("dossier-a.yaml:5:8: erreur [ETAPE_SANS_PREUVE] parcours.commission_attribution"))
        #expect(!set.unreadable)
        let missing = CaseLoader.load(paths: [dir.appendingPathComponent("absent.yaml").path])
        #expect(missing.unreadable)
    }
}
