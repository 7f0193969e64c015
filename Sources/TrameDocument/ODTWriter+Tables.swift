/// Tables and the signature block in ODF.
extension ODTBodyWriter {
    /// A table with its header rows in `table:table-header-rows` (repeated on every page) and
    /// its column widths from ``Table/columnWidths``.
    mutating func writeTable(_ table: Table) {
        let columns = table.columnCount
        guard columns > 0 else { return }
        startTable(columns: columns, weights: table.columnWidths, keepTogether: false)
        if !table.headerRows.isEmpty {
            xml.raw("<table:table-header-rows>")
            for row in table.headerRows { writeRow(row, columns: columns, cellStyle: "HeadCell", paragraphStyle: "Table_20_Heading") }
            xml.raw("</table:table-header-rows>")
        }
        for row in table.rows { writeRow(row, columns: columns, cellStyle: "Cell", paragraphStyle: "Table_20_Contents") }
        xml.raw("</table:table>")
    }

    /// The closing line, then a borderless table with one column per signatory: a first row with
    /// the capacity and "Lu et approuvé" if asked, a second with room to sign (the name paragraph's
    /// top margin) and the name, so that names line up whatever the length of the capacities.
    mutating func writeSignatures(_ block: SignatureBlock) {
        xml.odfParagraph("Closing", block.closing)
        guard !block.signatories.isEmpty else { return }
        startTable(columns: block.signatories.count, weights: [], keepTogether: true)
        xml.raw("<table:table-row>")
        for signatory in block.signatories {
            xml.raw("<table:table-cell table:style-name=\"SigCell\">")
            xml.odfParagraph("Signature", signatory.capacity)
            if block.readAndApproved {
                xml.odfParagraph("Signature", [.text("Lu et approuvé", .italic)])
            }
            xml.raw("</table:table-cell>")
        }
        xml.raw("</table:table-row><table:table-row>")
        for signatory in block.signatories {
            xml.raw("<table:table-cell table:style-name=\"SigCell\">")
            xml.odfParagraph("Signature_20_Name", signatory.name)
            xml.raw("</table:table-cell>")
        }
        xml.raw("</table:table-row></table:table>")
    }

    /// Opens `table:table` (style `Tbl<n>`) and writes its columns (styles `Tbl<n>.C<i>`).
    private mutating func startTable(columns: Int, weights: [Int], keepTogether: Bool) {
        let widths = PageGeometry.distribute(PageGeometry.textWidthMilliCentimetres, weights: weights, count: columns)
        tables.append((widths, keepTogether))
        let number = tables.count
        let style = "Tbl\(number)"
        xml.raw("<table:table table:name=\"Tableau\(number)\" table:style-name=\"\(style)\">")
        for column in 1...columns {
            xml.raw("<table:table-column table:style-name=\"\(style).C\(column)\"/>")
        }
    }

    private mutating func writeRow(_ cells: [TableCell], columns: Int, cellStyle: String, paragraphStyle: String) {
        xml.raw("<table:table-row>")
        for index in 0..<columns {
            xml.raw("<table:table-cell table:style-name=\"\(cellStyle)\">")
            let paragraphs = index < cells.count ? cells[index].paragraphs : []
            if paragraphs.isEmpty {
                xml.raw("<text:p text:style-name=\"\(paragraphStyle)\"/>")
            }
            for paragraph in paragraphs { xml.odfParagraph(paragraphStyle, paragraph) }
            xml.raw("</table:table-cell>")
        }
        xml.raw("</table:table-row>")
    }
}
