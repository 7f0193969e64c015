import Foundation

/// Writes a ``Document`` as a WordprocessingML package (ECMA-376 Transitional), valid against
/// the Transitional XSDs and readable by Word, LibreOffice and python-docx.
///
/// Parts: `[Content_Types].xml`, `_rels/.rels`, `docProps/{core,app,custom}.xml`,
/// `word/document.xml` and its relationships, `styles.xml`, `settings.xml`, `numbering.xml`,
/// `fontTable.xml`, `footer1.xml` and, when there is a running header or a draft mark, `header1.xml`.
struct DOCXWriter {
    let document: Document
    let style: DocumentStyle
    let language: LanguageTag
    /// Every picture of the letterhead and the body, stored once each under `word/media/`.
    let imageCatalog: ImageCatalog

    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let wordRoot = #"xmlns:w="\#(wordNamespace)" xmlns:r="\#(relationshipNamespace)""#
    static let contentTypePrefix = "application/vnd.openxmlformats-officedocument."

    init(_ document: Document, style: DocumentStyle = .standard) {
        self.document = document
        self.style = style
        self.language = LanguageTag(document.metadata.language)
        self.imageCatalog = ImageCatalog(document, style: style)
    }

    var letterhead: [Image] { style.letterhead?.images ?? [] }
    var hasHeader: Bool { document.header != nil || document.metadata.isDraft || !letterhead.isEmpty }

    /// The zipped package.
    func package(compression: PackageCompression) throws -> Data {
        var body = DOCXBodyWriter(style: style, images: imageCatalog, firstDrawingID: letterhead.count + 1)
        body.write(document.blocks)

        let wml = Self.contentTypePrefix + "wordprocessingml."
        var parts = [
            PackagePart(path: "docProps/core.xml", mediaType: "application/vnd.openxmlformats-package.core-properties+xml",
                        data: coreXML().data),
            PackagePart(path: "docProps/app.xml", mediaType: Self.contentTypePrefix + "extended-properties+xml",
                        data: appXML().data),
            PackagePart(path: "docProps/custom.xml", mediaType: Self.contentTypePrefix + "custom-properties+xml",
                        data: customXML().data),
            PackagePart(path: "word/document.xml", mediaType: wml + "document.main+xml", data: documentXML(body).data),
            PackagePart(path: "word/_rels/document.xml.rels", mediaType: "", data: documentRelationships().data),
            PackagePart(path: "word/styles.xml", mediaType: wml + "styles+xml", data: stylesXML().data),
            PackagePart(path: "word/settings.xml", mediaType: wml + "settings+xml", data: Self.settingsXML.data),
            PackagePart(path: "word/numbering.xml", mediaType: wml + "numbering+xml", data: body.numberingXML().data),
            PackagePart(path: "word/fontTable.xml", mediaType: wml + "fontTable+xml", data: fontTableXML().data),
            PackagePart(path: "word/footer1.xml", mediaType: wml + "footer+xml", data: footerXML().data),
        ]
        if hasHeader {
            parts.append(PackagePart(path: "word/header1.xml", mediaType: wml + "header+xml", data: headerXML().data))
            if !letterhead.isEmpty {
                parts.append(PackagePart(path: "word/_rels/header1.xml.rels", mediaType: "",
                                         data: Self.relationshipsXML(imageRelationships).data))
            }
        }
        for entry in imageCatalog.entries {
            parts.append(PackagePart(path: "word/media/" + entry.name, mediaType: entry.format.mediaType, data: entry.data))
        }
        let head = [
            PackagePart(path: "[Content_Types].xml", mediaType: "", data: Self.contentTypes(parts).data),
            PackagePart(path: "_rels/.rels", mediaType: "", data: Self.packageRelationships.data),
        ]
        return try ZipPackager.package(head + parts, compression: compression, format: .docx)
    }

    /// `word/document.xml`: the body, then the section properties: the style's page size and
    /// margins, the header and footer at their distance from the edge.
    func documentXML(_ body: DOCXBodyWriter) -> XMLWriter {
        var xml = XMLWriter(capacity: body.xml.bytes.count + 1024)
        xml.declaration(standalone: true)
        xml.raw(imageCatalog.isEmpty ? "<w:document \(Self.wordRoot)><w:body>"
                    : "<w:document \(Self.wordRoot) \(XMLWriter.drawingNamespaces)><w:body>")
        xml.append(body.xml)
        xml.raw("<w:sectPr>")
        if hasHeader { xml.raw(#"<w:headerReference w:type="default" r:id="rIdHeader1"/>"#) }
        xml.raw(#"<w:footerReference w:type="default" r:id="rIdFooter1"/>"#)
        let page = style.page
        xml.raw(#"<w:pgSz w:w="\#(page.width.twips)" w:h="\#(page.height.twips)"/>"#)
        xml.raw(#"<w:pgMar w:top="\#(page.marginTop.twips)" w:right="\#(page.marginRight.twips)" "#
            + #"w:bottom="\#(page.marginBottom.twips)" w:left="\#(page.marginLeft.twips)" "#
            + #"w:header="\#(page.headerDistance.twips)" w:footer="\#(page.footerDistance.twips)" w:gutter="0"/>"#
            + #"<w:cols w:space="708"/></w:sectPr>"#)
        xml.raw("</w:body></w:document>")
        return xml
    }

    /// `word/_rels/document.xml.rels`.
    func documentRelationships() -> XMLWriter {
        var relationships = [
            ("rIdStyles", "styles", "styles.xml"), ("rIdSettings", "settings", "settings.xml"),
            ("rIdNumbering", "numbering", "numbering.xml"), ("rIdFontTable", "fontTable", "fontTable.xml"),
            ("rIdFooter1", "footer", "footer1.xml"),
        ]
        if hasHeader { relationships.append(("rIdHeader1", "header", "header1.xml")) }
        return Self.relationshipsXML(relationships.map { ($0.0, Self.relationshipNamespace + "/" + $0.1, $0.2) } + imageRelationships)
    }
}
