/// Pictures in WordprocessingML: an inline `w:drawing` (DrawingML picture) sized in EMU, with the
/// alternative text as `descr` and `title`. An SVG is shown through its raster fallback, the SVG
/// itself riding along as the Office 2016 `asvg:svgBlip` extension (Word draws it; other readers
/// take the raster). Media parts are `word/media/imageN.ext`, relationships `rIdImageN`.
extension XMLWriter {
    static let drawingNamespaces = #"xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" "#
        + #"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" "#
        + #"xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture""#

    /// A run holding the picture. `id` must be unique among the document's drawings (`wp:docPr`).
    mutating func wmlImage(_ image: Image, catalog: ImageCatalog, id: Int) {
        guard let raster = image.raster, let rasterName = catalog.name(for: raster.data, format: raster.format) else { return }
        let svgName = image.format == .svg ? catalog.name(for: image.data, format: .svg) : nil
        let cx = image.width.emu, cy = image.height.emu
        raw(#"<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="108000"><wp:extent cx="\#(cx)" cy="\#(cy)"/>"#)
        raw(#"<wp:effectExtent l="0" t="0" r="0" b="0"/>"#)
        openTag("wp:docPr")
        attribute("id", String(id))
        attribute("name", "Image \(id)")
        attribute("descr", image.alternativeText)
        attribute("title", image.alternativeText)
        closeEmptyTag()
        raw(#"<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>"#)
        raw(#"<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>"#)
        raw("<pic:nvPicPr>")
        openTag("pic:cNvPr")
        attribute("id", String(id))
        attribute("name", rasterName)
        attribute("descr", image.alternativeText)
        closeEmptyTag()
        raw("<pic:cNvPicPr/></pic:nvPicPr>")
        raw(#"<pic:blipFill><a:blip r:embed="\#(DOCXWriter.relationshipID(rasterName))">"#)
        if let svgName {
            raw(#"<a:extLst><a:ext uri="{96DAC541-7B7A-43D3-8B79-37D633B846F1}">"#
                + #"<asvg:svgBlip xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main" r:embed="\#(DOCXWriter.relationshipID(svgName))"/>"#
                + "</a:ext></a:extLst>")
        }
        raw(#"</a:blip><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"#)
        raw(#"<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="\#(cx)" cy="\#(cy)"/></a:xfrm>"#
            + #"<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"#)
    }
}

extension DOCXWriter {
    /// `rIdImage1` for `image1.png`.
    static func relationshipID(_ mediaName: String) -> String {
        "rIdImage" + mediaName.dropFirst("image".count).prefix { $0.isNumber }
    }

    /// The relationships of a part to every picture of the document.
    var imageRelationships: [(id: String, type: String, target: String)] {
        imageCatalog.entries.map { (Self.relationshipID($0.name), Self.relationshipNamespace + "/image", "media/" + $0.name) }
    }
}
