import Testing
import TrameModel
import TrameTemplates

@Suite("Context builder and schema")
struct ContextBuilderTests {
    @Test func derivedParties() {
        let context = Fixtures.context("MJ-2019-011")
        #expect(context["bailleur"]?["id"]?.text == "bailleur-exemple-2")
        #expect(context["association"]?["id"]?.text == "association")
        #expect(context["etablissement_sante"]?["denomination"]?.text == "Centre hospitalier de Jury")
        #expect(context["convention"]?["identifiant"]?.text == "metz-jury-2018")
        #expect(context["audience"]?.text == "sous-locataire")
        #expect(context["projet"]?.boolean == false)
    }

    @Test func currentTermEnd() {
        #expect(Fixtures.context("MJ-2019-002")["sous_location"]?["date_fin"]?.date == CalendarDate(year: 2020, month: 8, day: 31))
        #expect(Fixtures.context("MJ-2019-004")["sous_location"]?["date_fin"]?.date == CalendarDate(year: 2020, month: 3, day: 31))
        #expect(Fixtures.context("MJ-2019-011")["sous_location"]?["date_fin"]?.date == CalendarDate(year: 2021, month: 1, day: 31))
    }

    @Test func derivedValuesKeepTheirSourceSensitivity() {
        let context = Fixtures.context("MJ-2019-004")
        #expect(context["sous_location"]?["date_fin"]?.sensitivity == .partenaires)
        #expect(context["sous_locataire"]?["telephone"]?.sensitivity == .social)
        #expect(context["evaluations"]?.list?.first?["partie_soin"]?.sensitivity == .soin)
    }

    @Test func signatoriesUnderTutelle() throws {
        let dossier = Fixtures.load("dossier-MJ-2019-004.yaml").setting(["sous_locataire", "mesure_protection"], .text("tutelle"))
        let context = ContextBuilder.dossierContext(dossier: dossier, convention: Fixtures.sharedConvention, audience: .sousLocataire, draft: false)
        let signatories = try #require(context["signataires"]?["sous_location"]?.list)
        #expect(signatories.map { $0["qualite"]?.text } == ["La présidente", "Le tuteur, représentant la sous-locataire"])
        let convention = try #require(context["signataires"]?["convention"]?.list)
        #expect(convention.count == 4)
        #expect(convention[0]["nom"] == nil)
        #expect(convention[0]["qualite"]?.text == "Le directeur")
    }

    @Test func conventionDocumentContext() throws {
        let context = ContextBuilder.conventionContext(convention: Fixtures.sharedConvention, audience: .partenaires, draft: true)
        let template = try TemplateLoader.load(source: "{% pour p dans convention.parties %}\n- {{ p.denomination }}\n{% fin %}\n@signatures signataires.convention",
                                               name: "cadre.trame", schema: .conventionDocument)
        let draft = template.render(context: context, options: RenderOptions(draft: true, audience: .partenaires))
        #expect(draft.missingValues.map(\.path) == ["signataires.convention[0].nom"])
        let final = template.render(context: context, options: RenderOptions(draft: false, audience: .partenaires))
        #expect(final.document == nil)
        #expect(final.diagnostics.map(\.code.rawValue) == ["VALEUR_MANQUANTE"])
    }

    @Test func dossierFieldsAreUnknownInAConventionDocument() {
        do {
            _ = try TemplateLoader.load(source: "{{ logement.etage }}", name: "cadre.trame", schema: .conventionDocument)
            Issue.record("should fail")
        } catch {
            #expect(error.diagnostics.map(\.code.rawValue) == ["VARIABLE_INCONNUE"])
        }
    }
}
