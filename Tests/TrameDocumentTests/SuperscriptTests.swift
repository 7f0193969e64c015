import Foundation
import Testing
import TrameDocument

/// Issue 13, point 11 b: « 1er » with its suffix in superscript in ODT, DOCX and HTML, plain in text.
@Suite("Superscript ordinals")
struct SuperscriptTests {
    static let document = Document(
        metadata: DocumentMetadata(title: "Ordinaux", subject: "", identifier: "x"),
        blocks: [
            .article(number: 1, title: [.text("Objet")]),
            .paragraph(Paragraph([.text("Le 1"), .text("er", .superscript), .text(" juillet 2018, au 2"),
                                  .text("e", [.superscript, .bold]), .text(" étage.")])),
        ])

    @Test func odtRaisesTheSuffixWithAnAutomaticStyle() throws {
        let package = try Package(DocumentRenderer.render(Self.document, as: .odt))
        let content = package.string("content.xml")
        #expect(content.contains(#"<style:style style:name="T8" style:family="text"><style:text-properties style:text-position="super 58%"/></style:style>"#))
        #expect(content.contains(#"<style:style style:name="T9" style:family="text"><style:text-properties fo:font-weight="bold" style:text-position="super 58%"/></style:style>"#))
        // (A space opening a run is written `text:s`.)
        #expect(content.contains(#"Le 1<text:span text:style-name="T8">er</text:span><text:s/>juillet 2018"#))
        #expect(content.contains(#"au 2<text:span text:style-name="T9">e</text:span><text:s/>étage"#))
        // « Article 1er »: the article heading raises its ordinal too.
        #expect(content.contains(#"Article 1<text:span text:style-name="T8">er</text:span><text:s/>– Objet"#))
    }

    @Test func docxRaisesTheSuffixWithVertAlign() throws {
        let package = try Package(DocumentRenderer.render(Self.document, as: .docx))
        let body = package.string("word/document.xml")
        #expect(body.contains(#"<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>er</w:t></w:r>"#))
        // Schema order: w:b before w:vertAlign.
        #expect(body.contains(#"<w:r><w:rPr><w:b/><w:vertAlign w:val="superscript"/></w:rPr><w:t>e</w:t></w:r>"#))
    }

    @Test func htmlUsesSupAndPlainTextWritesItInline() throws {
        let html = String(decoding: try DocumentRenderer.render(Self.document, as: .html), as: UTF8.self)
        #expect(html.contains("Le 1<sup>er</sup> juillet 2018"))
        #expect(html.contains("<strong><sup>e</sup></strong>"))
        #expect(html.contains("Article 1<sup>er</sup> – Objet"))
        let text = String(decoding: try DocumentRenderer.render(Self.document, as: .txt), as: UTF8.self)
        #expect(text.contains("Le 1er juillet 2018, au 2e étage."))
        #expect(text.contains("Article 1er – Objet"))
    }
}
