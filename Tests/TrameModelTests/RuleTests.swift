import Foundation
import Testing
import TrameModel

/// Legal and programme rules (DOMAIN.md §2, FORMAT.md).
@Suite("Legal and programme rules")
struct RuleTests {
    /// The codes, without the préfet-notice and tripartite warnings that the samples themselves
    /// carry (MJ-2019-002, MJ-2019-011): `TimeRuleTests` tests those.
    func codes(_ d: [Diagnostic]) -> [String] { d.map(\.code.rawValue).filter { !Self.sampleWarnings.contains($0) } }
    static let sampleWarnings: Set<String> = ["AVIS_PREFET", "TRIPARTITE_MANQUANTE"]

    @Test func depositAboveOneMonthOfRentIsAnError() throws {
        let text = Samples.replacing(Samples.dossier004, "  depot_garantie: 351.20\n  apl_tiers_payant", "  depot_garantie: 351.21\n  apl_tiers_payant")
        let d = Samples.check(dossier: text)
        #expect(codes(d) == ["DEPOT_GARANTIE"])
        let first = try #require(d.first)
        #expect(first.severity == .error)
        #expect(first.path?.description == "sous_location.depot_garantie")
        #expect(first.location?.line == Samples.line(of: "depot_garantie: 351.21", in: text))
        #expect(first.message.contains("un mois de loyer hors charges (351,2 €)") || first.message.contains("un mois de loyer hors charges (351,20 €)"))
    }

    @Test func furnishedFlatAllowsTwoMonthsOfDeposit() {
        let twoMonths = Samples.replacing(Samples.dossier011, "  depot_garantie: 0.00", "  depot_garantie: 537.50")
        #expect(codes(Samples.check(dossier: twoMonths)).isEmpty)
        let more = Samples.replacing(Samples.dossier011, "  depot_garantie: 0.00", "  depot_garantie: 537.51")
        #expect(codes(Samples.check(dossier: more)) == ["DEPOT_GARANTIE"])
    }

    @Test func subRentAboveTheAPLCeilingIsAnError() {
        let text = Samples.replacing(Samples.dossier004, "  loyer_plafond_apl: 380.00", "  loyer_plafond_apl: 350.00")
        let d = Samples.check(dossier: text)
        #expect(codes(d) == ["LOYER_PLAFOND"])
        #expect(d.first?.path?.description == "sous_location.loyer_mensuel")
        #expect(d.first?.message.contains("dépasse le loyer plafond APL") == true)
    }

    @Test func criteriaAreAnErrorFromRegistrationAndAWarningAtProposal() {
        let unmet = Samples.replacing(Samples.dossier004, "  solvable: true", "  solvable: false")
        let d = Samples.check(dossier: unmet)
        #expect(codes(d) == ["CRITERES"])
        #expect(d.first?.severity == .error)
        #expect(d.first?.path?.description == "criteres.solvable")

        let proposal = """
            dossier: MJ-2020-001
            convention: metz-jury-2018
            etape: proposition
            sous_locataire: { civilite: Monsieur, nom: Exemple, prenom: Jean, date_naissance: 1990-01-01, mesure_protection: aucune }
            menage: { adultes: 1, enfants: 0 }
            criteres: { handicap_psychique: true, suivi_ch_jury: true, difficulte_acces_logement: true, solvable: false }
            parcours: { proposition_ch_jury: 2020-01-06 }
            """
        let w = Samples.check(dossier: proposal)
        #expect(codes(w) == ["CRITERES"])
        #expect(w.first?.severity == .warning)
        #expect(w.first?.location?.line == 6)
    }

    @Test func furnishedFlatWithoutInventoryIsAWarning() {
        let start = Samples.dossier011.range(of: "  inventaire:")!.lowerBound
        let end = Samples.dossier011.range(of: "  loyer_plafond_apl")!.lowerBound
        let text = Samples.dossier011.replacingCharacters(in: start..<end, with: "")
        let d = Samples.check(dossier: text)
        #expect(codes(d) == ["INVENTAIRE"])
        #expect(d.first?.severity == .warning)
        #expect(d.first?.location?.line == Samples.line(of: "meuble: true", in: text))
    }

    @Test func durationsOutsideTheConventionAreWarningsNeverErrors() {
        let short = Samples.replacing(Samples.dossier004, "  duree_mois: 12\n  renouvelable", "  duree_mois: 9\n  renouvelable")
        let d = Samples.check(dossier: short)
        #expect(codes(d) == ["DUREE_MINIMALE"])
        #expect(d.first?.severity == .warning)

        let long = Samples.replacing(Samples.dossier002, "renouvellements: [{ date_effet: 2020-03-01, duree_mois: 6 }]",
                                     "renouvellements: [{ date_effet: 2020-03-01, duree_mois: 6 }, { date_effet: 2020-09-01, duree_mois: 12 }]")
        let l = Samples.check(dossier: long)
        #expect(codes(l) == ["DUREE_MAXIMALE"])
        #expect(l.first?.severity == .warning)
        #expect(l.first?.message.contains("durée cumulée de 30 mois") == true)
        #expect(l.first?.message.contains("maintien dans les lieux") == true)
    }

    @Test func renewalMustStartTheDayAfterThePreviousTerm() {
        let text = Samples.replacing(Samples.dossier002, "date_effet: 2020-03-01, duree_mois: 6", "date_effet: 2020-03-02, duree_mois: 6")
        let d = Samples.check(dossier: text)
        #expect(codes(d) == ["RENOUVELLEMENT_DATE"])
        #expect(d.first?.message.contains("soit le 2020-03-01") == true)
    }

    @Test func evaluationGapLongerThanThePeriodIsAWarning() {
        let sinceStart = Samples.replacing(Samples.dossier004, "  - date: 2019-09-26", "  - date: 2019-10-02")
        let d = Samples.check(dossier: sinceStart)
        #expect(codes(d) == ["EVALUATION_ESPACEE"])
        #expect(d.first?.severity == .warning)
        #expect(d.first?.message.contains("début de la sous-location (2019-04-01)") == true)
        #expect(d.first?.path?.description == "evaluations[0].date")

        let between = Samples.replacing(Samples.dossier004, "  - date: 2020-03-19", "  - date: 2020-03-27")
        let b = Samples.check(dossier: between)
        #expect(codes(b) == ["EVALUATION_ESPACEE"])
        #expect(b.first?.message.contains("l'évaluation précédente (2019-09-26)") == true)
        // Exactly six months is still on time.
        let onTime = Samples.replacing(Samples.dossier004, "  - date: 2020-03-19", "  - date: 2020-03-26")
        #expect(Samples.check(dossier: onTime).isEmpty)
    }

    @Test func landlordAtAnEvaluationWithoutConsentIsAWarning() {
        let text = Samples.replacing(Samples.dossier004, "  - { date: 2019-03-20, destinataire: bailleur-exemple-1, perimetre: partage }\n", "")
        let d = Samples.check(dossier: text)
        #expect(codes(d) == ["CONSENTEMENT", "CONSENTEMENT"])
        #expect(d.allSatisfy { $0.severity == .warning })
        #expect(d.first?.path?.description == "evaluations[0].presents[2]")

        let withdrawn = Samples.replacing(Samples.dossier004, "{ date: 2019-03-20, destinataire: bailleur-exemple-1, perimetre: partage }",
                                          "{ date: 2019-03-20, destinataire: bailleur-exemple-1, perimetre: partage, retrait: 2020-01-01 }")
        #expect(codes(Samples.check(dossier: withdrawn)) == ["CONSENTEMENT"])
    }

    @Test func finalEvaluationWithoutRecommendationIsAnError() {
        let text = Samples.replacing(Samples.dossier002, "    recommandation: glissement_bail   # glissement_bail | prolongation | residence_accueil | pension_de_famille | famille_gouvernante | autre\n", "")
        let d = Samples.check(dossier: text)
        #expect(codes(d) == ["RECOMMANDATION_MANQUANTE"])
        #expect(d.first?.path?.description == "evaluations[2].recommandation")
        #expect(d.first?.location?.line == Samples.line(of: "type: finale", in: text))
    }

    @Test func protectorRequiredUnderAMeasure() {
        let text = Samples.replacing(Samples.dossier004, "  protecteur: { denomination: Service mandataire exemple (fictif), adresse: \"8 rue de l'Exemple, 57000 Metz\" }\n", "")
        #expect(codes(Samples.check(dossier: text)) == ["PROTECTEUR_MANQUANT"])
    }

    @Test func conventionNeedsTheThreeCoreRoles() {
        let text = Samples.replacing(Samples.conventionText, "    role: etablissement_sante", "    role: autre")
        let d = Samples.check(convention: text)
        #expect(d.map(\.code.rawValue) == ["ROLE_MANQUANT"])
        #expect(d.first?.message.contains("etablissement_sante") == true)
    }

    @Test func conventionReferencesMustBeParties() {
        let text = Samples.replacing(Samples.conventionText, "financeur: ddcs", "financeur: dccs")
        let d = Samples.check(convention: text)
        #expect(d.map(\.code.rawValue) == ["PARTIE_INCONNUE"])
        #expect(d.first?.message.contains("vouliez-vous dire « ddcs » ?") == true)
    }

    @Test func checkingNeverDependsOnTheDate() {
        // The same files give the same verdict whatever the clock says: no rule reads it.
        let a = Samples.check(dossier: Samples.dossier004).map(\.headline)
        let b = Samples.check(dossier: Samples.dossier004).map(\.headline)
        #expect(a == b)
    }
}
