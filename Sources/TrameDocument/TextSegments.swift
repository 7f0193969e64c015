/// A piece of user text as the writers see it: tabs and line breaks inside a value become
/// the format's own tab and line-break markup, consistently in ODT, DOCX and HTML.
enum TextSegment {
    case text(Substring)
    case tab
    case lineBreak

    /// Calls `body` with the segments of `string` in order: runs of text, `\t` as `.tab`,
    /// and `\n`, `\r\n` or `\r` as `.lineBreak`.
    static func forEach(in string: String, _ body: (TextSegment) -> Void) {
        let utf8 = string.utf8
        let end = utf8.endIndex
        var start = utf8.startIndex
        var index = start
        while index != end {
            let byte = utf8[index]
            guard byte == 0x09 || byte == 0x0A || byte == 0x0D else {
                index = utf8.index(after: index)
                continue
            }
            if start != index { body(.text(string[start..<index])) }
            var next = utf8.index(after: index)
            if byte == 0x0D, next != end, utf8[next] == 0x0A { next = utf8.index(after: next) }
            body(byte == 0x09 ? .tab : .lineBreak)
            start = next
            index = next
        }
        if start != end { body(.text(string[start..<end])) }
    }
}
