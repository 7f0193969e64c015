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
