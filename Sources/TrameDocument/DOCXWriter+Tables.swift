/// Tables and the signature block in WordprocessingML: fixed layout, widths in twips from
/// ``Table/columnWidths``, header rows marked `w:tblHeader` (repeated on every page).
extension DOCXBodyWriter {
    mutating func writeTable(_ table: Table) {
        let columns = table.columnCount
        guard columns > 0 else { return }
        let widths = PageGeometry.distribute(PageGeometry.textWidthTwips, weights: table.columnWidths, count: columns)
        startTable(widths: widths, borders: "single")
        for row in table.headerRows {
            writeRow(row, widths: widths, header: true)
        }
        for row in table.rows {
            writeRow(row, widths: widths, header: false)
        }
        xml.raw("</w:tbl>")
    }

    /// The closing line (kept with what follows), then a borderless table with one column per
    /// signatory: a first row with the capacity and "Lu et approuvé" if asked (kept with the next
    /// row), a second with 3 cm to sign (the name's space before) and the name.
    mutating func writeSignatures(_ block: SignatureBlock) {
        xml.wmlParagraph(style: "Closing", block.closing)
        guard !block.signatories.isEmpty else { return }
        let widths = PageGeometry.distribute(PageGeometry.textWidthTwips, weights: [], count: block.signatories.count)
        startTable(widths: widths, borders: "nil")
        xml.raw("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
        for (signatory, width) in zip(block.signatories, widths) {
            xml.raw(#"<w:tc><w:tcPr><w:tcW w:w="\#(width)" w:type="dxa"/></w:tcPr>"#)
            xml.wmlParagraph(style: "Signature", signatory.capacity)
            if block.readAndApproved {
                xml.wmlParagraph(style: "Signature", [.text("Lu et approuvé", .italic)])
            }
            xml.raw("</w:tc>")
        }
        xml.raw("</w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr>")
        for (signatory, width) in zip(block.signatories, widths) {
            xml.raw(#"<w:tc><w:tcPr><w:tcW w:w="\#(width)" w:type="dxa"/></w:tcPr>"#)
            xml.wmlParagraph(style: "SignatureName", signatory.name)
            xml.raw("</w:tc>")
        }
        xml.raw("</w:tr></w:tbl>")
    }

    private mutating func startTable(widths: [Int], borders: String) {
        xml.raw(#"<w:tbl><w:tblPr><w:tblW w:w="\#(widths.reduce(0, +))" w:type="dxa"/><w:tblBorders>"#)
        let size = borders == "nil" ? "" : #" w:sz="4" w:space="0" w:color="000000""#
        for edge in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            xml.raw(#"<w:\#(edge) w:val="\#(borders)"\#(size)/>"#)
        }
        xml.raw(#"</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="28" w:type="dxa"/>"#
            + #"<w:left w:w="57" w:type="dxa"/><w:bottom w:w="28" w:type="dxa"/><w:right w:w="57" w:type="dxa"/>"#
            + "</w:tblCellMar></w:tblPr><w:tblGrid>")
        for width in widths { xml.raw(#"<w:gridCol w:w="\#(width)"/>"#) }
        xml.raw("</w:tblGrid>")
    }

    private mutating func writeRow(_ cells: [TableCell], widths: [Int], header: Bool) {
        xml.raw(header ? "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" : "<w:tr><w:trPr><w:cantSplit/></w:trPr>")
        let style = header ? "TableHeading" : "TableContents"
        for (index, width) in widths.enumerated() {
            xml.raw(#"<w:tc><w:tcPr><w:tcW w:w="\#(width)" w:type="dxa"/>"#)
            if header { xml.raw(#"<w:shd w:val="clear" w:color="auto" w:fill="E6E6E6"/>"#) }
            xml.raw("</w:tcPr>")
            let paragraphs = index < cells.count ? cells[index].paragraphs : []
            if paragraphs.isEmpty { xml.wmlParagraph(style: style, []) }
            for paragraph in paragraphs { xml.wmlParagraph(style: style, paragraph) }
            xml.raw("</w:tc>")
        }
        xml.raw("</w:tr>")
    }
}
