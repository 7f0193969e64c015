import Foundation
import Testing
import TrameAssembly
import TrameModel
import TrameTestSupport

/// Issue 13, points 6, 7 and 12, read from the documents' own text (`DocumentText`, HTML):
/// the financial guarantees as the convention states them, dated; reviews in two parts said in
/// the same words by every document; the evaluation grid's definitions.
@Suite("Guarantees, two-part reviews and the evaluation grid in the documents")
struct GuaranteesAndReviewsTests {
    static let repository = TrameProcess.repository
    static let generator = HealthDisclosureTests.generator
    static let bundle = repository.appendingPathComponent("Conventions/metz-jury-2018")
    static let shared = repository.deletingLastPathComponent().appendingPathComponent("shared/exemples")
    static let today = CalendarDate(iso: "2026-01-15")!

    /// The flat text of a document (a draft when a final one cannot be made), or nil when refused.
    static func text(_ document: String, dossier: String? = nil, folder: URL = bundle, audience: Audience? = nil,
                     date: String? = nil, draft asked: Bool = false) throws -> String {
        func request(_ draft: Bool) -> GenerationRequest {
            GenerationRequest(document: document, dossierPath: dossier.map { folder.appendingPathComponent("dossier-\($0).yaml").path },
                              conventionPath: folder.appendingPathComponent("convention-metz-jury-2018.yaml").path, draft: draft,
                              audience: audience, date: date.flatMap(CalendarDate.init(iso:)), today: today)
        }
        let draft = asked || (try? generator.generate(request(false))) == nil
        let produced = try generator.generate(request(draft))
        return try DocumentText(html: try produced.output(as: .html, draft: draft).data).flat
    }

    static func expect(_ text: String, has phrases: [String], _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for phrase in phrases {
            #expect(text.contains(phrase), "\(name) lacks « \(phrase) »", sourceLocation: sourceLocation)
        }
    }

    static func expect(_ text: String, lacks phrases: [String], _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for phrase in phrases {
            #expect(!text.contains(phrase), "\(name) holds « \(phrase) »", sourceLocation: sourceLocation)
        }
    }

    // MARK: Point 7 — who bears the financial risk

    /// Each main lease prints the guarantees in force on its own date, its landlord's own commitment
    /// on vacancy but never another landlord's, and ties « seule redevable » to them.
    @Test func eachMainLeasePrintsItsGuarantees() throws {
        let common = ["Garanties financières", "Réserve de l'association — Association Accès Logement Lorraine (fictif)",
                      "six mille euros (6 000 €)", "Fonds de solidarité pour le logement (FSL) — Fonds de solidarité pour le logement de la Moselle",
                      "Garantie Visale — Action Logement Services", "sous réserve des garanties et engagements stipulés à l'article",
                      "L'association est seule redevable du loyer et des charges envers le bailleur"]
        let first = "Engagement du bailleur en cas de vacance — Habitat Mosellan Exemple (fictif)"
        let second = "Engagement du bailleur en cas de vacance — Logis Messin Exemple (fictif), depuis le 1er juillet 2019"
        for (dossier, own, other) in [("MJ-2019-002", first, "Logis Messin Exemple (fictif), depuis"),
                                      ("MJ-2019-004", first, "Logis Messin Exemple (fictif), depuis"),
                                      ("MJ-2019-011", second, "Engagement du bailleur en cas de vacance — Habitat Mosellan")] {
            let text = try Self.text("bail-principal", dossier: dossier)
            Self.expect(text, has: common + [own], "bail-principal \(dossier)")
            Self.expect(text, lacks: [other, "ne prévoit aucune garantie financière"], "bail-principal \(dossier)")
        }
    }

    /// The convention prints those in force on its signature: the commitment added by avenant on
    /// 1 July 2019 is not there.
    @Test func theConventionPrintsTheGuaranteesOfItsDate() throws {
        let text = try Self.text("convention-cadre")
        Self.expect(text, has: ["Garanties financières", "est seule redevable envers chaque bailleur du loyer et des charges",
                                "Engagement du bailleur en cas de vacance — Habitat Mosellan Exemple (fictif)",
                                "l'engagement pris par un bailleur ne vaut que pour les logements de son patrimoine"], "convention-cadre")
        Self.expect(text, lacks: ["Logis Messin Exemple (fictif), depuis le 1er juillet 2019", "n'ont arrêté aucune garantie"], "convention-cadre")
    }

    /// Without guarantees (the shared examples), both documents say the association bears the risk alone.
    @Test func withoutGuaranteesTheDocumentsSaySo() throws {
        try #require(FileManager.default.fileExists(atPath: Self.shared.path), "../shared/exemples absent")
        Self.expect(try Self.text("bail-principal", dossier: "MJ-2019-004", folder: Self.shared),
                    has: ["la convention de partenariat ne prévoit aucune garantie financière au profit du bailleur",
                          "l'association supporte seule, envers le bailleur"], "bail-principal (exemples partagés)")
        Self.expect(try Self.text("convention-cadre", folder: Self.shared),
                    has: ["les parties n'ont arrêté aucune garantie financière"], "convention-cadre (exemples partagés)")
    }

    // MARK: Point 6 — consent that means what it says

    /// Every document says the same thing: two parts; the landlord attends the housing part only,
    /// and only with the consent; without it, or after a withdrawal, no report; refusing is no breach.
    @Test func everyDocumentSaysTheSameThingAboutTheTwoParts() throws {
        let documents: [(String, String)] = [
            ("sous-location", try Self.text("sous-location", dossier: "MJ-2019-004")),
            ("bail-principal", try Self.text("bail-principal", dossier: "MJ-2019-004")),
            ("convention-tripartite", try Self.text("convention-tripartite", dossier: "MJ-2019-004")),
            ("consentement", try Self.text("consentement", dossier: "MJ-2019-004")),
            ("annexe-roles", try Self.text("annexe-roles")),
            ("convention-cadre", try Self.text("convention-cadre")),
            ("evaluation-vierge", try Self.text("evaluation-vierge")),
            ("evaluation (association)", try Self.text("evaluation", dossier: "MJ-2019-004", audience: .association, date: "2019-09-26")),
            ("evaluation-finale (association)", try Self.text("evaluation-finale", dossier: "MJ-2019-002", audience: .association)),
        ]
        for (name, text) in documents {
            Self.expect(text, has: ["volet logement", "volet accompagnement"], name)
            Self.expect(text, lacks: ["Le bailleur ne reçoit plus la partie partagée", "partie partagée des évaluations"], name)
        }
        let said = Dictionary(uniqueKeysWithValues: documents)
        Self.expect(said["sous-location"]!, has: [
            "seulement si elle y a consenti par écrit, le bailleur", "le bailleur n'y assiste jamais",
            "Sans accord, ou après son retrait, le volet logement est tenu sans le bailleur, qui ne reçoit aucun compte rendu",
            "ne peut fonder ni la résiliation du présent contrat ni le refus de son renouvellement",
        ], "sous-location")
        Self.expect(said["bail-principal"]!, has: [
            "un volet accompagnement, tenu hors la présence du bailleur",
            "seulement si la personne y a consenti par écrit pour ce bailleur",
            "le bailleur n'assiste pas au volet logement et ne reçoit aucun compte rendu",
        ], "bail-principal")
        Self.expect(said["convention-tripartite"]!, has: [
            "ainsi que le bailleur si la sous-locataire a consenti par écrit", "il est tenu hors la présence du bailleur",
            "le bailleur n'assiste pas au volet logement et ne reçoit aucun compte rendu",
        ], "convention-tripartite")
        Self.expect(said["consentement"]!, has: [
            "Le bailleur y vient seulement si vous êtes d'accord", "Le bailleur n'y vient jamais",
            "il ne vient plus au volet logement des évaluations", "il ne reçoit plus aucun compte rendu d'évaluation",
        ], "consentement")
        Self.expect(said["annexe-roles"]!, has: [
            "seulement si la personne y a consenti par écrit, la CESF du bailleur ; jamais l'équipe de soins", "jamais le bailleur",
            "il n'assiste à aucun volet et ne reçoit aucun compte rendu ni la recommandation",
        ], "annexe-roles")
        Self.expect(said["convention-cadre"]!, has: [
            "le bailleur n'y participe jamais", "il n'assiste à aucun volet et ne reçoit aucun compte rendu",
        ], "convention-cadre")
        Self.expect(said["evaluation-vierge"]!, has: [
            "le volet logement est tenu sans le bailleur, qui ne reçoit ni compte rendu", "il n'est jamais remis au bailleur",
        ], "evaluation-vierge")
    }

    // MARK: Point 12 — the grid's definitions

    /// The blank form defines every value of both parts; each report refers to the grid and
    /// reproduces it, the landlord's copy with the housing part only.
    @Test func theGridDefinesEveryValue() throws {
        let values = ["regulier", "retards", "impayes", "a_jour", "a_renouveler", "absente", "satisfaisant", "a_ameliorer",
                      "preoccupant", "sans_incident", "incidents_signales", "en_place", "a_renforcer", "interrompu",
                      "autonome", "en_progression", "a_soutenir"]
        #expect(Set(values) == Set(Self.partValues()), "the grid covers every value of partie_partagee")
        let labels = ["Régulier", "Retards", "Impayés", "À jour", "À renouveler", "Absente", "Satisfaisant", "À améliorer",
                      "Préoccupant", "Sans incident", "Incidents signalés", "En place", "À renforcer", "Interrompu",
                      "Autonome", "En progression", "À soutenir"]
        let blank = try Self.text("evaluation-vierge")
        let grid = try #require(blank.range(of: "Annexe — grille d'évaluation : définitions")).upperBound
        let definitions = String(blank[grid...])
        for label in labels {
            // Each value, then its definition (a capitalised sentence of its own).
            #expect(definitions.range(of: "\(label) [A-ZÀÉ][^|]{30,}", options: .regularExpression) != nil, "no definition for « \(label) »")
        }
        let landlord = try Self.text("evaluation", dossier: "MJ-2019-004", audience: .bailleur, date: "2020-03-19")
        Self.expect(landlord, has: ["grille d'évaluation du partenariat, reproduite en annexe", "Annexe — grille d'évaluation : définitions",
                                    "Impayés À la date de l'évaluation"], "evaluation (bailleur)")
        Self.expect(landlord, lacks: ["Autonome La personne", "Interrompu Aucune rencontre"], "evaluation (bailleur)")
        let final = try Self.text("evaluation-finale", dossier: "MJ-2019-002", audience: .association)
        Self.expect(final, has: ["Annexe — grille d'évaluation : définitions", "Autonome La personne organise seule"], "evaluation-finale")
        // The drafting note for counsel: in the blank form's draft only, never in its final copy nor in a report.
        Self.expect(try Self.text("evaluation-vierge", draft: true),
                    has: ["Grille d'évaluation propre au partenariat : aucun référentiel régional de bail glissant"], "evaluation-vierge (projet)")
        Self.expect(blank, lacks: ["aucun référentiel régional"], "evaluation-vierge")
        Self.expect(final, lacks: ["Note de rédaction", "aucun référentiel régional"], "evaluation-finale")
    }

    /// The values of `evaluations[].partie_partagee`, from the format itself.
    static func partValues() -> [String] {
        var result: [String] = []
        guard case .list(.object(let fields))? = FormatSchemas.dossier.root.first(where: { $0.key == "evaluations" })?.type,
              case .object(let part)? = fields.first(where: { $0.key == "partie_partagee" })?.type else { return [] }
        for field in part { if case .enumeration(let values) = field.type { result += values } }
        return result
    }
}
