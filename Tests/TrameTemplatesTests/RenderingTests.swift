import Testing
import TrameDocument
import TrameModel
import TrameTemplates

@Suite("Missing values, audiences and user data")
struct RenderingTests {
    let source = "Le logement est situé au {{ logement.etage | etage }}."

    @Test func missingValueIsAnErrorInAFinalDocument() throws {
        let context = Fixtures.context("MJ-2019-004").removing(["logement", "etage"])
        let result = try Fixtures.render(source, context: context)
        #expect(result.document == nil)
        #expect(result.missingValues == [MissingValue(path: "logement.etage", location: SourceLocation(file: "test.trame", line: 1, column: 29))])
        #expect(result.diagnostics.map(\.code.rawValue) == ["VALEUR_MANQUANTE"])
        #expect(result.diagnostics.first?.message == "valeur manquante : logement.etage (gabarit test.trame ligne 1)")
    }

    @Test func missingValueIsAPlaceholderInADraft() throws {
        let context = Fixtures.context("MJ-2019-004", draft: true).removing(["logement", "etage"])
        let result = try Fixtures.render(source, draft: true, context: context)
        let document = try #require(result.document)
        #expect(document.metadata.isDraft)
        #expect(document.blocks == [.paragraph(Paragraph([.text("Le logement est situé au "), .placeholder("[à compléter : étage du logement]"), .text(".")]))])
        #expect(result.missingValues.map(\.path) == ["logement.etage"])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func missingValueInALoopNamesTheElement() throws {
        var context = Fixtures.context("MJ-2019-011")
        let items = context["logement"]!["inventaire"]!.list!
        let broken = items[2].removing(["etat"])
        context = context.setting(["logement", "inventaire"], .list([items[0], items[1], broken]))
        let result = try Fixtures.render("{% pour e dans logement.inventaire %}\n- {{ e.etat }}\n{% fin %}", draft: true, context: context)
        #expect(result.missingValues.map(\.path) == ["logement.inventaire[2].etat"])
    }

    @Test func absentValueInAComparison() throws {
        let context = Fixtures.context("MJ-2019-004").removing(["sous_location", "depot_garantie"])
        let final = try Fixtures.render("{% si sous_location.depot_garantie > 0 %}Dépôt.{% fin %}", context: context)
        #expect(final.diagnostics.map(\.code.rawValue) == ["VALEUR_MANQUANTE"])
        let guarded = try Fixtures.render("{% si existe(sous_location.depot_garantie) et sous_location.depot_garantie > 0 %}Dépôt.{% fin %}Fin.", context: context)
        #expect(guarded.diagnostics.isEmpty)
        #expect(guarded.document.map { Plain.text($0.blocks) } == "Fin.")
    }

    static let careTemplate = """
    {% pour e dans evaluations %}
    - {{ e.date | date }} : {{ e.partie_partagee.paiement_loyer | libelle }}{% si audience = "soin" %} — {{ e.partie_soin.observations | defaut("") }}{% fin %}
    {% fin %}
    {% pour e dans evaluations %}
    - {{ e.partie_soin.observations | defaut("rien") }}
    {% fin %}
    """

    @Test func fieldsAboveTheAudienceAreRefused() throws {
        for draft in [false, true] {
            let result = try Fixtures.render(Self.careTemplate, draft: draft, audience: .bailleur)
            #expect(result.document == nil)
            #expect(result.diagnostics.map(\.code.rawValue) == ["AUDIENCE"], "\(result.diagnostics.map(\.headline))")
            #expect(result.diagnostics.first?.message
                == "le champ evaluations.partie_soin.observations (niveau soin) ne peut pas figurer dans un document destiné à : bailleur")
            #expect(result.diagnostics.first?.location?.line == 5)
            #expect(result.missingValues.isEmpty)
        }
    }

    @Test func theCareTeamSeesEverything() throws {
        let result = try Fixtures.render(Self.careTemplate, audience: .soin)
        let blocks = try #require(result.document?.blocks)
        let text = Plain.loose(blocks)
        #expect(text.contains("26 septembre 2019 : régulier — Suivi ambulatoire régulier ; aucune hospitalisation sur la période."))
        #expect(text.contains("- Une consultation d'urgence en janvier ; situation stabilisée."))
    }

    @Test func prunedContextHidesSocialFieldsFromTheLandlord() throws {
        let result = try Fixtures.render("{{ sous_locataire.telephone | defaut(\"-\") }}", audience: .bailleur)
        #expect(result.diagnostics.map(\.code.rawValue) == ["AUDIENCE"])
        let allowed = try Fixtures.render("{{ sous_locataire.telephone }}", audience: .association)
        #expect(allowed.document.map { Plain.text($0.blocks) } == "06 12 34 56 78")
    }

    @Test func userDataIsNeverReadAsMarkup() throws {
        let hostile = "**x** {{ y }} {% si vrai %} & < > \\* _ __z__ @article | a |"
        let context = Fixtures.context("MJ-2019-004").setting(["sous_locataire", "nom"], .text(hostile))
        let blocks = try Fixtures.blocks("**Nom :** {{ sous_locataire.nom }}\n\n| {{ sous_locataire.nom }} |\n\n- {{ sous_locataire.nom }}", context: context)
        #expect(blocks[0] == .paragraph(Paragraph([.text("Nom\u{00A0}:", .bold), .text(" " + hostile)])))
        #expect(blocks[1] == .table(Table(headerRows: [], rows: [[TableCell([.text(hostile)])]])))
        #expect(blocks[2] == .list(ListBlock(ordered: false, items: [ListItem([.text(hostile)])])))
    }

    @Test func dataTypographyOnlyFixesExistingSpaces() throws {
        let context = Fixtures.context("MJ-2019-004").setting(["sous_locataire", "lieu_naissance"], .text("Metz : « centre »  ville ?"))
        let blocks = try Fixtures.blocks("{{ sous_locataire.lieu_naissance }}", context: context)
        #expect(Plain.text(blocks) == "Metz\u{00A0}: «\u{00A0}centre\u{00A0}» ville\u{202F}?")
    }
}
