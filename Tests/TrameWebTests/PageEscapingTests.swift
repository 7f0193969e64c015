import Foundation
import Testing
@testable import TrameWeb

/// The pages escape every value with `HTML.escape` (issue 16: Mustache's own escaping, one
/// dictionary lookup per character, took a third of the server's time on the dashboard).
@Suite struct PageEscapingTests {
    /// Mustache's escaping, character by character: what the pages gave before.
    static func reference(_ text: String) -> String {
        let table: [Character: String] = ["<": "&lt;", ">": "&gt;", "&": "&amp;", "\"": "&quot;", "'": "&#39;"]
        return text.map { table[$0] ?? String($0) }.joined()
    }

    @Test(arguments: ["", "sans rien", "Élodie & Loïc", "<script>alert('x')</script>", "a\"b'c<d>e&f", "&amp; déjà",
                      "emoji 👩🏽‍⚕️ < 3", "\u{2028}ligne\u{2029}", "tabulation\tet\nretour", String(repeating: "é<", count: 5_000)])
    func sameAsMustacheOnOrdinaryText(_ text: String) {
        #expect(HTML.escape(text) == Self.reference(text))
    }

    /// A `<` followed by a combining mark is one `Character` that is not `<`: Mustache left it as
    /// it was, a browser still reads a tag.
    @Test func escapesMarkupBeforeACombiningMark() throws {
        let hostile = "<\u{301}img src=x onerror=alert(1)>"
        #expect(Self.reference(hostile).unicodeScalars.first == "<")
        #expect(HTML.escape(hostile) == "&lt;\u{301}img src=x onerror=alert(1)&gt;")
        let pages = try Pages.load()
        let body = pages.body("erreur", ["message": hostile])
        #expect(!body.contains("<\u{301}"))
        #expect(body.contains("&lt;\u{301}img"))
    }

    /// Every page and partial renders with it, and the pragma that selects it writes nothing.
    @Test func everyPageUsesItAndThePragmaLeavesNoTrace() throws {
        let pages = try Pages.load()
        let body = pages.body("erreur", ["message": "a < b & \"c\""])
        #expect(body.hasPrefix("<p class=\"erreur\" role=\"alert\">a &lt; b &amp; &quot;c&quot;</p>"))
        #expect(!body.contains("CONTENT_TYPE"))
    }
}
