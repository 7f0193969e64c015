import TrameModel

/// Splitting a template's text into lines and its front matter.
enum TemplateText {
    /// The lines of `text` (BOM removed, CRLF and CR as LF), numbered from `firstLine`.
    static func lines(_ text: String, file: String, firstLine: Int) -> [SourceLine] {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var lines: [SourceLine] = []
        var current: [Unicode.Scalar] = []
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if s == "\n" || s == "\r" {
                lines.append(SourceLine(file: file, number: firstLine + lines.count, scalars: current))
                current = []
                if s == "\r", i + 1 < scalars.count, scalars[i + 1] == "\n" { i += 1 }
            } else {
                current.append(s)
            }
            i += 1
        }
        if !current.isEmpty { lines.append(SourceLine(file: file, number: firstLine + lines.count, scalars: current)) }
        return lines
    }

    /// Splits the `---` front matter from the body: (front matter lines, body lines).
    static func split(_ lines: [SourceLine]) -> (frontMatter: [SourceLine]?, body: [SourceLine], unclosed: Bool) {
        guard let first = lines.first, first.text(from: 0) == "---" else { return (nil, lines, false) }
        guard let end = lines.dropFirst().firstIndex(where: { $0.text(from: 0) == "---" }) else { return (nil, lines, true) }
        return (Array(lines[1..<end]), Array(lines[(end + 1)...]), false)
    }
}
