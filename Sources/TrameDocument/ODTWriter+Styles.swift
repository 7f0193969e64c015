/// `styles.xml`: fonts, the named paragraph and text styles, the page layout, and the master
/// page whose header carries the letterhead, the running title and, in drafts, "PROJET", and
/// whose footer carries "Page N sur M" and, if asked, the initials zone. Every value comes from
/// the ``DocumentStyle``.
extension ODTWriter {
    func stylesXML() -> XMLWriter {
        var xml = XMLWriter(capacity: 8192)
        xml.declaration()
        xml.raw("<office:document-styles \(Self.namespaces) office:version=\"1.3\">")
        writeFontFaces(to: &xml)
        xml.raw("<office:styles>")
        let keep = style.keep.widowsAndOrphans
        xml.raw(#"<style:default-style style:family="paragraph"><style:paragraph-properties fo:orphans="\#(keep)" fo:widows="\#(keep)"/>"#)
        xml.openTag("style:text-properties")
        xml.attribute("style:font-name", style.bodyFont.name)
        xml.attribute("fo:font-size", style.sizes.body.description)
        xml.attribute("fo:color", "#" + style.colours.text)
        xml.attribute("fo:hyphenate", style.hyphenation ? "true" : "false")
        xml.attribute("fo:language", language.language)
        if let country = language.country { xml.attribute("fo:country", country) }
        xml.closeEmptyTag()
        xml.raw("</style:default-style>")
        xml.raw(#"<style:style style:name="Standard" style:family="paragraph"/>"#)
        xml.raw(style.isStandardLayout ? StyleCache.odtNamedStyles : namedStylesXML())
        xml.raw(##"<style:style style:name="Placeholder" style:family="text"><style:text-properties fo:background-color="#\##(style.colours.placeholder)"/></style:style>"##)
        xml.raw(#"<style:style style:name="Graphics" style:family="graphic"><style:graphic-properties "#
            + #"text:anchor-type="as-char" style:vertical-pos="top" style:vertical-rel="baseline" "#
            + #"fo:margin-left="0cm" fo:margin-right="0.3cm" fo:margin-top="0cm" fo:margin-bottom="0cm"/></style:style>"#)
        xml.raw("</office:styles>")
        writePageLayout(to: &xml)
        xml.raw(#"<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">"#)
        writeHeader(to: &xml)
        writeFooter(to: &xml)
        xml.raw("</style:master-page></office:master-styles></office:document-styles>")
        return xml
    }

    private func writeFontFaces(to xml: inout XMLWriter) {
        xml.raw("<office:font-face-decls>")
        for face in [style.bodyFont, style.headingFont].uniqued() {
            xml.openTag("style:font-face")
            xml.attribute("style:name", face.name)
            xml.attribute("svg:font-family", "'\(face.name)'")
            xml.attribute("style:font-family-generic", face.odfGeneric)
            xml.attribute("style:font-pitch", "variable")
            xml.closeEmptyTag()
        }
        xml.raw("</office:font-face-decls>")
    }

    /// One named paragraph style, every property explicit.
    /// One named paragraph style per ``ParagraphRole``.
    func namedStylesXML() -> String {
        var xml = XMLWriter(capacity: 8192)
        for role in ParagraphRole.allCases { writeNamedStyle(role, to: &xml) }
        return xml.string
    }

    private func writeNamedStyle(_ role: ParagraphRole, to xml: inout XMLWriter) {
        let format = style.format(of: role)
        xml.openTag("style:style")
        xml.attribute("style:name", role.odf.name)
        if let display = role.odf.display { xml.attribute("style:display-name", display) }
        xml.attribute("style:family", "paragraph")
        xml.attribute("style:parent-style-name", "Standard")
        if let level = role.outlineLevel { xml.attribute("style:default-outline-level", String(level)) }
        xml.closeTag()
        xml.openTag("style:paragraph-properties")
        xml.attribute("fo:margin-top", format.spaceBefore.css)
        xml.attribute("fo:margin-bottom", format.spaceAfter.css)
        if format.indentLeft != .zero { xml.attribute("fo:margin-left", format.indentLeft.css) }
        xml.attribute("fo:line-height", "\(format.lineHeightPercent)%")
        xml.attribute("fo:text-align", Self.odfAlignment(format.alignment))
        if format.keepWithNext { xml.attribute("fo:keep-with-next", "always") }
        if format.pageBreakBefore { xml.attribute("fo:break-before", "page") }
        xml.closeEmptyTag()
        xml.openTag("style:text-properties")
        xml.attribute("style:font-name", format.font.name)
        xml.attribute("fo:font-size", format.size.description)
        xml.attribute("fo:font-weight", format.bold ? "bold" : "normal")
        if let colour = format.colour { xml.attribute("fo:color", "#" + colour) }
        xml.closeEmptyTag()
        xml.raw("</style:style>")
    }

    static func odfAlignment(_ alignment: Paragraph.Alignment) -> String {
        switch alignment {
        case .justified: "justify"
        case .left: "start"
        case .center: "center"
        case .right: "end"
        }
    }

    /// A4 (or the style's page). The header sits inside the top margin: the page's own margin is
    /// the header's distance from the edge and the header's height takes the rest, so that the
    /// body starts at ``PageStyle/marginTop`` as in DOCX (`w:pgMar w:top`, `w:header`). Without a
    /// header the page margin is the body's.
    private func writePageLayout(to xml: inout XMLWriter) {
        let page = style.page
        let spacing = DocumentStyle.headerFooterSpacing
        let top = hasHeader ? page.headerDistance : page.marginTop
        let alignment = Self.odfAlignment(style.letterhead?.alignment ?? .left)
        xml.raw(#"<office:automatic-styles><style:style style:name="LH" style:family="paragraph" style:parent-style-name="Header">"#
            + #"<style:paragraph-properties fo:text-align="\#(alignment)"/></style:style>"#)
        xml.raw(#"<style:page-layout style:name="pm1"><style:page-layout-properties "#
            + #"fo:page-width="\#(page.width.css)" fo:page-height="\#(page.height.css)" style:print-orientation="portrait" "#
            + #"fo:margin-top="\#(top.css)" fo:margin-bottom="\#(page.footerDistance.css)" "#
            + #"fo:margin-left="\#(page.marginLeft.css)" fo:margin-right="\#(page.marginRight.css)"/>"#)
        if hasHeader {
            // LibreOffice counts the spacing inside fo:min-height (as it does for DOCX headers).
            let height = max(style.headerRoom, spacing)
            xml.raw(#"<style:header-style><style:header-footer-properties fo:min-height="\#(height.css)" "#
                + #"fo:margin-bottom="\#(spacing.css)" style:dynamic-spacing="false"/></style:header-style>"#)
        }
        let footer = max(style.footerRoom, spacing)
        xml.raw(#"<style:footer-style><style:header-footer-properties fo:min-height="\#(footer.css)" "#
            + #"fo:margin-top="\#(spacing.css)" style:dynamic-spacing="false"/></style:footer-style>"#)
        xml.raw("</style:page-layout></office:automatic-styles>")
    }

    private func writeHeader(to xml: inout XMLWriter) {
        guard hasHeader else { return }
        xml.raw("<style:header>")
        if let letterhead = style.letterhead, !letterhead.images.isEmpty {
            xml.raw("<text:p text:style-name=\"LH\">")
            for (index, image) in letterhead.images.enumerated() {
                xml.odfImage(image, catalog: imageCatalog, frameName: "Letterhead\(index + 1)")
            }
            xml.raw("</text:p>")
        }
        if let header = document.header { xml.odfParagraph("Header", [.text(header)]) }
        if document.metadata.isDraft { xml.raw(#"<text:p text:style-name="Draft_20_Mark">PROJET</text:p>"#) }
        xml.raw("</style:header>")
    }

    private func writeFooter(to xml: inout XMLWriter) {
        xml.raw("<style:footer>")
        if document.initialsOnEveryPage {
            xml.raw(#"<text:p text:style-name="Initials">\#(Self.initialsText)</text:p>"#)
        }
        xml.raw(#"<text:p text:style-name="Footer">Page <text:page-number text:select-page="current">1</text:page-number>"#
            + " sur <text:page-count>1</text:page-count></text:p>")
        xml.raw("</style:footer>")
    }

    /// The initials zone of the footer (also used by the DOCX and HTML writers).
    static let initialsText = "Paraphes\u{00A0}: ………………"
}

extension Array where Element: Hashable {
    /// The elements without repeats, in order of first appearance.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
