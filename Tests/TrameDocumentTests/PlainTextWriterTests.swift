import Foundation
import Testing
@testable import TrameDocument

/// The plain-text writer: small documents in, exact text out.
@Suite("Plain-text writer")
struct PlainTextWriterTests {
    func text(_ blocks: [Block], header: String? = nil, initials: Bool = false, draft: Bool = false) throws -> String {
        let document = Document(metadata: DocumentMetadata(title: "T", subject: "", identifier: "x", isDraft: draft),
                                header: header, initialsOnEveryPage: initials, blocks: blocks)
        return String(decoding: try DocumentRenderer.render(document, as: .txt), as: UTF8.self)
    }

    @Test func headerAndFooterComeOnceAtTheTop() throws {
        let result = try text([.paragraph(Paragraph([.text("Corps")]))], header: "Bail – MJ-1", initials: true, draft: true)
        #expect(result == """
            En-tête : Bail – MJ-1 · PROJET
            Pied de page : Paraphes\u{00A0}: ……………… · Page N sur M
            ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━

            Corps

            """)
    }

    @Test func headingsArticlesNotesAndPlaceholders() throws {
        let result = try text([
            .title([.text("Contrat")]), .subtitle([.text("Sous-titre")]),
            .heading(level: 1, [.text("Titre I")]), .heading(level: 2, [.text("Durée")]),
            .article(number: 1, title: [.text("Objet")]), .article(number: 2, title: []),
            .paragraph(Paragraph([.text("Étage : ", .bold), .placeholder("[à compléter : logement.etage]"), .text(".")])),
            .paragraph(Paragraph([.text("Article 1717 du Code civil."), .lineBreak, .text("Suite")], isNote: true)),
            .paragraph(Paragraph([])),
            .pageBreak,
        ])
        #expect(result.hasSuffix("""
            ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━

            Contrat
            =======

            Sous-titre

            Titre I
            -------

            Durée
            ~~~~~

            Article 1er – Objet

            Article 2

            Étage : [à compléter : logement.etage].

                Article 1717 du Code civil.
                Suite

            --- saut de page ---

            """))
    }

    @Test func listsCarryTheirMarkersPerLevel() throws {
        let result = try text([
            .list(ListBlock(ordered: true, items: [
                ListItem([.text("un")]),
                ListItem([.text("deux")], sublist: ListBlock(ordered: true, items: [
                    ListItem([.text("alpha")], sublist: ListBlock(ordered: true, items: [ListItem([.text("i")]), ListItem([.text("ii")])])),
                    ListItem([.text("bêta\nsuite")]),
                ])),
            ])),
            .list(ListBlock(ordered: false, items: [
                ListItem([.text("puce")], sublist: ListBlock(ordered: false, items: [ListItem([.text("sous-puce")])])),
            ])),
        ])
        #expect(result.hasSuffix("""

            1. un
            2. deux
              a) alpha
                i. i
                ii. ii
              b) bêta
                 suite

            • puce
              – sous-puce

            """))
    }

    @Test func tablesAndSignaturesAreRows() throws {
        let result = try text([
            .table(Table(headerRows: [[TableCell(text: "Échéance"), TableCell(text: "Loyer")]],
                         rows: [[TableCell([[.text("Mois 1")], [.text("avril")]]), TableCell(text: "351,20\u{00A0}€")], [TableCell(text: "seule")]])),
            .signatures(SignatureBlock(closing: [.text("Fait à Metz.")], signatories: [
                Signatory(capacity: [.text("Le bailleur")], name: [.text("SCI Durand & Fils")]),
                Signatory(capacity: [.text("Le preneur")], name: [.text("O'Brien <Fils>")]),
            ])),
        ])
        #expect(result.hasSuffix("""

            | Échéance | Loyer |
            |---|---|
            | Mois 1 / avril | 351,20\u{00A0}€ |
            | seule |  |

            Fait à Metz.

            | Le bailleur / Lu et approuvé | Le preneur / Lu et approuvé |
            | SCI Durand & Fils | O'Brien <Fils> |

            """))
    }

    @Test func userTextIsLiteralAndTheOutputIsStable() throws {
        let document = SampleDocuments.escaping
        let first = try DocumentRenderer.render(document, as: .txt)
        #expect(first == (try DocumentRenderer.render(document, as: .txt)))
        let result = String(decoding: first, as: UTF8.self)
        #expect(result.contains("O'Brien & <Fils> \"q\" {{ x }} {% if %}\nligne 2\tcolonne\u{00A0}:\u{202F}🏠 ]]> fin."))
        #expect(!result.contains("\u{0007}"))
        #expect(OutputFormat.txt.mediaType == "text/plain; charset=utf-8")
    }
}
