import Foundation

/// Writes a ``Document`` as readable UTF-8 plain text: what a reader sees, without layout.
///
/// The text is meant for review (golden files, `diff`) and for reading in a terminal:
/// - the running header and the footer once, at the top, then a rule;
/// - the title underlined with `=`, level 1 headings with `-`, level 2 headings with `~`;
///   articles as they are numbered ("Article 1er – Objet");
/// - one line per paragraph (never wrapped), a line break inside a paragraph as a new line; a
///   picture as `[image : alternative text]`
///   with the same indentation; notes indented by four spaces;
/// - lists with their markers as ODT and DOCX number them (`1.`, `a)`, `i.`, `•`, `–`, `◦`),
///   two spaces per level;
/// - tables one row per line, `| a | b |`, a cell's paragraphs joined by ` / `, a rule under
///   the header rows; signatures as a table (capacities, "Lu et approuvé", names);
/// - draft placeholders as written (`[à compléter : logement.etage]`), page breaks as a line
///   `--- saut de page ---`.
///
/// Emphasis is not shown; non-breaking spaces and tabs are kept, control characters dropped. The output depends on the
/// document alone (no clock, locale or font), so the same document gives the same bytes.
struct PlainTextWriter {
    let document: Document

    init(_ document: Document) { self.document = document }

    /// The page-break line.
    static let pageBreakLine = "--- saut de page ---"

    /// The text's bytes, ending with a line feed.
    func text() -> Data {
        var lines = frameLines()
        for block in document.blocks {
            let rendered = Self.lines(for: block)
            if rendered.isEmpty { continue }
            lines.append("")
            lines += rendered
        }
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// The header (running title, "PROJET" in drafts) and footer (initials zone, page numbers), once.
    func frameLines() -> [String] {
        var header: [String] = []
        if let text = document.header, !text.isEmpty { header.append(Self.flat([.text(text)])) }
        if document.metadata.isDraft { header.append("PROJET") }
        var footer: [String] = []
        if document.initialsOnEveryPage { footer.append(ODTWriter.initialsText) }
        footer.append("Page N sur M")
        var lines: [String] = []
        if !header.isEmpty { lines.append("En-tête : " + header.joined(separator: " · ")) }
        lines.append("Pied de page : " + footer.joined(separator: " · "))
        lines.append(String(repeating: "━", count: 40))
        return lines
    }

    static func lines(for block: Block) -> [String] {
        switch block {
        case .title(let inlines):
            return underlined(inlines, with: "=")
        case .subtitle(let inlines):
            return paragraph(inlines)
        case .heading(let level, let inlines):
            return underlined(inlines, with: min(max(level, 1), 2) == 1 ? "-" : "~")
        case .article(let number, let title):
            return paragraph(Block.articleHeading(number: number, title: title))
        case .paragraph(let paragraph) where paragraph.headingLevel != nil:
            let pictures: [Inline] = paragraph.images.map { .text("[image : \($0.alternativeText)] ") }
            return underlined(pictures + paragraph.inlines, with: min(max(paragraph.headingLevel ?? 1, 1), 2) == 1 ? "-" : "~")
        case .paragraph(let paragraph):
            let pictures: [Inline] = paragraph.images.map { .text("[image : \($0.alternativeText)] ") }
            return Self.paragraph(pictures + paragraph.inlines, indent: paragraph.isNote ? "    " : "")
        case .list(let list):
            return listLines(list)
        case .table(let table):
            return tableLines(header: table.headerRows, rows: table.rows, columns: table.columnCount)
        case .pageBreak:
            return [pageBreakLine]
        case .signatures(let block):
            var lines = paragraph(block.closing)
            guard !block.signatories.isEmpty else { return lines }
            let capacities = block.signatories.map { signatory in
                TableCell(block.readAndApproved ? [signatory.capacity, [.text("Lu et approuvé")]] : [signatory.capacity])
            }
            let names = block.signatories.map { TableCell([$0.name]) }
            if !lines.isEmpty { lines.append("") }
            return lines + tableLines(header: [], rows: [capacities, names], columns: block.signatories.count)
        }
    }

    /// A paragraph's lines: its text, split at line breaks, each line indented. Empty if it has no text.
    static func paragraph(_ inlines: [Inline], indent: String = "", firstPrefix: String = "") -> [String] {
        let text = flat(inlines)
        guard !text.isEmpty else { return [] }
        let continuation = indent + String(repeating: " ", count: firstPrefix.count)
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
            (index == 0 ? indent + firstPrefix : continuation) + line
        }
    }

    static func underlined(_ inlines: [Inline], with character: Character) -> [String] {
        let lines = paragraph(inlines)
        guard let longest = lines.map(\.count).max() else { return [] }
        return lines + [String(repeating: character, count: longest)]
    }

    /// The text of inlines, line breaks (explicit, or `\n` / `\r\n` / `\r` in a value) as `\n`.
    static func flat(_ inlines: [Inline]) -> String {
        var result = ""
        for inline in inlines {
            switch inline {
            case .text(let text, _), .placeholder(let text):
                TextSegment.forEach(in: text) { segment in
                    switch segment {
                    case .text(let piece):
                        // Control characters cannot be written in XML: the other formats drop them too.
                        result.unicodeScalars += piece.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }
                    case .tab: result += "\t"
                    case .lineBreak: result += "\n"
                    }
                }
            case .lineBreak:
                result += "\n"
            }
        }
        return result
    }
}
