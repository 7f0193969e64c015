import Foundation
import Testing
import TrameModel
import TrameProcedure

@Suite("Pathway evidence")
struct PathwayRulesTests {
    static let siao = "  enregistrement_siao: 2019-01-21\n"
    static let orientation = "  orientation_association: 2019-01-28\n"
    static let commission = "  commission_attribution: 2019-03-05\n"
    static let decision = "  decision_commission: favorable         # favorable | defavorable | ajournee\n"

    /// MJ-2019-004 at another stage.
    static func at(_ stage: String, _ text: String = Fixtures.text004) -> String {
        Fixtures.replacing(text, "etape: sous_location", "etape: \(stage)")
    }

    static func paths(_ diagnostics: [Diagnostic]) -> [String] { diagnostics.map { $0.path?.description ?? "" } }

    /// No error; the only warnings are what the files show of the préfet notices and of the
    /// missing tripartite convention (issue 12).
    @Test func theFourSampleFilesHaveNoErrorAndOnlyTheTimeWarnings() {
        #expect(Fixtures.conventionFile.diagnostics.isEmpty)
        let expected: [String: [String]] = [
            "002": ["AVIS_PREFET sous_location.avis_prefet", "AVIS_PREFET evaluations[2].date"],
            "004": [],
            "011": ["TRIPARTITE_MANQUANTE sous_location.convention_tripartite"],
        ]
        for (name, text) in [("002", Fixtures.text002), ("004", Fixtures.text004), ("011", Fixtures.text011)] {
            let all = Fixtures.diagnostics(text)
            #expect(all.map { "\($0.code.rawValue) \($0.path?.description ?? "")" } == expected[name], "MJ-2019-\(name): \(all.map(\.headline))")
            #expect(all.allSatisfy { $0.severity == .warning })
        }
    }

    @Test(arguments: ["proposition", "enregistrement", "orientation", "attribution", "sous_location"])
    func mainLineStagesWithTheirEvidencePass(stage: String) {
        #expect(Fixtures.pathway(Self.at(stage)).isEmpty)
    }

    @Test func propositionNeedsNothingMore() {
        var text = Self.at("proposition")
        for line in [Self.siao, Self.orientation, Self.commission, Self.decision] { text = Fixtures.replacing(text, line, "") }
        #expect(Fixtures.pathway(text).isEmpty)
    }

    @Test func enregistrementNeedsTheSIAODate() {
        let d = Fixtures.pathway(Fixtures.replacing(Self.at("enregistrement"), Self.siao, ""))
        #expect(Self.paths(d) == ["parcours.enregistrement_siao"])
        #expect(d.first?.headline == "dossier.yaml:5:8: erreur [ETAPE_SANS_PREUVE] parcours.enregistrement_siao : l'étape « enregistrement » exige la date d'enregistrement par le SIAO (« parcours.enregistrement_siao »)")
    }

    @Test func orientationNeedsTheAssociationDate() {
        let d = Fixtures.pathway(Fixtures.replacing(Self.at("orientation"), Self.orientation, ""))
        #expect(Self.paths(d) == ["parcours.orientation_association"])
        #expect(d.allSatisfy { $0.severity == .error && $0.code == .etapeSansPreuve })
    }

    @Test func attributionNeedsTheCommissionAndAFavourableDecision() {
        var text = Fixtures.replacing(Self.at("attribution"), Self.commission, "")
        text = Fixtures.replacing(text, Self.decision, "")
        #expect(Self.paths(Fixtures.pathway(text)) == ["parcours.commission_attribution", "parcours.decision_commission"])
        let adjourned = Fixtures.replacing(Self.at("attribution"), "decision_commission: favorable", "decision_commission: ajournee")
        let d = Fixtures.pathway(adjourned)
        #expect(Self.paths(d) == ["parcours.decision_commission"])
        #expect(d.first?.message.contains("or elle est « ajournee »") == true)
    }

    @Test func subleaseNeedsTheAttributionEvidenceAndBothLeasesDates() {
        let noDecision = Fixtures.replacing(Fixtures.text004, "decision_commission: favorable", "decision_commission: defavorable")
        #expect(Self.paths(Fixtures.pathway(noDecision)) == ["parcours.decision_commission"])
        let noMainLease = Fixtures.replacing(Fixtures.text004, "  date_effet: 2019-04-01\n  duree_mois: 36\n", "  duree_mois: 36\n")
        #expect(Self.paths(Fixtures.pathway(noMainLease)) == ["bail_principal.date_effet"])
        let noSublease = Fixtures.replacing(Fixtures.text004, "  date_effet: 2019-04-01\n  duree_mois: 12\n", "  duree_mois: 12\n")
        #expect(Self.paths(Fixtures.pathway(noSublease)) == ["sous_location.date_effet"])
    }

    @Test func glissementNeedsAFinalEvaluationRecommendingItAndTheCommissionReferral() {
        // MJ-2019-004 has only six-monthly evaluations: a glissement is never automatic.
        let d = Fixtures.pathway(Self.at("glissement"))
        #expect(Self.paths(d) == ["evaluations"])
        #expect(d.first?.message.contains("jamais automatique") == true)
        let other = Fixtures.replacing(Fixtures.text002, "recommandation: glissement_bail ", "recommandation: prolongation ")
        #expect(Self.paths(Fixtures.pathway(other)) == ["evaluations[2].recommandation"])
        let unsent = Fixtures.replacing(Fixtures.text002, "    transmission_commission_attribution: 2020-08-20\n", "")
        #expect(Self.paths(Fixtures.pathway(unsent)) == ["evaluations[2].transmission_commission_attribution"])
        #expect(Fixtures.pathway(Fixtures.text002).isEmpty)
    }

    @Test(arguments: ["reorientation", "sortie"])
    func outcomesNeedAnIssueOfThatNature(stage: String) {
        #expect(Self.paths(Fixtures.pathway(Self.at(stage))) == ["issue"])
        let recorded = Self.at(stage) + "issue: { date: 2020-04-30, nature: \(stage), orientation: residence_accueil }\n"
        #expect(Fixtures.pathway(recorded).isEmpty)
        // Before any flat: a reorientation needs no attribution evidence.
        var early = Self.at(stage) + "issue: { date: 2019-02-15, nature: \(stage) }\n"
        early = Fixtures.replacing(early, Self.commission, "")
        #expect(Fixtures.pathway(early).isEmpty)
    }

    @Test func anIssueMustAgreeWithTheStage() {
        let d = Fixtures.pathway(Fixtures.text004 + "issue: { date: 2020-04-30, nature: sortie }\n")
        #expect(d.map(\.code.rawValue) == ["ISSUE_ETAPE"])
        #expect(d.first?.location?.line == 5)
        let wrong = Fixtures.pathway(Self.at("sortie") + "issue: { date: 2020-04-30, nature: reorientation }\n")
        #expect(wrong.map(\.code.rawValue) == ["ISSUE_ETAPE"])
    }

    @Test func evidenceIsReportedAtTheStageValueWithTheMissingFieldsPath() {
        var text = Self.at("glissement")
        for line in [Self.siao, Self.orientation, Self.commission] { text = Fixtures.replacing(text, line, "") }
        let d = Fixtures.pathway(text)
        #expect(d.count == 4)
        #expect(d.allSatisfy { $0.location == SourceLocation(file: "dossier.yaml", line: 5, column: 8) })
        #expect(Self.paths(d) == ["parcours.enregistrement_siao", "parcours.orientation_association", "parcours.commission_attribution", "evaluations"])
    }
}
