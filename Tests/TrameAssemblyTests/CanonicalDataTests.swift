import Foundation
import Testing
import TrameAssembly
import TrameModel

@Suite("Canonical data hashes")
struct CanonicalDataTests {
    func load(_ yaml: String, name: String = "dossier.yaml") -> DataNode {
        ModelLoader.read(data: Data(yaml.utf8), name: name).root!
    }

    @Test func sameDataSameHashWhateverTheLayout() {
        let a = load("convention: x\nmenage: { adultes: 1, enfants: 0 }\n")
        let b = load("menage:\n  enfants: 0\n  adultes: 1\nconvention: x   # commentaire\n")
        #expect(CanonicalData.sha256(a) == CanonicalData.sha256(b))
        let json = load("{\"menage\": {\"adultes\": 1, \"enfants\": 0}, \"convention\": \"x\"}", name: "dossier.json")
        #expect(CanonicalData.sha256(a) == CanonicalData.sha256(json))
        #expect(CanonicalData.json(a) == "{\"convention\":\"x\",\"menage\":{\"adultes\":1,\"enfants\":0}}")
    }

    @Test func decimalsAreExactAndFieldsHashedByPath() {
        let a = load("ressources_mensuelles: [{ nature: AAH, montant: 971.37 }]\n")
        let b = load("ressources_mensuelles: [{ nature: AAH, montant: 971.38 }]\n")
        #expect(CanonicalData.sha256(a) != CanonicalData.sha256(b))
        let fa = CanonicalData.fieldHashes(a), fb = CanonicalData.fieldHashes(b)
        #expect(Set(fa.keys) == ["ressources_mensuelles[0].nature", "ressources_mensuelles[0].montant"])
        #expect(fa["ressources_mensuelles[0].nature"] == fb["ressources_mensuelles[0].nature"])
        #expect(fa["ressources_mensuelles[0].montant"] != fb["ressources_mensuelles[0].montant"])
    }

    @Test func pruningRemovesEverythingAboveTheClearance() throws {
        let path = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Conventions/metz-jury-2018/dossier-MJ-2019-004.yaml").path
        let root = try #require(ModelLoader.read(path: path).root)
        let landlord = DataPruning.visible(root, for: .bailleur)
        let keys = CanonicalData.fieldHashes(landlord).keys
        #expect(!keys.contains { $0.contains("partie_soin") || $0.hasPrefix("criteres") || $0.hasPrefix("ressources") || $0.contains("avis_sous_locataire") })
        #expect(keys.contains("evaluations[0].partie_partagee.paiement_loyer"))
        // The préfet sees the recommendation, its reasons and the commission referral — nothing else of the shared part.
        let prefet = CanonicalData.fieldHashes(DataPruning.visible(root, for: .prefet)).keys
        #expect(!prefet.contains { $0.contains("partie_partagee") || $0.contains("partie_soin") || $0.contains("avis_sous_locataire") })
        let twoFile = try #require(ModelLoader.read(path: path.replacingOccurrences(of: "MJ-2019-004", with: "MJ-2019-002")).root)
        let prefetFinal = CanonicalData.fieldHashes(DataPruning.visible(twoFile, for: .prefet)).keys
        #expect(prefetFinal.contains("evaluations[2].recommandation") && prefetFinal.contains("evaluations[2].motifs"))
        #expect(prefetFinal.contains("evaluations[2].transmission_commission_attribution"))
        #expect(!prefetFinal.contains { $0.contains("dette_locative") || $0.contains("paiement_loyer") })
        let none = DataPruning.removing(above: .partenaires, from: root)
        #expect(!CanonicalData.fieldHashes(none).keys.contains { $0.contains("partie_partagee") })
    }
}
