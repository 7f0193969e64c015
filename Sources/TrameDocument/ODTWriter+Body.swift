/// Writes the blocks of `office:text` and records the automatic styles they need
/// (list styles per ``ListLayout``, one table style and column styles per table).
struct ODTBodyWriter {
    var xml = XMLWriter(capacity: 32_768)
    /// List layouts in order of first use; list style `L_<key>`.
    var listLayouts: [ListLayout] = []
    var listCount = 0
    /// Column widths (thousandths of a cm) of each table, and whether it is a signature table.
    var tables: [(widths: [Int], keepTogether: Bool)] = []

    mutating func write(_ block: Block) {
        switch block {
        case .title(let inlines):
            xml.odfParagraph("Title", inlines)
        case .subtitle(let inlines):
            xml.odfParagraph("Subtitle", inlines)
        case .heading(let level, let inlines):
            let level = min(max(level, 1), 2)
            xml.raw("<text:h text:style-name=\"Heading_20_\(level)\" text:outline-level=\"\(level)\">")
            xml.odfInlines(inlines)
            xml.raw("</text:h>")
        case .article(let number, let title):
            xml.raw("<text:h text:style-name=\"Article\" text:outline-level=\"3\">")
            xml.odfInlines(Block.articleHeading(number: number, title: title))
            xml.raw("</text:h>")
        case .paragraph(let paragraph):
            xml.odfParagraph(Self.paragraphStyle(paragraph), paragraph.inlines)
        case .list(let list):
            writeList(list)
        case .table(let table):
            writeTable(table)
        case .pageBreak:
            xml.raw("<text:p text:style-name=\"Page_20_Break\"/>")
        case .signatures(let block):
            writeSignatures(block)
        }
    }

    /// Body and note paragraphs are justified by their style; other alignments use the
    /// automatic styles `PL`, `PC`, `PR` (body) and `NL`, `NC`, `NR` (note).
    ///
    /// A justified paragraph holding a line break is set flush left: LibreOffice stretches the
    /// line before a manual break, and the ODF setting that prevents it cannot be given alone
    /// (see ``ODTWriter``). DOCX keeps justification with `w:doNotExpandShiftReturn`.
    static func paragraphStyle(_ paragraph: Paragraph) -> String {
        let prefix = paragraph.isNote ? "N" : "P"
        switch paragraph.alignment {
        case .justified where Inline.containsBreak(paragraph.inlines): return prefix + "L"
        case .justified: return paragraph.isNote ? "Note" : "Text_20_body"
        case .left: return prefix + "L"
        case .center: return prefix + "C"
        case .right: return prefix + "R"
        }
    }

    /// A top-level list gets its own `xml:id` and `text:continue-numbering="false"`, so every
    /// numbered list starts at 1; sublists inherit the list style's deeper levels.
    mutating func writeList(_ list: ListBlock) {
        guard !list.items.isEmpty else { return }
        let layout = ListLayout(list)
        if !listLayouts.contains(layout) { listLayouts.append(layout) }
        listCount += 1
        xml.raw("<text:list xml:id=\"list\(listCount)\" text:style-name=\"L_\(layout.key)\" text:continue-numbering=\"false\">")
        writeItems(list.items)
        xml.raw("</text:list>")
    }

    private mutating func writeItems(_ items: [ListItem]) {
        for item in items {
            xml.raw("<text:list-item>")
            xml.odfParagraph(Inline.containsBreak(item.inlines) ? "LL" : "List_20_Paragraph", item.inlines)
            if let sublist = item.sublist, !sublist.items.isEmpty {
                xml.raw("<text:list>")
                writeItems(sublist.items)
                xml.raw("</text:list>")
            }
            xml.raw("</text:list-item>")
        }
    }
}
