import Foundation

/// Writes a ``Document`` as an OpenDocument Text package, strict ODF 1.3: no foreign namespaces,
/// valid against the OASIS RELAX NG schema.
///
/// Package layout: `mimetype` (first, stored), `content.xml`, `styles.xml`, `meta.xml`,
/// `META-INF/manifest.xml` listing every other file.
struct ODTWriter {
    let document: Document
    let style: DocumentStyle
    let language: LanguageTag
    /// Every picture of the letterhead and the body, stored once each under `Pictures/`.
    let imageCatalog: ImageCatalog

    static let mimetype = "application/vnd.oasis.opendocument.text"
    static let namespaces = #"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" "#
        + #"xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" "#
        + #"xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" "#
        + #"xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" "#
        + #"xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" "#
        + #"xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" "#
        + #"xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" "#
        + #"xmlns:xlink="http://www.w3.org/1999/xlink""#

    init(_ document: Document, style: DocumentStyle = .standard) {
        self.document = document
        self.style = style
        self.language = LanguageTag(document.metadata.language)
        self.imageCatalog = ImageCatalog(document, style: style)
    }

    /// Whether the pages have a header: a letterhead, a running title or the draft mark.
    var hasHeader: Bool {
        document.header != nil || document.metadata.isDraft || !(style.letterhead?.images.isEmpty ?? true)
    }

    /// The zipped package.
    func package(compression: PackageCompression) throws -> Data {
        var parts = [
            PackagePart(path: "mimetype", mediaType: "", data: Data(Self.mimetype.utf8)),
            PackagePart(path: "content.xml", mediaType: "text/xml", data: contentXML().data),
            PackagePart(path: "styles.xml", mediaType: "text/xml", data: stylesXML().data),
            PackagePart(path: "meta.xml", mediaType: "text/xml", data: metaXML().data),
        ]
        for entry in imageCatalog.entries {
            parts.append(PackagePart(path: "Pictures/" + entry.name, mediaType: entry.format.mediaType, data: entry.data))
        }
        parts.append(PackagePart(path: "META-INF/manifest.xml", mediaType: "text/xml",
                                 data: manifestXML(listing: parts.dropFirst()).data))
        return try ZipPackager.package(parts, compression: compression, stored: ["mimetype"], format: .odt)
    }

    /// `content.xml`: the automatic styles the body needs, then the body.
    func contentXML() -> XMLWriter {
        var body = ODTBodyWriter(style: style, images: imageCatalog)
        body.write(document.blocks)

        var xml = XMLWriter(capacity: body.xml.bytes.count + 8192)
        xml.declaration()
        xml.raw("<office:document-content \(Self.namespaces) office:version=\"1.3\">")
        xml.raw("<office:automatic-styles>")
        body.writeAutomaticStyles(to: &xml)
        xml.raw("</office:automatic-styles>")
        xml.raw("<office:body><office:text>")
        xml.append(body.xml)
        xml.raw("</office:text></office:body></office:document-content>")
        return xml
    }

    /// `meta.xml`: title, subject, language, and one user-defined property for the identifier
    /// (named `identifier`) and for each custom property.
    func metaXML() -> XMLWriter {
        let metadata = document.metadata
        var xml = XMLWriter(capacity: 1024)
        xml.declaration()
        xml.raw(#"<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" "#
            + #"xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" "#
            + #"xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"><office:meta>"#)
        xml.raw("<meta:generator>Trame</meta:generator>")
        xml.element("dc:title", text: metadata.title)
        xml.element("dc:subject", text: metadata.subject)
        xml.element("dc:language", text: language.tag)
        for property in metadata.propertiesWithIdentifier {
            xml.element("meta:user-defined", ["meta:name": property.name], text: property.value)
        }
        xml.raw("</office:meta></office:document-meta>")
        return xml
    }

    /// `META-INF/manifest.xml`: the package root and every part but the mimetype and the manifest.
    func manifestXML(listing parts: ArraySlice<PackagePart>) -> XMLWriter {
        var xml = XMLWriter(capacity: 1024)
        xml.declaration()
        xml.raw(#"<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" "#
            + #"manifest:version="1.3">"#)
        xml.empty("manifest:file-entry", [
            "manifest:full-path": "/", "manifest:version": "1.3", "manifest:media-type": Self.mimetype,
        ])
        for part in parts {
            xml.empty("manifest:file-entry", ["manifest:full-path": part.path, "manifest:media-type": part.mediaType])
        }
        xml.raw("</manifest:manifest>")
        return xml
    }
}
