import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
@testable import TrameWeb

/// `ScrollingTables.wrap` reads a page's bytes in one pass (issue 16: it took 29 % of the server's
/// time): its output stays, byte for byte, what the first implementation gave — by String matching
/// and regular expressions, kept below as `ReferenceScrollingTables` — on written, generated and
/// served pages.
@Suite struct ScrollingTablesTests {
    static let table = #"<table class="liste"><tr><th scope="col">Date</th></tr><tr><td>01/08/2019</td></tr></table>"#
    static let frame = #"<div class="defilement" role="region" tabindex="0" aria-label="Tableau : Échéances">"#

    static let pages: [(String, String)] = [
        ("empty", ""),
        ("no table", "<h2>Titre</h2><p>Rien à montrer</p>"),
        ("another class", #"<h2>Titre</h2><table class="autre"><tr><td>x</td></tr></table>"#),
        ("a table with no heading", table),
        ("caption", #"<h2>Titre</h2><table class="liste"><caption>Dossiers en cours</caption><tr><td>x</td></tr></table>"#),
        ("heading", "<h2>Échéances</h2>\n" + table),
        ("caption before heading", #"<h2>Titre</h2><table class="liste" id="t"><caption class="c">Légende</caption></table>"#),
        ("empty caption, heading", #"<h3>Le titre</h3><table class="liste"><caption> <b></b> </caption></table>"#),
        ("caption without its end", #"<h3>Le titre</h3><table class="liste"><caption>Légende</table>"#),
        ("caption closed after the table", #"<table class="liste"><caption>Légende</table></caption>"#),
        ("<captionx>", #"<table class="liste"><captionx>Autre</caption></table>"#),
        ("a caption of a nested table", #"<table class="liste"><tr><td><table><caption>Interne</caption></table></td></tr></table>"#),
        ("nested markup", #"<h2 id="a"><span class="n">3</span> dossiers <em>en <b>retard</b></em></h2>"# + table),
        ("caption markup", #"<table class="liste"><caption><a href="/d?x=1&amp;y=2">Lefèvre-N'Diaye</a> <small>(2)</small></caption></table>"#),
        ("entities", "<h2>&lt;b&gt; &amp;amp; &quot;q&quot; &#39;a&#39; &#x27;b&#x27; &amp;lt; &nbsp; &lt &#39</h2>" + table),
        ("entities made by dropped tags", "<h2>&l<i></i>t; &<b>amp;</b></h2>" + table),
        ("accents and emoji", "<h2>À faire : l’école, 12\u{202F}€, déjà\u{A0}vu 😀 👩‍👩‍👧 🇫🇷 中文</h2>" + table),
        ("white space", "<h2>\r\n\t  Échéances \u{A0}\u{202F}\u{2028}\u{85}\u{3000} du\tmois \r\n</h2>" + table),
        ("ASCII controls", "<h2>a\u{1}b\u{1C}c\u{1F}d\u{7F}e\u{0B}f\u{0C}g</h2>" + table),
        ("multi-line heading", "<h2\n  class=\"x\">Dossiers\n   à\n   suivre\n</h2>\n\n" + table),
        ("h2 with a class", #"<h2 class="x">Classé</h2>"# + table),
        ("header element", "<header><h1>Trame</h1></header><main>" + table + "</main>"),
        ("header without heading", "<header>En-tête</header>" + table),
        ("hr and h7", "<h2>Vrai</h2><hr><h7>Faux</h7>" + table),
        ("closed by another level", "<h2>Deux</h3>" + table),
        ("heading without its end", "<h2>Premier</h2><h3>Ouvert " + table),
        ("heading closed after the table", "<h2>Premier</h2><h3>Autour " + table + " suite</h3>" + table),
        ("table tag inside an opening heading tag", "<h2>A</h2><h2 title=\"" + table + "\">B</h2>" + table),
        ("unclosed tag before a table in a heading", "<h2>Titre <b cl" + table + "ass>fin</h2>" + table),
        ("empty last heading", "<h2>Premier</h2><h3> <i></i> </h3>" + table),
        ("two tables after one heading", "<h2>Échéances</h2>" + table + "<p>puis</p>" + table),
        ("three tables, two headings", "<h2>Un</h2>" + table + table + "<h2>Deux</h2>" + table),
        ("already wrapped", "<h2>Échéances</h2>" + frame + table + "</div>"),
        ("a frame, then a blank", "<h2>Échéances</h2>" + frame + " " + table + "</div>"),
        ("a frame, then markup", "<h2>Échéances</h2>" + frame + "<p>x</p>" + table + "</div>"),
        ("a short frame", #"<div class="defilement">"# + table),
        ("a frame before the previous table", frame + table + "</div>" + table),
        ("no </table>", "<h2>Titre</h2>" + #"<table class="liste"><tr><td>x</td></tr>"#),
        ("the second without </table>", "<h2>Titre</h2>" + table + #"<p>x</p><table class="liste"><tr>"#),
        ("nested list tables", #"<h2>N</h2><table class="liste"><tr><td><table class="liste"><tr><td>i</td></tr></table></td></tr></table>"#),
        ("stray brackets", "<h2>a < b > c</h2> > < " + table + " < "),
        ("heading in a table", #"<table class="liste"><tr><td><h4>Dedans</h4></td></tr></table>"# + table),
        ("CRLF page", "<h2>Titre\r\n</h2>\r\n" + table + "\r\n"),
        // Characters that join markup: these pages are read as characters.
        ("combining mark after >", "<h2>Titre</h2>" + table + "\u{301}" + table),
        ("combining mark after \"", "<h2>Titre</h2>" + #"<table class="liste"\#u{301}></table>"# + table),
        ("combining mark after a heading tag", "<h2>A</h2><h3>\u{301}B</h3>" + table),
        ("greek question mark", "<h2>&lt\u{37E} a</h2>" + table),
        ("prepended sign before <", "<h2>Titre</h2>\u{600}" + table),
        ("caption followed by a mark", "<h2>Titre</h2><table class=\"liste\"><caption\u{301}>L</caption></table>"),
        ("decomposed accents", "<h2>Re\u{301}sume\u{301}</h2>" + table),
        ("zero-width joiner after >", "<h2>Titre</h2>" + table + "\u{200D}x"),
        ("spacing mark after >", "<h2>Titre</h2>" + table + "\u{102B}"),
        ("no-break space with a mark", "<h2>a\u{A0}\u{301}b</h2>" + table),
    ]

    @Test(arguments: pages) func writtenPages(name: String, html: String) {
        #expect(ScrollingTables.wrap(html) == ReferenceScrollingTables.wrap(html), "\(name)")
    }

    @Test func framesAndTheirNames() {
        #expect(ScrollingTables.wrap("<h2>Échéances</h2>" + Self.table) == "<h2>Échéances</h2>" + Self.frame + Self.table + "</div>")
        #expect(ScrollingTables.wrap(#"<table class="liste"><caption>Dossiers <small>(3)</small></caption></table>"#)
            .hasPrefix(#"<div class="defilement" role="region" tabindex="0" aria-label="Tableau : Dossiers (3)"><table"#))
        #expect(ScrollingTables.wrap("<h2>A &amp; B &lt;1&gt;</h2>" + Self.table).contains(#"aria-label="Tableau : A &amp; B &lt;1&gt;""#))
        #expect(ScrollingTables.wrap(Self.table).contains(#"aria-label="Tableau : données""#))
        let wrapped = "<h2>Échéances</h2>" + Self.frame + Self.table + "</div>"
        #expect(ScrollingTables.wrap(wrapped) == wrapped)
    }

    /// Pages made of headings, list tables (with or without caption, end, frame), other markup and
    /// text with escapes, white space and characters beyond ASCII; then the same with characters
    /// that join markup (combining marks, joiners, a prepended sign, U+037E).
    @Test(arguments: [false, true]) func generatedPages(joining: Bool) {
        var generator = PageGenerator(seed: joining ? 1_629 : 16, joining: joining)
        for index in 0..<(joining ? 250 : 400) {
            let page = generator.page()
            let expected = ReferenceScrollingTables.wrap(page)
            let actual = ScrollingTables.wrap(page)
            #expect(actual == expected, "page \(index): \(page.debugDescription)")
            if actual != expected { break }
            if !joining { #expect(ScrollingTables.readsBytes(page), "page \(index) is read as characters") }
        }
    }

    /// The characters `mayJoinASCII` lets through without looking (Latin letters, punctuation,
    /// spaces, currencies) never make one character with ASCII, for Swift nor for Foundation's search.
    @Test func charactersTakenWithoutLooking() {
        let ranges = [0x80..<0x300, 0x2010..<0x2028, 0x202F..<0x2060, 0x20A0..<0x20C0]
        for value in ranges.joined() {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(Character(scalar))
            #expect(("a" + text).count == 2 && (text + "a").count == 2, "U+\(String(value, radix: 16))")
            #expect(!scalar.properties.isGraphemeExtend, "U+\(String(value, radix: 16))")
            #expect(("x</table>" + text as NSString).range(of: "</table>").location == 1, "U+\(String(value, radix: 16))")
            #expect((text + "<table class=\"liste\"" as NSString).range(of: "<table class=\"liste\"").location == text.utf16.count)
            #expect(!ScrollingTables.mayJoinASCII(scalar))
        }
        for joining: Unicode.Scalar in ["\u{301}", "\u{200D}", "\u{200C}", "\u{600}", "\u{102B}", "\u{FE0F}", "\u{1F3FB}", "\u{20D0}"] {
            #expect(ScrollingTables.mayJoinASCII(joining), "U+\(String(joining.value, radix: 16))")
        }
    }

    /// The application's own pages, as served (tables in their frames) and as their templates write
    /// them (frames taken off), for the coordination (every list).
    @Test func servedPages() async throws {
        let test = try DailyWorkTests.workspace(extra: 12)
        defer { test.remove() }
        let coord = try test.session("coord")
        let uris = ["/tableau-de-bord", "/a-faire", "/dossiers", "/dossiers/MJ-2019-004", "/dossiers/MJ-2019-004/historique", "/administration"]
        let pages = try await test.withApp { client in
            var pages: [String] = []
            for uri in uris {
                let response = try await client.get(uri, coord)
                #expect(response.status == .ok, "\(uri)")
                pages.append(response.text)
            }
            return pages
        }
        for (uri, served) in zip(uris, pages) {
            let written = served.replacing(/<div class="defilement" role="region" tabindex="0" aria-label="[^"]*">/, with: "")
                .replacing("</table></div>", with: "</table>")
            #expect(written.contains(#"<table class="liste""#) && written != served, "\(uri) has list tables")
            #expect(ScrollingTables.readsBytes(written), "\(uri) is read by bytes")
            #expect(ScrollingTables.wrap(written) == ReferenceScrollingTables.wrap(written), "\(uri) as written")
            #expect(ScrollingTables.wrap(served) == ReferenceScrollingTables.wrap(served), "\(uri) as served")
        }
    }
}

/// Random pages from fragments that matter to `ScrollingTables`.
private struct PageGenerator {
    var random: SeededGenerator
    let joining: Bool

    init(seed: UInt64, joining: Bool) {
        random = SeededGenerator(seed: seed)
        self.joining = joining
    }

    static let words = [
        "Échéances", "À faire", "données", "Lefèvre-N'Diaye", "Öztürk", "l’école", "12\u{202F}€", "déjà\u{A0}vu", "«\u{202F}oui\u{202F}»",
        "😀", "👩‍👩‍👧", "🇫🇷", "中文", "ﬁn", "Ω", "x", "y z", "h2", "caption", "table", "liste", "defilement",
    ]
    static let escapes = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&#x27;", "&amp;lt;", "&nbsp;", "&", ";", "&lt", "&#39", "&#x27"]
    static let spaces = [" ", "  ", "\n", "\r\n", "\t", "\u{A0}", "\u{202F}", "\u{2028}", "\u{85}", "\u{3000}", "\u{B}"]
    static let strays = ["<", ">", "<br>", #"<img alt="a>b">"#, "\"", "'", "</h2>", "</table>", "</caption>", "<h", "</h", "<caption", "</div>"]
    static let joiners = [
        "\u{301}", "\u{200D}", "\u{200C}", "\u{600}", "\u{37E}", "\u{102B}", "\u{FE0F}", "\u{1F3FB}", "e\u{301}", "\u{A0}\u{301}",
        "\u{AD}", "\u{200B}", "\u{338}", "\u{226F}", "\u{FEFF}",
    ]

    mutating func pick(_ choices: [String]) -> String { choices.randomElement(using: &random)! }
    mutating func number(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    mutating func chance(_ percent: Int) -> Bool { number(1...100) <= percent }

    mutating func text(depth: Int = 0) -> String {
        var text = ""
        for _ in 0..<number(0...5) {
            switch number(0...11) {
            case 0...3: text += pick(Self.words)
            case 4...5: text += pick(Self.spaces)
            case 6: text += pick(Self.escapes)
            case 7 where depth < 2:
                text += "<" + pick(["b", "em", #"span class="n""#, #"a href="/d?a=1&amp;b=2""#]) + ">" + self.text(depth: depth + 1)
                text += "</" + pick(["b", "em", "span", "a"]) + ">"
            case 8: text += pick(Self.strays)
            case 9, 10: text += joining ? pick(Self.joiners) : pick(Self.words)
            default: text += "x"
            }
        }
        return text
    }

    mutating func heading() -> String {
        let level = number(1...6)
        let attributes = pick(["", "", #" class="x""#, " id=\"t\"\n", "\n"])
        switch number(0...9) {
        case 0: return "<header>" + text() + "</header>"
        case 1: return "<hr>" + pick(["<h7>x</h7>", "<h0>y</h0>", "<hgroup>z</hgroup>"])
        case 2: return "<h\(level)" + attributes + ">" + text() // not closed
        default:
            let close = chance(80) ? level : number(1...6)
            return "<h\(level)" + attributes + ">" + text() + (chance(30) ? "\n" + text() : "") + "</h\(close)>"
        }
    }

    mutating func table() -> String {
        var table = (chance(85) ? #"<table class="liste""# : pick(["<table", #"<table class="autre""#])) + pick(["", "", #" id="t""#]) + ">"
        if chance(50) {
            let caption = pick(["<caption>", "<caption>", #"<caption class="c">"#, "<captionx>", "<caption\n>"])
            table += caption + text() + (chance(85) ? "</caption>" : "")
        }
        for _ in 0..<number(0...3) {
            table += "<tr><td>" + (chance(10) ? #"<table class="liste"><tr><td>i</td></tr></table>"# : text()) + "</td></tr>"
        }
        return table + (chance(90) ? "</table>" : "")
    }

    mutating func fragment() -> String {
        switch number(0...9) {
        case 0...2: return heading()
        case 3...5: return table()
        case 6:
            let frame = pick([
                #"<div class="defilement" role="region" tabindex="0" aria-label="Tableau : x">"#, #"<div class="defilement">"#,
                #"<div class="defilement" "#, #"<div class="autre">"#,
            ])
            return frame + pick(["", "", " ", "\n", "<p>"]) + table() + pick(["</div>", ""])
        case 7: return "<p>" + text() + "</p>"
        default: return text()
        }
    }

    mutating func page() -> String {
        var page = ""
        for _ in 0..<number(0...12) { page += fragment() + pick(["", "", "\n", " "]) }
        return page
    }
}

/// `ScrollingTables.wrap` as first written (commit ee242f3), the output the byte reading must keep.
private enum ReferenceScrollingTables {
    static let opening = #"<div class="defilement" role="region" tabindex="0" aria-label=""#

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

    private static func plain(_ fragment: Substring) -> String {
        fragment.replacing(/<[^>]*>/, with: "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&#x27;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}
