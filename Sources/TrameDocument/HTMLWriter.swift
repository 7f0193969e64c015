import Foundation

/// Writes a ``Document`` as one standalone UTF-8 HTML5 page with embedded CSS, including a print
/// stylesheet (A4, 2 cm margins, running header, "Page N sur M", "PROJET" on every page of a draft).
///
/// The markup is also well-formed XML (void elements self-closed, only the entities
/// `&amp; &lt; &gt; &quot; &#39;`), so it can be checked with any XML parser.
struct HTMLWriter {
    let document: Document
    let style: DocumentStyle
    let language: LanguageTag

    init(_ document: Document, style: DocumentStyle = .standard) {
        self.document = document
        self.style = style
        self.language = LanguageTag(document.metadata.language)
    }

    /// The page's bytes.
    func page() -> Data {
        let metadata = document.metadata
        var html = XMLWriter(capacity: 65_536)
        html.raw("<!DOCTYPE html>\n")
        html.raw("<html lang=\"\(language.tag)\">\n<head>\n<meta charset=\"utf-8\"/>\n")
        html.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
        html.raw("<title>")
        html.htmlText(metadata.title)
        html.raw("</title>\n")
        html.htmlMeta(name: "description", content: metadata.subject)
        for property in metadata.propertiesWithIdentifier {
            // Names already in the `trame:` namespace (the manifest's) are not prefixed twice.
            html.htmlMeta(name: property.name.hasPrefix("trame:") ? property.name : "trame:" + property.name, content: property.value)
        }
        html.raw("<style>\n")
        html.raw(style == .standard ? StyleCache.css : css())
        html.raw(pageCSS())
        html.raw("</style>\n</head>\n")
        html.raw(metadata.isDraft ? "<body class=\"draft\">\n" : "<body>\n")
        if metadata.isDraft { html.raw("<div class=\"draft-mark\" aria-hidden=\"true\">PROJET</div>\n") }
        if let letterhead = style.letterhead, !letterhead.images.isEmpty {
            html.raw("<header class=\"letterhead\"><p>")
            for image in letterhead.images { html.htmlImage(image) }
            html.raw("</p></header>\n")
        }
        if let header = document.header {
            html.raw("<header class=\"running-header\"><p>")
            html.htmlInlines([.text(header)])
            html.raw("</p></header>\n")
        }
        html.raw("<main>\n")
        for (index, block) in document.blocks.enumerated() {
            let next = index + 1 < document.blocks.count ? document.blocks[index + 1] : nil
            html.htmlBlock(block, style: style, next: next)
            html.raw("\n")
        }
        html.raw("</main>\n</body>\n</html>\n")
        return html.data
    }

    /// The `@page` rules: margin boxes with the running header, the draft mark, the page
    /// numbers and the initials zone (shown by browsers that support CSS paged media).
    func pageCSS() -> String {
        var boxes = ""
        if let header = document.header { boxes += "  @top-left { content: \(Self.cssString(header)); }\n" }
        if document.metadata.isDraft { boxes += "  @top-right { content: \"PROJET\"; color: #c00; font-weight: bold; }\n" }
        boxes += "  @bottom-center { content: \"Page \" counter(page) \" sur \" counter(pages); }\n"
        if document.initialsOnEveryPage {
            boxes += "  @bottom-right { content: \(Self.cssString(ODTWriter.initialsText)); }\n"
        }
        let page = style.page
        let a4 = page.width == .mm(210) && page.height == .mm(297)
        return "@page {\n  size: \(a4 ? "A4" : "\(page.width.css) \(page.height.css)");\n"
            + "  margin: \(page.marginTop.css) \(page.marginRight.css) \(page.marginBottom.css) \(page.marginLeft.css);\n"
            + "  font-family: \(Self.family(style.headingFont));\n  font-size: \(style.sizes.headerFooter);\n\(boxes)}\n"
    }

    /// A CSS string literal: every character that could end the string, the `<style>` element or
    /// break XML well-formedness is written as a hexadecimal escape (`\22 `, `\3C `, `\A `).
    static func cssString(_ string: String) -> String {
        var result = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"", "\\", "<", ">", "&", "'", "\n", "\t":
                result += "\\" + String(scalar.value, radix: 16, uppercase: true) + " "
            case "\r", "\u{FFFE}", "\u{FFFF}":
                continue
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

extension XMLWriter {
    /// HTML text: `& < > " '` escaped.
    mutating func htmlText(_ string: some StringProtocol) {
        appendEscaped(string, mode: .html)
    }

    mutating func htmlMeta(name: String, content: String) {
        raw("<meta name=\"")
        htmlText(name)
        raw("\" content=\"")
        htmlText(content)
        raw("\"/>\n")
    }
}
