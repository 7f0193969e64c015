/// Tables and the signature block in WordprocessingML: fixed layout, widths in twips from
/// ``Table/columnWidths``, header rows marked `w:tblHeader` (repeated on every page), rows that
/// never split; borders, padding and the signature row height from the ``DocumentStyle``.
extension DOCXBodyWriter {
    mutating func writeTable(_ table: Table) {
        let columns = table.columnCount
        guard columns > 0 else { return }
        let widths = PageGeometry.distribute(style.textWidth.twips, weights: table.columnWidths, count: columns)
        startTable(widths: widths, bordered: true)
        for row in table.headerRows {
            writeRow(row, widths: widths, header: true, minimumHeight: nil)
        }
        let signatureSheet = style.isSignatureSheet(table)
        let height = signatureSheet ? style.signature.minimumHeight : nil
        for (index, row) in table.rows.enumerated() {
            // A signature sheet never splits (Word keeps rows whose paragraphs keep with the next).
            let keep = signatureSheet && index < table.rows.count - 1
            writeRow(row, widths: widths, header: false, minimumHeight: height, keepWithNext: keep)
        }
        xml.raw("</w:tbl>")
    }

    /// The closing line (kept with what follows), then a borderless table with one column per
    /// signatory: a first row with the capacity and "Lu et approuvé" if asked (kept with the next
    /// row), a second at least ``SignatureStyle/minimumHeight`` high (`w:trHeight`) with the name
    /// at its bottom: the room to sign.
    mutating func writeSignatures(_ block: SignatureBlock) {
        xml.wmlParagraph(style: "Closing", spaceBefore: spaceBefore(.closing), block.closing)
        guard !block.signatories.isEmpty else { return }
        let widths = PageGeometry.distribute(style.textWidth.twips, weights: [], count: block.signatories.count)
        startTable(widths: widths, bordered: false)
        xml.raw("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
        for (signatory, width) in zip(block.signatories, widths) {
            xml.raw(#"<w:tc><w:tcPr><w:tcW w:w="\#(width)" w:type="dxa"/></w:tcPr>"#)
            xml.wmlParagraph(style: "Signature", signatory.capacity)
            if block.readAndApproved {
                xml.wmlParagraph(style: "Signature", [.text("Lu et approuvé", .italic)])
            }
            xml.raw("</w:tc>")
        }
        xml.raw(#"</w:tr><w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="\#(style.signature.minimumHeight.twips)" w:hRule="atLeast"/></w:trPr>"#)
        for (signatory, width) in zip(block.signatories, widths) {
            xml.raw(#"<w:tc><w:tcPr><w:tcW w:w="\#(width)" w:type="dxa"/><w:vAlign w:val="bottom"/></w:tcPr>"#)
            xml.wmlParagraph(style: "SignatureName", signatory.name)
            xml.raw("</w:tc>")
        }
        xml.raw("</w:tr></w:tbl>")
    }

    private mutating func startTable(widths: [Int], bordered: Bool) {
        xml.raw(#"<w:tbl><w:tblPr><w:tblW w:w="\#(widths.reduce(0, +))" w:type="dxa"/><w:tblBorders>"#)
        let line = bordered ? #"w:val="single" w:sz="\#(style.table.borderEighths)" w:space="0" w:color="\#(style.colours.border)""# : #"w:val="nil""#
        for edge in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            xml.raw("<w:\(edge) \(line)/>")
        }
        let vertical = style.table.cellPaddingVertical.twips, horizontal = style.table.cellPaddingHorizontal.twips
        xml.raw(#"</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="\#(vertical)" w:type="dxa"/>"#
            + #"<w:left w:w="\#(horizontal)" w:type="dxa"/><w:bottom w:w="\#(vertical)" w:type="dxa"/><w:right w:w="\#(horizontal)" w:type="dxa"/>"#
            + "</w:tblCellMar></w:tblPr><w:tblGrid>")
        for width in widths { xml.raw(#"<w:gridCol w:w="\#(width)"/>"#) }
        xml.raw("</w:tblGrid>")
    }

    private mutating func writeRow(_ cells: [TableCell], widths: [Int], header: Bool, minimumHeight: Length?, keepWithNext: Bool = false) {
        xml.raw("<w:tr><w:trPr><w:cantSplit/>")
        if let minimumHeight { xml.raw(#"<w:trHeight w:val="\#(minimumHeight.twips)" w:hRule="atLeast"/>"#) }
        xml.raw(header ? "<w:tblHeader/></w:trPr>" : "</w:trPr>")
        let paragraphStyle = header ? "TableHeading" : "TableContents"
        for (index, width) in widths.enumerated() {
            xml.raw(#"<w:tc><w:tcPr><w:tcW w:w="\#(width)" w:type="dxa"/>"#)
            if header { xml.raw(#"<w:shd w:val="clear" w:color="auto" w:fill="\#(style.colours.tableHeaderFill)"/>"#) }
            xml.raw("</w:tcPr>")
            let paragraphs = index < cells.count ? cells[index].paragraphs : []
            let keep = keepWithNext ? ParagraphKeep(withNext: true) : .none
            if paragraphs.isEmpty { xml.wmlParagraph(style: paragraphStyle, keep: keep, []) }
            for paragraph in paragraphs { xml.wmlParagraph(style: paragraphStyle, keep: keep, paragraph) }
            xml.raw("</w:tc>")
        }
        xml.raw("</w:tr>")
    }
}
