/// The automatic styles of `content.xml`: emphasis, paragraph alignments, table cells, and the
/// list and table styles recorded while writing the body.
extension ODTBodyWriter {
    func writeAutomaticStyles(to xml: inout XMLWriter) {
        xml.raw(Self.fixedAutomaticStyles)
        for layout in listLayouts { Self.writeListStyle(layout, to: &xml) }
        for (index, table) in tables.enumerated() {
            let name = "Tbl\(index + 1)"
            let total = PageGeometry.centimetres(table.widths.reduce(0, +))
            let keep = table.keepTogether ? #" style:may-break-between-rows="false""# : ""
            xml.raw(#"<style:style style:name="\#(name)" style:family="table"><style:table-properties "#
                + #"style:width="\#(total)" table:align="left" fo:margin-top="0.2cm" fo:margin-bottom="0.2cm"\#(keep)/>"#
                + "</style:style>")
            for (column, width) in table.widths.enumerated() {
                xml.raw(#"<style:style style:name="\#(name).C\#(column + 1)" style:family="table-column">"#
                    + #"<style:table-column-properties style:column-width="\#(PageGeometry.centimetres(width))"/>"#
                    + "</style:style>")
            }
        }
    }

    /// Level 1, 2, … of a list style: numbered "1." / "a)" / "i." or bulleted "•" / "–" / "◦",
    /// indented 0.635 cm per level with a hanging label.
    static func writeListStyle(_ layout: ListLayout, to xml: inout XMLWriter) {
        xml.raw("<text:list-style style:name=\"L_\(layout.key)\">")
        for level in 0..<max(layout.ordered.count, 1) {
            let indent = PageGeometry.centimetres(635 * (level + 1))
            let properties = #"<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">"#
                + #"<style:list-level-label-alignment text:label-followed-by="listtab" "#
                + #"text:list-tab-stop-position="\#(indent)" fo:text-indent="-0.635cm" fo:margin-left="\#(indent)"/>"#
                + "</style:list-level-properties>"
            if layout.isOrdered(level: level) {
                let numbering = ListLayout.numbering(level: level)
                xml.raw(#"<text:list-level-style-number text:level="\#(level + 1)" style:num-suffix="\#(numbering.suffix)" "#
                    + #"style:num-format="\#(numbering.odf)">\#(properties)</text:list-level-style-number>"#)
            } else {
                xml.raw(#"<text:list-level-style-bullet text:level="\#(level + 1)" text:bullet-char="\#(ListLayout.bullet(level: level))">"#
                    + "\(properties)</text:list-level-style-bullet>")
            }
        }
        xml.raw("</text:list-style>")
    }

    /// `T1`…`T7` (bold 1, italic 2, underline 4, combined), alignments (`LL` = flush-left list item),
    /// and table cells.
    static let fixedAutomaticStyles: String = {
        var styles = ""
        for raw in 1...7 {
            let style = TextStyle(rawValue: UInt8(raw))
            var properties = ""
            if style.contains(.bold) { properties += #" fo:font-weight="bold""# }
            if style.contains(.italic) { properties += #" fo:font-style="italic""# }
            if style.contains(.underline) {
                properties += #" style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color""#
            }
            styles += #"<style:style style:name="T\#(raw)" style:family="text"><style:text-properties\#(properties)/></style:style>"#
        }
        styles += #"<style:style style:name="LL" style:family="paragraph" style:parent-style-name="List_20_Paragraph">"#
            + #"<style:paragraph-properties fo:text-align="start"/></style:style>"#
        for (prefix, parent) in [("P", "Text_20_body"), ("N", "Note")] {
            for (suffix, align) in [("L", "start"), ("C", "center"), ("R", "end")] {
                styles += #"<style:style style:name="\#(prefix)\#(suffix)" style:family="paragraph" style:parent-style-name="\#(parent)">"#
                    + #"<style:paragraph-properties fo:text-align="\#(align)"/></style:style>"#
            }
        }
        let border = #"fo:border="0.5pt solid #000000""#
        styles += #"<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" \#(border)/></style:style>"#
        styles += #"<style:style style:name="HeadCell" style:family="table-cell"><style:table-cell-properties "#
            + ##"fo:background-color="#e6e6e6" fo:padding="0.1cm" \##(border)/></style:style>"##
        styles += #"<style:style style:name="SigCell" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="none"/></style:style>"#
        return styles
    }()
}
