/// The page's stylesheet, written from the ``DocumentStyle`` like the ODT and DOCX styles: the
/// same fonts, sizes, spacing, margins, borders, keep rules and signature height. It contains no
/// `<` or `&` (font names are CSS-escaped), so the page stays well-formed XML.
extension HTMLWriter {
    func css() -> String {
        func rule(_ selector: String, _ role: ParagraphRole, extra: String = "") -> String {
            let format = style.format(of: role)
            var declarations = "font-family: \(Self.family(format.font)); font-size: \(format.size); "
                + "font-weight: \(format.bold ? "bold" : "normal"); "
                + "margin: \(format.spaceBefore.css) 0 \(format.spaceAfter.css) \(format.indentLeft.css); "
                + "line-height: \(PageGeometry.decimal(format.lineHeightPercent, scale: 2)); text-align: \(Self.cssAlignment(format.alignment));"
            if let colour = format.colour { declarations += " color: #\(colour);" }
            if format.keepWithNext { declarations += " break-after: avoid;" }
            return "\(selector) { \(declarations)\(extra) }\n"
        }
        let page = style.page, table = style.table, keep = style.keep.widowsAndOrphans
        let border = "\(table.borderWidth) solid #\(style.colours.border)"
        let padding = "\(table.cellPaddingVertical.css) \(table.cellPaddingHorizontal.css)"
        var css = """
        body { margin: 0; background: #eee; color: #\(style.colours.text);
          font-family: \(Self.family(style.bodyFont)); font-size: \(style.sizes.body);
          hyphens: \(style.hyphenation ? "auto" : "manual"); -webkit-hyphens: \(style.hyphenation ? "auto" : "manual"); }
        main { box-sizing: border-box; max-width: \(page.width.css); margin: 1cm auto;
          padding: \(page.marginTop.css) \(page.marginRight.css) \(page.marginBottom.css) \(page.marginLeft.css); background: #fff;
          box-shadow: 0 0 0.3cm rgba(0, 0, 0, 0.2); }
        p, li, td, th, h1, h2, h3, h4 { white-space: pre-wrap; overflow-wrap: break-word; orphans: \(keep); widows: \(keep); }

        """
        css += rule("p", .body)
        css += "p.left { text-align: left; } p.center { text-align: center; } p.right { text-align: right; }\n"
        css += rule("p.note", .note)
        css += "p.keep-next { break-after: avoid; } p.keep { break-inside: avoid; }\n"
        css += rule("h1.title", .title)
        css += rule(".subtitle", .subtitle)
        css += rule("h2", .heading1)
        css += rule("h3", .heading2)
        css += "h2.pictogram img, h3.pictogram img { vertical-align: middle; margin-right: 0.3cm; }\n"
        css += rule("h4.article", .article)
        css += "ol, ul { margin: 0 0 \(style.paragraphSpacing.css); padding-left: 0.635cm; }\n"
        css += rule("li", .listItem)
        css += "li.keep-next { break-after: avoid; }\n"
        css += "ul.d0 { list-style-type: disc; } ul.d1 { list-style-type: \"– \"; } ul.d2 { list-style-type: circle; }\n"
        css += "table { width: 100%; table-layout: fixed; border-collapse: collapse; margin: 0; }\n"
        css += "table.grid { margin-bottom: \(style.tableSpaceAfter.css); }\n"
        css += "table.grid th, table.grid td { border: \(border); padding: \(padding); vertical-align: top; }\n"
        css += "table.grid th { background: #\(style.colours.tableHeaderFill); }\n"
        css += rule("table.grid td p", .tableContents)
        css += rule("table.grid th p", .tableHeading)
        css += "thead { display: table-header-group; }\n"
        css += "tr { break-inside: avoid; }\n"
        css += "table.grid tr.sign td, table.signatures tr.sign td { height: \(style.signature.minimumHeight.css); }\n"
        css += ".page-break { break-before: page; }\n"
        css += rule("p.closing", .closing)
        css += "table.signatures { break-inside: avoid; }\n"
        css += "table.signatures td { vertical-align: top; padding: \(padding); }\n"
        css += "table.signatures tr.sign td { vertical-align: bottom; }\n"
        // Specific enough to outrank `table.signatures p`: the name's own format wins in print too.
        css += rule("table.signatures p", .signature)
        css += rule("table.signatures p.signature-name", .signatureName)
        css += "mark.placeholder { background: #\(style.colours.placeholder); color: inherit; }\n"
        css += "img { vertical-align: top; margin-right: 0.3cm; }\n"
        css += ".letterhead, .running-header { max-width: \(page.width.css); margin: 1cm auto 0; box-sizing: border-box; "
            + "padding: 0 \(page.marginRight.css) 0 \(page.marginLeft.css); }\n"
        css += rule(".running-header p", .header)
        css += ".letterhead p { margin: 0; text-align: \(Self.cssAlignment(style.letterhead?.alignment ?? .left)); }\n"
        let draft = style.format(of: .draftMark)
        css += """
        .draft-mark { display: none; }
        body.draft .draft-mark { display: block; position: fixed; top: 0.3cm; right: 0.5cm; color: #\(style.colours.draftMark);
          font: bold \(draft.size) \(Self.family(draft.font)); }
        @media print {
          body { background: none; }
          main { max-width: none; margin: 0; padding: 0; box-shadow: none; }
          .running-header { display: none; }
          .letterhead { max-width: none; margin: 0 0 0.4cm; padding: 0; }
          body.draft .draft-mark { top: 45%; left: 0; right: 0; text-align: center; font-size: 96pt;
            color: rgba(204, 0, 0, 0.15); transform: rotate(-30deg); pointer-events: none; }
        }

        """
        return css
    }

    /// A CSS font-family list with every name as an escaped CSS string.
    static func family(_ face: FontFace) -> String {
        var names = [cssString(face.name)]
        if let alternate = face.alternate { names.append(cssString(alternate)) }
        names.append(face.generic == .serif ? "serif" : "sans-serif")
        return names.joined(separator: ", ")
    }

    static func cssAlignment(_ alignment: Paragraph.Alignment) -> String {
        alignment == .justified ? "justify" : alignment.rawValue
    }
}
