/// Inline content in ODF: emphasis through automatic text styles `T1`…`T15` (one per combination
/// of bold, italic, underline, superscript), placeholders through the `Placeholder` text style, tabs and
/// line breaks as `text:tab` / `text:line-break`, repeated spaces as `text:s`.
extension XMLWriter {
    mutating func odfInlines(_ inlines: [Inline]) {
        for inline in inlines {
            switch inline {
            case .text(let string, let style):
                if style.isEmpty {
                    odfText(string)
                } else {
                    raw("<text:span text:style-name=\"T\(style.rawValue)\">")
                    odfText(string)
                    raw("</text:span>")
                }
            case .placeholder(let string):
                raw("<text:span text:style-name=\"Placeholder\">")
                odfText(string)
                raw("</text:span>")
            case .lineBreak:
                appendStatic("<text:line-break/>")
            }
        }
    }

    /// User text with its tabs, line breaks and repeated spaces made explicit.
    mutating func odfText(_ string: String) {
        TextSegment.forEach(in: string) { segment in
            switch segment {
            case .text(let text): appendEscaped(text, mode: .odfText)
            case .tab: appendStatic("<text:tab/>")
            case .lineBreak: appendStatic("<text:line-break/>")
            }
        }
    }

    /// A paragraph (`text:p`) of the given style holding `inlines`.
    mutating func odfParagraph(_ style: String, _ inlines: [Inline]) {
        raw("<text:p text:style-name=\"\(style)\">")
        odfInlines(inlines)
        appendStatic("</text:p>")
    }
}

extension Inline {
    /// Whether the inlines hold a line break, explicit or as a line feed / carriage return in a value.
    static func containsBreak(_ inlines: [Inline]) -> Bool {
        inlines.contains { inline in
            switch inline {
            case .lineBreak: true
            case .text(let text, _), .placeholder(let text): UTF8Scan.contains(text) { $0 == 0x0A || $0 == 0x0D }
            }
        }
    }
}

extension Block {
    /// The inlines of an article heading: "Article 1er – Objet" (or just the label if untitled).
    static func articleHeading(number: Int, title: [Inline]) -> [Inline] {
        let label = Document.articleLabelInlines(number)
        let hasTitle = title.contains {
            if case .text(let text, _) = $0 { return !text.isEmpty }
            return true
        }
        return hasTitle ? label + [.text(" – ")] + title : label
    }
}
