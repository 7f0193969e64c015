import Foundation
import Testing
import TrameTestSupport
@testable import TrameDocument

/// Pictures in the body and in the letterhead, in the three formats: stored once, sized in cm,
/// with their alternative text; an SVG with its raster fallback.
@Suite("Images")
struct ImageTests {
    /// A 4 × 2 PNG (red and blue halves).
    static let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAQAAAACCAIAAADwyuo0AAAAE0lEQVR42mM4IScHRGDiBAMyBwBpugghPvMSXwAAAABJRU5ErkJggg==")!
    /// The start of a baseline JPEG: SOI, SOF0 (8 bit, 3 × 5 px), EOI (enough for the writers, which never decode).
    static let jpeg = Data([0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x05, 0x00, 0x03, 0x03,
                            0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xFF, 0xD9])
    static let svg = Data(##"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#1f5fa8"/></svg>"##.utf8)

    static let logo = Image(data: png, format: .png, width: .cm(3), height: .cm(thousandths: 1500),
                            alternativeText: "Logo de l'association « A & B »")
    static let photo = Image(data: jpeg, format: .jpeg, width: .cm(2), height: .cm(2), alternativeText: "Photo")
    static let vector = Image(data: svg, format: .svg, width: .cm(4), height: .cm(2), alternativeText: "Logo vectoriel",
                              fallback: Image.Raster(data: png, format: .png))

    static let document = Document(
        metadata: DocumentMetadata(title: "Images", subject: "", identifier: "x"), header: "En-tête",
        blocks: [
            .paragraph(Paragraph([.text("Texte après l'image.")], images: [logo, photo])),
            .paragraph(Paragraph([], alignment: .center, images: [vector, logo])),
        ])

    static var letterheadStyle: DocumentStyle {
        var style = DocumentStyle()
        style.letterhead = Letterhead(images: [logo, vector], alignment: .center)
        return style
    }

    @Test func formatsAreRecognisedFromTheirBytes() {
        #expect(Image.Format.sniff(Self.png) == .png)
        #expect(Image.Format.sniff(Self.jpeg) == .jpeg)
        #expect(Image.Format.sniff(Self.svg) == .svg)
        #expect(Image.Format.sniff(Data("GIF89a".utf8)) == nil)
        #expect(Image.pixelSize(of: Self.png, format: .png)! == (4, 2))
        #expect(Image.pixelSize(of: Self.jpeg, format: .jpeg)! == (3, 5))
    }

    @Test func odtStoresEachPictureOnceAndFramesItInCentimetres() throws {
        let package = try Package(DocumentRenderer.render(Self.document, as: .odt))
        #expect(package.paths.contains("Pictures/image1.png"))
        #expect(package.paths.contains("Pictures/image2.jpg"))
        #expect(package.paths.contains("Pictures/image3.svg"))
        #expect(package.paths.filter { $0.hasPrefix("Pictures/") }.count == 3, "the logo used twice is stored once")
        let manifest = package.string("META-INF/manifest.xml")
        #expect(manifest.contains(#"manifest:full-path="Pictures/image1.png" manifest:media-type="image/png""#))
        #expect(manifest.contains(#"manifest:full-path="Pictures/image3.svg" manifest:media-type="image/svg+xml""#))
        let content = package.string("content.xml")
        #expect(content.contains(#"<draw:frame draw:style-name="Graphics" draw:name="Image1" text:anchor-type="as-char" svg:width="3cm" svg:height="1.5cm""#))
        #expect(content.contains("<svg:title>Logo de l&apos;association « A &amp; B »</svg:title>") || content.contains("<svg:title>Logo de l'association « A &amp; B »</svg:title>"))
        // The SVG first, then its raster fallback, in one frame.
        #expect(content.contains(#"<draw:image xlink:href="Pictures/image3.svg" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad" draw:mime-type="image/svg+xml"/><draw:image xlink:href="Pictures/image1.png""#))
        #expect(package.text("content.xml").isWellFormed)
    }

    @Test func docxEmbedsPicturesWithDescriptionsAndTheSVGAsAnExtension() throws {
        let package = try Package(DocumentRenderer.render(Self.document, as: .docx))
        #expect(package.paths.contains("word/media/image1.png"))
        #expect(package.paths.contains("word/media/image2.jpg"))
        #expect(package.paths.contains("word/media/image3.svg"))
        let types = package.string("[Content_Types].xml")
        #expect(types.contains(#"PartName="/word/media/image2.jpg" ContentType="image/jpeg""#))
        let relationships = package.string("word/_rels/document.xml.rels")
        #expect(relationships.contains(#"Id="rIdImage1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png""#))
        let document = package.string("word/document.xml")
        #expect(document.contains(#"<wp:extent cx="1080000" cy="540000"/>"#))
        #expect(document.contains(#"descr="Logo de l&apos;association « A &amp; B »""#) || document.contains(#"descr="Logo de l'association « A &amp; B »""#))
        #expect(document.contains(#"<a:blip r:embed="rIdImage1"><a:extLst><a:ext uri="{96DAC541-7B7A-43D3-8B79-37D633B846F1}"><asvg:svgBlip xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main" r:embed="rIdImage3"/>"#))
        // wp:docPr ids are unique.
        for id in 1...4 { #expect(document.occurrences(of: #"<wp:docPr id="\#(id)""#) == 1) }
        #expect(package.text("word/document.xml").isWellFormed)
    }

    @Test func htmlInlinesPicturesWithAltText() throws {
        let page = String(decoding: try DocumentRenderer.render(Self.document, as: .html), as: UTF8.self)
        #expect(page.contains(#"<img src="data:image/png;base64,\#(Self.png.base64EncodedString())" alt="Logo de l&#39;association « A &amp; B »" style="width: 3cm; height: 1.5cm"/>"#))
        #expect(page.contains("data:image/svg+xml;base64,"))
        #expect(XMLText(page).isWellFormed)
    }

    @Test func plainTextShowsTheAlternativeText() throws {
        let text = String(decoding: try DocumentRenderer.render(Self.document, as: .txt), as: UTF8.self)
        #expect(text.contains("[image : Logo de l'association « A & B »] [image : Photo] Texte après l'image."))
    }

    @Test func letterheadIsInTheHeaderOfEveryFormat() throws {
        let style = Self.letterheadStyle
        let bare = Document(metadata: DocumentMetadata(title: "t", subject: "", identifier: "x"), blocks: [.paragraph(Paragraph([.text("x")]))])
        let odt = try Package(DocumentRenderer.render(bare, as: .odt, style: style))
        let styles = odt.string("styles.xml")
        #expect(styles.contains(#"<style:header><text:p text:style-name="LH"><draw:frame draw:style-name="Graphics" draw:name="Letterhead1""#))
        #expect(styles.contains(#"<style:style style:name="LH" style:family="paragraph" style:parent-style-name="Header"><style:paragraph-properties fo:text-align="center"/>"#))
        #expect(odt.paths.contains("Pictures/image1.png") && odt.paths.contains("Pictures/image2.svg"))

        let docx = try Package(DocumentRenderer.render(bare, as: .docx, style: style))
        #expect(docx.paths.contains("word/header1.xml"))
        #expect(docx.string("word/_rels/header1.xml.rels").contains(#"Target="media/image1.png""#))
        let header = docx.string("word/header1.xml")
        #expect(header.contains(#"<w:pStyle w:val="Header"/><w:jc w:val="center"/></w:pPr><w:r><w:drawing>"#))
        #expect(header.contains(#"descr="Logo vectoriel""#))

        let html = String(decoding: try DocumentRenderer.render(bare, as: .html, style: style), as: UTF8.self)
        #expect(html.contains(#"<header class="letterhead"><p><img src="data:image/png;base64,"#))
    }
}

/// The files with pictures pass the strict ODF 1.3 and ECMA-376 checks.
@Suite("Images conformance", .serialized, .requires(.conformance))
struct ImageConformanceTests {
    @Test(arguments: [OutputFormat.odt, .docx])
    func documentsWithPicturesValidate(format: OutputFormat) throws {
        var document = ImageTests.document
        document.metadata.isDraft = true
        let result = try ConformanceTests.check(document, as: format, style: ImageTests.letterheadStyle,
                                                name: "images-\(format.rawValue)", options: ["--no-render"])
        #expect(result.passed, "\(result.output)")
    }

    @Test(arguments: [OutputFormat.odt, .docx])
    func styledDocumentsValidate(format: OutputFormat) throws {
        let result = try ConformanceTests.check(DocumentStyleTests.document, as: format, style: DocumentStyleTests.custom,
                                                name: "style-\(format.rawValue)", options: ["--no-render"])
        #expect(result.passed, "\(result.output)")
    }
}
