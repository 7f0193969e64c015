import Foundation
import Testing
import TrameDocument
import TrameModel
import TrameTemplates

/// Mandatory mentions declared in a template's front matter, checked on every render; drafting
/// notes shown in drafts only and always reported.
@Suite("Mentions obligatoires et notes de rédaction")
struct MandatoryMentionTests {
    static func document(mentions: String, extra: String = "") -> String {
        """
        ---
        document: test
        version: 1
        en_vigueur: 2018-01-01
        date_reference: sous_location.date_effet
        titre: Test
        audience: sous-locataire
        mentions:
        \(mentions)
        ---
        # Titre
        @clause toujours
        @clause meuble
        @clause depot
        \(extra)
        """
    }

    static let mentions = """
          - id: objet
            libelle: objet du contrat
            source: "Loi n° 89-462, art. 3"
            clause: test.toujours
          - id: depot
            libelle: montant du dépôt de garantie
            source: "Loi n° 89-462, art. 3 et 22"
            clause: depot
            quand: 'sous_location.depot_garantie > 0'
          - id: inventaire
            libelle: inventaire du mobilier
            source: "Loi n° 89-462, art. 25-5"
            clause: [test.meuble]
            destinataires: [association]
        """

    func load(_ source: String) throws -> CompiledTemplate {
        try TemplateLoader.load(source: source, name: "test.v1.trame", clauses: .dictionary(ClauseTests.library))
    }

    func render(_ template: CompiledTemplate, _ dossier: String, draft: Bool = false, audience: Audience = .sousLocataire) -> RenderResult {
        template.render(context: Fixtures.context(dossier, audience: audience, draft: draft), options: RenderOptions(draft: draft, audience: audience))
    }

    @Test func requiredMentionsPresentLetTheFinalDocumentThrough() throws {
        // MJ-2019-004 has a deposit: the clause carrying `depot` is included.
        let result = render(try load(Self.document(mentions: Self.mentions)), "MJ-2019-004")
        #expect(result.document != nil)
        let byID = Dictionary(uniqueKeysWithValues: result.mentions.map { ($0.id, $0) })
        #expect(byID["objet"]?.required == true && byID["objet"]?.present == true)
        #expect(byID["depot"]?.required == true && byID["depot"]?.present == true)
        // Required only for the association's copy: not for the person's.
        #expect(byID["inventaire"]?.required == false)
        #expect(byID["inventaire"]?.reason.contains("association") == true)
    }

    @Test func aMentionWhoseConditionDoesNotHoldIsNotRequired() throws {
        // MJ-2019-011 has no deposit: the mention is not required, and the reason gives the value.
        let result = render(try load(Self.document(mentions: Self.mentions)), "MJ-2019-011")
        let depot = try #require(result.mentions.first { $0.id == "depot" })
        #expect(!depot.required)
        #expect(depot.reason.hasPrefix("non exigée"))
        #expect(result.document != nil)
    }

    @Test func aFinalDocumentMissingARequiredMentionIsRefusedNamingIt() throws {
        // The mention requires the clause whenever the deposit is non-negative; MJ-2019-011 has none,
        // so its clause (quand > 0) is left out while the mention stays required.
        let mentions = """
              - id: depot
                libelle: montant du dépôt de garantie
                source: "Loi n° 89-462, art. 3 et 22"
                clause: test.depot
                quand: 'sous_location.depot_garantie >= 0'
            """
        let template = try load(Self.document(mentions: mentions))
        let final = render(template, "MJ-2019-011")
        #expect(final.document == nil)
        let error = try #require(final.diagnostics.first { $0.code == .mentionObligatoireAbsente })
        #expect(error.message.contains("montant du dépôt de garantie"))
        #expect(error.message.contains("Loi n° 89-462, art. 3 et 22"))

        let draft = render(template, "MJ-2019-011", draft: true)
        let document = try #require(draft.document)
        let text = document.blocks.map { Plain.text($0) }.joined(separator: "\n")
        #expect(text.contains("mention obligatoire absente"))
        #expect(text.contains("montant du dépôt de garantie — Loi n° 89-462, art. 3 et 22"))
        // The notice comes right after the title.
        guard case .title = document.blocks[0], case .paragraph = document.blocks[1] else {
            Issue.record("notice not right after the title: \(document.blocks.prefix(2))")
            return
        }
    }

    @Test func mentionsNamingAClauseTheTemplateDoesNotIncludeAreLoadErrors() {
        let mentions = """
              - id: objet
                source: "Loi n° 89-462, art. 3"
                clause: test.toujour
              - id: sans-source
                clause: test.toujours
              - id: objet
                source: "x"
                clause: test.toujours
                quan: 'logement.meuble'
            """
        do {
            _ = try load(Self.document(mentions: mentions))
            Issue.record("the template should not load")
        } catch let error as Diagnostics {
            let messages = error.diagnostics.map(\.message)
            #expect(messages.contains { $0.contains("« test.toujour »") && $0.contains("vouliez-vous dire « test.toujours »") })
            #expect(messages.contains { $0.contains("« sans-source »") && $0.contains("source juridique") })
            #expect(messages.contains { $0.contains("« quan »") && $0.contains("quand") })
            #expect(error.diagnostics.allSatisfy { $0.location?.line ?? 0 > 1 })
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func draftingNotesAreShownInDraftsOnlyAndAlwaysReported() throws {
        let source = """
            ---
            document: test
            titre: Test
            audience: sous-locataire
            ---
            @article Résiliation
            Le contrat est résilié de plein droit. {% note_redaction "clause à faire valider par le conseil juridique" %}

            > {% note_redaction "service destinataire à vérifier" %}
            Fin.
            """
        let template = try Fixtures.template(source)
        let final = template.render(context: Fixtures.context("MJ-2019-004"), options: RenderOptions(draft: false, audience: .sousLocataire))
        let finalText = try #require(final.document).blocks.map { Plain.text($0) }.joined(separator: "\n")
        #expect(!finalText.contains("valider"))
        #expect(!finalText.contains("vérifier"))
        #expect(finalText.contains("Le contrat est résilié de plein droit."))
        #expect(!finalText.contains("droit. \n") && !finalText.hasSuffix(" "))
        #expect(final.draftingNotes.map(\.text) == ["clause à faire valider par le conseil juridique", "service destinataire à vérifier"])
        #expect(final.draftingNotes.first?.article == 1)
        #expect(final.draftingNotes.first?.location.line == 7)

        let draft = template.render(context: Fixtures.context("MJ-2019-004", draft: true), options: RenderOptions(draft: true, audience: .sousLocataire))
        let draftText = try #require(draft.document).blocks.map { Plain.text($0) }.joined(separator: "\n")
        #expect(draftText.contains("[Note de rédaction\u{00A0}: clause à faire valider par le conseil juridique]"))
        #expect(draftText.contains("[Note de rédaction\u{00A0}: service destinataire à vérifier]"))
    }

    @Test func aNoteWithoutTextIsALoadError() {
        let errors = Fixtures.loadErrors("@article A\nTexte {% note_redaction %}.")
        #expect(errors.contains { $0.message.contains("note_redaction") && $0.location?.line == 2 })
    }
}

extension MandatoryMentionTests {
    @Test func aFrontMatterSyntaxErrorIsLocatedOnItsLineInTheTemplate() {
        let errors = Fixtures.loadErrors("---\ndocument: x\ntitre: a : b\n---\nTexte.")
        #expect(errors.contains { $0.code == .enteteGabarit && $0.location?.line == 3 && $0.message.contains("guillemets") },
                "\(errors.map { "\($0.location?.line ?? 0) \($0.message)" })")
    }
}
