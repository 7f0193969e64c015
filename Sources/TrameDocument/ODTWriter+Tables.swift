/// Tables and the signature block in ODF.
extension ODTBodyWriter {
    /// A table with its header rows in `table:table-header-rows` (repeated on every page) and
    /// its column widths from ``Table/columnWidths``. Rows never split across pages; in a
    /// signature sheet (a « Signature » column) body rows are as high as a signature row.
    mutating func writeTable(_ table: Table) {
        let columns = table.columnCount
        guard columns > 0 else { return }
        // A signature sheet never splits: its header row is never left alone at the foot of a page.
        let signatureSheet = style.isSignatureSheet(table)
        startTable(columns: columns, weights: table.columnWidths, keepTogether: signatureSheet, spaceAfter: style.tableSpaceAfter)
        let lastRow = table.rows.count - 1
        if !table.headerRows.isEmpty {
            xml.raw("<table:table-header-rows>")
            for (index, row) in table.headerRows.enumerated() {
                let last = lastRow < 0 && index == table.headerRows.count - 1
                writeRow(row, columns: columns, cellStyle: "HeadCell", rowStyle: "Row", lastRow: last, paragraphStyle: "Table_20_Heading")
            }
            xml.raw("</table:table-header-rows>")
        }
        let rowStyle = signatureSheet ? "SigRow" : "Row"
        for (index, row) in table.rows.enumerated() {
            writeRow(row, columns: columns, cellStyle: "Cell", rowStyle: rowStyle, lastRow: index == lastRow, paragraphStyle: "Table_20_Contents")
        }
        xml.raw("</table:table>")
    }

    /// The closing line, then a borderless table with one column per signatory: a first row with
    /// the capacity and "Lu et approuvé" if asked, a second (`SigRow`, at least
    /// ``SignatureStyle/minimumHeight`` high) with the name at its bottom, so that there is room to
    /// sign and names line up whatever the length of the capacities. The table never splits.
    mutating func writeSignatures(_ block: SignatureBlock) {
        xml.odfParagraph(collapsedStyle(.closing), block.closing)
        previousSpaceAfter = style.format(of: .closing).spaceAfter
        guard !block.signatories.isEmpty else { return }
        startTable(columns: block.signatories.count, weights: [], keepTogether: true, spaceAfter: .zero)
        xml.raw("<table:table-row table:style-name=\"Row\">")
        for signatory in block.signatories {
            xml.raw("<table:table-cell table:style-name=\"SigCell\">")
            xml.odfParagraph("Signature", signatory.capacity)
            if block.readAndApproved {
                xml.odfParagraph("Signature", [.text("Lu et approuvé", .italic)])
            }
            xml.raw("</table:table-cell>")
        }
        xml.raw("</table:table-row><table:table-row table:style-name=\"SigRow\">")
        for signatory in block.signatories {
            xml.raw("<table:table-cell table:style-name=\"SigName\">")
            xml.odfParagraph("Signature_20_Name", signatory.name)
            xml.raw("</table:table-cell>")
        }
        xml.raw("</table:table-row></table:table>")
    }

    /// Opens `table:table` (style `Tbl<n>`, with `fo:margin-bottom` = `spaceAfter`) and writes its
    /// columns (styles `Tbl<n>.C<i>`).
    private mutating func startTable(columns: Int, weights: [Int], keepTogether: Bool, spaceAfter: Length) {
        let widths = PageGeometry.distribute(style.textWidth.thousandthsOfCentimetre, weights: weights, count: columns)
        tables.append((widths, keepTogether, spaceAfter))
        let number = tables.count
        let style = "Tbl\(number)"
        xml.raw("<table:table table:name=\"Tableau\(number)\" table:style-name=\"\(style)\">")
        for column in 1...columns {
            xml.raw("<table:table-column table:style-name=\"\(style).C\(column)\"/>")
        }
    }

    private mutating func writeRow(_ cells: [TableCell], columns: Int, cellStyle: String, rowStyle: String,
                                   lastRow: Bool, paragraphStyle: String) {
        xml.raw("<table:table-row table:style-name=\"\(rowStyle)\">")
        for index in 0..<columns {
            let suffix = (index == columns - 1 ? "R" : "") + (lastRow ? "B" : "")
            xml.raw("<table:table-cell table:style-name=\"\(cellStyle)\(suffix)\">")
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
