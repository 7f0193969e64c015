import Foundation
import Testing
import TrameAssembly
import TrameDiagnostics
import TrameModel
import TrameTemplates

/// Issue 13, points 1, 2, 3 and 8: the sublease a lawyer can let the partners sign.
@Suite("Sublease: termination, mandatory content, emergency lines, amount left to pay")
struct SubleaseSignableTests {
    static let shared = Samples.root.deletingLastPathComponent().appendingPathComponent("shared/exemples")

    func sublease(_ dossier: String, asOf: String? = nil) throws -> String {
        Samples.flat(try Samples.text(Samples.request("sous-location", dossier: dossier, asOf: asOf)))
    }

    static let placeholders = [
        "logement.equipements": "équipements du logement", "logement.parties_communes": "parties et équipements communs du logement",
        "logement.chauffage.production": "mode de production du chauffage du logement",
        "logement.eau_chaude.production": "mode de production de l'eau chaude sanitaire du logement",
        "logement.annee_construction": "année de construction de l'immeuble du logement",
        "logement.installation_electricite": "ancienneté de l'installation intérieure d'électricité du logement",
        "logement.installation_gaz": "installation intérieure de gaz du logement",
        "logement.diagnostics.dpe": "date du diagnostic de performance énergétique du logement",
        "logement.diagnostics.etat_risques": "date de l'état des risques du logement",
        "logement.reglement_immeuble": "règlement de l'immeuble du logement",
        "logement.convention_apl.reference": "numéro de la convention APL du logement",
        "logement.urgence_technique": "ligne d'urgence technique du logement",
    ]

    func sharedRequest(_ id: String, draft: Bool) -> GenerationRequest {
        GenerationRequest(document: "sous-location", dossierPath: Self.shared.appendingPathComponent("dossier-\(id).yaml").path,
                          draft: draft, today: Samples.today)
    }

    // MARK: Point 1 — termination

    @Test(arguments: Samples.dossiers)
    func theAssociationCanEndTheContractOnlyInTheThreeLegalCases(dossier: String) throws {
        let text = try sublease(dossier)
        #expect(!text.contains("motif légitime et sérieux"))
        #expect(!text.contains("moyennant un préavis de trois mois"))
        #expect(text.contains("l'article 15 de la loi du 6 juillet 1989 ne permet pas à l'association de donner congé (article 40, III, de cette loi)"))
        #expect(text.contains("Conformément à l'article L. 442-8-2 du code de la construction et de l'habitation, l'association ne peut mettre fin au contrat que dans l'un des trois cas"))
        #expect(text.contains("ne met fin au contrat que par une décision du juge qui en prononce la résiliation (article 1741 du code civil)"))
        #expect(text.contains("résilié de plein droit dans les seuls cas suivants (article 4, g, de la loi du 6 juillet 1989)"))
        #expect(text.contains("deux mois après un commandement de payer demeuré infructueux"))
        #expect(text.contains("commission de coordination des actions de prévention des expulsions locatives (CCAPEX)"))
        #expect(text.contains("fonds de solidarité pour le logement"))
        #expect(text.contains("acte d'huissier de justice") && !text.contains("commissaire de justice"))
        #expect(text.contains("du 1er novembre au 31 mars"))
        // A final act never prints the note for counsel on the partnership's own notice period.
        #expect(!text.contains("à valider par le conseil juridique"))
    }

    @Test func theCuratorIsServedTooUnderCuratelle() throws {
        #expect(try sublease("MJ-2019-004").contains("également notifiés à son curateur, à peine de nullité (article 467 du code civil)"))
        #expect(!(try sublease("MJ-2019-011")).contains("article 467 du code civil"))
    }

    @Test func eachActFollowsTheLawOfItsDate() throws {
        let june2022 = try sublease("MJ-2019-004", asOf: "2022-06-30")
        #expect(june2022.contains("acte d'huissier de justice") && june2022.contains("deux mois après un commandement"))
        let july2022 = try sublease("MJ-2019-004", asOf: "2022-07-01")
        #expect(july2022.contains("acte de commissaire de justice") && !july2022.contains("huissier"))
        #expect(july2022.contains("deux mois après un commandement") && !july2022.contains("six semaines"))
        let august2023 = try sublease("MJ-2019-004", asOf: "2023-08-01")
        #expect(august2023.contains("six semaines après un commandement de payer demeuré infructueux"))
        #expect(august2023.contains("au moins six semaines avant l'audience"))
        #expect(august2023.contains("ait repris le versement intégral du loyer courant"))
        let use = try #require(try Samples.generator.generate(Samples.request("sous-location", dossier: "MJ-2019-004", asOf: "2023-08-01"))
            .clauses.first { $0.id == "sous-location.resiliation" })
        #expect(use.version == 10 && use.source?.contains("n° 2023-668") == true)
    }

    // MARK: Point 2 — what the contract must state

    @Test func theContractStatesTheHousingAsArticle3AndTheDiagnosticsAsArticle33Require() throws {
        let anne = try sublease("MJ-2019-004")
        #expect(anne.contains("comprend deux pièces principales pour une surface habitable de 44,5 m²"))
        #expect(anne.contains("dans un immeuble construit en 1958"))
        #expect(anne.contains("hall d'entrée et cage d'escalier, local à vélos et local à poubelles"))
        #expect(anne.contains("Le chauffage est à production individuelle (gaz naturel)"))
        #expect(anne.contains("le diagnostic de performance énergétique, établi le 20 novembre 2018"))
        #expect(anne.contains("l'état des risques et pollutions, établi le 12 mars 2019"))
        #expect(anne.contains("l'état de l'installation intérieure de gaz, établi le 15 février 2019"))
        #expect(!anne.contains("plomb"))
        #expect(anne.contains("les extraits du règlement intérieur de l'immeuble"))
        #expect(anne.contains("la notice d'information relative aux droits et obligations des locataires et des bailleurs"))
        let rui = try sublease("MJ-2019-002")
        #expect(rui.contains("le constat de risque d'exposition au plomb, établi le 2 octobre 2018, l'immeuble ayant été construit avant le 1er janvier 1949"))
        #expect(!rui.contains("installation intérieure de gaz, établi"))
        let jb = try sublease("MJ-2019-011")
        #expect(jb.contains("Aucune partie ni aucun équipement de l'immeuble ne fait l'objet d'un usage commun"))
        #expect(jb.contains("Le chauffage est à production collective (réseau de chaleur) ; répartition de la consommation : au prorata de la surface habitable"))
        #expect(jb.contains("Aucun état de ces installations n'est donc requis"))
        #expect(jb.contains("règlement de copropriété") && jb.contains("quote-part afférente au lot loué"))
    }

    @Test func theResolutoryClauseKeepsTheExactCausesOfArticle4g() throws {
        // A clause wider than art. 4 g) of loi 89-462 is deemed unwritten: trouble must be « de voisinage » and found by a judge.
        let anne = try sublease("MJ-2019-004")
        #expect(anne.contains("résultant de troubles de voisinage constatés par une décision de justice passée en force de chose jugée"))
        #expect(!anne.contains("locaux loués, résultant d'une décision de justice"))
    }

    @Test func theRentIsRevisedAsAConventionedFlatsRentIs() throws {
        let anne = try sublease("MJ-2019-004")
        #expect(anne.contains("révisé chaque année au 1er janvier"))
        #expect(anne.contains("celui du deuxième trimestre de l'année qui précède la révision (article L. 442-1 du code de la construction et de l'habitation pour un logement appartenant à un organisme d'habitations à loyer modéré, article L. 353-9-3 du même code pour un autre logement conventionné)"))
        #expect(anne.contains("La première révision peut intervenir le 1er janvier 2020, au vu de l'indice du deuxième trimestre 2019"))
        #expect(!anne.contains("à la date anniversaire"))
        #expect(anne.contains("convention n° 57/1/1995/12-345 (fictif) du 30 juin 1995, conclue entre l'État et Habitat Mosellan Exemple (fictif) en application de l'article L. 351-2"))
        #expect(anne.contains("Une copie de la convention peut être consultée au siège du bailleur, 10 avenue de l'Exemple, 57000 Metz."))
        #expect(try sublease("MJ-2019-002").contains("Une copie de la convention peut être consultée au siège du bailleur."))
        // From 1 September 2019 the APL convention is that of CCH L. 831-1 (ordonnance n° 2019-770).
        #expect(try sublease("MJ-2019-004", asOf: "2019-09-01").contains("en application de l'article L. 831-1"))
    }

    @Test(arguments: ["MJ-2019-002", "MJ-2019-004", "MJ-2019-011"])
    func theSharedExamplesAreRefusedAsFinalActsNamingEveryMissingItem(id: String) throws {
        try #require(FileManager.default.fileExists(atPath: Self.shared.path), "../shared/exemples absent")
        let dossier = ModelLoader.read(path: Self.shared.appendingPathComponent("dossier-\(id).yaml").path).root!
        let convention = ModelLoader.read(path: Self.shared.appendingPathComponent("convention-metz-jury-2018.yaml").path).root
        let expected = Set(SubleaseRequirement.missing(in: dossier, convention: convention).map(\.path))
        #expect(!expected.isEmpty)
        do {
            _ = try Samples.generator.generate(sharedRequest(id, draft: false))
            Issue.record("a final sublease without its mandatory content must be refused")
        } catch {
            let errors = error.diagnostics.filter { $0.severity == .error }
            #expect(errors.allSatisfy { $0.code == .valeurManquante }, "\(errors.map(\.headline))")
            #expect(Set(errors.compactMap { $0.path?.description }) == expected, "the template and `trame check` name the same items")
        }
        let draft = try Samples.generator.generate(sharedRequest(id, draft: true))
        let text = String(decoding: try draft.output(as: .txt, draft: true).data, as: UTF8.self)
        #expect(text.contains("PROJET"))
        // Each missing item named in French where the contract needs it (a placeholder never shows a data path).
        for path in expected {
            let label = try #require(Self.placeholders[path], "\(path) has no expected placeholder")
            #expect(text.contains("[à compléter : \(label)]"), "\(id): \(path)")
        }
    }

    @Test(arguments: Samples.dossiers)
    func theDemoCopiesGiveFinalActs(dossier: String) throws {
        let produced = try Samples.generator.generate(Samples.request("sous-location", dossier: dossier))
        #expect(produced.missingValues.isEmpty)
    }

    // MARK: Point 3 — emergency lines, referents

    @Test(arguments: Samples.dossiers)
    func theTechnicalLineIsSeparateAndTheCareTeamIsNeverNamed(dossier: String) throws {
        let text = try sublease(dossier)
        #expect(text.contains("Urgence technique dans le logement ou l'immeuble"))
        #expect(text.contains("appeler le 15 (SAMU)"))
        for care in ["03 87 00 00 99", "03 87 00 00 10", "ERAH", "Jury", "hospitalier", "Marc Petit", "Léa Morel", "infirmi", "psychiatr"] {
            #expect(!text.contains(care), "\(dossier): « \(care) » reveals the care team")
        }
        #expect(text.contains("Le référent de l'association est"))
    }

    @Test func theBuildingsOwnLineWinsOverTheLandlords() throws {
        #expect(try sublease("MJ-2019-004").contains("appeler la ligne d'urgence technique du bailleur, Habitat Mosellan Exemple (fictif), au 03 87 00 00 30 (astreinte technique, 24 h sur 24)"))
        #expect(try sublease("MJ-2019-011").contains("appeler la ligne d'urgence technique de l'immeuble, au 03 87 00 00 41 (gardien de la résidence)"))
        #expect(try sublease("MJ-2019-004").contains("Nadia Haddad (fictif), travailleuse sociale de l'association, joignable au 03 87 00 00 20"))
    }

    // MARK: Point 8 — amount left to pay

    @Test(arguments: [("MJ-2019-004", "cent soixante-quatorze euros et vingt centimes (174,20 €)", "loyer de 351,20 €, plus provision pour charges de 68 €, moins aide estimée de 245 €"),
                      ("MJ-2019-002", "cent quatre-vingt-un euros et quatre-vingt-dix centimes (181,90 €)", "loyer de 279,90 €, plus provision pour charges de 52 €, moins aide estimée de 150 €"),
                      ("MJ-2019-011", "cent trois euros et soixante-quinze centimes (103,75 €)", "loyer de 268,75 €, plus provision pour charges de 45 €, moins aide estimée de 210 €")])
    func theContractStatesWhatThePersonPaysEachMonth(dossier: String, amount: String, detail: String) throws {
        let text = try sublease(dossier)
        #expect(text.contains("est ainsi estimé à \(amount) : \(detail)."))
        #expect(text.contains("il peut varier en cours de contrat, et le montant restant à sa charge avec lui"))
    }
}
