import Foundation
import Testing
import TrameAssembly
import TrameModel

/// A final review's reasons reach the landlord and the préfet: while they speak of care, no copy
/// for them is made, draft or final (RGPD art. 9); the association's and the care team's copies are.
@Suite("Motifs parlant de soins : jamais au bailleur ni au préfet")
struct CareInReasonsTests {
    @Test func aLandlordOrPrefectCopyIsRefusedWhileTheReasonsSpeakOfCare() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("trame-motifs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Samples.copyConvention(to: dir)
        let yaml = try String(contentsOfFile: Samples.dossier("MJ-2019-002"), encoding: .utf8)
        let lines = yaml.components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.hasPrefix("    motifs: ") })
        var changed = lines
        changed[index] = "    motifs: deux hospitalisations au CHS ; suivi psychiatrique renforcé"
        let path = dir.appendingPathComponent("dossier-MJ-2019-002.yaml").path
        try changed.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)

        for (document, audience) in [("courrier-prefet", nil), ("evaluation-finale", Audience.bailleur)] as [(String, Audience?)] {
            for draft in [false, true] {
                let request = GenerationRequest(document: document, dossierPath: path, draft: draft, audience: audience, today: Samples.today)
                do {
                    _ = try Samples.generator.generate(request)
                    Issue.record("\(document) \(audience?.rawValue ?? "") draft=\(draft) was produced with care words in its reasons")
                } catch {
                    let refusal = try #require(error.diagnostics.first { $0.code == .motifsSante })
                    #expect(refusal.message.contains("« CHS »") && refusal.location?.line == index + 1)
                }
            }
        }
        let association = try Samples.generator.generate(GenerationRequest(document: "evaluation-finale", dossierPath: path, audience: .association, today: Samples.today))
        #expect(association.subjectID == "MJ-2019-002")
    }
}
