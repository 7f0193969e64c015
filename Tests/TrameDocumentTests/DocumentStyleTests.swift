import Foundation
import Testing
@testable import TrameDocument

/// One `DocumentStyle` read by the three writers: the same margins, fonts, keep rules and
/// signature geometry in ODT, DOCX and HTML. (How they lay out is measured with LibreOffice by
/// `Scripts/measure-layout.sh`, not here: these tests read the markup only.)
@Suite("Document style")
struct DocumentStyleTests {
    /// A lead-in before its list, a question block with line breaks, a signature sheet and a signature block.
    static let document = Document(
        metadata: DocumentMetadata(title: "Style", subject: "", identifier: "x"), header: "En-tête",
        blocks: [
            .paragraph(Paragraph([.text("Le bailleur est tenu\u{00A0}:")])),
            .list(ListBlock(ordered: false, items: [ListItem([.text("de délivrer le logement ;")])])),
            .paragraph(Paragraph([.text("Question 1."), .lineBreak, .text("Responsable : ……")])),
            .paragraph(Paragraph([.text("Un paragraphe ordinaire.")])),
            .table(Table(headerRows: [[TableCell(text: "Participant"), TableCell(text: "Signature")]],
                         rows: [[TableCell(text: "A"), TableCell(text: "")], [TableCell(text: "B"), TableCell(text: "")]])),
            .signatures(SignatureBlock(closing: [.text("Fait à Metz.")],
                                       signatories: [Signatory(capacity: [.text("Le bailleur")], name: [.text("M. X")])])),
        ])

    static var custom: DocumentStyle {
        var style = DocumentStyle()
        style.bodyFont = FontFace(name: "DejaVu Serif", generic: .serif)
        style.page.marginLeft = .mm(25)
        style.page.marginRight = .mm(25)
        style.page.marginTop = .mm(25)
        style.page.marginBottom = .mm(25)
        return style
    }

    func odt(_ style: DocumentStyle = .standard) throws -> Package {
        try Package(DocumentRenderer.render(Self.document, as: .odt, style: style))
    }

    func docx(_ style: DocumentStyle = .standard) throws -> Package {
        try Package(DocumentRenderer.render(Self.document, as: .docx, style: style))
    }

    func html(_ style: DocumentStyle = .standard) throws -> String {
        try String(decoding: DocumentRenderer.render(Self.document, as: .html, style: style), as: UTF8.self)
    }

    @Test func lengthsConvertWithoutFloatingPoint() {
        #expect(Length.cm(2).twips == 1134)
        #expect(Length.mm(25).twips == 1417)
        #expect(Length.cm(3).twips == 1701)
        #expect(Length.mm(25).css == "2.5cm")
        #expect(Length.cm(thousandths: 635).css == "0.635cm")
        #expect(Length(parsing: "25mm") == .mm(25))
        #expect(Length(parsing: "2.5cm") == .mm(25))
        #expect(Length(parsing: "72pt") == Length(micrometres: 25_400))
        #expect(Length(parsing: "douze") == nil)
        #expect(Length.twips(1417).twips == 1417)
        #expect(FontSize(parsing: "10.5pt")?.description == "10.5pt")
        #expect(FontSize.pt(11).halfPoints == 22)
    }

    @Test func marginsAndFontsComeFromTheStyleInEveryFormat() throws {
        let style = Self.custom
        let odtStyles = try odt(style).string("styles.xml")
        #expect(odtStyles.contains(#"fo:margin-left="2.5cm" fo:margin-right="2.5cm""#))
        #expect(odtStyles.contains(#"<style:font-face style:name="DejaVu Serif""#))
        #expect(odtStyles.contains(#"style:font-name="DejaVu Serif""#))
        let package = try docx(style)
        #expect(package.string("word/document.xml").contains(#"<w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417" w:header="567" w:footer="567""#))
        #expect(package.string("word/styles.xml").contains(#"<w:rFonts w:ascii="DejaVu Serif""#))
        #expect(package.string("word/fontTable.xml").contains(#"<w:font w:name="DejaVu Serif">"#))
        let page = try html(style)
        #expect(page.contains("margin: 2.5cm 2.5cm 2.5cm 2.5cm;"))
        #expect(page.contains(#"font-family: "DejaVu Serif", serif"#))
        // The text width follows: a table spans 21 − 5 = 16 cm.
        #expect(try odt(style).string("content.xml").contains(#"style:width="16cm""#))
    }

    @Test func headerSitsInsideTheTopMarginAsInDOCX() throws {
        // Body at 2 cm, header 1 cm from the edge: ODT page margin 1 cm plus a 1 cm header (spacing included).
        let styles = try odt().string("styles.xml")
        #expect(styles.contains(#"fo:margin-top="1cm" fo:margin-bottom="1cm""#))
        #expect(styles.contains(#"<style:header-footer-properties fo:min-height="1cm" fo:margin-bottom="0.4cm""#))
        #expect(try docx().string("word/document.xml").contains(#"w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567""#))
        // Without a header, the ODT page margin is the body's.
        let bare = Document(metadata: DocumentMetadata(title: "t", subject: "", identifier: "x"), blocks: [])
        let bareStyles = try Package(DocumentRenderer.render(bare, as: .odt)).string("styles.xml")
        #expect(bareStyles.contains(#"fo:margin-top="2cm""#))
        #expect(!bareStyles.contains("<style:header-style>"))
    }

    @Test func sameLineHeightAndJustificationEverywhere() throws {
        let odtStyles = try odt().string("styles.xml")
        #expect(odtStyles.contains(#"style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.2cm" fo:line-height="115%" fo:text-align="justify""#))
        #expect(try docx().string("word/styles.xml").contains(#"<w:spacing w:before="0" w:after="113" w:line="276" w:lineRule="auto"/><w:jc w:val="both"/>"#))
        #expect(try html().contains("line-height: 1.15; text-align: justify;"))
    }

    @Test func widowControlInBothFormats() throws {
        #expect(try docx().string("word/styles.xml").contains("<w:pPrDefault><w:pPr><w:widowControl/>"))
        #expect(try odt().string("styles.xml").contains(#"fo:orphans="2" fo:widows="2""#))
        #expect(try html().contains("orphans: 2; widows: 2;"))
    }

    @Test func leadInKeepsWithItsListAndBlocksKeepTogether() throws {
        let content = try odt().string("content.xml")
        #expect(content.contains(#"<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Text_20_body"><style:paragraph-properties fo:keep-with-next="always"/>"#))
        #expect(content.contains(#"<text:p text:style-name="P1">Le bailleur est tenu"#))
        #expect(content.contains(#"<style:style style:name="P2" style:family="paragraph" style:parent-style-name="Text_20_body"><style:paragraph-properties fo:text-align="start" fo:keep-together="always"/>"#))
        #expect(content.contains(#"<text:p text:style-name="P2">Question 1."#))
        #expect(content.contains(#"<text:p text:style-name="Text_20_body">Un paragraphe ordinaire."#))

        let document = try docx().string("word/document.xml")
        #expect(document.contains(#"<w:pStyle w:val="Normal"/><w:keepNext/></w:pPr><w:r><w:t>Le bailleur"#))
        #expect(document.contains(#"<w:pStyle w:val="Normal"/><w:keepLines/><w:jc w:val="left"/></w:pPr><w:r><w:t>Question 1."#))
        #expect(document.contains(#"<w:pStyle w:val="Normal"/></w:pPr><w:r><w:t>Un paragraphe"#))

        let page = try html()
        #expect(page.contains(#"<p class="keep-next">Le bailleur"#))
        #expect(page.contains(#"<p class="left keep">Question 1."#))
    }

    @Test func leadInAtTheEndKeepsNothing() {
        let style = DocumentStyle.standard
        #expect(style.keep([.text("tenu :")], introduces: nil) == .none)
        #expect(style.keep([.text("tenu :  ")], introduces: .pageBreak).withNext)
        #expect(!style.keep([.text("tenu : suite.")], introduces: .pageBreak).withNext)
        var off = style
        off.keep.leadInsWithNext = false
        #expect(!off.keep([.text("tenu :")], introduces: .pageBreak).withNext)
    }

    @Test func signatureRowsAreAtLeastThreeCentimetresHigh() throws {
        let content = try odt().string("content.xml")
        #expect(content.contains(#"<style:style style:name="SigRow" style:family="table-row"><style:table-row-properties style:min-row-height="3cm""#))
        // The signature block's second row, and every body row of the « Signature » sheet.
        #expect(content.occurrences(of: #"<table:table-row table:style-name="SigRow">"#) == 3)
        #expect(content.contains(#"<table:table-cell table:style-name="SigName"><text:p text:style-name="Signature_20_Name">M. X"#))
        let styles = try odt().string("styles.xml")
        #expect(!styles.contains(#"fo:margin-top="3cm""#), "room to sign is a row height, not paragraph spacing")

        let document = try docx().string("word/document.xml")
        #expect(document.occurrences(of: #"<w:trHeight w:val="1701" w:hRule="atLeast"/>"#) == 3)
        #expect(document.contains(#"<w:vAlign w:val="bottom"/>"#))
        #expect(!(try docx().string("word/styles.xml")).contains(#"w:before="1701""#))

        let page = try html()
        #expect(page.occurrences(of: #"<tr class="sign">"#) == 3)
        #expect(page.contains("table.grid tr.sign td, table.signatures tr.sign td { height: 3cm; }"))
    }

    @Test func anyColumnNamingASignatureMakesASignatureSheet() {
        func table(_ heading: String) -> Table {
            Table(headerRows: [[TableCell(text: "Date"), TableCell(text: heading)]], rows: [[TableCell(text: ""), TableCell(text: "")]])
        }
        let style = DocumentStyle.standard
        #expect(style.isSignatureSheet(table("Signature")))
        #expect(style.isSignatureSheet(table("Ma signature")))
        #expect(style.isSignatureSheet(table("Signature du curateur")))
        #expect(style.isSignatureSheet(table("SIGNATURES")))
        #expect(!style.isSignatureSheet(table("Signataire")))
        #expect(!style.isSignatureSheet(table("Note")))
    }

    @Test func signatureNameRuleOutranksTheSignatureParagraphRule() throws {
        // `table.signatures p` (0,1,2) used to beat `p.signature-name` (0,1,1): the name lost its bold in print.
        let page = try html()
        let general = try #require(page.range(of: "table.signatures p {"))
        let name = try #require(page.range(of: "table.signatures p.signature-name {"))
        #expect(general.lowerBound < name.lowerBound)
        #expect(page[name.lowerBound...].prefix(200).contains("font-weight: bold"))
    }

    @Test func odtCellsNeverDrawTheSameBorderTwice() throws {
        let content = try odt().string("content.xml")
        #expect(!content.contains(#"style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt"#))
        #expect(content.contains(#"fo:border-top="0.5pt solid #000000" fo:border-left="0.5pt solid #000000" fo:border-bottom="none" fo:border-right="none""#))
        // Header row: first cell top+left, last cell also right; last body row also bottom.
        #expect(content.contains(#"<table:table-cell table:style-name="HeadCell"><text:p text:style-name="Table_20_Heading">Participant"#))
        #expect(content.contains(#"<table:table-cell table:style-name="HeadCellR"><text:p text:style-name="Table_20_Heading">Signature"#))
        #expect(content.contains(#"<table:table-cell table:style-name="CellB"><text:p text:style-name="Table_20_Contents">B"#))
        #expect(content.contains(#"<table:table-cell table:style-name="CellRB">"#))
    }

    /// Tables followed by a paragraph, a heading, another table, a list and a signature block.
    static let tables: Document = {
        let grid = Table(headerRows: [[TableCell(text: "Qui"), TableCell(text: "Quoi")]], rows: [[TableCell(text: "A"), TableCell(text: "B")]])
        return Document(
            metadata: DocumentMetadata(title: "Tableaux", subject: "", identifier: "x"),
            blocks: [
                .paragraph(Paragraph([.text("Avant.")])), .table(grid),
                .paragraph(Paragraph([.text("Après.")])), .table(grid),
                .heading(level: 1, [.text("Titre")]), .table(grid), .table(grid),
                .list(ListBlock(ordered: false, items: [ListItem([.text("un")]), ListItem([.text("deux")])])), .table(grid),
                .signatures(SignatureBlock(closing: [.text("Fait à Metz.")],
                                           signatories: [Signatory(capacity: [.text("Le bailleur")], name: [.text("M. X")])])),
            ])
    }()

    @Test(arguments: [("standard", DocumentStyle.standard), ("facile", DocumentStyle.easyRead)])
    func tablesLeaveABodyParagraphsSpaceAfterThem(_ name: String, _ style: DocumentStyle) throws {
        let after = style.tableSpaceAfter
        #expect(after > .zero, "\(name)")
        #expect(after == style.format(of: .body).spaceAfter, "\(name)")

        // ODT: each grid table's style carries the space (the signature table none); a heading after
        // a table gets the difference as its space before, as after a paragraph.
        let content = try Package(DocumentRenderer.render(Self.tables, as: .odt, style: style)).string("content.xml")
        for number in 1...5 {
            #expect(content.contains(#"<style:style style:name="Tbl\#(number)" style:family="table"><style:table-properties style:width="\#(style.textWidth.css)" table:align="left" fo:margin-top="0cm" fo:margin-bottom="\#(after.css)"/>"#), "\(name) Tbl\(number)")
        }
        #expect(content.contains(#"style:name="Tbl6" style:family="table"><style:table-properties style:width="\#(style.textWidth.css)" table:align="left" fo:margin-top="0cm" fo:margin-bottom="0cm""#), "\(name)")
        let heading = style.format(of: .heading1)
        #expect(content.contains(#"style:parent-style-name="Heading_20_1"><style:paragraph-properties fo:margin-top="\#((heading.spaceBefore - after).css)" fo:margin-bottom="\#(heading.spaceAfter.css)"/>"#), "\(name)")
        let closing = style.format(of: .closing)
        #expect(content.contains(#"style:parent-style-name="Closing"><style:paragraph-properties fo:margin-top="\#((closing.spaceBefore - after).css)" fo:margin-bottom="\#(closing.spaceAfter.css)"/>"#), "\(name)")

        // DOCX (no space after a table in WordprocessingML): the paragraph that follows takes it as
        // its space before, unless its own is larger; two tables in a row keep it between them.
        let document = try Package(DocumentRenderer.render(Self.tables, as: .docx, style: style)).string("word/document.xml")
        let spacing = #"<w:spacing w:before="\#(after.twips)"/>"#
        #expect(document.contains(#"</w:tbl><w:p><w:pPr><w:pStyle w:val="Normal"/>\#(spacing)</w:pPr><w:r><w:t>Après."#), "\(name)")
        #expect(document.contains(#"</w:tbl><w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Titre"#), "\(name)")
        #expect(document.contains(#"</w:tbl><w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="\#(after.twips)" w:lineRule="exact"/></w:pPr></w:p><w:tbl>"#), "\(name)")
        #expect(document.contains(#"</w:tbl><w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>\#(spacing)</w:pPr><w:r><w:t>un"#), "\(name)")
        #expect(document.occurrences(of: spacing) == 2, "\(name): only the first paragraph after a table")
        #expect(document.contains(#"</w:tbl><w:p><w:pPr><w:pStyle w:val="Closing"/></w:pPr>"#), "\(name)")

        // HTML: the grid table's bottom margin, which collapses with the next element's top margin.
        let page = try String(decoding: DocumentRenderer.render(Self.tables, as: .html, style: style), as: UTF8.self)
        #expect(page.contains("table.grid { margin-bottom: \(after.css); }"), "\(name)")
    }

    @Test func everyRoleIsStyledInEveryFormat() throws {
        let odtStyles = try odt().string("styles.xml")
        let docxStyles = try docx().string("word/styles.xml")
        for role in ParagraphRole.allCases {
            #expect(odtStyles.contains(#"style:name="\#(role.odf.name)""#), "\(role)")
            #expect(docxStyles.contains(#"w:styleId="\#(role.docx.id)""#), "\(role)")
        }
    }
}
