import Foundation
import Testing
import TrameModel

/// `trame check` rules of issue 12: préfet notices, the tripartite rule, dated history.
@Suite("Rules on time: préfet notices, tripartite convention, dated history")
struct TimeRuleTests {
    func warnings(_ d: [Diagnostic], _ code: String) -> [Diagnostic] { d.filter { $0.code.rawValue == code } }

    /// MJ-2019-011 has a transitional sublease and no tripartite convention: no warning either.
    @Test func observation011TransitionalWithoutTripartiteIsWarned() throws {
        let d = Samples.check(dossier: Samples.dossier011)
        let w = try #require(warnings(d, "TRIPARTITE_MANQUANTE").first)
        #expect(w.severity == .warning)
        #expect(w.path?.description == "sous_location.convention_tripartite")
        #expect(w.message.contains("CCH L442-8-3"))
    }

    @Test func theConventionSaysWhichHouseholdsFallUnderTheRule() {
        let none = Samples.replacing(Samples.conventionText, "  glissement_automatique: false", "  glissement_automatique: false\n  menages_tripartite: aucun")
        let file = ModelLoader.read(data: Data(Samples.dossier011.utf8), name: "dossier.yaml")
        let convention = ModelLoader.read(data: Data(none.utf8), name: "convention.yaml")
        #expect(convention.diagnostics.isEmpty)
        #expect(warnings(ModelLoader.checkDossier(file, convention: convention), "TRIPARTITE_MANQUANTE").isEmpty)
        let all = Samples.replacing(Samples.conventionText, "  glissement_automatique: false", "  glissement_automatique: false\n  menages_tripartite: tous")
        let criteria = Samples.replacing(Samples.dossier011, "difficulte_acces_logement: true", "difficulte_acces_logement: false")
        let c2 = ModelLoader.read(data: Data(all.utf8), name: "convention.yaml")
        #expect(warnings(ModelLoader.checkDossier(ModelLoader.read(data: Data(criteria.utf8), name: "d.yaml"), convention: c2), "TRIPARTITE_MANQUANTE").count == 1)
    }

    /// The préfet deadline of 002's first period passed without any warning; its letter with the
    /// final evaluation (2020-08-06) came after the second period's deadline (2020-06-30).
    @Test func observation002PrefectNoticesAsTheFileShowsThem() {
        let w = warnings(Samples.check(dossier: Samples.dossier002), "AVIS_PREFET")
        #expect(w.map { $0.path?.description ?? "" } == ["sous_location.avis_prefet", "evaluations[2].date"])
        #expect(w[0].message.contains("close le 2020-02-29") && w[0].message.contains("2019-12-29"))
        #expect(w[1].message.contains("2020-08-06") && w[1].message.contains("2020-06-30"))
    }

    @Test func recordedNoticesOnTimeSilenceTheWarnings() {
        var text = Samples.replacing(Samples.dossier002, "  convention_tripartite: true\n", "  convention_tripartite: true\n  avis_prefet: 2019-12-20\n")
        text = Samples.replacing(text, "renouvellements: [{ date_effet: 2020-03-01, duree_mois: 6 }]",
                                 "renouvellements: [{ date_effet: 2020-03-01, duree_mois: 6, avis_prefet: 2020-06-15 }]")
        #expect(warnings(Samples.check(dossier: text), "AVIS_PREFET").isEmpty)
        let late = Samples.replacing(text, "avis_prefet: 2019-12-20", "avis_prefet: 2020-01-10")
        let w = warnings(Samples.check(dossier: late), "AVIS_PREFET")
        #expect(w.map { $0.path?.description ?? "" } == ["sous_location.avis_prefet"])
        #expect(w.first?.message.contains("2020-01-10") == true)
    }

    /// A final decision (an `issue`) without a letter.
    @Test func anOutcomeWithoutALetterIsWarned() {
        let text = Samples.replacing(Samples.dossier004, "etape: sous_location", "etape: sortie")
            + "issue: { date: 2020-05-01, nature: sortie }\n"
        let w = warnings(Samples.check(dossier: text), "AVIS_PREFET")
        #expect(w.map { $0.path?.description ?? "" } == ["issue.date"])
    }

    @Test func datedHistoryGivesTheFlatOnTheDay() throws {
        let text = Samples.replacing(Samples.dossier004, "  bailleur: bailleur-exemple-1\n  reference: LGT-0457-02-12\n",
            "  bailleur: bailleur-exemple-2\n  reference: MTG/201/4\n  depuis: 2020-01-01\n  historique:\n    - { bailleur: bailleur-exemple-1, reference: LGT-0457-02-12 }\n")
        #expect(Samples.check(dossier: text).filter { $0.severity == .error }.isEmpty)
        let file = ModelLoader.read(data: Data(text.utf8), name: "dossier.yaml")
        let dossier = Dossier(checked: try #require(file.root))
        #expect(dossier.logement?.bailleur == "bailleur-exemple-2")
        #expect(dossier.asOf(CalendarDate(iso: "2019-12-31")!).logement?.bailleur == "bailleur-exemple-1")
        #expect(dossier.asOf(CalendarDate(iso: "2019-12-31")!).logement?.reference == "LGT-0457-02-12")
        #expect(dossier.asOf(CalendarDate(iso: "2020-01-01")!).logement?.bailleur == "bailleur-exemple-2")
        #expect(dossier.asOf(CalendarDate(iso: "2020-01-01")!).logement?.surfaceHabitableM2 == 44.5)
    }

    @Test func protectionMeasureOnTheDay() throws {
        let text = Samples.replacing(Samples.dossier004, "  mesure_protection: curatelle_simple     # aucune | sauvegarde | curatelle_simple | curatelle_renforcee | tutelle\n",
            "  mesure_protection: curatelle_simple\n  depuis: 2019-06-01\n  historique:\n    - { mesure_protection: aucune }\n")
        let d = Dossier(checked: try #require(ModelLoader.read(data: Data(text.utf8), name: "d.yaml").root))
        #expect(d.asOf(CalendarDate(iso: "2019-05-31")!).sousLocataire.mesureProtection == "aucune")
        #expect(d.asOf(CalendarDate(iso: "2019-05-31")!).sousLocataire.protecteur == nil)
        #expect(d.asOf(CalendarDate(iso: "2019-06-01")!).sousLocataire.protecteur != nil)
    }

    @Test func historyNeedsItsDatesInOrder() {
        let noSince = Samples.replacing(Samples.dossier004, "menage: { adultes: 1, enfants: 0 }",
                                        "menage: { adultes: 1, enfants: 0, historique: [{ adultes: 2 }] }")
        #expect(warnings(Samples.check(dossier: noSince), "HISTORIQUE").map { $0.path?.description ?? "" } == ["menage.depuis"])
        let after = Samples.replacing(Samples.dossier004, "menage: { adultes: 1, enfants: 0 }",
                                      "menage: { adultes: 1, enfants: 0, depuis: 2020-01-01, historique: [{ depuis: 2020-02-01, adultes: 2 }] }")
        #expect(warnings(Samples.check(dossier: after), "HISTORIQUE").count == 1)
        let landlord = Samples.replacing(Samples.dossier004, "  reference: LGT-0457-02-12\n",
                                         "  reference: LGT-0457-02-12\n  depuis: 2020-01-01\n  historique: [{ bailleur: inconnu }]\n")
        #expect(warnings(Samples.check(dossier: landlord), "BAILLEUR_INCONNU").count == 1)
    }

    /// The history keys keep the sensitivity of the block's keys.
    @Test func historyKeysKeepTheirSensitivity() {
        #expect(FormatSchemas.dossier.field(at: "sous_locataire.historique.telephone")?.sensitivity == .social)
        #expect(FormatSchemas.dossier.field(at: "logement.historique.bailleur")?.sensitivity == .partenaires)
        #expect(FormatSchemas.dossier.field(at: "menage.depuis")?.sensitivity == .social)
    }
}
