import Foundation

/// The blocks and inlines of the HTML page. No whitespace is written inside a block, because
/// paragraphs, items and cells keep the user's spaces and tabs (`white-space: pre-wrap`).
extension XMLWriter {
    mutating func htmlBlock(_ block: Block, style: DocumentStyle = .standard, next: Block? = nil) {
        switch block {
        case .title(let inlines):
            htmlElement("h1", class: "title", inlines)
        case .subtitle(let inlines):
            htmlElement("p", class: "subtitle", inlines)
        case .heading(let level, let inlines):
            htmlElement(min(max(level, 1), 2) == 1 ? "h2" : "h3", class: nil, inlines)
        case .article(let number, let title):
            htmlElement("h4", class: "article", Block.articleHeading(number: number, title: title))
        case .paragraph(let paragraph) where paragraph.headingLevel != nil:
            let name = min(max(paragraph.headingLevel ?? 1, 1), 2) == 1 ? "h2" : "h3"
            raw("<\(name) class=\"pictogram\">")
            for image in paragraph.images { htmlImage(image) }
            htmlInlines(paragraph.inlines)
            raw("</\(name)>")
        case .paragraph(let paragraph):
            var classes: [String] = paragraph.isNote ? ["note"] : []
            let alignment = paragraph.effectiveAlignment
            if alignment != .justified { classes.append(alignment.rawValue) }
            let keep = style.keep(paragraph.inlines, introduces: next)
            if keep.withNext { classes.append("keep-next") }
            if keep.together { classes.append("keep") }
            raw(classes.isEmpty ? "<p>" : "<p class=\"\(classes.joined(separator: " "))\">")
            for image in paragraph.images { htmlImage(image) }
            htmlInlines(paragraph.inlines)
            raw("</p>")
        case .list(let list):
            if !list.items.isEmpty { htmlList(list, depth: 0, style: style) }
        case .table(let table):
            htmlTable(table, style: style)
        case .pageBreak:
            raw("<div class=\"page-break\"></div>")
        case .signatures(let block):
            htmlSignatures(block)
        }
    }

    mutating func htmlElement(_ name: String, class className: String?, _ inlines: [Inline]) {
        raw(className.map { "<\(name) class=\"\($0)\">" } ?? "<\(name)>")
        htmlInlines(inlines)
        raw("</\(name)>")
    }

    mutating func htmlInlines(_ inlines: [Inline]) {
        for inline in inlines {
            switch inline {
            case .text(let string, let style):
                if style.contains(.bold) { raw("<strong>") }
                if style.contains(.italic) { raw("<em>") }
                if style.contains(.underline) { raw("<u>") }
                if style.contains(.superscript) { raw("<sup>") }
                htmlSegments(string)
                if style.contains(.superscript) { raw("</sup>") }
                if style.contains(.underline) { raw("</u>") }
                if style.contains(.italic) { raw("</em>") }
                if style.contains(.bold) { raw("</strong>") }
            case .placeholder(let string):
                raw("<mark class=\"placeholder\">")
                htmlSegments(string)
                raw("</mark>")
            case .lineBreak:
                raw("<br/>")
            }
        }
    }

    /// Text with its line breaks as `<br/>`; tabs stay literal (kept by `pre-wrap`).
    mutating func htmlSegments(_ string: String) {
        TextSegment.forEach(in: string) { segment in
            switch segment {
            case .text(let text): appendEscaped(text, mode: .html)
            case .tab: bytes.append(0x09)
            case .lineBreak: raw("<br/>")
            }
        }
    }

    /// `<ol>` restarts at 1 by itself; numbering and bullets follow the depth like ODT and DOCX.
    mutating func htmlList(_ list: ListBlock, depth: Int, style: DocumentStyle) {
        let name = list.ordered ? "ol" : "ul"
        if list.ordered {
            raw("<ol type=\"\(["1", "a", "i"][depth % 3])\">")
        } else {
            raw("<ul class=\"d\(depth % 3)\">")
        }
        for item in list.items {
            var classes: [String] = []
            if Inline.containsBreak(item.inlines) { classes.append("left") }
            let keep = style.keepItem(item)
            if keep.withNext { classes.append("keep-next") }
            if keep.together { classes.append("keep") }
            raw(classes.isEmpty ? "<li>" : "<li class=\"\(classes.joined(separator: " "))\">")
            htmlInlines(item.inlines)
            if let sublist = item.sublist, !sublist.items.isEmpty { htmlList(sublist, depth: depth + 1, style: style) }
            raw("</li>")
        }
        raw("</\(name)>")
    }

    mutating func htmlTable(_ table: Table, style: DocumentStyle) {
        let columns = table.columnCount
        guard columns > 0 else { return }
        let total = style.textWidth.thousandthsOfCentimetre
        raw("<table class=\"grid\"><colgroup>")
        for width in PageGeometry.distribute(total, weights: table.columnWidths, count: columns) {
            raw("<col style=\"width: \(PageGeometry.percent(width, of: total))\"/>")
        }
        raw("</colgroup>")
        if !table.headerRows.isEmpty {
            raw("<thead>")
            for row in table.headerRows { htmlRow(row, columns: columns, cell: "th") }
            raw("</thead>")
        }
        raw("<tbody>")
        let rowStart = style.isSignatureSheet(table) ? "<tr class=\"sign\">" : "<tr>"
        for row in table.rows { htmlRow(row, columns: columns, cell: "td", rowStart: rowStart) }
        raw("</tbody></table>")
    }

    private mutating func htmlRow(_ cells: [TableCell], columns: Int, cell: String, rowStart: String = "<tr>") {
        raw(rowStart)
        for index in 0..<columns {
            raw(cell == "th" ? "<th scope=\"col\">" : "<td>")
            for paragraph in index < cells.count ? cells[index].paragraphs : [] {
                htmlElement("p", class: nil, paragraph)
            }
            raw("</\(cell)>")
        }
        raw("</tr>")
    }

    mutating func htmlSignatures(_ block: SignatureBlock) {
        htmlElement("p", class: "closing", block.closing)
        guard !block.signatories.isEmpty else { return }
        raw("<table class=\"signatures\"><tbody><tr>")
        for signatory in block.signatories {
            raw("<td>")
            htmlElement("p", class: nil, signatory.capacity)
            if block.readAndApproved { raw("<p><em>Lu et approuvé</em></p>") }
            raw("</td>")
        }
        raw("</tr><tr class=\"sign\">")
        for signatory in block.signatories {
            raw("<td>")
            htmlElement("p", class: "signature-name", signatory.name)
            raw("</td>")
        }
        raw("</tr></tbody></table>")
    }
}

extension XMLWriter {
    /// An `img` with the picture inline as a `data:` URL, its alternative text and its size in cm
    /// (an SVG as SVG: every browser draws it).
    mutating func htmlImage(_ image: Image) {
        raw("<img src=\"data:\(image.format.mediaType);base64,")
        raw(image.data.base64EncodedString())
        raw("\" alt=\"")
        htmlText(image.alternativeText)
        raw("\" style=\"width: \(image.width.css); height: \(image.height.css)\"/>")
    }
}
