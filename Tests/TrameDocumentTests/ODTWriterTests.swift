import Foundation
import Testing
import TrameDocument

@Suite("ODT writer")
struct ODTWriterTests {
    let draft: Package
    let final: Package

    init() throws {
        draft = try Package(DocumentRenderer.render(SampleDocuments.sample(draft: true), as: .odt))
        final = try Package(DocumentRenderer.render(SampleDocuments.sample(draft: false), as: .odt))
    }

    @Test func packageStartsWithStoredMimetypeAndListsEveryPart() throws {
        let first = try #require(draft.entries.first)
        #expect(first.path == "mimetype")
        #expect(!first.compressed)
        #expect(String(decoding: first.data, as: UTF8.self) == "application/vnd.oasis.opendocument.text")
        #expect(draft.paths == ["mimetype", "content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml"])
        let manifest = draft.string("META-INF/manifest.xml")
        for path in draft.paths.dropFirst().dropLast() {
            #expect(manifest.contains(#"manifest:full-path="\#(path)""#))
        }
        #expect(manifest.contains(#"manifest:full-path="/" manifest:version="1.3""#))
        for path in draft.paths.dropFirst() {
            let parsed = draft.text(path)
            #expect(parsed.isWellFormed, "\(path): \(parsed.error ?? "")")
        }
    }

    @Test func isStrictODF13() {
        for path in ["content.xml", "styles.xml", "meta.xml"] {
            let xml = draft.string(path)
            #expect(xml.contains(#"office:version="1.3""#))
            #expect(!xml.contains("loext:"))
        }
    }

    @Test func everyNumberedListRestarts() {
        let content = draft.string("content.xml")
        #expect(content.occurrences(of: #"text:continue-numbering="false""#) == 3)
        #expect(content.contains(#"<text:list xml:id="list1" text:style-name="L_NN" text:continue-numbering="false">"#))
        #expect(content.contains(#"<text:list xml:id="list2" text:style-name="L_N" text:continue-numbering="false">"#))
        #expect(content.contains(#"<text:list xml:id="list3" text:style-name="L_BB" text:continue-numbering="false">"#))
        // Sublists sit inside their item and take their numbering from the list style's next level.
        #expect(content.contains("deuxième engagement</text:p><text:list><text:list-item>"))
        #expect(content.contains(#"<text:list-level-style-number text:level="2" style:num-suffix=")" style:num-format="a">"#))
        #expect(content.contains(#"text:bullet-char="–""#))
    }

    @Test func tableRepeatsItsHeaderRowAndKeepsColumnWidths() {
        let content = draft.string("content.xml")
        let header = #"<table:table-header-rows><table:table-row table:style-name="Row"><table:table-cell table:style-name="HeadCell">"#
            + #"<text:p text:style-name="Table_20_Heading">Échéance</text:p>"#
        #expect(content.contains(header))
        #expect(content.occurrences(of: "<table:table-header-rows>") == 1)
        #expect(content.occurrences(of: ">Mois ") == 40)
        #expect(content.contains(#"<style:style style:name="Tbl1.C1" style:family="table-column"><style:table-column-properties style:column-width="10.2cm"/>"#))
        #expect(content.contains(#"<style:table-column-properties style:column-width="3.4cm"/>"#))
    }

    @Test func headerFooterAndDraftMark() {
        let draftStyles = draft.string("styles.xml")
        #expect(draftStyles.contains(#"<text:p text:style-name="Draft_20_Mark">PROJET</text:p>"#))
        #expect(draftStyles.contains("Sous-location – dossier METZ-2024-017"))
        #expect(draftStyles.contains("Page <text:page-number text:select-page=\"current\">1</text:page-number> sur <text:page-count>1</text:page-count>"))
        #expect(draftStyles.contains("Paraphes\u{00A0}: "))
        #expect(draftStyles.contains(#"fo:page-width="21cm" fo:page-height="29.7cm""#))
        let finalStyles = final.string("styles.xml")
        #expect(!finalStyles.contains("PROJET"))
        #expect(finalStyles.contains("Sous-location – dossier METZ-2024-017"))
    }

    @Test func blocksInOrder() {
        let text = draft.text("content.xml").text
        let expected = ["Contrat de sous-location", "Titre I – Les parties", "Article 1er – Objet",
                        "premier engagement", "Article 2 – Durée", "seconde liste", "une sous-puce",
                        "Article 3 – Loyer et charges", "Mois 40", "Fait à Metz", "Claire Martin", "SCI Durand & Fils"]
        var position = text.startIndex
        for piece in expected {
            let range = text.range(of: piece, range: position..<text.endIndex)
            #expect(range != nil, "\(piece) missing or out of order")
            position = range?.upperBound ?? position
        }
        let content = draft.string("content.xml")
        // An article after a paragraph takes a variant of `Article` (its space before less the paragraph's
        // space after), which repeats the article's space after: LibreOffice would reset it to zero.
        #expect(content.contains(#"text:outline-level="3">Article 1<text:span text:style-name="T8">er</text:span><text:s/>– Objet</text:h>"#))
        #expect(content.contains(#"style:parent-style-name="Article"><style:paragraph-properties fo:margin-top="0.2cm" fo:margin-bottom="0.2cm"/>"#))
        #expect(content.contains(#"<text:p text:style-name="Page_20_Break"/>"#))
        #expect(content.occurrences(of: "Lu et approuvé") == 3)
        #expect(content.contains(#"<text:span text:style-name="Placeholder">[à compléter : logement.etage]</text:span>"#))
        #expect(content.contains(#"<text:span text:style-name="T5">M. Durand</text:span>"#))
    }

    @Test func metadata() {
        let meta = draft.string("meta.xml")
        #expect(meta.contains("<dc:title>Contrat de sous-location</dc:title>"))
        #expect(meta.contains("<dc:subject>Sous-location d'un logement meublé</dc:subject>"))
        #expect(meta.contains("<dc:language>fr-FR</dc:language>"))
        #expect(meta.contains(#"<meta:user-defined meta:name="identifier">METZ-2024-017</meta:user-defined>"#
            + #"<meta:user-defined meta:name="trame.template">sous-location@3</meta:user-defined>"#))
        #expect(meta.contains(#"<meta:user-defined meta:name="trame.clauses">objet@2 duree@1 loyer@4 &amp; &lt;signature&gt;</meta:user-defined>"#))
        #expect(!meta.contains("date"))
    }
}
