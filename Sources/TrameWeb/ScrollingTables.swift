import Foundation

/// On a narrow screen (a telephone, 375 px) a data table never makes the page scroll sideways: each
/// `<table class="liste">` of a page sits in its own scrolling frame, a region named after the table
/// (its caption, else the heading above it) and reachable with the keyboard (so that it can be
/// scrolled without a mouse). Done here, once for every page, so that a page added later gets it too.
enum ScrollingTables {
    static let opening = #"<div class="defilement" role="region" tabindex="0" aria-label=""#

    /// `html` with every list table wrapped in its labelled scrolling frame (tables already wrapped
    /// are left as they are).
    ///
    /// One forward pass over the UTF-8 bytes (pages reach 450 kB and this runs for each of them). The
    /// rules are those of `wrapByCharacters`, which reads characters (grapheme clusters, compared up
    /// to canonical equivalence): bytes say the same wherever each ASCII character of the markup is
    /// a character of its own. A page where a combining mark or a prepended sign touches markup, or
    /// with U+037E (canonically a semicolon), goes through `wrapByCharacters` itself.
    static func wrap(_ html: String) -> String {
        let outcome = html.utf8.withContiguousStorageIfAvailable { Scan.run($0) }
            ?? Array(html.utf8).withUnsafeBufferPointer { Scan.run($0) }
        switch outcome {
        case .unchanged: return html
        case .wrapped(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .needsCharacters: return wrapByCharacters(html)
        }
    }

    /// Whether `wrap` reads `html` by bytes (a `<caption` followed by a mark still sends it to `wrapByCharacters`).
    static func readsBytes(_ html: String) -> Bool {
        var html = html
        return html.withUTF8 { Scan.bytesReadAsCharacters($0) }
    }

    /// `wrap` by String matching and regular expressions: the first implementation, slow on big
    /// pages (quadratic in the number of tables), kept for the pages that bytes cannot read alike.
    static func wrapByCharacters(_ html: String) -> String {
        guard html.contains("<table class=\"liste\"") else { return html }
        var out = ""
        var rest = html[...]
        while let start = rest.range(of: "<table class=\"liste\"") {
            let before = rest[..<start.lowerBound]
            guard let end = rest[start.lowerBound...].range(of: "</table>") else { break }
            out += before
            let table = rest[start.lowerBound..<end.upperBound]
            if out.hasSuffix(">"), let open = out.range(of: "<div class=\"defilement\"", options: .backwards),
               !out[open.upperBound...].contains("<") {
                out += table
            } else {
                out += opening + HTML.escape("Tableau : " + label(table: table, before: out)) + "\">" + table + "</div>"
            }
            rest = rest[end.upperBound...]
        }
        return out + rest
    }

    /// The table's caption, else the text of the last heading before it, else « données ».
    private static func label(table: Substring, before: String) -> String {
        if let caption = table.firstMatch(of: /<caption[^>]*>(.*?)<\/caption>/.dotMatchesNewlines()) {
            let text = plain(caption.1)
            if !text.isEmpty { return text }
        }
        let headings = before.matches(of: /<h[1-6][^>]*>(.*?)<\/h[1-6]>/.dotMatchesNewlines())
        if let last = headings.last {
            let text = plain(last.1)
            if !text.isEmpty { return text }
        }
        return "données"
    }

    /// The text of an HTML fragment: tags dropped, the page's escapes read back (the label is escaped again).
    private static func plain(_ fragment: Substring) -> String {
        fragment.replacing(/<[^>]*>/, with: "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&#x27;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Whether `scalar` next to an ASCII character may make one character with it, for Swift's
    /// grapheme clusters (Extend, SpacingMark, ZWJ, Prepend) or for Foundation's search (marks).
    static func mayJoinASCII(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x80..<0x300, 0x2010...0x2027, 0x202F...0x205F, 0x20A0...0x20BF: return false // Latin, punctuation, spaces, currencies
        default: break
        }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: if properties.isGraphemeExtend { return true }
        }
        var after = "a", before = ""
        after.unicodeScalars.append(scalar)
        before.unicodeScalars.append(scalar)
        before.unicodeScalars.append("a")
        return after.count == 1 || before.count == 1
    }
}

// MARK: - The pass over bytes

private enum Outcome {
    case unchanged, wrapped([UInt8]), needsCharacters
}

/// Signals a page that bytes cannot read as characters are read.
private struct NeedsCharacters: Error {}

private enum Byte {
    static let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), slash = UInt8(ascii: "/"), h = UInt8(ascii: "h")
    static let amp = UInt8(ascii: "&"), space = UInt8(ascii: " ")
    static let tableOpen = Array(#"<table class="liste""#.utf8), tableClose = Array("</table>".utf8)
    static let frameOpen = Array(#"<div class="defilement""#.utf8)
    static let caption = Array("<caption".utf8), captionClose = Array("</caption>".utf8)
    static let opening = Array(ScrollingTables.opening.utf8), openingEnd = Array(#"">"#.utf8), frameClose = Array("</div>".utf8)
    static let prefix = Array("Tableau : ".utf8), fallback = Array("données".utf8)
    /// The escapes `plain` reads back (none is part of another: one pass reads them as the chained replacements did).
    static let entities: [([UInt8], UInt8)] = ([
        ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&amp;", "&"),
    ] as [(String, Unicode.Scalar)]).map { (Array($0.0.utf8), UInt8(ascii: $0.1)) }
    /// What `HTML.escape` writes for these bytes.
    static let escapes: [UInt8: [UInt8]] = ([
        ("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\"", "&quot;"), ("'", "&#39;"),
    ] as [(Unicode.Scalar, String)]).reduce(into: [:]) { $0[UInt8(ascii: $1.0)] = Array($1.1.utf8) }

    static func isHeadingDigit(_ byte: UInt8) -> Bool { (0x31...0x36).contains(byte) }
    /// ASCII white space (U+0009…U+000D, U+0020), what `Character.isWhitespace` says of them.
    static func isSpace(_ byte: UInt8) -> Bool { byte == space || (0x09...0x0D).contains(byte) }
    /// ASCII other than letters: what the markup, the escapes and the headings' digits are made of.
    static func isMarkup(_ byte: UInt8) -> Bool { byte < 0x80 && !(0x61...0x7A).contains(byte | 0x20) }
}

private typealias Bytes = UnsafeBufferPointer<UInt8>

/// The first `byte` in `text[from..<to]`.
private func find(_ byte: UInt8, in text: Bytes, from: Int, to: Int) -> Int? {
    guard from < to, let base = text.baseAddress, let hit = memchr(base + from, Int32(byte), to - from) else { return nil }
    return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
}

/// The first `pattern` in `text[from..<to]`.
private func find(_ pattern: [UInt8], in text: Bytes, from: Int, to: Int) -> Int? {
    var from = from
    while let at = find(pattern[0], in: text, from: from, to: to - pattern.count + 1) {
        if has(pattern, in: text, at: at) { return at }
        from = at + 1
    }
    return nil
}

/// Whether `text` holds `pattern` at `at`.
private func has(_ pattern: [UInt8], in text: Bytes, at: Int) -> Bool {
    guard at >= 0, at + pattern.count <= text.count else { return false }
    for k in pattern.indices where text[at + k] != pattern[k] { return false }
    return true
}

/// The scalar whose UTF-8 encoding starts at `at` (the text is valid UTF-8: it comes from a String), and its length.
private func scalar(at: Int, in text: Bytes) -> (Unicode.Scalar, Int) {
    let b0 = UInt32(text[at])
    if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), 1) }
    func next(_ k: Int) -> UInt32 { UInt32(text[at + k]) & 0x3F }
    let (value, length) = b0 < 0xE0 ? ((b0 & 0x1F) << 6 | next(1), 2)
        : b0 < 0xF0 ? ((b0 & 0x0F) << 12 | next(1) << 6 | next(2), 3)
        : ((b0 & 0x07) << 18 | next(1) << 12 | next(2) << 6 | next(3), 4)
    return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
}

private struct Scan {
    let input: Bytes
    var out: [UInt8] = []
    var headings = Headings()
    /// The last heading's content in `out` and its plain text.
    var headingText: (content: Range<Int>, text: [UInt8])?

    static func run(_ input: Bytes) -> Outcome {
        guard let first = find(Byte.tableOpen, in: input, from: 0, to: input.count) else { return .unchanged }
        guard bytesReadAsCharacters(input) else { return .needsCharacters }
        var scan = Scan(input: input)
        do { try scan.wrap(from: first) } catch { return .needsCharacters }
        return .wrapped(scan.out)
    }

    /// Whether byte matching finds what String matching finds in `text`: no U+037E, and no scalar
    /// that may join an ASCII character next to an ASCII character other than a letter (a letter
    /// ends no pattern, but for `<caption`, checked where it is found).
    static func bytesReadAsCharacters(_ text: Bytes) -> Bool {
        guard let base = text.baseAddress else { return true }
        let raw = UnsafeRawPointer(base), n = text.count
        var i = 0
        while i < n {
            if i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            guard text[i] >= 0xCC else { i += 1; continue } // ASCII, continuation bytes, U+0080…U+02FF
            let (scalar, length) = scalar(at: i, in: text)
            if scalar == "\u{37E}" { return false }
            let before = i > 0 && Byte.isMarkup(text[i - 1]), after = i + length < n && Byte.isMarkup(text[i + length])
            if (before || after) && ScrollingTables.mayJoinASCII(scalar) { return false }
            i += length
        }
        return true
    }

    mutating func wrap(from first: Int) throws {
        out.reserveCapacity(input.count + input.count / 8 + 256)
        var position = 0, start = first
        while true {
            guard let close = find(Byte.tableClose, in: input, from: start, to: input.count) else { break }
            let table = start..<(close + Byte.tableClose.count)
            out.append(contentsOf: input[position..<start])
            if isInFrame() {
                out.append(contentsOf: input[table])
            } else {
                let label = try label(of: table)
                out += Byte.opening
                out += Byte.prefix
                escape(label)
                out += Byte.openingEnd
                out.append(contentsOf: input[table])
                out += Byte.frameClose
            }
            position = table.upperBound
            guard let next = find(Byte.tableOpen, in: input, from: position, to: input.count) else { break }
            start = next
        }
        out.append(contentsOf: input[position...])
    }

    /// Whether the output ends with `>` and its last `<` opens a `<div class="defilement"`.
    func isInFrame() -> Bool {
        guard out.last == Byte.gt, let lt = out.lastIndex(of: Byte.lt) else { return false }
        return out.withUnsafeBufferPointer { has(Byte.frameOpen, in: $0, at: lt) }
    }

    /// The table's caption, else the text of the last heading before it, else « données ».
    mutating func label(of table: Range<Int>) throws -> [UInt8] {
        if let caption = find(Byte.caption, in: input, from: table.lowerBound, to: table.upperBound) {
            // Only the first `<caption` can start the match: a later one has no `>` or `</caption>` the first lacks.
            // Followed by a mark, its `n` is another character: not `<caption` for the regular expression.
            let after = caption + Byte.caption.count
            if after < table.upperBound, input[after] >= 0x80, ScrollingTables.mayJoinASCII(scalar(at: after, in: input).0) {
                throw NeedsCharacters()
            }
            if let gt = find(Byte.gt, in: input, from: after, to: table.upperBound),
               let end = find(Byte.captionClose, in: input, from: gt + 1, to: table.upperBound) {
                let text = Self.plain(input, gt + 1..<end)
                if !text.isEmpty { return text }
            }
        }
        out.withUnsafeBufferPointer { headings.read($0) }
        if let content = headings.last {
            if headingText?.content != content {
                headingText = (content, out.withUnsafeBufferPointer { Self.plain($0, content) })
            }
            if let text = headingText?.text, !text.isEmpty { return text }
        }
        return Byte.fallback
    }

    /// `HTML.escape` of ASCII characters that are characters of their own.
    mutating func escape(_ text: [UInt8]) {
        for byte in text {
            if let escape = Byte.escapes[byte] { out += escape } else { out.append(byte) }
        }
    }

    /// The text of `text[range]`: tags (`<` up to the next `>`) dropped, runs of white space made one
    /// space and trimmed, the escapes read back.
    static func plain(_ text: Bytes, _ range: Range<Int>) -> [UInt8] {
        var bare: [UInt8] = []
        bare.reserveCapacity(range.count)
        var i = range.lowerBound
        while let lt = find(Byte.lt, in: text, from: i, to: range.upperBound),
              let gt = find(Byte.gt, in: text, from: lt + 1, to: range.upperBound) {
            bare.append(contentsOf: text[i..<lt])
            i = gt + 1
        }
        bare.append(contentsOf: text[i..<range.upperBound])
        let joined = bare.withUnsafeBufferPointer { words(in: $0) }
        return joined.withUnsafeBufferPointer { unescaped($0) }
    }

    /// `text`'s words joined by one space, words being separated by white-space characters.
    static func words(in text: Bytes) -> [UInt8] {
        var i = 0
        while i < text.count {
            guard text[i] >= 0x80 else { i += 1; continue }
            let (scalar, length) = scalar(at: i, in: text)
            if scalar.properties.isWhitespace {
                // A white space beyond ASCII may carry marks in its character: characters decide.
                return Array(String(decoding: text, as: UTF8.self).split(whereSeparator: \.isWhitespace).joined(separator: " ").utf8)
            }
            i += length
        }
        var words: [UInt8] = []
        words.reserveCapacity(text.count)
        var space = false
        for byte in text {
            if Byte.isSpace(byte) {
                space = !words.isEmpty
            } else {
                if space { words.append(Byte.space); space = false }
                words.append(byte)
            }
        }
        return words
    }

    /// `text` with `&lt;`, `&gt;`, `&quot;`, `&#39;`, `&#x27;` and `&amp;` read back.
    static func unescaped(_ text: Bytes) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(text.count)
        var i = 0
        while i < text.count {
            if text[i] == Byte.amp, let (entity, byte) = Byte.entities.first(where: { has($0.0, in: text, at: i) }) {
                result.append(byte)
                i += entity.count
            } else {
                result.append(text[i])
                i += 1
            }
        }
        return result
    }
}

/// The headings of the output, found as `/<h[1-6][^>]*>(.*?)<\/h[1-6]>/.dotMatchesNewlines()` finds
/// them in all of it (leftmost first, each from the end of the previous one), read again only from
/// where the last reading stopped: a heading found stays the same as the output grows, and one
/// whose `>` or closing tag is not written yet is where the next reading resumes.
private struct Headings {
    /// Where the search for the next `<h1`…`<h6` resumes.
    private var next = 0
    /// An opening heading tag without its closing tag so far: where its content starts (after its
    /// `>`, once written) and where the search resumes.
    private var open: (content: Int?, from: Int)?
    /// The content of the last complete heading.
    private(set) var last: Range<Int>?

    mutating func read(_ text: Bytes) {
        let end = text.count
        while true {
            if open == nil {
                while true {
                    guard let lt = find(Byte.lt, in: text, from: next, to: end) else { next = end; return }
                    guard lt + 2 < end else { next = lt; return }
                    next = lt + 1
                    if text[lt + 1] == Byte.h, Byte.isHeadingDigit(text[lt + 2]) {
                        open = (nil, lt + 3)
                        break
                    }
                }
            }
            guard var tag = open else { return }
            if tag.content == nil {
                guard let gt = find(Byte.gt, in: text, from: tag.from, to: end) else { open?.from = end; return }
                tag = (gt + 1, gt + 1)
            }
            while true {
                guard let lt = find(Byte.lt, in: text, from: tag.from, to: end) else { tag.from = end; break }
                guard lt + 4 < end else { tag.from = lt; break }
                if text[lt + 1] == Byte.slash, text[lt + 2] == Byte.h, Byte.isHeadingDigit(text[lt + 3]), text[lt + 4] == Byte.gt {
                    last = tag.content!..<lt
                    next = lt + 5
                    open = nil
                    break
                }
                tag.from = lt + 1
            }
            guard open != nil else { continue }
            open = tag
            return
        }
    }
}
