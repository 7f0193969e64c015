import TrameModel

/// One token of an expression (`{{ … }}`, `{% si … %}`, a `quand:` condition).
enum ExpressionToken: Sendable, Equatable {
    /// A dotted name: `logement.etage`, `et`, `date`.
    case name([String])
    case number(String)
    case date(CalendarDate)
    case string(String)
    /// `=`, `!=`, `<`, `<=`, `>`, `>=`, `(`, `)`, `[`, `]`, `,`, `|`.
    case symbol(String)
    case end
}

struct LexedToken: Sendable {
    let token: ExpressionToken
    let column: Int
}

/// Splits an expression into tokens; columns are 1-based Unicode-scalar columns of the line.
struct ExpressionLexer {
    let scalars: [Unicode.Scalar]
    let baseColumn: Int
    let file: String
    let line: Int

    func location(_ column: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }

    static func isNameScalar(_ s: Unicode.Scalar) -> Bool {
        s == "_" || s.properties.isAlphabetic || ("0"..."9").contains(s)
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }

    func tokens(sink: inout DiagnosticSink) -> [LexedToken]? {
        var out: [LexedToken] = []
        var i = 0
        let n = scalars.count
        func text(_ a: Int, _ b: Int) -> String { String(String.UnicodeScalarView(scalars[a..<b])) }
        while i < n {
            let s = scalars[i]
            let column = baseColumn + i
            if s == " " || s == "\t" { i += 1; continue }
            if s == "\"" || s == "'" || s == "“" || s == "«" {
                let close: Unicode.Scalar = s == "“" ? "”" : s == "«" ? "»" : s
                var j = i + 1
                var value = String.UnicodeScalarView()
                while j < n && scalars[j] != close {
                    if scalars[j] == "\\" && j + 1 < n { j += 1 }
                    value.append(scalars[j])
                    j += 1
                }
                guard j < n else {
                    sink.error(TemplateCode.syntax, "texte entre guillemets non fermé", at: location(column))
                    return nil
                }
                var string = String(value)
                if s == "«" { string = string.trimmingSpaces() }
                out.append(LexedToken(token: .string(string), column: column))
                i = j + 1
                continue
            }
            if Self.isDigit(s) || (s == "-" && i + 1 < n && Self.isDigit(scalars[i + 1]) && !(out.last.map(Self.endsOperand) ?? false)) {
                var j = i + 1
                while j < n && (Self.isDigit(scalars[j]) || scalars[j] == "." || scalars[j] == "-") { j += 1 }
                let raw = text(i, j)
                if raw.filter({ $0 == "-" }).count == 2 && !raw.hasPrefix("-") {
                    guard let date = CalendarDate(iso: raw) else {
                        sink.error(TemplateCode.syntax, "date invalide « \(raw) » (attendu AAAA-MM-JJ, date existante)", at: location(column))
                        return nil
                    }
                    out.append(LexedToken(token: .date(date), column: column))
                } else {
                    let body = raw.hasPrefix("-") ? String(raw.dropFirst()) : raw
                    let parts = body.split(separator: ".", omittingEmptySubsequences: false)
                    guard !body.contains("-"), parts.count <= 2, parts.allSatisfy({ !$0.isEmpty }) else {
                        sink.error(TemplateCode.syntax, "nombre invalide « \(raw) » (point décimal : 351.20)", at: location(column))
                        return nil
                    }
                    out.append(LexedToken(token: .number(raw), column: column))
                }
                i = j
                continue
            }
            if Self.isNameScalar(s) {
                var words: [String] = []
                var j = i
                while true {
                    let start = j
                    while j < n && Self.isNameScalar(scalars[j]) { j += 1 }
                    words.append(text(start, j))
                    if j + 1 < n && scalars[j] == "." && Self.isNameScalar(scalars[j + 1]) { j += 1 } else { break }
                }
                out.append(LexedToken(token: .name(words), column: column))
                i = j
                continue
            }
            let two = i + 1 < n ? text(i, i + 2) : ""
            if ["!=", "<=", ">=", "=="].contains(two) {
                out.append(LexedToken(token: .symbol(two == "==" ? "=" : two), column: column))
                i += 2
                continue
            }
            if "=<>()[],|".unicodeScalars.contains(s) {
                out.append(LexedToken(token: .symbol(String(s)), column: column))
                i += 1
                continue
            }
            sink.error(TemplateCode.syntax, "caractère inattendu « \(String(s)) » dans l'expression", at: location(column))
            return nil
        }
        out.append(LexedToken(token: .end, column: baseColumn + n))
        return out
    }

    private static func endsOperand(_ token: LexedToken) -> Bool {
        switch token.token {
        case .name, .number, .date, .string: return true
        case .symbol(let s): return s == ")" || s == "]"
        case .end: return false
        }
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })!
        return String(scalars[first...last])
    }
}
