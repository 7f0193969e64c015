/// `word/styles.xml`: document defaults (body font and size, text colour, the document's language,
/// widow control) and one paragraph style per ``ParagraphRole``, every property explicit and taken
/// from the ``DocumentStyle``, like the ODT named styles. Lengths in twips, sizes in half-points.
extension DOCXWriter {
    func stylesXML() -> XMLWriter {
        var xml = XMLWriter(capacity: 8192)
        xml.declaration(standalone: true)
        xml.raw("<w:styles \(Self.wordRoot)><w:docDefaults><w:rPrDefault><w:rPr>")
        xml.raw(Self.runFonts(style.bodyFont))
        xml.raw(#"<w:color w:val="\#(style.colours.text)"/>"#)
        xml.raw(#"<w:sz w:val="\#(style.sizes.body.halfPoints)"/><w:szCs w:val="\#(style.sizes.body.halfPoints)"/>"#)
        xml.empty("w:lang", ["w:val": language.tag])
        xml.raw("</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>")
        xml.raw(style.keep.widowsAndOrphans > 0 ? "<w:widowControl/>" : #"<w:widowControl w:val="0"/>"#)
        xml.raw(style.hyphenation ? #"<w:suppressAutoHyphens w:val="0"/>"# : "<w:suppressAutoHyphens/>")
        xml.raw(#"<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>"#)
        xml.raw("</w:pPr></w:pPrDefault></w:docDefaults>")
        xml.raw(style.isStandardLayout ? StyleCache.docxRoleStyles : roleStylesXML())
        let padding = style.table
        xml.raw(#"<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/>"#
            + "<w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>")
        xml.raw(#"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>"#
            + #"<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>"#
            + #"<w:tblCellMar><w:top w:w="\#(padding.cellPaddingVertical.twips)" w:type="dxa"/>"#
            + #"<w:left w:w="\#(padding.cellPaddingHorizontal.twips)" w:type="dxa"/>"#
            + #"<w:bottom w:w="\#(padding.cellPaddingVertical.twips)" w:type="dxa"/>"#
            + #"<w:right w:w="\#(padding.cellPaddingHorizontal.twips)" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#)
        xml.raw(#"<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>"#
            + "<w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>")
        xml.raw("</w:styles>")
        return xml
    }

    /// `w:rFonts` naming one font for every script.
    static func runFonts(_ face: FontFace) -> String {
        var xml = XMLWriter(capacity: 160)
        xml.empty("w:rFonts", ["w:ascii": face.name, "w:eastAsia": face.name, "w:hAnsi": face.name, "w:cs": face.name])
        return xml.string
    }

    /// One paragraph style per ``ParagraphRole``.
    func roleStylesXML() -> String {
        var xml = XMLWriter(capacity: 8192)
        for role in ParagraphRole.allCases { writeStyle(role, to: &xml) }
        return xml.string
    }

    /// One paragraph style, its `w:pPr` and `w:rPr` children in schema order.
    private func writeStyle(_ role: ParagraphRole, to xml: inout XMLWriter) {
        let format = style.format(of: role)
        let (id, name) = role.docx
        xml.raw(#"<w:style w:type="paragraph""# + (role == .body ? #" w:default="1""# : "") + #" w:styleId="\#(id)">"#)
        xml.raw(#"<w:name w:val="\#(name)"/>"#)
        if role != .body { xml.raw(#"<w:basedOn w:val="Normal"/>"#) }
        xml.raw("<w:qFormat/><w:pPr>")
        xml.raw(format.keepWithNext ? "<w:keepNext/>" : #"<w:keepNext w:val="0"/>"#)
        if format.pageBreakBefore { xml.raw("<w:pageBreakBefore/>") }
        xml.raw(#"<w:spacing w:before="\#(format.spaceBefore.twips)" w:after="\#(format.spaceAfter.twips)" "#
            + #"w:line="\#(240 * format.lineHeightPercent / 100)" w:lineRule="auto"/>"#)
        if format.indentLeft != .zero { xml.raw(#"<w:ind w:left="\#(format.indentLeft.twips)"/>"#) }
        xml.raw(#"<w:jc w:val="\#(Self.jc(format.alignment))"/>"#)
        if let level = role.outlineLevel { xml.raw(#"<w:outlineLvl w:val="\#(level - 1)"/>"#) }
        xml.raw("</w:pPr><w:rPr>")
        xml.raw(Self.runFonts(format.font))
        xml.raw(format.bold ? "<w:b/>" : #"<w:b w:val="0"/>"#)
        if let colour = format.colour { xml.raw(#"<w:color w:val="\#(colour)"/>"#) }
        xml.raw(#"<w:sz w:val="\#(format.size.halfPoints)"/><w:szCs w:val="\#(format.size.halfPoints)"/>"#)
        xml.raw("</w:rPr></w:style>")
    }

    static func jc(_ alignment: Paragraph.Alignment) -> String {
        switch alignment {
        case .justified: "both"
        case .left: "left"
        case .center: "center"
        case .right: "right"
        }
    }
}
