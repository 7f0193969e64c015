/// `word/numbering.xml`: an abstract definition per list layout (9 levels: numbered "1." / "a)" /
/// "i." or bulleted "•" / "–" / "◦") and a `w:num` per list whose `w:startOverride` restarts it at 1.
extension DOCXBodyWriter {
    func numberingXML() -> XMLWriter {
        var xml = XMLWriter(capacity: 2048 + abstractLayouts.count * 3000 + lists.count * 200)
        xml.declaration(standalone: true)
        xml.raw("<w:numbering \(DOCXWriter.wordRoot)>")
        for (index, layout) in abstractLayouts.enumerated() {
            xml.raw("<w:abstractNum w:abstractNumId=\"\(index)\">")
            let nsid = String(0x7A00_0000 + index, radix: 16, uppercase: true)
            xml.raw(#"<w:nsid w:val="\#(nsid)"/><w:multiLevelType w:val="hybridMultilevel"/>"#)
            for level in 0..<ListLayout.maxLevels {
                xml.raw("<w:lvl w:ilvl=\"\(level)\"><w:start w:val=\"1\"/>")
                if layout.isOrdered(level: level) {
                    let numbering = ListLayout.numbering(level: level)
                    xml.raw(#"<w:numFmt w:val="\#(numbering.docx)"/><w:lvlText w:val="%\#(level + 1)\#(numbering.suffix)"/>"#)
                } else {
                    xml.raw(#"<w:numFmt w:val="bullet"/><w:lvlText w:val="\#(ListLayout.bullet(level: level))"/>"#)
                }
                xml.raw(#"<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="\#(360 * (level + 1))" w:hanging="360"/></w:pPr></w:lvl>"#)
            }
            xml.raw("</w:abstractNum>")
        }
        for (index, list) in lists.enumerated() {
            xml.raw(#"<w:num w:numId="\#(index + 1)"><w:abstractNumId w:val="\#(list.abstract)"/>"#)
            for level in 0..<max(list.depth, 1) {
                xml.raw(#"<w:lvlOverride w:ilvl="\#(level)"><w:startOverride w:val="1"/></w:lvlOverride>"#)
            }
            xml.raw("</w:num>")
        }
        xml.raw("</w:numbering>")
        return xml
    }
}
