import Foundation

/// On a narrow screen (a telephone, 375 px) a data table never makes the page scroll sideways: each
/// `<table class="liste">` of a page sits in its own scrolling frame, a region named after the table
/// (its caption, else the heading above it) and reachable with the keyboard (so that it can be
/// scrolled without a mouse). Done here, once for every page, so that a page added later gets it too.
enum ScrollingTables {
    static let opening = #"<div class="defilement" role="region" tabindex="0" aria-label=""#

    /// `html` with every list table wrapped in its labelled scrolling frame (tables already wrapped
    /// are left as they are).
    static func wrap(_ html: String) -> String {
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
    static func label(table: Substring, before: String) -> String {
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
}
