import Foundation

/// The layout rules every writer applies the same way, so that a paragraph is justified, kept
/// with the next one or kept in one piece identically in ODT, DOCX and HTML.
extension Paragraph {
    /// The alignment actually written: a justified paragraph holding a line break (an address, a
    /// question block) is set flush left in every format, so that no line before a manual break
    /// is stretched.
    var effectiveAlignment: Alignment {
        alignment == .justified && Inline.containsBreak(inlines) ? .left : alignment
    }
}

/// How one paragraph is kept on the page, beyond its role's format.
struct ParagraphKeep: Hashable {
    /// Stays on the page of the next paragraph (a lead-in before its list).
    var withNext = false
    /// Never split across pages (a block of lines).
    var together = false

    static let none = ParagraphKeep()
}

extension DocumentStyle {
    /// The keep rules of a paragraph whose inlines are `inlines`, followed by `next` (nil at the end):
    /// a lead-in (« …est tenu : », « …dans ses propres termes : ») stays with whatever it introduces.
    func keep(_ inlines: [Inline], introduces next: Block?) -> ParagraphKeep {
        var keep = ParagraphKeep()
        if self.keep.blocksTogether && Inline.containsBreak(inlines) { keep.together = true }
        if self.keep.leadInsWithNext, next != nil, Inline.endsWithColon(inlines) { keep.withNext = true }
        return keep
    }

    /// Whether a list item ending with « : » introduces its sublist.
    func keepItem(_ item: ListItem) -> ParagraphKeep {
        var keep = ParagraphKeep()
        if self.keep.blocksTogether && Inline.containsBreak(item.inlines) { keep.together = true }
        if self.keep.leadInsWithNext, item.sublist.map({ !$0.items.isEmpty }) == true, Inline.endsWithColon(item.inlines) {
            keep.withNext = true
        }
        return keep
    }

    /// A grid table where people sign: a header cell names one of the signature columns
    /// (« Signature », « Ma signature », « Signature du curateur »), so its body rows are as
    /// high as a signature row.
    func isSignatureSheet(_ table: Table) -> Bool {
        guard let header = table.headerRows.last else { return false }
        let headings = signature.columnHeadings.map { $0.lowercased() }
        return header.contains { cell in
            let text = cell.paragraphs.map(Inline.plainText).joined(separator: " ").lowercased()
            let words = text.split { !$0.isLetter }
            return headings.contains { heading in words.contains { $0 == heading } }
        }
    }
}

extension Inline {
    /// Whether the text, trailing spaces aside, ends with a colon.
    static func endsWithColon(_ inlines: [Inline]) -> Bool {
        for inline in inlines.reversed() {
            switch inline {
            case .text(let text, _), .placeholder(let text):
                // Scans back over spaces (plain, no-break, narrow no-break) without building a CharacterSet.
                for scalar in text.unicodeScalars.reversed() {
                    switch scalar {
                    case " ", "\t", "\n", "\r", "\u{00A0}", "\u{202F}": continue
                    default: return scalar == ":"
                    }
                }
                continue
            case .lineBreak:
                return false
            }
        }
        return false
    }

    /// The text of inlines without emphasis.
    static func plainText(_ inlines: [Inline]) -> String {
        inlines.map { inline in
            switch inline {
            case .text(let text, _), .placeholder(let text): text
            case .lineBreak: "\n"
            }
        }.joined()
    }
}
