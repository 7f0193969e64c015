/// `styles.xml`: fonts, the named paragraph and text styles, the A4 page layout, and the master
/// page whose header carries the running title and, in drafts, "PROJET", and whose footer carries
/// "Page N sur M" and, if asked, the initials zone.
extension ODTWriter {
    func stylesXML() -> XMLWriter {
        var xml = XMLWriter(capacity: 8192)
        xml.declaration()
        xml.raw("<office:document-styles \(Self.namespaces) office:version=\"1.3\">")
        xml.raw(Self.fontFaces)
        xml.raw("<office:styles>")
        xml.raw(#"<style:default-style style:family="paragraph"><style:paragraph-properties fo:orphans="2" fo:widows="2"/>"#)
        xml.openTag("style:text-properties")
        xml.attribute("style:font-name", "Liberation Serif")
        xml.attribute("fo:font-size", "11pt")
        xml.attribute("fo:language", language.language)
        if let country = language.country { xml.attribute("fo:country", country) }
        xml.closeEmptyTag()
        xml.raw("</style:default-style>")
        xml.raw(Self.namedStyles)
        xml.raw("</office:styles>")
        xml.raw(Self.pageLayout)
        xml.raw(#"<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">"#)
        writeHeader(to: &xml)
        writeFooter(to: &xml)
        xml.raw("</style:master-page></office:master-styles></office:document-styles>")
        return xml
    }

    private func writeHeader(to xml: inout XMLWriter) {
        guard document.header != nil || document.metadata.isDraft else { return }
        xml.raw("<style:header>")
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

    static let fontFaces = "<office:font-face-decls>"
        + #"<style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'" "#
        + #"style:font-family-generic="roman" style:font-pitch="variable"/>"#
        + #"<style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" "#
        + #"style:font-family-generic="swiss" style:font-pitch="variable"/>"#
        + "</office:font-face-decls>"

    static let pageLayout = #"<office:automatic-styles><style:page-layout style:name="pm1">"#
        + #"<style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" "#
        + #"fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm"/>"#
        + #"<style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.4cm"/></style:header-style>"#
        + #"<style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.4cm"/></style:footer-style>"#
        + "</style:page-layout></office:automatic-styles>"

    /// Named styles, as `(name, display name, family, parent, paragraph properties, text properties)`.
    static let namedStyles: String = {
        let sans = #"style:font-name="Liberation Sans""#
        let keep = #"fo:keep-with-next="always""#
        let definitions: [(String, String?, String, String?, String, String)] = [
            ("Standard", nil, "paragraph", nil, "", ""),
            ("Text_20_body", "Text body", "paragraph", "Standard",
             #"fo:margin-top="0cm" fo:margin-bottom="0.2cm" fo:text-align="justify" fo:line-height="115%""#, ""),
            ("Title", nil, "paragraph", "Standard",
             #"fo:margin-top="0cm" fo:margin-bottom="0.3cm" fo:text-align="center" \#(keep)"#,
             #"\#(sans) fo:font-size="16pt" fo:font-weight="bold""#),
            ("Subtitle", nil, "paragraph", "Standard",
             #"fo:margin-top="0cm" fo:margin-bottom="0.5cm" fo:text-align="center" \#(keep)"#,
             #"\#(sans) fo:font-size="12pt""#),
            ("Heading_20_1", "Heading 1", "paragraph", "Standard",
             #"fo:margin-top="0.6cm" fo:margin-bottom="0.3cm" \#(keep)"#,
             #"\#(sans) fo:font-size="13pt" fo:font-weight="bold""#),
            ("Heading_20_2", "Heading 2", "paragraph", "Standard",
             #"fo:margin-top="0.5cm" fo:margin-bottom="0.2cm" \#(keep)"#,
             #"\#(sans) fo:font-size="12pt" fo:font-weight="bold""#),
            ("Article", nil, "paragraph", "Standard",
             #"fo:margin-top="0.4cm" fo:margin-bottom="0.2cm" \#(keep)"#,
             #"\#(sans) fo:font-size="11pt" fo:font-weight="bold""#),
            ("Note", nil, "paragraph", "Text_20_body", #"fo:margin-left="1cm""#, #"fo:font-size="9pt""#),
            ("List_20_Paragraph", "List Paragraph", "paragraph", "Text_20_body", #"fo:margin-bottom="0.1cm""#, ""),
            ("Table_20_Contents", "Table Contents", "paragraph", "Standard",
             #"fo:margin-top="0cm" fo:margin-bottom="0cm" fo:text-align="start""#, #"fo:font-size="10pt""#),
            ("Table_20_Heading", "Table Heading", "paragraph", "Table_20_Contents",
             #"fo:text-align="center""#, #"fo:font-weight="bold""#),
            ("Closing", nil, "paragraph", "Text_20_body", #"fo:margin-top="0.5cm" \#(keep)"#, ""),
            ("Signature", nil, "paragraph", "Standard",
             #"fo:margin-top="0cm" fo:margin-bottom="0.1cm" fo:text-align="start" \#(keep)"#, ""),
            ("Signature_20_Name", "Signature Name", "paragraph", "Signature", #"fo:margin-top="3cm""#, #"fo:font-weight="bold""#),
            ("Page_20_Break", "Page Break", "paragraph", "Standard",
             #"fo:margin-top="0cm" fo:margin-bottom="0cm" fo:break-before="page""#, #"fo:font-size="2pt""#),
            ("Header", nil, "paragraph", "Standard", #"fo:text-align="start""#, #"\#(sans) fo:font-size="9pt""#),
            ("Draft_20_Mark", "Draft Mark", "paragraph", "Header", #"fo:text-align="end""#,
             ##"fo:font-size="14pt" fo:font-weight="bold" fo:color="#cc0000""##),
            ("Footer", nil, "paragraph", "Standard", #"fo:text-align="center""#, #"\#(sans) fo:font-size="9pt""#),
            ("Initials", nil, "paragraph", "Footer", #"fo:text-align="end""#, ""),
            ("Placeholder", nil, "text", nil, "", ##"fo:background-color="#ffff00""##),
        ]
        var xml = ""
        for (name, display, family, parent, paragraph, text) in definitions {
            xml += #"<style:style style:name="\#(name)""#
            if let display { xml += #" style:display-name="\#(display)""# }
            xml += #" style:family="\#(family)""#
            if let parent { xml += #" style:parent-style-name="\#(parent)""# }
            if name.hasPrefix("Heading_20_") { xml += #" style:default-outline-level="\#(name.suffix(1))""# }
            if name == "Article" { xml += #" style:default-outline-level="3""# }
            xml += ">"
            if !paragraph.isEmpty { xml += "<style:paragraph-properties \(paragraph)/>" }
            if !text.isEmpty { xml += "<style:text-properties \(text)/>" }
            xml += "</style:style>"
        }
        return xml
    }()
}
