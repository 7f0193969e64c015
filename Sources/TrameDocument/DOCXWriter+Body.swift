/// Writes the blocks of `w:body` and records the numbering definitions the lists need.
struct DOCXBodyWriter {
    let style: DocumentStyle
    let images: ImageCatalog
    /// The `wp:docPr` id of the next picture (the letterhead's come first).
    var nextDrawingID: Int
    var xml = XMLWriter(capacity: 65_536)
    /// Abstract numbering definitions, one per list layout, in order of first use.
    var abstractLayouts: [ListLayout] = []
    /// For each list (`w:numId` = index + 1), its abstract definition and depth.
    var lists: [(abstract: Int, depth: Int)] = []
    /// The space below the grid table written last, while its next paragraph is not written: Word
    /// has no space after a table, so that paragraph takes it as its space before.
    var spaceAfterTable: Length?

    init(style: DocumentStyle, images: ImageCatalog, firstDrawingID: Int = 1) {
        self.style = style
        self.images = images
        self.nextDrawingID = firstDrawingID
    }

    mutating func write(_ blocks: [Block]) {
        for (index, block) in blocks.enumerated() {
            write(block, next: index + 1 < blocks.count ? blocks[index + 1] : nil)
            if case .table(let table) = block, table.columnCount > 0 {
                spaceAfterTable = style.tableSpaceAfter
            } else {
                spaceAfterTable = nil
            }
        }
    }

    /// The space before the first paragraph after a table: the table's space after where it is
    /// larger than the paragraph's own space before (the larger of the two separates them, as
    /// between two paragraphs, and as ODT and CSS do); nil otherwise, and for later paragraphs.
    mutating func spaceBefore(_ role: ParagraphRole) -> Length? {
        guard let after = spaceAfterTable else { return nil }
        spaceAfterTable = nil
        return after > style.format(of: role).spaceBefore ? after : nil
    }

    mutating func write(_ block: Block, next: Block? = nil) {
        switch block {
        case .title(let inlines):
            xml.wmlParagraph(style: "Title", spaceBefore: spaceBefore(.title), inlines)
        case .subtitle(let inlines):
            xml.wmlParagraph(style: "Subtitle", spaceBefore: spaceBefore(.subtitle), inlines)
        case .heading(let level, let inlines):
            let level = min(max(level, 1), 2)
            xml.wmlParagraph(style: "Heading\(level)", spaceBefore: spaceBefore(level == 1 ? .heading1 : .heading2), inlines)
        case .article(let number, let title):
            xml.wmlParagraph(style: "Article", spaceBefore: spaceBefore(.article), Block.articleHeading(number: number, title: title))
        case .paragraph(let paragraph):
            writeParagraph(paragraph, next: next)
        case .list(let list):
            writeList(list)
        case .table(let table):
            if let gap = spaceAfterTable {
                // Two tables in a row: an empty paragraph as high as the space keeps them apart
                // (Word would merge them).
                xml.raw(#"<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="\#(gap.twips)" w:lineRule="exact"/></w:pPr></w:p>"#)
            }
            writeTable(table)
        case .pageBreak:
            xml.raw(#"<w:p><w:pPr><w:pStyle w:val="PageBreak"/></w:pPr></w:p>"#)
        case .signatures(let block):
            writeSignatures(block)
        }
    }

    /// Every list gets its own `w:num` (with a start override), so numbering restarts at 1;
    /// lists with the same layout share one `w:abstractNum`.
    mutating func writeList(_ list: ListBlock) {
        guard !list.items.isEmpty else { return }
        let layout = ListLayout(list)
        let abstract: Int
        if let index = abstractLayouts.firstIndex(of: layout) {
            abstract = index
        } else {
            abstract = abstractLayouts.count
            abstractLayouts.append(layout)
        }
        lists.append((abstract, layout.ordered.count))
        writeItems(list.items, numId: lists.count, level: 0)
    }

    private mutating func writeItems(_ items: [ListItem], numId: Int, level: Int) {
        for item in items {
            xml.wmlParagraph(style: "ListParagraph", keep: style.keepItem(item), numbering: (numId, min(level, ListLayout.maxLevels - 1)),
                             spaceBefore: spaceBefore(.listItem), alignment: Inline.containsBreak(item.inlines) ? .left : nil, item.inlines)
            if let sublist = item.sublist {
                writeItems(sublist.items, numId: numId, level: level + 1)
            }
        }
    }

    /// A body or note paragraph with its keep rules, its pictures, then its text.
    mutating func writeParagraph(_ paragraph: Paragraph, next: Block?) {
        let keep = style.keep(paragraph.inlines, introduces: next)
        let alignment = paragraph.effectiveAlignment
        var pictures = XMLWriter(capacity: 0)
        for image in paragraph.images {
            pictures.wmlImage(image, catalog: images, id: nextDrawingID)
            nextDrawingID += 1
        }
        if let level = paragraph.headingLevel {
            let level = min(max(level, 1), 2)
            xml.wmlParagraph(style: "Heading\(level)", spaceBefore: spaceBefore(level == 1 ? .heading1 : .heading2),
                             prefix: pictures, paragraph.inlines)
            return
        }
        xml.wmlParagraph(style: paragraph.isNote ? "Note" : "Normal", keep: keep, spaceBefore: spaceBefore(paragraph.isNote ? .note : .body),
                         alignment: alignment == .justified ? nil : alignment, prefix: pictures, paragraph.inlines)
    }
}
