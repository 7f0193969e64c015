import Testing
@testable import TrameDocument

@Suite("XMLWriter")
struct XMLWriterTests {
    @Test func escapesText() {
        var xml = XMLWriter()
        xml.element("a", text: #"O'Brien & <Fils> "q" ]]> fin"#)
        #expect(xml.string == #"<a>O'Brien &amp; &lt;Fils&gt; "q" ]]&gt; fin</a>"#)
    }

    @Test func escapesAttributesInGivenOrder() {
        var xml = XMLWriter()
        xml.empty("e", ["z": "1", "a": "x & <y> \"q\" 'p'\t\n\r"])
        #expect(xml.string == #"<e z="1" a="x &amp; &lt;y&gt; &quot;q&quot; 'p'&#9;&#10;&#13;"/>"#)
    }

    @Test func dropsCharactersXMLForbids() {
        var xml = XMLWriter()
        xml.text("a\u{0000}b\u{0007}c\u{001F}d\u{FFFE}e\u{FFFF}f\tg\nh\ri\u{00A0}j\u{202F}k🏠\u{FFFD}")
        #expect(xml.string == "abcdef\tg\nh&#13;i\u{00A0}j\u{202F}k🏠\u{FFFD}")
    }

    @Test func writesDeclarationsAndNesting() {
        var xml = XMLWriter()
        xml.declaration(standalone: true)
        xml.start("w:p", ["w:rsid": "1"])
        xml.openTag("w:t")
        xml.attribute("xml:space", "preserve")
        xml.closeTag()
        xml.text(" x ")
        xml.end("w:t")
        xml.end("w:p")
        #expect(xml.string == "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + #"<w:p w:rsid="1"><w:t xml:space="preserve"> x </w:t></w:p>"#)
    }

    @Test(arguments: [
        ("  a  b ", #"<text:s text:c="2"/>a <text:s/>b "#),
        ("a b", "a b"),
        (" ", "<text:s/>"),
        ("a   &", #"a <text:s text:c="2"/>&amp;"#),
    ])
    func makesODFSpacesExplicit(input: String, expected: String) {
        var xml = XMLWriter()
        xml.appendEscaped(input, mode: .odfText)
        #expect(xml.string == expected)
    }

    @Test func escapesHTML() {
        var xml = XMLWriter()
        xml.htmlText(#"O'Brien & <Fils> "q""#)
        #expect(xml.string == "O&#39;Brien &amp; &lt;Fils&gt; &quot;q&quot;")
    }

    @Test func splitsTabsAndLineBreaks() {
        var pieces: [String] = []
        TextSegment.forEach(in: "a\tb\nc\r\nd\re\n") { segment in
            switch segment {
            case .text(let text): pieces.append(String(text))
            case .tab: pieces.append("TAB")
            case .lineBreak: pieces.append("BR")
            }
        }
        #expect(pieces == ["a", "TAB", "b", "BR", "c", "BR", "d", "BR", "e", "BR"])
    }
}

@Suite("Shared layout helpers")
struct LayoutHelperTests {
    @Test func distributesWidths() {
        #expect(PageGeometry.distribute(17_000, weights: [3, 1, 1], count: 3) == [10_200, 3_400, 3_400])
        #expect(PageGeometry.distribute(100, weights: [], count: 3) == [33, 33, 34])
        #expect(PageGeometry.distribute(100, weights: [1, 0], count: 2) == [50, 50])
        #expect(PageGeometry.distribute(100, weights: [1, 2, 3], count: 2) == [50, 50])
    }

    @Test func formatsLengths() {
        #expect(PageGeometry.centimetres(17_000) == "17cm")
        #expect(PageGeometry.centimetres(4_250) == "4.25cm")
        #expect(PageGeometry.centimetres(635) == "0.635cm")
        #expect(PageGeometry.centimetres(1_905) == "1.905cm")
        #expect(PageGeometry.centimetres(5) == "0.005cm")
        #expect(PageGeometry.percent(10_200, of: 17_000) == "60%")
        #expect(PageGeometry.percent(5_666, of: 17_000) == "33.32%")
        #expect(PageGeometry.percent(1_700, of: 17_000) == "10%")
    }

    @Test(arguments: [("fr-FR", "fr-FR"), ("fr_be", "fr-BE"), ("en", "en"), ("n'importe quoi", "fr-FR"), ("", "fr-FR")])
    func checksLanguageTags(input: String, expected: String) {
        #expect(LanguageTag(input).tag == expected)
    }

    @Test func labelsArticles() {
        #expect(Block.articleHeading(number: 1, title: [.text("Objet")])
                == [.text("Article 1"), .text("er", .superscript), .text(" – "), .text("Objet")])
        #expect(Block.articleHeading(number: 2, title: []) == [.text("Article 2")])
    }
}
