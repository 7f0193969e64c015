import Foundation

/// Reading the text LibreOffice renders (pdftotext) in the document tests.
enum RenderedText {
    /// The rendered text with non-breaking spaces made ordinary, words cut at a hyphen at the end of
    /// a line joined again ("ci-\naprès"), and whitespace collapsed.
    static func flatten(_ text: String) -> String {
        let spaced = text.replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{00A0}", with: " ")
        let joined = spaced.replacingOccurrences(of: "-[ \\t]*\\n[ \\t]*", with: "-", options: .regularExpression)
        return joined.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The article numbers of the headings, in order ("1er" read as 1).
    static func articleNumbers(_ flat: String) -> [Int] {
        let pattern = try! NSRegularExpression(pattern: "Article (1er|[0-9]+) – ")
        return pattern.matches(in: flat, range: NSRange(flat.startIndex..., in: flat)).compactMap { match in
            Range(match.range(at: 1), in: flat).map { Int(flat[$0]) ?? 1 }
        }
    }
}
