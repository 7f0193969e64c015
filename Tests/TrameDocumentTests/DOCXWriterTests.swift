import Foundation
import Testing
import TrameDocument

@Suite("DOCX writer")
struct DOCXWriterTests {
    let draft: Package
    let final: Package

    init() throws {
        draft = try Package(DocumentRenderer.render(SampleDocuments.sample(draft: true), as: .docx))
        final = try Package(DocumentRenderer.render(SampleDocuments.sample(draft: false), as: .docx))
    }

    @Test func everyPartHasAContentTypeAndParses() {
        let types = draft.string("[Content_Types].xml")
        for path in draft.paths {
            let parsed = draft.text(path)
            #expect(parsed.isWellFormed, "\(path): \(parsed.error ?? "")")
            if !path.hasSuffix(".rels") && path != "[Content_Types].xml" {
                #expect(types.contains(#"PartName="/\#(path)""#), "\(path) has no Override")
            }
        }
        #expect(draft.paths.first == "[Content_Types].xml")
        #expect(draft.string("_rels/.rels").contains(#"Target="word/document.xml""#))
        #expect(draft.string("word/_rels/document.xml.rels").contains(#"Target="header1.xml""#))
    }

    @Test func everyNumberedListRestarts() {
        let numbering = draft.string("word/numbering.xml")
        #expect(numbering.occurrences(of: "<w:num w:numId=") == 3)
        #expect(numbering.contains(#"<w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>"#))
        #expect(numbering.contains(#"<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>"#))
        #expect(numbering.contains(#"<w:numFmt w:val="bullet"/><w:lvlText w:val="•"/>"#))
        let document = draft.string("word/document.xml")
        #expect(document.contains(#"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:t>premier point de la seconde liste"#))
        #expect(document.contains(#"<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>"#))
    }

    @Test func tableRepeatsItsHeaderRowWithFixedWidths() {
        let document = draft.string("word/document.xml")
        #expect(document.occurrences(of: "<w:tblHeader/>") == 1)
        #expect(document.contains(#"<w:tblGrid><w:gridCol w:w="5782"/><w:gridCol w:w="1927"/><w:gridCol w:w="1929"/></w:tblGrid>"#))
        #expect(document.contains(#"<w:tblLayout w:type="fixed"/>"#))
        #expect(document.occurrences(of: "Mois ") == 40)
    }

    @Test func headerFooterAndDraftMark() {
        #expect(draft.string("word/header1.xml").contains("PROJET"))
        #expect(!final.string("word/header1.xml").contains("PROJET"))
        #expect(final.string("word/header1.xml").contains("Sous-location – dossier METZ-2024-017"))
        let footer = draft.string("word/footer1.xml")
        #expect(footer.contains(#"<w:fldSimple w:instr=" PAGE ">"#))
        #expect(footer.contains(#"<w:fldSimple w:instr=" NUMPAGES ">"#))
        #expect(footer.contains("Paraphes\u{00A0}: "))
        let untitled = Document(metadata: DocumentMetadata(title: "t", subject: "s", identifier: "i"), blocks: [])
        let plain = try? Package(DocumentRenderer.render(untitled, as: .docx))
        #expect(plain?.data("word/header1.xml") == nil)
        #expect(plain?.string("[Content_Types].xml").contains("header") == false)
    }

    @Test func inlineFormattingAndPlaceholders() {
        let document = draft.string("word/document.xml")
        #expect(document.contains(#"<w:r><w:rPr><w:b/><w:u w:val="single"/></w:rPr><w:t>M. Durand</w:t></w:r>"#))
        #expect(document.contains(#"<w:r><w:rPr><w:highlight w:val="yellow"/></w:rPr><w:t>[à compléter : logement.etage]</w:t></w:r>"#))
        #expect(document.contains(#"<w:pStyle w:val="Article"/></w:pPr><w:r><w:t>Article 1</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>er</w:t></w:r><w:r><w:t xml:space="preserve"> – </w:t></w:r>"#))
        #expect(document.contains(#"<w:p><w:pPr><w:pStyle w:val="PageBreak"/></w:pPr></w:p>"#))
        #expect(document.occurrences(of: "Lu et approuvé") == 3)
        #expect(draft.string("word/settings.xml").contains(#"<w:zoom w:percent="100"/>"#))
    }

    @Test func documentProperties() {
        let core = draft.string("docProps/core.xml")
        #expect(core.contains("<dc:title>Contrat de sous-location</dc:title>"))
        #expect(core.contains("<dc:identifier>METZ-2024-017</dc:identifier>"))
        #expect(core.contains("<dc:language>fr-FR</dc:language>"))
        #expect(!core.contains("dcterms:created") && !core.contains("dcterms:modified"))
        let custom = draft.string("docProps/custom.xml")
        #expect(custom.contains(#"<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="identifier"><vt:lpwstr>METZ-2024-017</vt:lpwstr></property>"#))
        #expect(custom.contains(#"pid="5" name="trame.audience"><vt:lpwstr>sous-locataire</vt:lpwstr>"#))
    }
}
