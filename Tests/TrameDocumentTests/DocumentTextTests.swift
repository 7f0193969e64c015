import Foundation
import Testing
import TrameDocument
import TrameTestSupport

/// What the sample says, read from each format's own markup with ``DocumentText`` (the helper the
/// document tests use): the same paragraphs in ODT, DOCX and HTML, and the structure a reader relies on.
@Suite("Document text")
struct DocumentTextTests {
    static func text(_ format: OutputFormat, draft: Bool = false, _ document: Document? = nil) throws -> DocumentText {
        let data = try DocumentRenderer.render(document ?? SampleDocuments.sample(draft: draft), as: format)
        switch format {
        case .odt: return try DocumentText(odt: data)
        case .docx: return try DocumentText(docx: data)
        default: return try DocumentText(html: data)
        }
    }

    static let formats: [OutputFormat] = [.odt, .docx, .html]

    @Test(arguments: [false, true])
    func everyFormatCarriesTheSameText(draft: Bool) throws {
        let odt = try Self.text(.odt, draft: draft)
        for format in [OutputFormat.docx, .html] {
            let other = try Self.text(format, draft: draft)
            #expect(other.paragraphs == odt.paragraphs, "\(format) differs from ODT")
        }
        for document in [SampleDocuments.escaping, SampleDocuments.edgeCases] {
            let reference = try Self.text(.odt, document).paragraphs
            #expect(try Self.text(.docx, document).paragraphs == reference)
            #expect(try Self.text(.html, document).paragraphs == reference)
        }
    }

    @Test(arguments: formats)
    func theSampleSaysWhatItShould(format: OutputFormat) throws {
        let text = try Self.text(format, draft: true)
        let flat = text.flat
        for expected in ["Article 1er – Objet", "Article 3 – Loyer et charges", "Claire Martin", "SCI Durand & Fils", "Échéance", "Mois 40",
                         SampleDocuments.awkwardFirstLine, "1 234,56 €", "[à compléter : logement.etage]"] {
            #expect(flat.contains(expected), "\(format): « \(expected) » missing")
        }
        #expect(flat.occurrences(of: "Lu et approuvé") == 3)
        // Table cells and list items are paragraphs of their own, in order.
        #expect(text.paragraphs.contains("premier point de la seconde liste"))
        #expect(text.paragraphs.firstIndex(of: "Mois 1") == text.paragraphs.firstIndex(of: "Échéance").map { $0 + 3 })
        // The amount keeps its narrow no-break space and no-break space: it cannot be cut at a line end.
        #expect(text.body.contains { $0.contains(SampleDocuments.amount) }, "\(format): amount without its no-break spaces")
        // A line break inside a paragraph is kept as such.
        #expect(text.body.contains("Texte centré\nsur deux lignes"))
        // The explicit page break comes before article 3.
        #expect(text.pageParts.count == 2)
        #expect(text.pageParts.last?.hasPrefix("Article 3 – Loyer et charges") == true)
        // The draft mark and the running header are in the header, on every page.
        #expect(text.headerText.contains("PROJET"))
        #expect(text.headerText.contains("Sous-location – dossier METZ-2024-017"))
        if format != .html {
            #expect(text.footerText == "Paraphes : ……………… Page 1 sur 1")
        }
    }

    @Test func aFinalCopyHasNoDraftMark() throws {
        for format in Self.formats {
            #expect(!(try Self.text(format, draft: false)).flat.contains("PROJET"), "\(format)")
        }
    }

    @Test func normalisationMakesSpacesPlain() {
        #expect(DocumentText.normalise("  a\u{00A0}:\u{202F}b\t\nc  ") == "a : b c")
        #expect(DocumentText.normalise("") == "")
    }
}
