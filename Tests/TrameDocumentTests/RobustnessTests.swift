import Foundation
import Testing
import TrameDocument

/// Degenerate documents still give well-formed files in every format.
@Suite("Robustness")
struct RobustnessTests {
    @Test(arguments: EscapingTests.markupFormats)
    func degenerateDocumentsAreWellFormed(format: OutputFormat) throws {
        for document in [SampleDocuments.edgeCases, SampleDocuments.empty] {
            let (parts, _) = try EscapingTests.bodyText(format, DocumentRenderer.render(document, as: format))
            #expect(!parts.isEmpty)
            for (path, parsed) in parts {
                #expect(parsed.isWellFormed, "\(format) \(path): \(parsed.error ?? "")")
            }
        }
    }

    @Test func propertiesAreDeduplicated() throws {
        let odt = try Package(DocumentRenderer.render(SampleDocuments.edgeCases, as: .odt))
        let meta = odt.string("meta.xml")
        #expect(meta.contains(#"<meta:user-defined meta:name="a">1</meta:user-defined><meta:user-defined meta:name="identifier">propre</meta:user-defined></office:meta>"#))
        #expect(meta.contains("<dc:language>fr-FR</dc:language>"))
        let docx = try Package(DocumentRenderer.render(SampleDocuments.edgeCases, as: .docx))
        #expect(docx.string("docProps/custom.xml").occurrences(of: "<property ") == 2)
    }

    @Test func deepListsAreClampedInDOCX() throws {
        let docx = try Package(DocumentRenderer.render(SampleDocuments.edgeCases, as: .docx))
        let document = docx.string("word/document.xml")
        #expect(document.contains(#"<w:ilvl w:val="8"/>"#))
        #expect(!document.contains(#"<w:ilvl w:val="9"/>"#))
    }
}
