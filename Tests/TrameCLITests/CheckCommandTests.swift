import Foundation
import Testing

@Suite("trame check, end to end")
struct CheckCommandTests {
    let bundle = TrameProcess.repository.appendingPathComponent("Conventions/metz-jury-2018")

    @Test func acceptsTheFourExampleFiles() throws {
        let files = ["convention-metz-jury-2018.yaml", "dossier-MJ-2019-002.yaml", "dossier-MJ-2019-004.yaml", "dossier-MJ-2019-011.yaml"]
        let r = try TrameProcess.run(["check"] + files.map { bundle.appendingPathComponent($0).path })
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        // Issue 12: MJ-2019-002's préfet notices (two) and MJ-2019-011's missing tripartite convention.
        #expect(r.stdout.hasSuffix("4 fichiers vérifiés : 0 erreur, 3 avertissements\n"), "\(r.stdout)")
    }

    @Test func acceptsTheSharedExamplesInPlace() throws {
        let shared = TrameProcess.repository.deletingLastPathComponent().appendingPathComponent("shared/exemples")
        try #require(FileManager.default.fileExists(atPath: shared.path))
        let files = try FileManager.default.contentsOfDirectory(atPath: shared.path).sorted().map { shared.appendingPathComponent($0).path }
        let r = try TrameProcess.run(["check"] + files)
        #expect(r.status == 0, "\(r.stdout)")
    }

    @Test func dossierFindsTheBundledConventionWhenNoneIsBesideIt() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let copy = dir.appendingPathComponent("dossier-MJ-2019-004.yaml")
        try FileManager.default.copyItem(at: bundle.appendingPathComponent("dossier-MJ-2019-004.yaml"), to: copy)
        let r = try TrameProcess.run(["check", copy.path], in: dir)
        #expect(r.status == 0, "\(r.stdout)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["dossier-MJ-2019-004.yaml"], "check wrote a file")
    }

    @Test func reportsEveryProblemOfEveryFileLikeACompiler() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var text = try String(contentsOf: bundle.appendingPathComponent("dossier-MJ-2019-004.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "  typologie: T2", with: "  typologie: T7")
        text = text.replacingOccurrences(of: "  surface_habitable_m2: 44.5", with: "  surface_habitabe_m2: 44.5")
        try text.write(to: dir.appendingPathComponent("dossier-a.yaml"), atomically: true, encoding: .utf8)
        try "a: [1, 2\n".write(to: dir.appendingPathComponent("dossier-b.yaml"), atomically: true, encoding: .utf8)
        let r = try TrameProcess.run(["check", "dossier-a.yaml", "dossier-b.yaml"], in: dir)
        #expect(r.status == 65)
        let lines = r.stdout.components(separatedBy: "\n")
        #expect(lines.contains("dossier-a.yaml:42:14: erreur [VALEUR_INCONNUE] logement.typologie : valeur « T7 » inconnue ; valeurs possibles : T1, T2, T3, T4, T5"))
        #expect(lines.contains("      typologie: T7"))
        #expect(lines.contains("                 ^"))
        #expect(lines.contains { $0.hasPrefix("dossier-a.yaml:43:3: erreur [CLE_INCONNUE] logement.surface_habitabe_m2 : clé inconnue « surface_habitabe_m2 » ; vouliez-vous dire « surface_habitable_m2 » ?") })
        #expect(lines.contains { $0.hasPrefix("dossier-a.yaml:36:3: erreur [CHAMP_MANQUANT] logement.surface_habitable_m2 : champ obligatoire") })
        #expect(lines.contains { $0.hasPrefix("dossier-b.yaml:2:1: erreur [SYNTAXE]") })
        #expect(r.stdout.hasSuffix("2 fichiers vérifiés : 4 erreurs, 0 avertissement\n"), "\(r.stdout)")
    }

    @Test func warningsAloneExitZero() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try String(contentsOf: bundle.appendingPathComponent("dossier-MJ-2019-004.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "  duree_mois: 12\n  renouvelable", with: "  duree_mois: 9\n  renouvelable")
        try text.write(to: dir.appendingPathComponent("dossier.yaml"), atomically: true, encoding: .utf8)
        let r = try TrameProcess.run(["check", "dossier.yaml"], in: dir)
        #expect(r.status == 0)
        #expect(r.stdout.contains("avertissement [DUREE_MINIMALE] sous_location.duree_mois"))
    }

    @Test func missingFileExits66() throws {
        let r = try TrameProcess.run(["check", "absent.yaml"])
        #expect(r.status == 66)
        #expect(r.stdout.contains("absent.yaml:1:1: erreur [FICHIER_INTROUVABLE] fichier introuvable"))
    }

    @Test func usageErrorExits64() throws {
        #expect(try TrameProcess.run(["check"]).status == 64)
        #expect(try TrameProcess.run(["check", "--inconnue", "x.yaml"]).status == 64)
    }

    @Test func unknownConventionIsReportedAtTheIdentifier() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try String(contentsOf: bundle.appendingPathComponent("dossier-MJ-2019-011.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "convention: metz-jury-2018", with: "convention: nancy-2020")
        try text.write(to: dir.appendingPathComponent("dossier.yaml"), atomically: true, encoding: .utf8)
        let r = try TrameProcess.run(["check", "dossier.yaml"], in: dir)
        #expect(r.status == 65)
        #expect(r.stdout.contains("dossier.yaml:3:13: erreur [CONVENTION_INTROUVABLE] convention : convention « nancy-2020 » introuvable"))
        let forced = try TrameProcess.run(["check", "--convention", bundle.appendingPathComponent("convention-metz-jury-2018.yaml").path, "dossier.yaml"], in: dir)
        #expect(forced.stdout.contains("[CONVENTION_DIFFERENTE]"))
    }

    @Test func garbageNeverCrashes() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var bytes = [UInt8](repeating: 0, count: 100_000)
        for i in bytes.indices { bytes[i] = UInt8(truncatingIfNeeded: i &* 2_654_435_761 >> 13) }
        try Data(bytes).write(to: dir.appendingPathComponent("random.yaml"))
        try Data(String(repeating: "[", count: 200_000).utf8).write(to: dir.appendingPathComponent("deep.yaml"))
        try Data(("notes: \"" + String(repeating: "x", count: 10_500_000) + "\"\n").utf8).write(to: dir.appendingPathComponent("big.yaml"))
        for name in ["random.yaml", "deep.yaml", "big.yaml"] {
            let r = try TrameProcess.run(["check", name], in: dir)
            #expect(r.status == 65, "\(name): status \(r.status) \(r.stderr.prefix(300))")
            #expect(r.stdout.contains("erreur ["), "\(name)")
        }
    }
}
