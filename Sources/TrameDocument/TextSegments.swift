/// A piece of user text as the writers see it: tabs and line breaks inside a value become
/// the format's own tab and line-break markup, consistently in ODT, DOCX and HTML.
enum TextSegment {
    case text(Substring)
    case tab
    case lineBreak

    /// Calls `body` with the segments of `string` in order: runs of text, `\t` as `.tab`,
    /// and `\n`, `\r\n` or `\r` as `.lineBreak`.
    static func forEach(in string: String, _ body: (TextSegment) -> Void) {
        // Almost every value holds no tab or line break: one fast scan, then the whole string.
        guard UTF8Scan.contains(string, where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else {
            if !string.isEmpty { body(.text(string[...])) }
            return
        }
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

/// Byte scans of user text over its contiguous UTF-8 storage. Iterating `String.UTF8View` or
/// `Substring.UTF8View` byte by byte costs about ten times as many instructions, and the writers
/// scan every value several times (line breaks, tabs, spaces): `trame-bench-writers` measured
/// those scans at a third of the ODT and HTML writers' time.
enum UTF8Scan {
    /// Whether a byte of `string`'s UTF-8 satisfies `predicate`.
    @inline(__always)
    static func contains(_ string: some StringProtocol, where predicate: (UInt8) -> Bool) -> Bool {
        if let found = string.utf8.withContiguousStorageIfAvailable({ $0.contains(where: predicate) }) { return found }
        return string.utf8.contains(where: predicate)
    }

    /// Calls `body` with `string`'s UTF-8 bytes, contiguous.
    @inline(__always)
    static func withBytes<Result>(_ string: some StringProtocol, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = string.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(string.utf8).withUnsafeBufferPointer(body)
    }
}
