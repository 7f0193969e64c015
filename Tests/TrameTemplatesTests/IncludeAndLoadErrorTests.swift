import Testing
import TrameDocument
import TrameModel
import TrameTemplates

@Suite("Includes and load-time errors")
struct IncludeAndLoadErrorTests {
    @Test func fragmentsAreIncludedWithTheirLoopsAndLabels() throws {
        let fragments = [
            "annexes": "{% pour a dans logement.annexes %}\n- {{ a }}\n{% fin %}",
            "article-duree": "@article Durée {#duree}\nDouze mois.\n{% inclure annexes %}",
        ]
        let template = try Fixtures.template("Voir l'{% renvoi duree %}.\n{% inclure article-duree %}", fragments: fragments)
        let result = template.render(context: Fixtures.context("MJ-2019-004"), options: RenderOptions(audience: .sousLocataire))
        let blocks = try #require(result.document?.blocks)
        #expect(Plain.text(blocks) == "Voir l'article 1er.\nArticle 1er – Durée\nDouze mois.\n- cave n° 12")
    }

    @Test func includeCyclesAreReported() {
        let errors = Fixtures.loadErrors("Début.\n{% inclure a %}", fragments: ["a": "A\n{% inclure b %}", "b": "B\n\n  {% inclure a %}"])
        #expect(errors.map(\.code.rawValue) == ["INCLUSION_CYCLIQUE"])
        #expect(errors.first?.location == SourceLocation(file: "_fragments/b.trame", line: 3, column: 3))
        #expect(errors.first?.message == "inclusion cyclique : test.trame → a.trame → b.trame → a.trame")
    }

    @Test func unknownFragmentAndInlineInclude() {
        let errors = Fixtures.loadErrors("{% inclure inconnu %}\nTexte {% inclure x %}")
        #expect(errors.map(\.code.rawValue) == ["FRAGMENT_INTROUVABLE", "SYNTAXE_GABARIT"])
    }

    @Test func unknownVariableWithSuggestionAndExactPosition() {
        let errors = Fixtures.loadErrors("Première ligne.\n\nLe logement est au {{ logement.etag | etage }}.")
        #expect(errors.count == 1)
        let error = errors[0]
        #expect(error.code == .variableInconnue)
        #expect(error.location == SourceLocation(file: "test.trame", line: 3, column: 23))
        #expect(error.message == "variable inconnue « logement.etag » ; vouliez-vous dire « logement.etage » ?")
        #expect(error.path?.description == "logement.etag")
    }

    @Test func unknownFilterPosition() {
        let errors = Fixtures.loadErrors("Né le {{ sous_locataire.date_naissance | dat }}.")
        #expect(errors.map(\.code.rawValue) == ["FILTRE_INCONNU"])
        #expect(errors.first?.location == SourceLocation(file: "test.trame", line: 1, column: 42))
        #expect(errors.first?.message == "filtre inconnu « dat » ; vouliez-vous dire « date » ?")
    }

    @Test func unclosedTags() {
        let block = Fixtures.loadErrors("Avant.\n  {% si logement.meuble %}\nMeublé.\n")
        #expect(block.map(\.code.rawValue) == ["FIN_MANQUANTE"])
        #expect(block.first?.location == SourceLocation(file: "test.trame", line: 2, column: 3))
        let inline = Fixtures.loadErrors("Le logement {% si logement.meuble %}meublé.")
        #expect(inline.map(\.code.rawValue) == ["FIN_MANQUANTE"])
        #expect(inline.first?.location == SourceLocation(file: "test.trame", line: 1, column: 13))
        let loop = Fixtures.loadErrors("{% pour a dans logement.annexes %}\n- {{ a }}")
        #expect(loop.map(\.code.rawValue) == ["FIN_MANQUANTE"])
        let output = Fixtures.loadErrors("Texte {{ logement.etage ")
        #expect(output.map(\.code.rawValue) == ["SYNTAXE_GABARIT"])
        #expect(output.first?.location?.column == 7)
    }

    @Test func mismatchedTags() {
        #expect(Fixtures.loadErrors("Texte.\n{% fin %}").map(\.code.rawValue) == ["SYNTAXE_GABARIT"])
        #expect(Fixtures.loadErrors("{% si logement.meuble %}\nA\n{% sinon %}\nB\n{% sinon %}\nC\n{% fin %}").map(\.code.rawValue) == ["SYNTAXE_GABARIT"])
        #expect(Fixtures.loadErrors("{% pour a dans logement.annexes %}\nA\n{% sinon %}\nB\n{% fin %}").map(\.code.rawValue) == ["SYNTAXE_GABARIT"])
        #expect(Fixtures.loadErrors("**gras{% si logement.meuble %}** fin{% fin %}").map(\.code.rawValue).contains("SYNTAXE_GABARIT"))
        #expect(Fixtures.loadErrors("Texte **gras").map(\.code.rawValue) == ["SYNTAXE_GABARIT"])
        #expect(Fixtures.loadErrors("{% pourr a dans logement.annexes %}x{% fin %}").first?.message.contains("vouliez-vous dire « pour »") == true)
    }

    @Test func loopOverANonList() {
        let errors = Fixtures.loadErrors("{% pour x dans logement.commune %}\n- {{ x }}\n{% fin %}")
        #expect(errors.map(\.code.rawValue) == ["PAS_UNE_LISTE"])
        #expect(errors.first?.location == SourceLocation(file: "test.trame", line: 1, column: 16))
    }

    @Test func loopVariablesAreScoped() {
        let errors = Fixtures.loadErrors("{% pour e dans logement.inventaire %}\n- {{ e.elemen }}\n{% fin %}\n{{ e.element }} {{ boucle.index }}")
        #expect(errors.map(\.code.rawValue) == ["VARIABLE_INCONNUE", "VARIABLE_INCONNUE", "VARIABLE_INCONNUE"])
        #expect(errors.first?.message.contains("vouliez-vous dire « e.element »") == true)
    }

    @Test func allErrorsAreCollected() {
        let errors = Fixtures.loadErrors("""
        ---
        titre: Essai
        audiance: bailleur
        ---
        {{ logement.etag }} et {{ logement.etage | etag }}
        @article Objet
        Voir l'{% renvoi inconnu %}.
        @tableu largeurs=1
        {% si sous_locataire.mesure_protection = "curatelle" %}x{% fin %}
        """)
        #expect(errors.map(\.code.rawValue) == ["ENTETE_GABARIT", "VARIABLE_INCONNUE", "FILTRE_INCONNU", "RENVOI_INCONNU", "SYNTAXE_GABARIT", "VALEUR_INCONNUE"])
        #expect(errors.map { $0.location?.line ?? 0 } == [3, 5, 5, 7, 8, 9])
        #expect(errors[0].message.contains("vouliez-vous dire « audience »"))
    }
}

