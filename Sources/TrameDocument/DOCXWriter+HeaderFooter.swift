/// `word/header1.xml` (letterhead pictures, running header, "PROJET" in drafts) and `word/footer1.xml`
/// ("Page N sur M" with PAGE / NUMPAGES fields, and the initials zone if asked).
extension DOCXWriter {
    func headerXML() -> XMLWriter {
        var xml = XMLWriter(capacity: 1024)
        xml.declaration(standalone: true)
        xml.raw(letterhead.isEmpty ? "<w:hdr \(Self.wordRoot)>" : "<w:hdr \(Self.wordRoot) \(XMLWriter.drawingNamespaces)>")
        if !letterhead.isEmpty {
            var pictures = XMLWriter(capacity: 2048)
            for (index, image) in letterhead.enumerated() { pictures.wmlImage(image, catalog: imageCatalog, id: index + 1) }
            xml.wmlParagraph(style: "Header", alignment: style.letterhead?.alignment, prefix: pictures, [])
        }
        if let header = document.header { xml.wmlParagraph(style: "Header", [.text(header)]) }
        if document.metadata.isDraft { xml.wmlParagraph(style: "DraftMark", [.text("PROJET")]) }
        // The gap between header and body, inside the header as in ODT (`fo:margin-bottom`), so
        // that a header taller than the top margin (a letterhead) pushes the body down alike.
        xml.raw(#"<w:p><w:pPr><w:pStyle w:val="Header"/><w:spacing w:before="0" w:after="0" "#
            + #"w:line="\#(DocumentStyle.headerFooterSpacing.twips)" w:lineRule="exact"/></w:pPr></w:p>"#)
        xml.raw("</w:hdr>")
        return xml
    }

    func footerXML() -> XMLWriter {
        var xml = XMLWriter(capacity: 1024)
        xml.declaration(standalone: true)
        xml.raw("<w:ftr \(Self.wordRoot)>")
        if document.initialsOnEveryPage {
            xml.wmlParagraph(style: "Initials", [.text(ODTWriter.initialsText)])
        }
        xml.raw(#"<w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr><w:r><w:t xml:space="preserve">Page </w:t></w:r>"#
            + #"<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>"#
            + #"<w:r><w:t xml:space="preserve"> sur </w:t></w:r>"#
            + #"<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>"#)
        xml.raw("</w:ftr>")
        return xml
    }
}
