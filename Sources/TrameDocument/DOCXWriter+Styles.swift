/// `word/styles.xml`: document defaults (Liberation Serif 11 pt, the document's language) and the
/// paragraph styles matching the ODT ones. Spacing in twips (0.2 cm ≈ 113), sizes in half-points.
extension DOCXWriter {
    func stylesXML() -> XMLWriter {
        var xml = XMLWriter(capacity: 8192)
        xml.declaration(standalone: true)
        xml.raw("<w:styles \(Self.wordRoot)><w:docDefaults><w:rPrDefault><w:rPr>")
        xml.raw(#"<w:rFonts w:ascii="Liberation Serif" w:eastAsia="Liberation Serif" w:hAnsi="Liberation Serif" w:cs="Liberation Serif"/>"#)
        xml.raw(#"<w:sz w:val="22"/><w:szCs w:val="22"/>"#)
        xml.empty("w:lang", ["w:val": language.tag])
        xml.raw(#"</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>"#)
        xml.raw("</w:pPr></w:pPrDefault></w:docDefaults>")
        xml.raw(Self.namedStyles)
        xml.raw("</w:styles>")
        return xml
    }

    static let namedStyles: String = {
        let sans = #"<w:rFonts w:ascii="Liberation Sans" w:hAnsi="Liberation Sans" w:cs="Liberation Sans"/>"#
        // (id, name, basedOn, pPr content, rPr content) — contents in schema order.
        let definitions: [(String, String, String?, String, String)] = [
            ("Normal", "Normal", nil, #"<w:spacing w:after="113" w:line="264" w:lineRule="auto"/><w:jc w:val="both"/>"#, ""),
            ("Title", "Title", "Normal", #"<w:keepNext/><w:spacing w:after="170"/><w:jc w:val="center"/>"#,
             #"\#(sans)<w:b/><w:sz w:val="32"/><w:szCs w:val="32"/>"#),
            ("Subtitle", "Subtitle", "Normal", #"<w:keepNext/><w:spacing w:after="283"/><w:jc w:val="center"/>"#,
             #"\#(sans)<w:sz w:val="24"/><w:szCs w:val="24"/>"#),
            ("Heading1", "heading 1", "Normal",
             #"<w:keepNext/><w:spacing w:before="340" w:after="170"/><w:jc w:val="left"/><w:outlineLvl w:val="0"/>"#,
             #"\#(sans)<w:b/><w:sz w:val="26"/><w:szCs w:val="26"/>"#),
            ("Heading2", "heading 2", "Normal",
             #"<w:keepNext/><w:spacing w:before="283" w:after="113"/><w:jc w:val="left"/><w:outlineLvl w:val="1"/>"#,
             #"\#(sans)<w:b/><w:sz w:val="24"/><w:szCs w:val="24"/>"#),
            ("Article", "Article", "Normal",
             #"<w:keepNext/><w:spacing w:before="227" w:after="113"/><w:jc w:val="left"/><w:outlineLvl w:val="2"/>"#,
             #"\#(sans)<w:b/>"#),
            ("Note", "Note", "Normal", #"<w:ind w:left="567"/>"#, #"<w:sz w:val="18"/><w:szCs w:val="18"/>"#),
            ("ListParagraph", "List Paragraph", "Normal", #"<w:spacing w:after="57"/>"#, ""),
            ("TableContents", "Table Contents", "Normal", #"<w:spacing w:after="0"/><w:jc w:val="left"/>"#,
             #"<w:sz w:val="20"/><w:szCs w:val="20"/>"#),
            ("TableHeading", "Table Heading", "TableContents", #"<w:keepNext/><w:jc w:val="center"/>"#, "<w:b/>"),
            ("Closing", "Closing", "Normal", #"<w:keepNext/><w:spacing w:before="283"/>"#, ""),
            ("Signature", "Signature", "Normal", #"<w:keepNext/><w:spacing w:after="57"/><w:jc w:val="left"/>"#, ""),
            ("SignatureName", "Signature Name", "Signature", #"<w:spacing w:before="1701"/>"#, "<w:b/>"),
            ("PageBreak", "Page Break", "Normal", #"<w:pageBreakBefore/><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>"#,
             #"<w:sz w:val="4"/><w:szCs w:val="4"/>"#),
            ("Header", "header", "Normal", #"<w:spacing w:after="0"/><w:jc w:val="left"/>"#,
             #"\#(sans)<w:sz w:val="18"/><w:szCs w:val="18"/>"#),
            ("DraftMark", "Draft Mark", "Header", #"<w:jc w:val="right"/>"#,
             #"<w:b/><w:color w:val="CC0000"/><w:sz w:val="28"/><w:szCs w:val="28"/>"#),
            ("Footer", "footer", "Normal", #"<w:spacing w:after="0"/><w:jc w:val="center"/>"#,
             #"\#(sans)<w:sz w:val="18"/><w:szCs w:val="18"/>"#),
            ("Initials", "Initials", "Footer", #"<w:jc w:val="right"/>"#, ""),
        ]
        var xml = ""
        for (id, name, basedOn, paragraph, run) in definitions {
            xml += #"<w:style w:type="paragraph""# + (id == "Normal" ? #" w:default="1""# : "") + #" w:styleId="\#(id)">"#
            xml += #"<w:name w:val="\#(name)"/>"#
            if let basedOn { xml += #"<w:basedOn w:val="\#(basedOn)"/>"# }
            xml += "<w:qFormat/>"
            if !paragraph.isEmpty { xml += "<w:pPr>\(paragraph)</w:pPr>" }
            if !run.isEmpty { xml += "<w:rPr>\(run)</w:rPr>" }
            xml += "</w:style>"
        }
        xml += #"<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/>"#
            + "<w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"
        xml += #"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>"#
            + #"<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>"#
            + #"<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>"#
            + #"<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#
        xml += #"<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>"#
            + "<w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"
        return xml
    }()
}
