import Foundation
import Testing
import TrameTestSupport

/// `trame generate evaluation --blank --convention F` (template evaluation-vierge): the blank
/// six-monthly evaluation form partners print and fill by hand. Convention data only.
@Suite("evaluation-vierge, end to end", .serialized)
struct EvaluationViergeTests {
    typealias E = EvaluationDocuments

    @Test(.requires(.conformance))
    func theBlankFormValidates() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try DocumentTexts.expectConformant(E.generateAllFormats(["evaluation", "--blank", "--convention", E.convention], in: dir))
    }

    @Test func theBlankFormHasEveryBoxAndBlank() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = try E.generateAllFormats(["evaluation", "--blank", "--convention", E.convention], in: dir)
        let texts = try DocumentTexts.read(files)
        for file in files {
            #expect(file.deletingPathExtension().lastPathComponent == "evaluation-vierge-metz-jury-2018")
            let name = file.lastPathComponent
            let text = try #require(texts[file])
            let flat = text.flat
            E.expectClean(text, file)
            E.expect(flat, has: [
                "Évaluation partagée de la sous-location", "Formulaire à remplir lors de la réunion",
                "au moins tous les six mois", "article L. 442-8-3",
                // Review, people present: the convention's parties.
                "Réunion d'évaluation", "☐ semestrielle, n°", "☐ finale (terme de la sous-location)", "Date de la réunion : ……",
                "Centre hospitalier de Jury, équipe ERAH", "Association Accès Logement Lorraine (fictif)",
                "Habitat Mosellan Exemple (fictif)", "Logis Messin Exemple (fictif)",
                // Person and housing.
                "Personne et logement", "☐ Madame ☐ Monsieur", "☐ aucune ☐ sauvegarde de justice ☐ curatelle simple",
                "☐ curatelle renforcée ☐ tutelle", "Convention tripartite (art.", "☐ oui ☐ non",
                // Two parts (issue 13, point 6): the format's enumerations, as boxes.
                "Volet logement", "☐ régulier ☐ retards ☐ impayés", "☐ aucune ☐ montant : ………… €", "☐ à jour ☐ à renouveler ☐ absente",
                "☐ satisfaisant ☐ à améliorer", "☐ préoccupant", "☐ sans incident ☐ incidents signalés",
                "Volet accompagnement — hors la présence du bailleur", "il n'est jamais remis au bailleur",
                "☐ en place ☐ à renforcer", "☐ interrompu", "☐ autonome ☐ en progression", "soutenir",
                "N'inscrivez ici ni information relative à la santé ni montant de ressources",
                // The grid's definitions (issue 13, point 12).
                "Annexe — grille d'évaluation : définitions", "Paiement du loyer et des charges (loi du 6 juillet 1989, art. 7 a)",
                "Impayés À la date de l'évaluation, la dette locative dépasse une échéance mensuelle",
                "Interrompu Aucune rencontre avec le référent de l'association depuis plus de deux mois",
                "À soutenir La personne a besoin d'une aide régulière",
                // Social parts, never for the landlord; next review.
                "Avis de la personne", "Objectifs pour la période à venir", "Partie non transmise au bailleur.",
                "au plus tard six mois après la présente",
                // Final review: recommendation boxes, never automatic, préfet.
                "Recommandation (évaluation finale seulement)", "☐ Glissement du bail", "☐ Prolongation de la sous-location",
                "☐ Résidence accueil ☐ Pension de famille ☐ Famille gouvernante", "☐ Autre :",
                "Le glissement du bail n'est jamais automatique", "information du préfet par le bailleur",
                // Consent and signatures.
                "Diffusion du compte rendu", "☐ la personne y a consenti par écrit le", "le volet logement est tenu sans le bailleur",
                "Signatures du volet logement", "Signatures du volet accompagnement et de la recommandation", "Nom et qualité du signataire",
            ], name)
            // No dossier data at all.
            E.expect(flat, lacks: ["Lefèvre", "Da Silva", "Öztürk", "MJ-2019", "Nadia Haddad", "Marc Petit"] + E.allObservations, name)
            // The care part: alone on the last page (a page break before it), headed as confidential.
            let pages = text.pageParts
            #expect(pages.count >= 2)
            let last = try #require(pages.last)
            E.expect(last, has: ["Partie réservée à l'équipe de soins — confidentielle", "article L. 1110-4 du code de la santé publique",
                                 "page à détacher", "Observations de l'équipe de soins", "Rédigé par"], name + " (dernière page)")
            E.expect(last, lacks: ["Volet logement", "Signatures du volet"], name + " (dernière page)")
            let others = pages.dropLast().joined(separator: " ")
            E.expect(others, lacks: ["Partie réservée à l'équipe de soins"], name + " (pages partagées)")
            // The housing sheet (first page) can reach the landlord: it names neither the health
            // establishment nor the protection measure (issue 13, point 5); the support sheet does.
            let housing = try #require(pages.first)
            E.expect(housing, has: ["Volet logement", "Signatures du volet logement"], name + " (feuillet logement)")
            E.expect(housing, lacks: ["Centre hospitalier de Jury", "ERAH", "curatelle", "tutelle", "Soin :", "Volet accompagnement —"],
                     name + " (feuillet logement)")
            E.expect(pages[1], has: ["Volet accompagnement — hors la présence du bailleur", "Centre hospitalier de Jury, équipe ERAH",
                                     "☐ curatelle renforcée"], name + " (feuillet accompagnement)")
        }
    }

    @Test func theFormIsAPartnershipDocument() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // The template can be asked for by its own name too, with the same result.
        let a = try #require(try E.generate(["evaluation", "--blank", "--convention", E.convention, "--format", "html",
                                             "--output", dir.appendingPathComponent("a.html").path]))
        let b = try #require(try E.generate(["evaluation-vierge", "--convention", E.convention, "--format", "html",
                                             "--output", dir.appendingPathComponent("b.html").path]))
        #expect(try Data(contentsOf: a) == Data(contentsOf: b))
        // A dossier cannot fill it: it is about the partnership.
        let r = try TrameProcess.run(["generate", "evaluation-vierge", "--dossier", E.dossier("MJ-2019-004"), "--output", dir.path + "/"])
        #expect(r.status != 0)
    }
}
