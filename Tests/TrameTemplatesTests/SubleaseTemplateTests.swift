import Testing
import TrameDocument
import TrameModel
import TrameTemplates

@Suite("Template sous-location on the sample dossiers")
struct SubleaseTemplateTests {
    static let template = Result { try TemplateLoader.load(path: Fixtures.subleasePath) }

    func render(_ dossier: String, draft: Bool = false) throws -> (Document, String) {
        let template = try Self.template.get()
        let result = template.render(context: Fixtures.context(dossier, draft: draft), options: RenderOptions(draft: draft, audience: .sousLocataire))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.headline))")
        #expect(result.missingValues.isEmpty)
        let document = try #require(result.document)
        return (document, Plain.loose(document.blocks))
    }

    @Test func frontMatter() throws {
        let template = try Self.template.get()
        #expect(template.documentID == "sous-location")
        #expect(template.title == "Contrat de sous-location")
        #expect(template.audience == .sousLocataire)
        #expect(template.initialsOnEveryPage)
        let (document, _) = try render("MJ-2019-004")
        #expect(document.header == "Contrat de sous-location — dossier MJ-2019-004")
        #expect(document.metadata.identifier == "MJ-2019-004")
        #expect(document.metadata.title == "Contrat de sous-location")
    }

    @Test func anneSophie() throws {
        let (_, text) = try render("MJ-2019-004")
        #expect(text.contains("Madame Anne-Sophie Lefèvre-N'Diaye"))
        #expect(text.contains("née le 14 mars 1986 à Thionville (Moselle)"))
        #expect(text.contains("trois cent cinquante et un euros et vingt centimes (351,20 €)"))
        #expect(text.contains("association inscrite au registre des associations du tribunal judiciaire de Metz"))
        #expect(text.contains("au 2e étage, sans ascenseur"))
        #expect(text.contains("pour une durée de douze (12) mois, soit jusqu'au 31 mars 2020 inclus"))
        #expect(text.contains("au moins tous les six mois"))
        #expect(text.contains("La première évaluation a lieu au plus tard le 1er octobre 2019 ; une évaluation finale a lieu avant le terme"))
        #expect(text.contains("majoré d'une somme égale à 10 % du loyer mensuel"))
        #expect(text.contains("n'est jamais automatique"))
        #expect(text.contains("Fait à Metz, le ……………………, en trois exemplaires originaux"))
        #expect(!text.contains("{{") && !text.contains("{%") && !text.contains("**"))
    }

    @Test func furnishedArticleOnlyFor011() throws {
        for dossier in ["MJ-2019-002", "MJ-2019-004", "MJ-2019-011"] {
            let (document, text) = try render(dossier)
            let furnished = dossier == "MJ-2019-011"
            #expect(text.contains("Logement meublé et inventaire") == furnished, "\(dossier)")
            let tables = document.blocks.compactMap { block -> Table? in if case .table(let t) = block { return t } else { return nil } }
            #expect(tables.count == (furnished ? 1 : 0))
            if furnished {
                #expect(tables[0].headerRows.count == 1)
                #expect(tables[0].rows.count == 5)
                #expect(tables[0].columnWidths == [60, 15, 25])
                #expect(text.contains("au rez-de-chaussée"))
                #expect(text.contains("né le 2 novembre 1979"))
                #expect(!text.contains("Dépôt de garantie"))
            }
        }
    }

    @Test func tripartiteAndCuratelleOnlyFor002And004() throws {
        for dossier in ["MJ-2019-002", "MJ-2019-004", "MJ-2019-011"] {
            let (_, text) = try render(dossier)
            let expected = dossier != "MJ-2019-011"
            #expect(text.contains("Convention tripartite annexée") == expected, "\(dossier)")
            #expect(text.contains("de son curateur") == expected, "\(dossier)")
            #expect(text.contains("Mesure de protection") == expected, "\(dossier)")
            // The shared clause names this act; its validation note is for counsel, never printed (issue 13, points 4 and 11 c).
            #expect(text.contains("signe le présent contrat assisté") == expected, "\(dossier)")
            #expect(!text.contains("(clause à faire valider"), "\(dossier)")
        }
        let (_, rui) = try render("MJ-2019-002")
        #expect(rui.contains("Monsieur Rui Da Silva, né le 23 juillet 1991 à Porto (Portugal), assisté de son curateur"))
        #expect(rui.contains("curatelle renforcée"))
        #expect(rui.contains("règle le loyer et les charges directement à l'association"))
    }

    @Test func articlesAreNumberedWithoutGapsAndReferencesResolve() throws {
        for dossier in ["MJ-2019-002", "MJ-2019-004", "MJ-2019-011"] {
            let (document, text) = try render(dossier)
            let numbers = document.blocks.compactMap { block -> Int? in if case .article(let n, _) = block { return n } else { return nil } }
            #expect(numbers == Array(1...numbers.count))
            #expect(numbers.count >= 14)
            #expect(text.contains("désigné à l'article 2"))
            #expect(!text.contains("[à compléter"))
            for wrong in [" de le ", " à le ", " de les ", " à les "] { #expect(!text.contains(wrong), "\(dossier): « \(wrong) »") }
            for case .paragraph(let paragraph) in document.blocks { #expect(!Plain.text(paragraph.inlines).contains("  ")) }
        }
    }

    @Test func signatures() throws {
        let (document, _) = try render("MJ-2019-011")
        guard case .signatures(let block)? = document.blocks.last else { Issue.record("no signatures"); return }
        #expect(block.signatories.map { Plain.text($0.name) } == ["Madame Claire Martin (fictif)", "Monsieur Jean-Baptiste Öztürk"])
    }

    @Test func draftShowsTheSignatureDatePlaceholder() throws {
        let (document, text) = try render("MJ-2019-004", draft: true)
        #expect(document.metadata.isDraft)
        #expect(text.contains("Fait à Metz, le [à compléter : date de signature]"))
    }

    @Test func landlordAudienceCannotReceiveTheSublease() throws {
        let template = try Self.template.get()
        let result = template.render(context: Fixtures.context("MJ-2019-004"), options: RenderOptions(audience: .bailleur))
        #expect(result.document == nil)
        #expect(result.diagnostics.map(\.code.rawValue).allSatisfy { $0 == "AUDIENCE" })
        #expect(result.diagnostics.first?.message.contains("sous_location.apl_mensuelle_estimee (niveau social)") == true)
    }
}

