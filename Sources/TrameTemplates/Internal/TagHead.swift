import TrameModel

/// The keyword of a `{% … %}` tag and what follows it.
struct TagHead: Sendable {
    enum Keyword: String, Sendable, CaseIterable {
        case si, sinonSi = "sinon si", sinon, fin, pour, inclure, renvoi
        case aRemplir = "a_remplir"
        case noteRedaction = "note_redaction"
    }

    let keyword: Keyword
    /// The rest of the tag after the keyword.
    let rest: [Unicode.Scalar]
    /// The column of `rest`'s first scalar.
    let restColumn: Int

    var restText: String { String(String.UnicodeScalarView(rest)).trimmingSpaces() }

    /// Reads the keyword of a tag whose inside starts at `column`.
    static func parse(_ inside: [Unicode.Scalar], column: Int, file: String, line: Int, sink: inout DiagnosticSink) -> TagHead? {
        var i = 0
        while i < inside.count, inside[i] == " " || inside[i] == "\t" { i += 1 }
        var j = i
        while j < inside.count, inside[j] != " " && inside[j] != "\t" { j += 1 }
        var word = String(String.UnicodeScalarView(inside[i..<j]))
        var restStart = j
        if word == "sinon" {
            var k = j
            while k < inside.count, inside[k] == " " { k += 1 }
            if k + 2 <= inside.count, inside[k] == "s", inside[k + 1] == "i", k + 2 == inside.count || inside[k + 2] == " " {
                word = "sinon si"
                restStart = k + 2
            }
        }
        guard let keyword = Keyword(rawValue: word) else {
            var message = word.isEmpty ? "balise vide « {% %} »" : "balise inconnue « \(word) »"
            if let near = Suggestions.nearest(to: word, among: Keyword.allCases.map(\.rawValue)) { message += " ; vouliez-vous dire « \(near) » ?" }
            else { message += " ; balises : si, sinon si, sinon, fin, pour, inclure, renvoi, a_remplir, note_redaction" }
            sink.error(TemplateCode.syntax, message, at: SourceLocation(file: file, line: line, column: column + i))
            return nil
        }
        return TagHead(keyword: keyword, rest: Array(inside[restStart...]), restColumn: column + restStart)
    }
}
