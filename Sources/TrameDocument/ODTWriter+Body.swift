/// Writes the blocks of `office:text` and records the automatic styles they need
/// (list styles per ``ListLayout``, paragraph variants, one table style and column styles per table).
struct ODTBodyWriter {
    let style: DocumentStyle
    let images: ImageCatalog
    var xml = XMLWriter(capacity: 32_768)
    /// List layouts in order of first use; list style `L_<key>`.
    var listLayouts: [ListLayout] = []
    var listCount = 0
    /// Column widths (thousandths of a cm) of each table, whether it never splits and its space
    /// after (``DocumentStyle/tableSpaceAfter`` for a grid table). A table has no space before: the
    /// paragraph before it keeps its space after, as in DOCX.
    var tables: [(widths: [Int], keepTogether: Bool, spaceAfter: Length)] = []
    /// Paragraph styles that differ from a named style by alignment or keep rules: `P1`, `P2`, …
    var paragraphVariants: [ParagraphVariant] = []
    /// Frames written so far (`draw:name` must be unique).
    var frameCount = 0
    /// The space below the block written last (zero after a signature block or at the start).
    var previousSpaceAfter = Length.zero

    /// Space after a body paragraph, a note, a list (computed once: asked for every block).
    let bodyAfter: Length, noteAfter: Length, listAfter: Length

    init(style: DocumentStyle, images: ImageCatalog) {
        self.style = style
        self.images = images
        bodyAfter = style.format(of: .body).spaceAfter
        noteAfter = style.format(of: .note).spaceAfter
        listAfter = style.format(of: .listItem).spaceAfter
    }

    /// A named paragraph style with another alignment or keep rules.
    struct ParagraphVariant: Hashable {
        var parent: String
        var alignment: Paragraph.Alignment?
        var keep: ParagraphKeep
        /// Another space before (see ``ODTBodyWriter/collapsedStyle(_:)``).
        var spaceBefore: Length? = nil
        /// The parent's space after, written again beside a new space before: LibreOffice holds
        /// both in one attribute and resets the one a style leaves out to zero.
        var spaceAfter: Length? = nil
    }

    mutating func write(_ blocks: [Block]) {
        for (index, block) in blocks.enumerated() {
            write(block, next: index + 1 < blocks.count ? blocks[index + 1] : nil)
            previousSpaceAfter = spaceAfter(block)
        }
    }

    /// The space a block leaves below itself.
    func spaceAfter(_ block: Block) -> Length {
        switch block {
        case .title: style.format(of: .title).spaceAfter
        case .subtitle: style.format(of: .subtitle).spaceAfter
        case .heading(let level, _): style.format(of: level <= 1 ? .heading1 : .heading2).spaceAfter
        case .article: style.format(of: .article).spaceAfter
        case .paragraph(let paragraph): paragraph.isNote ? noteAfter : bodyAfter
        case .list: listAfter
        case .table(let table): table.columnCount > 0 ? style.tableSpaceAfter : .zero
        case .pageBreak, .signatures: .zero
        }
    }

    /// Word, LibreOffice reading a DOCX, and CSS (collapsing margins) separate two paragraphs by
    /// the larger of the first one's space after and the second one's space before; ODF adds
    /// them. So where a role with space before follows a block with space after, the ODT
    /// paragraph gets a variant whose space before is the difference: the same gap in every format.
    mutating func collapsedStyle(_ role: ParagraphRole) -> String {
        let before = style.format(of: role).spaceBefore
        guard before > .zero, previousSpaceAfter > .zero else { return role.odf.name }
        return styleName(role.odf.name, alignment: nil, keep: .none, spaceBefore: max(before - previousSpaceAfter, .zero),
                         spaceAfter: style.format(of: role).spaceAfter)
    }

    mutating func write(_ block: Block, next: Block? = nil) {
        switch block {
        case .title(let inlines):
            xml.odfParagraph(collapsedStyle(.title), inlines)
        case .subtitle(let inlines):
            xml.odfParagraph(collapsedStyle(.subtitle), inlines)
        case .heading(let level, let inlines):
            let level = min(max(level, 1), 2)
            xml.raw("<text:h text:style-name=\"\(collapsedStyle(level == 1 ? .heading1 : .heading2))\" text:outline-level=\"\(level)\">")
            xml.odfInlines(inlines)
            xml.raw("</text:h>")
        case .article(let number, let title):
            xml.raw("<text:h text:style-name=\"\(collapsedStyle(.article))\" text:outline-level=\"3\">")
            xml.odfInlines(Block.articleHeading(number: number, title: title))
            xml.raw("</text:h>")
        case .paragraph(let paragraph):
            writeParagraph(paragraph, next: next)
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

    /// A body or note paragraph: its named style, or a variant for another alignment or keep rule;
    /// its pictures first, then its text.
    mutating func writeParagraph(_ paragraph: Paragraph, next: Block?) {
        if let level = paragraph.headingLevel {
            // A section title with its pictogram: a real heading (outline, navigation), pictures first.
            let level = min(max(level, 1), 2)
            xml.raw("<text:h text:style-name=\"\(collapsedStyle(level == 1 ? .heading1 : .heading2))\" text:outline-level=\"\(level)\">")
            for image in paragraph.images {
                frameCount += 1
                xml.odfImage(image, catalog: images, frameName: "Image\(frameCount)")
            }
            xml.odfInlines(paragraph.inlines)
            xml.raw("</text:h>")
            return
        }
        let parent = paragraph.isNote ? "Note" : "Text_20_body"
        let alignment = paragraph.effectiveAlignment
        let name = styleName(parent, alignment: alignment == .justified ? nil : alignment,
                             keep: style.keep(paragraph.inlines, introduces: next))
        xml.raw("<text:p text:style-name=\"\(name)\">")
        for image in paragraph.images {
            frameCount += 1
            xml.odfImage(image, catalog: images, frameName: "Image\(frameCount)")
        }
        xml.odfInlines(paragraph.inlines)
        xml.appendStatic("</text:p>")
    }

    /// The named style, or the automatic variant `P<n>` recorded for the content styles.
    mutating func styleName(_ parent: String, alignment: Paragraph.Alignment?, keep: ParagraphKeep,
                            spaceBefore: Length? = nil, spaceAfter: Length? = nil) -> String {
        guard alignment != nil || keep != .none || spaceBefore != nil else { return parent }
        let variant = ParagraphVariant(parent: parent, alignment: alignment, keep: keep, spaceBefore: spaceBefore, spaceAfter: spaceAfter)
        if let index = paragraphVariants.firstIndex(of: variant) { return "P\(index + 1)" }
        paragraphVariants.append(variant)
        return "P\(paragraphVariants.count)"
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
            let alignment: Paragraph.Alignment? = Inline.containsBreak(item.inlines) ? .left : nil
            xml.odfParagraph(styleName("List_20_Paragraph", alignment: alignment, keep: style.keepItem(item)), item.inlines)
            if let sublist = item.sublist, !sublist.items.isEmpty {
                xml.raw("<text:list>")
                writeItems(sublist.items)
                xml.raw("</text:list>")
            }
            xml.raw("</text:list-item>")
        }
    }
}

extension XMLWriter {
    /// A picture as a character of the paragraph: `draw:frame` sized in cm holding the picture
    /// (for an SVG, the SVG then its raster fallback), with the alternative text as title and description.
    mutating func odfImage(_ image: Image, catalog: ImageCatalog, frameName: String) {
        raw(#"<draw:frame draw:style-name="Graphics" draw:name="\#(frameName)" text:anchor-type="as-char" "#
            + #"svg:width="\#(image.width.css)" svg:height="\#(image.height.css)" draw:z-index="0">"#)
        var sources = [(image.data, image.format)]
        if let fallback = image.fallback { sources.append((fallback.data, fallback.format)) }
        for (data, format) in sources {
            guard let name = catalog.name(for: data, format: format) else { continue }
            raw(#"<draw:image xlink:href="Pictures/\#(name)" xlink:type="simple" xlink:show="embed" "#
                + #"xlink:actuate="onLoad" draw:mime-type="\#(format.mediaType)"/>"#)
        }
        element("svg:title", text: image.alternativeText)
        element("svg:desc", text: image.alternativeText)
        raw("</draw:frame>")
    }
}
