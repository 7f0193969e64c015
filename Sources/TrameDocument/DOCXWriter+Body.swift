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

    init(style: DocumentStyle, images: ImageCatalog, firstDrawingID: Int = 1) {
        self.style = style
        self.images = images
        self.nextDrawingID = firstDrawingID
    }

    mutating func write(_ blocks: [Block]) {
        for (index, block) in blocks.enumerated() {
            write(block, next: index + 1 < blocks.count ? blocks[index + 1] : nil)
        }
    }

    mutating func write(_ block: Block, next: Block? = nil) {
        switch block {
        case .title(let inlines):
            xml.wmlParagraph(style: "Title", inlines)
        case .subtitle(let inlines):
            xml.wmlParagraph(style: "Subtitle", inlines)
        case .heading(let level, let inlines):
            xml.wmlParagraph(style: "Heading\(min(max(level, 1), 2))", inlines)
        case .article(let number, let title):
            xml.wmlParagraph(style: "Article", Block.articleHeading(number: number, title: title))
        case .paragraph(let paragraph):
            writeParagraph(paragraph, next: next)
        case .list(let list):
            writeList(list)
        case .table(let table):
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
                             alignment: Inline.containsBreak(item.inlines) ? .left : nil, item.inlines)
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
            xml.wmlParagraph(style: "Heading\(min(max(level, 1), 2))", prefix: pictures, paragraph.inlines)
            return
        }
        xml.wmlParagraph(style: paragraph.isNote ? "Note" : "Normal", keep: keep,
                         alignment: alignment == .justified ? nil : alignment, prefix: pictures, paragraph.inlines)
    }
}
