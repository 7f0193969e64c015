import TrameModel

/// One source line of a template or fragment.
struct SourceLine: Sendable {
    let file: String
    let number: Int
    let scalars: [Unicode.Scalar]

    func location(_ index: Int) -> SourceLocation { SourceLocation(file: file, line: number, column: index + 1) }

    /// The number of leading spaces (a tab counts as two).
    var indent: Int {
        var n = 0
        for s in scalars {
            if s == " " { n += 1 } else if s == "\t" { n += 2 } else { break }
        }
        return n
    }

    /// The index of the first non-space scalar, or `scalars.count`.
    var contentStart: Int { scalars.firstIndex { $0 != " " && $0 != "\t" } ?? scalars.count }

    var isBlank: Bool { contentStart == scalars.count }

    /// Whether the content (after `from`) starts with `prefix`.
    func hasPrefix(_ prefix: String, from index: Int) -> Bool {
        var i = index
        for p in prefix.unicodeScalars {
            guard i < scalars.count, scalars[i] == p else { return false }
            i += 1
        }
        return true
    }

    /// The line's text from `index` to the end (trailing spaces removed).
    func text(from index: Int) -> String {
        var end = scalars.count
        while end > index, scalars[end - 1] == " " || scalars[end - 1] == "\t" { end -= 1 }
        return index < end ? String(String.UnicodeScalarView(scalars[index..<end])) : ""
    }
}

/// A lexical piece of inline text.
enum RawInline: Sendable {
    case text(String)
    /// A run of `*` (1 to 3) or `__`.
    case stars(Int)
    case underline
    /// The inside of `{{ … }}`, starting at `column`.
    case output([Unicode.Scalar], column: Int)
    /// The inside of `{% … %}`, starting at `column`.
    case tag([Unicode.Scalar], column: Int)
    /// `\` at the end of a line.
    case hardBreak
}

struct RawToken: Sendable {
    let kind: RawInline
    let location: SourceLocation
}

/// Splits inline text into text runs, emphasis delimiters, `{{ }}`, `{% %}` and escapes.
enum InlineTokenizer {
    static let escapable: Set<Unicode.Scalar> = Set("\\*_{}%|#@->[]`!.()+=<:\"'".unicodeScalars)

    /// Tokenizes `line` from `start` up to `end` (exclusive).
    static func tokenize(_ line: SourceLine, from start: Int, to end: Int? = nil, sink: inout DiagnosticSink) -> [RawToken] {
        let s = line.scalars
        var stop = end ?? s.count
        while stop > start, s[stop - 1] == " " || s[stop - 1] == "\t" { stop -= 1 }
        var tokens: [RawToken] = []
        var text = String.UnicodeScalarView()
        var textStart = start
        func flush(_ at: Int) {
            if !text.isEmpty { tokens.append(RawToken(kind: .text(String(text)), location: line.location(textStart))) }
            text = String.UnicodeScalarView()
            textStart = at
        }
        var i = start
        while i < stop {
            let c = s[i]
            if c == "\\" {
                if i + 1 == stop {
                    flush(i)
                    tokens.append(RawToken(kind: .hardBreak, location: line.location(i)))
                    i += 1
                    continue
                }
                if escapable.contains(s[i + 1]) {
                    if text.isEmpty { textStart = i }
                    text.append(s[i + 1])
                    i += 2
                    continue
                }
            }
            if c == "{" && i + 1 < stop && (s[i + 1] == "{" || s[i + 1] == "%") {
                let isOutput = s[i + 1] == "{"
                let closer: Unicode.Scalar = isOutput ? "}" : "%"
                guard let close = findClose(s, from: i + 2, to: stop, closer: closer) else {
                    sink.error(TemplateCode.syntax, isOutput ? "« {{ » sans « }} » sur la même ligne" : "« {% » sans « %} » sur la même ligne", at: line.location(i))
                    flush(stop)
                    return tokens
                }
                flush(i)
                let inner = Array(s[(i + 2)..<close])
                let column = i + 3
                tokens.append(RawToken(kind: isOutput ? .output(inner, column: column) : .tag(inner, column: column), location: line.location(i)))
                i = close + 2
                textStart = i
                continue
            }
            if c == "*" {
                var j = i
                while j < stop && s[j] == "*" { j += 1 }
                let run = j - i
                if run <= 3 {
                    flush(i)
                    tokens.append(RawToken(kind: .stars(run), location: line.location(i)))
                    textStart = j
                } else {
                    if text.isEmpty { textStart = i }
                    for k in i..<j { text.append(s[k]) }
                }
                i = j
                continue
            }
            if c == "_" {
                var j = i
                while j < stop && s[j] == "_" { j += 1 }
                if j - i == 2 {
                    flush(i)
                    tokens.append(RawToken(kind: .underline, location: line.location(i)))
                    textStart = j
                } else {
                    if text.isEmpty { textStart = i }
                    for k in i..<j { text.append(s[k]) }
                }
                i = j
                continue
            }
            if text.isEmpty { textStart = i }
            text.append(c)
            i += 1
        }
        flush(stop)
        return tokens
    }

    /// The index of the closing `}}` / `%}`, skipping quoted strings.
    static func findClose(_ s: [Unicode.Scalar], from start: Int, to stop: Int, closer: Unicode.Scalar) -> Int? {
        var i = start
        var quote: Unicode.Scalar?
        while i < stop {
            let c = s[i]
            if let q = quote {
                if c == "\\" { i += 2; continue }
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == closer && i + 1 < stop && s[i + 1] == "}" {
                return i
            }
            i += 1
        }
        return nil
    }
}
