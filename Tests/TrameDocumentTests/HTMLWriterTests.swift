import Foundation
import Testing
@testable import TrameDocument

@Suite("HTML writer")
struct HTMLWriterTests {
    let draft: String
    let final: String

    init() throws {
        draft = String(decoding: try DocumentRenderer.render(SampleDocuments.sample(draft: true), as: .html), as: UTF8.self)
        final = String(decoding: try DocumentRenderer.render(SampleDocuments.sample(draft: false), as: .html), as: UTF8.self)
    }

    @Test func isAStandalonePolyglotPage() {
        #expect(draft.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr-FR\">"))
        #expect(draft.contains(#"<meta charset="utf-8"/>"#))
        let parsed = XMLText(draft)
        #expect(parsed.isWellFormed, "\(parsed.error ?? "")")
        #expect(!draft.contains("<script") && !draft.contains("<link"))
    }

    @Test func metadataAsMetaTags() {
        #expect(draft.contains("<title>Contrat de sous-location</title>"))
        #expect(draft.contains(#"<meta name="description" content="Sous-location d&#39;un logement meublé"/>"#))
        #expect(draft.contains(#"<meta name="trame:identifier" content="METZ-2024-017"/>"#))
        #expect(draft.contains(#"<meta name="trame:trame.clauses" content="objet@2 duree@1 loyer@4 &amp; &lt;signature&gt;"/>"#))
    }

    @Test func printStylesheetAndDraftMark() {
        #expect(draft.contains("size: A4;"))
        #expect(draft.contains(#"@bottom-center { content: "Page " counter(page) " sur " counter(pages); }"#))
        #expect(draft.contains(#"<div class="draft-mark" aria-hidden="true">PROJET</div>"#))
        #expect(draft.contains("<body class=\"draft\">"))
        #expect(!final.contains("PROJET"))
        #expect(draft.contains(#"@top-left { content: "Sous-location – dossier METZ-2024-017"; }"#))
    }

    @Test func listsTablesAndSignatures() {
        #expect(draft.occurrences(of: "<ol type=\"1\">") == 2)
        #expect(draft.contains("<li>deuxième engagement<ol type=\"a\"><li>sous-point alpha</li>"))
        #expect(draft.contains("<ul class=\"d0\"><li>une puce<ul class=\"d1\">"))
        #expect(draft.contains(#"<colgroup><col style="width: 60%"/><col style="width: 20%"/><col style="width: 20%"/></colgroup>"#))
        #expect(draft.contains(#"<thead><tr><th scope="col"><p>Échéance</p></th>"#))
        #expect(draft.occurrences(of: "<td><p>Mois ") == 40)
        #expect(draft.contains(#"<h4 class="article">Article 1<sup>er</sup> – Objet</h4>"#))
        #expect(draft.contains(#"<mark class="placeholder">[à compléter : logement.etage]</mark>"#))
        #expect(draft.contains(#"<div class="page-break"></div>"#))
        #expect(draft.occurrences(of: "<em>Lu et approuvé</em>") == 3)
        #expect(draft.contains(#"<strong><u>M. Durand</u></strong>"#))
    }

    @Test func cssStringsCannotEscape() {
        #expect(HTMLWriter.cssString("a\"b\\c</style>d\ne") == #""a\22 b\5C c\3C /style\3E d\A e""#)
    }
}
