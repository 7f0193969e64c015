/// The package-level DOCX parts: content types, relationships, document properties, settings, fonts.
extension DOCXWriter {
    static func contentTypes(_ parts: [PackagePart]) -> XMLWriter {
        var xml = XMLWriter(capacity: 2048)
        xml.declaration(standalone: true)
        xml.raw(#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#)
        xml.raw(#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#)
        xml.raw(#"<Default Extension="xml" ContentType="application/xml"/>"#)
        for part in parts where !part.mediaType.isEmpty {
            xml.empty("Override", ["PartName": "/" + part.path, "ContentType": part.mediaType])
        }
        xml.raw("</Types>")
        return xml
    }

    static func relationshipsXML(_ relationships: [(id: String, type: String, target: String)]) -> XMLWriter {
        var xml = XMLWriter(capacity: 1024)
        xml.declaration(standalone: true)
        xml.raw(#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#)
        for relationship in relationships {
            xml.empty("Relationship", ["Id": relationship.id, "Type": relationship.type, "Target": relationship.target])
        }
        xml.raw("</Relationships>")
        return xml
    }

    /// `_rels/.rels`: the main document and the three property parts.
    static let packageRelationships = relationshipsXML([
        ("rId1", relationshipNamespace + "/officeDocument", "word/document.xml"),
        ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
        ("rId3", relationshipNamespace + "/extended-properties", "docProps/app.xml"),
        ("rId4", relationshipNamespace + "/custom-properties", "docProps/custom.xml"),
    ])

    /// `docProps/core.xml`: title, subject, identifier, language; no dates, so output is reproducible.
    func coreXML() -> XMLWriter {
        let metadata = document.metadata
        var xml = XMLWriter(capacity: 1024)
        xml.declaration(standalone: true)
        xml.raw(#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#
            + #"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#
            + #"xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#)
        xml.element("dc:title", text: metadata.title)
        xml.element("dc:subject", text: metadata.subject)
        xml.element("dc:identifier", text: metadata.identifier)
        xml.element("dc:language", text: language.tag)
        xml.raw("</cp:coreProperties>")
        return xml
    }

    func appXML() -> XMLWriter {
        var xml = XMLWriter(capacity: 512)
        xml.declaration(standalone: true)
        xml.raw(#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" "#
            + #"xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">"#
            + "<Application>Trame</Application><DocSecurity>0</DocSecurity></Properties>")
        return xml
    }

    /// `docProps/custom.xml`: the identifier and the custom properties as `vt:lpwstr`, pid from 2.
    func customXML() -> XMLWriter {
        var xml = XMLWriter(capacity: 1024)
        xml.declaration(standalone: true)
        xml.raw(#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" "#
            + #"xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">"#)
        for (index, property) in document.metadata.propertiesWithIdentifier.enumerated() {
            xml.openTag("property")
            xml.attribute("fmtid", "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}")
            xml.attribute("pid", String(index + 2))
            xml.attribute("name", property.name)
            xml.closeTag()
            xml.element("vt:lpwstr", text: property.value)
            xml.raw("</property>")
        }
        xml.raw("</Properties>")
        return xml
    }

    static let settingsXML: XMLWriter = {
        var xml = XMLWriter(capacity: 512)
        xml.declaration(standalone: true)
        xml.raw("<w:settings \(wordRoot)>"
            + #"<w:zoom w:percent="100"/><w:defaultTabStop w:val="708"/><w:characterSpacingControl w:val="doNotCompress"/>"#
            + #"<w:compat><w:doNotExpandShiftReturn/><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>"#
            + "</w:settings>")
        return xml
    }()

    /// `word/fontTable.xml`: the style's fonts, each with its alternate (`w:altName`) for
    /// machines that lack it.
    func fontTableXML() -> XMLWriter {
        var xml = XMLWriter(capacity: 512)
        xml.declaration(standalone: true)
        xml.raw("<w:fonts \(Self.wordRoot)>")
        for face in [style.bodyFont, style.headingFont].uniqued() {
            xml.openTag("w:font")
            xml.attribute("w:name", face.name)
            xml.closeTag()
            if let alternate = face.alternate { xml.empty("w:altName", ["w:val": alternate]) }
            xml.raw(#"<w:family w:val="\#(face.docxFamily)"/><w:pitch w:val="variable"/></w:font>"#)
        }
        xml.raw("</w:fonts>")
        return xml
    }
}
