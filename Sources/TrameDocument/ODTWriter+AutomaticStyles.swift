/// The automatic styles of `content.xml`: emphasis, the paragraph variants, table cells and
/// rows, and the list and table styles recorded while writing the body.
extension ODTBodyWriter {
    func writeAutomaticStyles(to xml: inout XMLWriter) {
        xml.raw(Self.emphasisStyles)
        for (index, variant) in paragraphVariants.enumerated() {
            xml.raw(#"<style:style style:name="P\#(index + 1)" style:family="paragraph" style:parent-style-name="\#(variant.parent)">"#)
            xml.raw("<style:paragraph-properties")
            if let spaceBefore = variant.spaceBefore { xml.raw(#" fo:margin-top="\#(spaceBefore.css)""#) }
            if let spaceAfter = variant.spaceAfter { xml.raw(#" fo:margin-bottom="\#(spaceAfter.css)""#) }
            if let alignment = variant.alignment { xml.raw(#" fo:text-align="\#(ODTWriter.odfAlignment(alignment))""#) }
            if variant.keep.withNext { xml.raw(#" fo:keep-with-next="always""#) }
            if variant.keep.together { xml.raw(#" fo:keep-together="always""#) }
            xml.raw("/></style:style>")
        }
        xml.raw(style.isStandardLayout ? StyleCache.odtCellStyles : cellStylesXML())
        for layout in listLayouts { Self.writeListStyle(layout, to: &xml) }
        for (index, table) in tables.enumerated() {
            let name = "Tbl\(index + 1)"
            let total = PageGeometry.centimetres(table.widths.reduce(0, +))
            let keep = table.keepTogether ? #" style:may-break-between-rows="false""# : ""
            xml.raw(#"<style:style style:name="\#(name)" style:family="table"><style:table-properties "#
                + #"style:width="\#(total)" table:align="left" fo:margin-top="0cm" fo:margin-bottom="\#(table.spaceAfter.css)"\#(keep)/>"#
                + "</style:style>")
            for (column, width) in table.widths.enumerated() {
                xml.raw(#"<style:style style:name="\#(name).C\#(column + 1)" style:family="table-column">"#
                    + #"<style:table-column-properties style:column-width="\#(PageGeometry.centimetres(width))"/>"#
                    + "</style:style>")
            }
        }
    }

    /// Grid cells draw their top and left borders, plus the right one in the last column and the
    /// bottom one in the last row, so that two cells never draw the same line twice:
    /// `Cell`, `CellR`, `CellB`, `CellRB` (and `HeadCell…` with the header fill). Signature cells
    /// are borderless; `SigName` cells put the name at the bottom of a `SigRow` at least
    /// ``SignatureStyle/minimumHeight`` high.
    func cellStylesXML() -> String {
        var xml = XMLWriter(capacity: 4096)
        let line = "\(style.table.borderWidth) solid #\(style.colours.border)"
        let padding = #"fo:padding-top="\#(style.table.cellPaddingVertical.css)" fo:padding-bottom="\#(style.table.cellPaddingVertical.css)" "#
            + #"fo:padding-left="\#(style.table.cellPaddingHorizontal.css)" fo:padding-right="\#(style.table.cellPaddingHorizontal.css)""#
        for (prefix, fill) in [("Cell", ""), ("HeadCell", " fo:background-color=\"#\(style.colours.tableHeaderFill)\"")] {
            for suffix in ["", "R", "B", "RB"] {
                let right = suffix.contains("R") ? line : "none"
                let bottom = suffix.contains("B") ? line : "none"
                xml.raw(#"<style:style style:name="\#(prefix)\#(suffix)" style:family="table-cell"><style:table-cell-properties "#
                    + #"\#(padding)\#(fill) fo:border-top="\#(line)" fo:border-left="\#(line)" "#
                    + #"fo:border-bottom="\#(bottom)" fo:border-right="\#(right)"/></style:style>"#)
            }
        }
        xml.raw(#"<style:style style:name="SigCell" style:family="table-cell"><style:table-cell-properties \#(padding) fo:border="none"/></style:style>"#)
        xml.raw(#"<style:style style:name="SigName" style:family="table-cell"><style:table-cell-properties "#
            + #"style:vertical-align="bottom" \#(padding) fo:border="none"/></style:style>"#)
        xml.raw(#"<style:style style:name="SigRow" style:family="table-row"><style:table-row-properties "#
            + #"style:min-row-height="\#(style.signature.minimumHeight.css)" fo:keep-together="always"/></style:style>"#)
        xml.raw(#"<style:style style:name="Row" style:family="table-row"><style:table-row-properties fo:keep-together="always"/></style:style>"#)
        return xml.string
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

    /// `T1`…`T15`: bold 1, italic 2, underline 4, superscript 8, combined.
    static let emphasisStyles: String = {
        var styles = ""
        for raw in 1...15 {
            let style = TextStyle(rawValue: UInt8(raw))
            var properties = ""
            if style.contains(.bold) { properties += #" fo:font-weight="bold""# }
            if style.contains(.italic) { properties += #" fo:font-style="italic""# }
            if style.contains(.underline) {
                properties += #" style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color""#
            }
            if style.contains(.superscript) { properties += #" style:text-position="super 58%""# }
            styles += #"<style:style style:name="T\#(raw)" style:family="text"><style:text-properties\#(properties)/></style:style>"#
        }
        return styles
    }()
}
