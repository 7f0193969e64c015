import Foundation
/// Lists and tables in plain text.
extension PlainTextWriter {
    /// The items of a list with their markers, numbered and bulleted per level as ODT and DOCX
    /// do it (``ListLayout``: the first list met at a depth decides that depth's kind).
    static func listLines(_ list: ListBlock) -> [String] {
        guard !list.items.isEmpty else { return [] }
        var lines: [String] = []
        appendItems(list.items, level: 0, layout: ListLayout(list), to: &lines)
        return lines
    }

    private static func appendItems(_ items: [ListItem], level: Int, layout: ListLayout, to lines: inout [String]) {
        let shown = min(level, ListLayout.maxLevels - 1)
        for (index, item) in items.enumerated() {
            let marker = layout.isOrdered(level: shown) ? ordinal(index + 1, level: shown) : ListLayout.bullet(level: shown)
            let indent = String(repeating: "  ", count: shown)
            let itemLines = paragraph(item.inlines, indent: indent, firstPrefix: marker + " ")
            lines += itemLines.isEmpty ? [indent + marker] : itemLines
            if let sublist = item.sublist, !sublist.items.isEmpty {
                appendItems(sublist.items, level: level + 1, layout: layout, to: &lines)
            }
        }
    }

    /// `3.`, `c)`, `iii.` for the third item at levels 0, 1, 2 (then again from level 3).
    static func ordinal(_ number: Int, level: Int) -> String {
        let numbering = ListLayout.numbering(level: level)
        switch numbering.odf {
        case "a": return letters(number) + numbering.suffix
        case "i": return roman(number) + numbering.suffix
        default: return String(number) + numbering.suffix
        }
    }

    /// `a` … `z`, `aa` … as word processors count.
    static func letters(_ number: Int) -> String {
        let letter = Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8((number - 1) % 26)))
        return String(repeating: letter, count: (number - 1) / 26 + 1)
    }

    static func roman(_ number: Int) -> String {
        let values = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                      (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        var rest = number
        var result = ""
        for (value, digits) in values {
            while rest >= value {
                result += digits
                rest -= value
            }
        }
        return result
    }

    /// One line per row, `| a | b |`; a rule under the header rows. Missing cells are empty,
    /// a cell's paragraphs are joined by ` / `, its line breaks written as ` / ` too.
    static func tableLines(header: [[TableCell]], rows: [[TableCell]], columns: Int) -> [String] {
        guard columns > 0 else { return [] }
        func line(_ cells: [TableCell]) -> String {
            let texts = (0..<columns).map { index in
                index < cells.count ? cells[index].paragraphs.map(flat).filter { !$0.isEmpty }.joined(separator: " / ") : ""
            }
            return "| " + texts.map { $0.replacingOccurrences(of: "\n", with: " / ") }.joined(separator: " | ") + " |"
        }
        var lines = header.map(line)
        if !header.isEmpty { lines.append("|" + String(repeating: "---|", count: columns)) }
        return lines + rows.map(line)
    }
}
