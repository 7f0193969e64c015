import Foundation
import Testing
import TrameDocument
import TrameModel
import TrameTemplates

/// Issue 13, points 10 and 11: articles before names, placeholders in words, neutral forms for an
/// unknown civilité, ordinals in superscript.
@Suite("French writing in templates")
struct FrenchWritingTests {
    // MARK: Articles

    @Test func articleBeforeAnOrganisationName() throws {
        // MJ-2019-002: curatelle renforcée, protector « Service mandataire exemple (fictif) ».
        let text = try Plain.loose(Fixtures.blocks("Confiée {{ sous_locataire.protecteur.denomination | avec_article(\"à\") }}.", dossier: "MJ-2019-002"))
        #expect(text == "Confiée au Service mandataire exemple (fictif).")
        let association = try Plain.loose(Fixtures.blocks("Loué {{ association.denomination | avec_article(\"à\") }} ; siège {{ association.denomination | avec_article(\"de\") }} ; {{ association.denomination | avec_article | majuscule }}."))
        #expect(association == "Loué à l'Association Accès Logement Lorraine (fictif) ; siège de l'Association Accès Logement Lorraine (fictif) ; L'Association Accès Logement Lorraine (fictif).")
        // A proper name takes no article: « à Habitat Mosellan », « d'Habitat Mosellan ».
        let landlord = try Plain.loose(Fixtures.blocks("{{ bailleur.denomination | avec_article(\"à\") }} / {{ bailleur.denomination | avec_article(\"de\") }} / {{ etablissement_sante.denomination | avec_article(\"de\") }}"))
        #expect(landlord == "à Habitat Mosellan Exemple (fictif) / d'Habitat Mosellan Exemple (fictif) / du Centre hospitalier de Jury")
    }

    @Test func theDataMayGiveTheArticle() throws {
        let context = Fixtures.context("MJ-2019-004")
            .setting(["bailleur", "article"], .text("l'"))
            .setting(["association", "article"], .text("sans"))
        let text = try Plain.loose(Fixtures.blocks("{{ bailleur.denomination | avec_article(\"à\") }} ; {{ association.denomination | avec_article(\"à\") }}", context: context))
        #expect(text == "à l'Habitat Mosellan Exemple (fictif) ; à Association Accès Logement Lorraine (fictif)")
        // In a loop over the parties too.
        let loop = try Plain.loose(Fixtures.blocks("{% pour p dans convention.parties %}{% si p.role = \"siao\" %}{{ p.denomination | avec_article(\"par\") }}{% fin %}{% fin %}"))
        #expect(loop == "par le SIAO de la Moselle")
    }

    @Test func avecArticleIsCheckedAtLoadTime() {
        let wrongType = Fixtures.loadErrors("{{ sous_location.date_effet | avec_article(\"à\") }}")
        #expect(wrongType.contains { $0.code == .filtreType })
        let notALiteral = Fixtures.loadErrors("{{ bailleur.denomination | avec_article(bailleur.id) }}")
        #expect(notALiteral.contains { $0.code == .filtreArguments })
    }

    // MARK: Placeholders

    @Test func placeholdersNameTheFieldInFrench() throws {
        let context = Fixtures.context("MJ-2019-004", draft: true).removing(["logement", "etage"])
        let result = try Fixtures.render("Étage : {{ logement.etage | etage }}.", draft: true, context: context)
        let text = Plain.loose(try #require(result.document).blocks)
        #expect(text == "Étage : [à compléter : étage du logement].")
        // The manifest and the command line keep the path, for maintainers.
        #expect(result.missingValues.map(\.path) == ["logement.etage"])
    }

    @Test func aMissingCivilitySwallowsNoNeighbour() throws {
        // The partnership's convention file has no name, address nor civilité for the hospital's director.
        let source = """
            {% pour p dans convention.parties %}{% si p.role = "etablissement_sante" %}Représenté par {{ p.representant.civilite }} {{ p.representant.nom }}, {{ p.representant.qualite }}, {{ p.representant.civilite | accord("dûment habilité", "dûment habilitée") }} ; {{ p.representant.civilite | genre("il") }} signe.{% fin %}{% fin %}
            """
        let compiled = try TemplateLoader.load(source: source, name: "t.trame", fragments: .dictionary([:]), schema: .conventionDocument)
        let context = ContextBuilder.conventionContext(convention: Fixtures.sharedConvention, audience: .partenaires, draft: true)
        let result = compiled.render(context: context, options: RenderOptions(draft: true, audience: .partenaires))
        let text = Plain.loose(try #require(result.document).blocks)
        #expect(text == "Représenté par [à compléter : civilité du représentant du Centre hospitalier de Jury] [à compléter : nom du représentant du Centre hospitalier de Jury], directeur, dûment habilité(e) ; il ou elle signe.")
        #expect(!text.contains("convention.parties"))
        // A final document still refuses the missing civilité, wherever it is used.
        let final = compiled.render(context: context, options: RenderOptions(draft: false, audience: .partenaires))
        #expect(final.document == nil)
        #expect(final.diagnostics.filter { $0.code == .valeurManquante }.count == 4)
    }

    @Test func listElementsAreNamedByTheirEntity() {
        let context = Fixtures.context("MJ-2019-002")
        #expect(FieldLabels.phrase(path: "evaluations[2].motifs", in: context) == "motifs de l'évaluation du 6 août 2020")
        #expect(FieldLabels.phrase(path: "sous_location.renouvellements[0].avis_prefet", in: context)
                == "date d'envoi de l'avis au préfet du renouvellement du 1er mars 2020")
        #expect(FieldLabels.phrase(path: "convention.parties[2].representant.nom", in: context)
                == "nom du représentant d'Habitat Mosellan Exemple (fictif)")
        #expect(FieldLabels.phrase(path: "bailleur.cesf.telephone", in: context)
                == "téléphone de la personne chargée du conseil en économie sociale et familiale d'Habitat Mosellan Exemple (fictif)")
        #expect(FieldLabels.phrase(path: "sous_locataire.protecteur.nom", in: context) == "nom du protecteur du sous-locataire")
        #expect(FieldLabels.phrase(path: "bail_principal.loyer_mensuel", in: context) == "loyer mensuel hors charges du bail principal")
        #expect(FieldLabels.phrase(path: "signataires.convention[0].nom", in: context) == "nom du signataire pour le Centre hospitalier de Jury")
        #expect(FieldLabels.phrase(path: "logement.inventaire[3].etat", in: context) == "état de l'élément d'inventaire n° 4")
    }

    @Test func everyKeyOfTheFormatHasALabel() {
        var missing: [String] = []
        func walk(_ fields: [FieldSpec], _ prefix: String) {
            for field in fields {
                let path = prefix.isEmpty ? field.key : prefix + "." + field.key
                if !FieldLabels.hasLabel(path) { missing.append(path) }
                var type = field.type
                while case .list(let inner) = type { type = inner }
                if case .object(let children) = type { walk(children, path) }
            }
        }
        walk(FormatSchemas.convention.root, "convention")
        walk(FormatSchemas.dossier.root, "")
        #expect(missing == [], "keys without a French label in FieldLabels: \(missing)")
    }

    // MARK: Ordinals

    @Test func ordinalsHaveTheirSuffixInSuperscript() throws {
        let blocks = try Fixtures.blocks("Le {{ sous_location.date_effet | date }}, au {{ logement.etage | etage }}, {{ 1 | ordinal }} ; le {{ sous_location.date_effet | date_courte }}.")
        guard case .paragraph(let paragraph) = blocks.first else { Issue.record("no paragraph"); return }
        let superscripts = paragraph.inlines.compactMap { inline -> String? in
            if case .text(let s, let style) = inline, style.contains(.superscript) { return s }
            return nil
        }
        // MJ-2019-004: sublease from 1 April 2019 … the floor and the literal ordinal.
        #expect(superscripts.first == "er")
        #expect(superscripts.count >= 2)
        #expect(!Plain.text(paragraph.inlines).contains("<sup>"))
    }

    @Test func referenceToTheFirstArticle() throws {
        let blocks = try Fixtures.blocks("""
            @article Objet {#objet}
            Voir l'{% renvoi objet %}.
            """)
        guard case .paragraph(let paragraph) = blocks.last else { Issue.record("no paragraph"); return }
        #expect(Plain.text(paragraph.inlines) == "Voir l'article 1er.")
        #expect(paragraph.inlines.contains(.text("er", [.superscript])))
    }
}
