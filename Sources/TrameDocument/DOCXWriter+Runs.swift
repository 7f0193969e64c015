/// Inline content in WordprocessingML: one `w:r` per text run with `w:b`, `w:i`, `w:u`,
/// `w:vertAlign` (superscript) and, for
/// placeholders, `w:highlight` yellow; tabs and line breaks inside values as `w:tab` / `w:br`.
extension XMLWriter {
    mutating func wmlRuns(_ inlines: [Inline]) {
        for inline in inlines {
            switch inline {
            case .text(let string, let style):
                guard !string.isEmpty else { continue }
                appendStatic("<w:r>")
                if !style.isEmpty {
                    appendStatic("<w:rPr>")
                    if style.contains(.bold) { appendStatic("<w:b/>") }
                    if style.contains(.italic) { appendStatic("<w:i/>") }
                    if style.contains(.underline) { appendStatic("<w:u w:val=\"single\"/>") }
                    if style.contains(.superscript) { appendStatic("<w:vertAlign w:val=\"superscript\"/>") }
                    appendStatic("</w:rPr>")
                }
                wmlText(string)
                appendStatic("</w:r>")
            case .placeholder(let string):
                appendStatic("<w:r><w:rPr><w:highlight w:val=\"yellow\"/></w:rPr>")
                wmlText(string)
                appendStatic("</w:r>")
            case .lineBreak:
                appendStatic("<w:r><w:br/></w:r>")
            }
        }
    }

    /// The content of a run: `w:t` pieces (with `xml:space="preserve"` when spaces would
    /// otherwise be lost), `w:tab`, `w:br`.
    mutating func wmlText(_ string: String) {
        TextSegment.forEach(in: string) { segment in
            switch segment {
            case .text(let text):
                if Self.needsPreserve(text) {
                    appendStatic("<w:t xml:space=\"preserve\">")
                } else {
                    appendStatic("<w:t>")
                }
                appendEscaped(text, mode: .text)
                appendStatic("</w:t>")
            case .tab: appendStatic("<w:tab/>")
            case .lineBreak: appendStatic("<w:br/>")
            }
        }
    }

    /// Whether the text starts or ends with a space or holds two spaces in a row.
    static func needsPreserve(_ text: Substring) -> Bool {
        UTF8Scan.withBytes(text) { bytes in
            guard let first = bytes.first, let last = bytes.last else { return false }
            if first == 0x20 || last == 0x20 { return true }
            var previous: UInt8 = 0
            for byte in bytes {
                if byte == 0x20 && previous == 0x20 { return true }
                previous = byte
            }
            return false
        }
    }

    /// A paragraph: `w:pPr` (style, keep rules, numbering, a space before and an alignment when not
    /// the style's, in schema order), then `prefix` (pictures) and the runs.
    mutating func wmlParagraph(style: String, keep: ParagraphKeep = .none, numbering: (id: Int, level: Int)? = nil,
                               spaceBefore: Length? = nil, alignment: Paragraph.Alignment? = nil, prefix: XMLWriter? = nil,
                               _ inlines: [Inline]) {
        raw("<w:p><w:pPr><w:pStyle w:val=\"\(style)\"/>")
        if keep.withNext { appendStatic("<w:keepNext/>") }
        if keep.together { appendStatic("<w:keepLines/>") }
        if let numbering {
            raw("<w:numPr><w:ilvl w:val=\"\(numbering.level)\"/><w:numId w:val=\"\(numbering.id)\"/></w:numPr>")
        }
        if let spaceBefore { raw("<w:spacing w:before=\"\(spaceBefore.twips)\"/>") }
        switch alignment {
        case .left: appendStatic("<w:jc w:val=\"left\"/>")
        case .center: appendStatic("<w:jc w:val=\"center\"/>")
        case .right: appendStatic("<w:jc w:val=\"right\"/>")
        case .justified: appendStatic("<w:jc w:val=\"both\"/>")
        case nil: break
        }
        appendStatic("</w:pPr>")
        if let prefix { append(prefix) }
        wmlRuns(inlines)
        appendStatic("</w:p>")
    }
}
