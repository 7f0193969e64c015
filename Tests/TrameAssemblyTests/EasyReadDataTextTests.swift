import Foundation
import Testing
import TrameAssembly
import TrameModel

/// The easy-to-read rules read the text the partners write for the person (objectives, reasons)
/// like the template's own; only names, addresses, numbers and the person's own words keep their spelling.
@Suite("Facile à lire : le texte des données est vérifié aussi")
struct EasyReadDataTextTests {
    @Test func anObjectiveWrittenInJargonRefusesTheCompanion() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("trame-falc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Samples.copyConvention(to: dir)
        let yaml = try String(contentsOfFile: Samples.dossier("MJ-2019-004"), encoding: .utf8)
        let original = "objectifs: [Ouvrir un compte d'épargne, Prendre seule les rendez-vous avec le bailleur]"
        #expect(yaml.contains(original), "the sample changed: update this test")
        let changed = yaml.replacingOccurrences(of: original, with: "objectifs: [Apurer 15 % de la dette (article 24 de la loi n° 89-462) avant le 31/03/2020]")
        let path = dir.appendingPathComponent("dossier-MJ-2019-004.yaml").path
        try changed.write(toFile: path, atomically: true, encoding: .utf8)
        let request = GenerationRequest(document: "evaluation-facile", dossierPath: path, date: CalendarDate(iso: "2019-09-26"), today: Samples.today)
        do {
            _ = try Samples.generator.generate(request)
            Issue.record("the companion was produced with a legal reference, a percentage and a numeric date in an objective")
        } catch {
            let rules = error.diagnostics.filter { $0.code == .facileALire }.map(\.message)
            for rule in ["reference_juridique", "pourcentage", "parenthese", "date_en_chiffres"] {
                #expect(rules.contains { $0.contains("(\(rule))") }, "\(rule) not reported: \(rules)")
            }
        }
        // The person's own words keep theirs.
        let own = yaml.replacingOccurrences(of: "avis_sous_locataire: Je me sens bien dans l'appartement, je voudrais garder le logement.",
                                            with: "avis_sous_locataire: Je me sens bien (vraiment) dans l'appartement, à 100 %.")
        #expect(own != yaml)
        try own.write(toFile: path, atomically: true, encoding: .utf8)
        let produced = try Samples.generator.generate(request)
        #expect(produced.easyRead?.passes == true)
    }
}
