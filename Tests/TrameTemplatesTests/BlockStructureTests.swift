import Testing
import TrameDocument
import TrameModel
import TrameTemplates

@Suite("Blocks, block conditions and loops")
struct BlockStructureTests {
    @Test func headingsNotesBreaksAndPageBreaks() throws {
        let blocks = try Fixtures.blocks("""
        # Titre
        #+ Sous-titre
        ## Section
        ### Sous-section
        Ligne un\\
        ligne deux
        suite.
        > note
        > sur deux lignes
        @saut-de-page
        \\# pas un titre, \\*pas d'italique\\*, \\{{ pas une valeur }}
        """)
        #expect(blocks.count == 8)
        #expect(blocks[0] == .title([.text("Titre")]))
        #expect(blocks[1] == .subtitle([.text("Sous-titre")]))
        #expect(blocks[2] == .heading(level: 1, [.text("Section")]))
        #expect(blocks[3] == .heading(level: 2, [.text("Sous-section")]))
        #expect(blocks[4] == .paragraph(Paragraph([.text("Ligne un"), .lineBreak, .text("ligne deux suite.")])))
        #expect(blocks[5] == .paragraph(Paragraph([.text("note sur deux lignes")], isNote: true)))
        #expect(blocks[6] == .pageBreak)
        #expect(blocks[7] == .paragraph(Paragraph([.text("# pas un titre, *pas d'italique*, {{ pas une valeur }}")])))
    }

    @Test func nestedEmphasis() throws {
        let blocks = try Fixtures.blocks("**gras *et italique*** puis __souligné **gras**__ fin")
        #expect(blocks == [.paragraph(Paragraph([
            .text("gras ", .bold), .text("et italique", [.bold, .italic]), .text(" puis "),
            .text("souligné ", .underline), .text("gras", [.underline, .bold]), .text(" fin"),
        ]))])
    }

    @Test func blockConditionRemovesParagraphsWithoutLeavingEmptyOnes() throws {
        let blocks = try Fixtures.blocks("""
        Avant.
        {% si logement.meuble %}
        Meublé.

        Encore meublé.
        {% sinon si logement.etage > 1 %}
        Étage élevé.
        {% sinon %}
        Autre.
        {% fin %}
        Après.
        """)
        #expect(Plain.text(blocks) == "Avant.\nÉtage élevé.\nAprès.")
    }

    @Test func articlesRemovedByAConditionLeaveNoGapAndReferencesFollow() throws {
        let source = """
        Voir l'{% renvoi duree %} et l'{% renvoi objet %}.
        @article Objet {#objet}
        Texte.
        {% si logement.meuble %}
        @article Meublé
        Inventaire.
        {% fin %}
        @article Durée {#duree}
        Douze mois.
        """
        let unfurnished = try Fixtures.blocks(source, dossier: "MJ-2019-004")
        #expect(Plain.text(unfurnished) == "Voir l'article 2 et l'article 1er.\nArticle 1er – Objet\nTexte.\nArticle 2 – Durée\nDouze mois.")
        let furnished = try Fixtures.blocks(source, dossier: "MJ-2019-011")
        #expect(Plain.text(furnished).hasPrefix("Voir l'article 3 et l'article 1er."))
        #expect(furnished.contains(.article(number: 2, title: [.text("Meublé")])))
        #expect(furnished.contains(.article(number: 3, title: [.text("Durée")])))
    }

    @Test func referenceToARemovedArticle() throws {
        let source = """
        {% si logement.meuble %}
        @article Meublé {#meuble}
        {% fin %}
        Voir l'{% renvoi meuble %}.
        """
        let final = try Fixtures.render(source)
        #expect(final.document == nil)
        #expect(final.diagnostics.map(\.code.rawValue) == ["RENVOI_ABSENT"])
        let draft = try Fixtures.blocks(source, draft: true)
        #expect(Plain.text(draft).contains("[à compléter : renvoi à l'article « meuble »"))
    }

    @Test func inlineConditionsAndEmptiedParagraphs() throws {
        let blocks = try Fixtures.blocks("""
        Le logement est {% si logement.meuble %}meublé{% sinon %}vide{% fin %} ; il est {% si logement.ascenseur %}desservi{% fin %} au {{ logement.etage | etage }}.

        {% si logement.meuble %}Rien à dire.{% fin %}

        - premier {% si logement.meuble %}meublé{% fin %}
        - {% si logement.meuble %}seulement si meublé{% fin %}
        """)
        #expect(blocks.count == 2)
        #expect(Plain.text(blocks[0]) == "Le logement est vide\u{202F}; il est au 2e étage.")
        #expect(blocks[1] == .list(ListBlock(ordered: false, items: [ListItem([.text("premier")])])))
    }

    @Test func blockConditionsBetweenListItemsAndNestedLists() throws {
        let blocks = try Fixtures.blocks("""
        1. un
        {% si logement.meuble %}
        2. meublé
        {% fin %}
        3. deux
          - sous-point a
          - sous-point b
            suite de b
        4. trois
        """)
        #expect(blocks == [.list(ListBlock(ordered: true, items: [
            ListItem([.text("un")]),
            ListItem([.text("deux")], sublist: ListBlock(ordered: false, items: [
                ListItem([.text("sous-point a")]), ListItem([.text("sous-point b suite de b")]),
            ])),
            ListItem([.text("trois")]),
        ]))])
    }

    @Test func aListWhoseItemsAreAllRemovedDisappears() throws {
        let blocks = try Fixtures.blocks("""
        Avant.
        {% pour a dans logement.annexes %}
        - {{ a }}
        {% fin %}
        {% si logement.meuble %}
        - meublé
        {% fin %}
        Après.
        """, dossier: "MJ-2019-002")
        #expect(Plain.text(blocks) == "Avant.\nAprès.")
    }

    @Test func loopsWithLoopVariables() throws {
        let blocks = try Fixtures.blocks("""
        {% pour e dans logement.inventaire %}
        - {{ boucle.index }}/{{ boucle.taille }} {{ e.element }}{% si boucle.premier %} (premier){% fin %}{% si boucle.dernier %} (dernier){% fin %}
        {% fin %}
        Communes : {% pour c dans convention.communes %}{{ c }}{% si non boucle.dernier %}, {% fin %}{% fin %}.
        """, dossier: "MJ-2019-011")
        guard case .list(let list) = blocks[0] else { Issue.record("no list"); return }
        #expect(list.items.count == 5)
        #expect(Plain.text(list.items[0].inlines) == "1/5 Lit une place avec sommier et matelas (premier)")
        #expect(Plain.text(list.items[4].inlines) == "5/5 Rideaux occultants (dernier)")
        #expect(Plain.text(blocks[1]) == "Communes\u{00A0}: Metz (Sablon), Montigny-lès-Metz, Marly.")
    }

    @Test func tableRowLoopsHeaderRowsAndWidths() throws {
        let source = """
        @tableau largeurs=60,15,25
        | Élément | Quantité | État |
        |---|---|---|
        {% pour e dans logement.inventaire %}
        {% si e.quantite > 1 %}
        | {{ e.element }} | {{ e.quantite | en_lettres }} | {{ e.etat | majuscule }} |
        {% fin %}
        {% fin %}
        | Total | {{ logement.inventaire | taille }} | \\| |
        """
        let blocks = try Fixtures.blocks(source, dossier: "MJ-2019-011")
        #expect(blocks == [.table(Table(
            headerRows: [[TableCell(text: "Élément"), TableCell(text: "Quantité"), TableCell(text: "État")]],
            rows: [[TableCell(text: "Rideaux occultants"), TableCell(text: "deux"), TableCell(text: "Bon")],
                   [TableCell(text: "Total"), TableCell(text: "5"), TableCell(text: "|")]],
            columnWidths: [60, 15, 25]))])
    }

    @Test func aTableWithoutBodyRowsDisappears() throws {
        let blocks = try Fixtures.blocks("""
        | Élément | État |
        |---|---|
        {% pour e dans logement.inventaire %}
        | {{ e.element }} | {{ e.etat }} |
        {% fin %}

        Fin.
        """, dossier: "MJ-2019-004")
        #expect(Plain.text(blocks) == "Fin.")
    }

    @Test func signaturesAndHeader() throws {
        let template = try Fixtures.template("""
        ---
        titre: Essai
        entete: "Essai — {{ dossier }}"
        paraphes: true
        ---
        @signatures signataires.sous_location
        """)
        let result = template.render(context: Fixtures.context("MJ-2019-002"), options: RenderOptions(audience: .sousLocataire))
        let document = try #require(result.document)
        #expect(document.header == "Essai — MJ-2019-002")
        #expect(document.initialsOnEveryPage)
        #expect(document.metadata.title == "Essai")
        #expect(document.metadata.identifier == "MJ-2019-002")
        #expect(!document.metadata.isDraft)
        guard case .signatures(let block) = document.blocks.first else { Issue.record("no signatures"); return }
        #expect(block.closing.isEmpty)
        #expect(block.signatories.map { Plain.text($0.name) } == ["Madame Claire Martin (fictif)", "Monsieur Rui Da Silva", "Service mandataire exemple (fictif)"])
        #expect(block.signatories.map { Plain.text($0.capacity) } == [
            "Association Accès Logement Lorraine (fictif)\nLa présidente", "Le sous-locataire, assisté de son curateur", "Le curateur",
        ])
    }

    @Test func fillInIsAPlaceholderInDraftsAndDotsInFinalDocuments() throws {
        let source = "Fait à {{ convention.lieu_signature }}, le {% a_remplir \"date de signature\" %}."
        #expect(Plain.text(try Fixtures.blocks(source)) == "Fait à Metz, le …………………….")
        #expect(Plain.text(try Fixtures.blocks(source, draft: true)) == "Fait à Metz, le [à compléter : date de signature].")
    }

    @Test func referencesAreRefusedInThePageHeader() {
        let errors = Fixtures.loadErrors("---\nentete: \"voir {% renvoi objet %}\"\n---\n@article Objet {#objet}")
        #expect(errors.map(\.code.rawValue) == ["SYNTAXE_GABARIT"])
        #expect(errors.first?.location?.line == 2)
    }
}
