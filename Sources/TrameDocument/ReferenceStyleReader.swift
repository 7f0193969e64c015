import Foundation
import TrameDiagnostics
@preconcurrency import ZIPFoundation

/// What `trame style import` takes from a document a partnership already uses (pandoc's
/// `--reference-doc` idea): fonts, sizes, colours, page margins, header and footer distances and
/// the header's first picture. Every value is optional: a reference that does not say keeps
/// Trame's default.
public struct ReferenceStyle: Sendable, Hashable {
    public enum Kind: String, Sendable { case docx, odt }

    public struct Font: Sendable, Hashable {
        public var name: String
        /// The font a reader's machine may substitute (DOCX `w:altName`).
        public var alternate: String?
        /// From the font table (DOCX `w:family`, ODF `style:font-family-generic`), when it says.
        public var generic: FontFace.Generic?
    }

    /// The first picture of the default header.
    public struct HeaderImage: Sendable, Hashable {
        public var data: Data
        public var format: Image.Format
        public var width: Length
        public var height: Length
        public var alternativeText: String?
    }

    public var kind: Kind
    public var bodyFont: Font?
    public var headingFont: Font?
    public var bodySize: FontSize?
    public var titleSize: FontSize?
    public var heading1Size: FontSize?
    public var heading2Size: FontSize?
    public var lineHeightPercent: Int?
    public var paragraphSpacing: Length?
    public var marginTop: Length?
    public var marginBottom: Length?
    public var marginLeft: Length?
    public var marginRight: Length?
    public var headerDistance: Length?
    public var footerDistance: Length?
    /// Six upper-case hex digits.
    public var headingColour: String?
    public var textColour: String?
    public var headerImage: HeaderImage?

    public init(kind: Kind) { self.kind = kind }
}

/// Reads a DOCX or ODT reference document into a ``ReferenceStyle``.
public enum ReferenceStyleReader {
    /// - Throws: `REFERENCE_ILLISIBLE` when `data` is neither a DOCX nor an ODT package.
    public static func read(_ data: Data, name: String) throws(Diagnostic) -> ReferenceStyle {
        let package: Package
        do { package = try Package(data) } catch {
            throw .error(.referenceIllisible, "« \(name) » n'est pas un document DOCX ou ODT lisible (archive ZIP illisible)")
        }
        if package.has("word/document.xml") {
            return try DOCXReference(package: package, name: name).read()
        }
        if package.has("content.xml"), package.has("styles.xml") {
            return try ODTReference(package: package, name: name).read()
        }
        throw .error(.referenceIllisible, "« \(name) » n'est ni un DOCX (word/document.xml) ni un ODT (content.xml, styles.xml)")
    }

    /// The parts of a ZIP package, read on demand.
    struct Package {
        let archive: Archive

        init(_ data: Data) throws { archive = try Archive(data: data, accessMode: .read) }

        func has(_ path: String) -> Bool { archive[path] != nil }

        /// A part's bytes (at most 64 MB), or nil.
        func data(_ path: String) -> Data? {
            guard let entry = archive[path], entry.uncompressedSize <= 64 << 20 else { return nil }
            var content = Data()
            do { _ = try archive.extract(entry, skipCRC32: false) { content.append($0) } } catch { return nil }
            return content
        }

        func xml(_ path: String) -> XMLTree? { data(path).flatMap(XMLTree.parse) }
    }

    /// `1F3A68` from `1f3a68` or `#1f3a68`; nil for `auto` or anything else.
    static func hexColour(_ value: String?) -> String? {
        guard var text = value?.trimmingCharacters(in: .whitespaces) else { return nil }
        if text.hasPrefix("#") { text.removeFirst() }
        guard text.count == 6, text.allSatisfy(\.isHexDigit) else { return nil }
        return text.uppercased()
    }

    /// Lengths are rounded to a tenth of a millimetre (twips and inches do not fall on whole
    /// millimetres: 1417 twips is 24.99 mm, imported as 25 mm).
    static func rounded(_ length: Length) -> Length {
        Length(micrometres: (length.micrometres + 50) / 100 * 100)
    }
}

// MARK: - DOCX

private struct DOCXReference {
    let package: ReferenceStyleReader.Package
    let name: String

    func read() throws(Diagnostic) -> ReferenceStyle {
        guard let document = package.xml("word/document.xml") else {
            throw .error(.referenceIllisible, "« \(name) » : word/document.xml n'est pas un XML valable")
        }
        var style = ReferenceStyle(kind: .docx)
        let styles = package.xml("word/styles.xml")
        let theme = package.xml("word/theme/theme1.xml")
        let fontTable = package.xml("word/fontTable.xml")
        let all = styles?.children("w:style") ?? []
        let defaults = styles?.at("w:docDefaults")

        func find(ids: [String], names: [String]) -> XMLTree? {
            all.first { ids.contains($0["w:styleId"] ?? "") }
                ?? all.first { names.contains(($0.at("w:name")?["w:val"] ?? "").lowercased()) }
        }
        /// The style and those it is based on, nearest first.
        func chain(_ start: XMLTree?) -> [XMLTree] {
            var result: [XMLTree] = []
            var current = start
            while let style = current, result.count < 20, !result.contains(where: { $0 === style }) {
                result.append(style)
                let parent = style.at("w:basedOn")?["w:val"]
                current = parent.flatMap { id in all.first { $0["w:styleId"] == id } }
            }
            return result
        }
        func run(_ property: String, of style: XMLTree?) -> XMLTree? {
            for s in chain(style) { if let p = s.at("w:rPr/\(property)") { return p } }
            return defaults?.at("w:rPrDefault/w:rPr/\(property)")
        }
        func paragraph(_ property: String, of style: XMLTree?) -> XMLTree? {
            for s in chain(style) { if let p = s.at("w:pPr/\(property)") { return p } }
            return defaults?.at("w:pPrDefault/w:pPr/\(property)")
        }
        func font(of style: XMLTree?) -> ReferenceStyle.Font? {
            guard let fonts = run("w:rFonts", of: style) else { return nil }
            var family = fonts["w:ascii"] ?? fonts["w:hAnsi"]
            if family == nil, let themed = fonts["w:asciiTheme"] ?? fonts["w:hAnsiTheme"] {
                let scheme = themed.hasPrefix("major") ? "a:majorFont" : "a:minorFont"
                family = theme?.first("a:fontScheme")?.at("\(scheme)/a:latin")?["typeface"]
            }
            guard let family, !family.isEmpty else { return nil }
            let entry = fontTable?.children("w:font").first { $0["w:name"] == family }
            let generic: FontFace.Generic? = switch entry?.at("w:family")?["w:val"] {
            case "roman": .serif
            case "swiss": .sans
            default: nil
            }
            return .init(name: family, alternate: entry?.at("w:altName")?["w:val"], generic: generic)
        }
        func size(of style: XMLTree?) -> FontSize? {
            run("w:sz", of: style)?["w:val"].flatMap(Int.init).map(FontSize.init(halfPoints:))
        }
        func colour(of style: XMLTree?) -> String? {
            guard let element = run("w:color", of: style) else { return nil }
            if let hex = ReferenceStyleReader.hexColour(element["w:val"]) { return hex }
            guard let themed = element["w:themeColor"] else { return nil }
            let key = ["text1": "dk1", "text2": "dk2", "background1": "lt1", "background2": "lt2"][themed] ?? themed
            guard let slot = theme?.first("a:clrScheme")?.child("a:\(key)") else { return nil }
            return ReferenceStyleReader.hexColour(slot.child("a:srgbClr")?["val"] ?? slot.child("a:sysClr")?["lastClr"])
        }

        let normal = all.first { $0["w:type"] == "paragraph" && $0["w:default"] == "1" } ?? find(ids: ["Normal"], names: ["normal"])
        let heading1 = find(ids: ["Heading1", "Titre1"], names: ["heading 1", "titre 1"])
        let heading2 = find(ids: ["Heading2", "Titre2"], names: ["heading 2", "titre 2"])
        let title = find(ids: ["Title", "Titre"], names: ["title", "titre"])
        style.bodyFont = font(of: normal)
        style.headingFont = heading1.flatMap { font(of: $0) }
        style.bodySize = size(of: normal)
        style.titleSize = title.flatMap { size(of: $0) }
        style.heading1Size = heading1.flatMap { size(of: $0) }
        style.heading2Size = heading2.flatMap { size(of: $0) }
        style.headingColour = heading1.flatMap { colour(of: $0) }
        style.textColour = colour(of: normal)
        if let spacing = paragraph("w:spacing", of: normal) {
            style.paragraphSpacing = spacing["w:after"].flatMap(Int.init).map { ReferenceStyleReader.rounded(.twips($0)) }
            if let line = spacing["w:line"].flatMap(Int.init), (spacing["w:lineRule"] ?? "auto") == "auto", line > 0 {
                style.lineHeightPercent = (line * 100 + 120) / 240
            }
        }

        // Page geometry: the body's last section (the document's own page).
        let body = document.at("w:body")
        if let section = body?.child("w:sectPr") ?? document.descendants("w:sectPr").last {
            if let margins = section.child("w:pgMar") {
                func twips(_ key: String) -> Length? {
                    margins[key].flatMap(Int.init).map { ReferenceStyleReader.rounded(.twips(abs($0))) }
                }
                style.marginTop = twips("w:top")
                style.marginBottom = twips("w:bottom")
                style.marginLeft = twips("w:left")
                style.marginRight = twips("w:right")
                style.headerDistance = twips("w:header")
                style.footerDistance = twips("w:footer")
            }
            let references = section.children("w:headerReference")
            if let reference = references.first(where: { $0["w:type"] == "default" }) ?? references.first,
               let id = reference["r:id"], let target = relationships("word/_rels/document.xml.rels")[id] {
                style.headerImage = headerImage(part: "word/" + target)
            }
        }
        return style
    }

    /// Relationship ids and their targets, relative to `word/`.
    private func relationships(_ path: String) -> [String: String] {
        var result: [String: String] = [:]
        for relationship in package.xml(path)?.children("Relationship") ?? [] {
            guard let id = relationship["Id"], var target = relationship["Target"], relationship["TargetMode"] != "External" else { continue }
            if target.hasPrefix("/word/") { target.removeFirst("/word/".count) }
            result[id] = target
        }
        return result
    }

    private func headerImage(part: String) -> ReferenceStyle.HeaderImage? {
        guard let header = package.xml(part) else { return nil }
        let folder = (part as NSString).deletingLastPathComponent
        let rels = relationships("\(folder)/_rels/\((part as NSString).lastPathComponent).rels")
        for drawing in header.descendants("w:drawing") {
            guard let embed = drawing.first("a:blip")?["r:embed"], let target = rels[embed],
                  let data = package.data("\(folder)/\(target)"), let format = Image.Format.sniff(data) else { continue }
            let extent = drawing.first("wp:extent")
            let docPr = drawing.first("wp:docPr")
            guard let cx = extent?["cx"].flatMap(Int.init), let cy = extent?["cy"].flatMap(Int.init), cx > 0, cy > 0 else { continue }
            let text = [docPr?["descr"], docPr?["title"]].compactMap { $0 }.first { !$0.isEmpty }
            return .init(data: data, format: format, width: ReferenceStyleReader.rounded(Length(micrometres: cx / 36)),
                         height: ReferenceStyleReader.rounded(Length(micrometres: cy / 36)), alternativeText: text)
        }
        return nil
    }
}

// MARK: - ODT

private struct ODTReference {
    let package: ReferenceStyleReader.Package
    let name: String

    func read() throws(Diagnostic) -> ReferenceStyle {
        guard let root = package.xml("styles.xml") else {
            throw .error(.referenceIllisible, "« \(name) » : styles.xml n'est pas un XML valable")
        }
        var style = ReferenceStyle(kind: .odt)
        var faces: [String: ReferenceStyle.Font] = [:]
        for face in root.at("office:font-face-decls")?.children("style:font-face") ?? [] {
            guard let key = face["style:name"] else { continue }
            let family = (face["svg:font-family"] ?? key).trimmingCharacters(in: CharacterSet(charactersIn: "'\" "))
            let generic: FontFace.Generic? = switch face["style:font-family-generic"] {
            case "roman": .serif
            case "swiss": .sans
            default: nil
            }
            faces[key] = .init(name: family, alternate: nil, generic: generic)
        }
        let named = root.at("office:styles")?.children("style:style").filter { ($0["style:family"] ?? "paragraph") == "paragraph" } ?? []
        let defaultStyle = root.at("office:styles")?.children("style:default-style").first { $0["style:family"] == "paragraph" }
        func find(_ names: [String]) -> XMLTree? {
            for name in names { if let s = named.first(where: { $0["style:name"] == name }) { return s } }
            return nil
        }
        func chain(_ start: XMLTree?) -> [XMLTree] {
            var result: [XMLTree] = []
            var current = start
            while let s = current, result.count < 20, !result.contains(where: { $0 === s }) {
                result.append(s)
                current = s["style:parent-style-name"].flatMap { parent in named.first { $0["style:name"] == parent } }
            }
            if let defaultStyle { result.append(defaultStyle) }
            return result
        }
        func text(_ attribute: String, of style: XMLTree?) -> String? {
            chain(style).lazy.compactMap { $0.at("style:text-properties")?[attribute] }.first
        }
        func paragraphProperty(_ attribute: String, of style: XMLTree?) -> String? {
            chain(style).lazy.compactMap { $0.at("style:paragraph-properties")?[attribute] }.first
        }
        func font(of style: XMLTree?) -> ReferenceStyle.Font? {
            if let key = text("style:font-name", of: style) { return faces[key] ?? .init(name: key, alternate: nil, generic: nil) }
            return text("fo:font-family", of: style).map { .init(name: $0.trimmingCharacters(in: CharacterSet(charactersIn: "'\" ")), alternate: nil, generic: nil) }
        }
        /// A size in points, following percentages of the parent's size.
        func size(of style: XMLTree?) -> FontSize? {
            var factors: [Double] = []
            for s in chain(style) {
                guard let value = s.at("style:text-properties")?["fo:font-size"] else { continue }
                if value.hasSuffix("%"), let percent = Double(value.dropLast()) {
                    factors.append(percent / 100)
                } else if let base = FontSize(parsing: value) {
                    let points = factors.reduce(Double(base.halfPoints) / 2, *)
                    return FontSize(halfPoints: Int((points * 2).rounded()))
                } else if let length = Length(parsing: value) {
                    let points = factors.reduce(Double(length.micrometres) * 72 / 25_400, *)
                    return FontSize(halfPoints: Int((points * 2).rounded()))
                }
            }
            return nil
        }
        func length(_ value: String?) -> Length? { value.flatMap(Length.init(parsing:)).map(ReferenceStyleReader.rounded) }

        let standard = find(["Standard"]) ?? defaultStyle
        let bodyText = find(["Text_20_body", "Body_20_Text"]) ?? standard
        let heading1 = find(["Heading_20_1", "Titre_20_1"])
        let heading2 = find(["Heading_20_2", "Titre_20_2"])
        let title = find(["Title", "Titre"])
        style.bodyFont = font(of: standard)
        style.headingFont = heading1.flatMap { font(of: $0) }
        style.bodySize = size(of: standard)
        style.titleSize = title.flatMap { size(of: $0) }
        style.heading1Size = heading1.flatMap { size(of: $0) }
        style.heading2Size = heading2.flatMap { size(of: $0) }
        style.headingColour = heading1.flatMap { ReferenceStyleReader.hexColour(text("fo:color", of: $0)) }
        style.textColour = ReferenceStyleReader.hexColour(text("fo:color", of: standard))
        style.paragraphSpacing = length(paragraphProperty("fo:margin-bottom", of: bodyText))
        if let line = paragraphProperty("fo:line-height", of: bodyText), line.hasSuffix("%"), let percent = Int(line.dropLast()) {
            style.lineHeightPercent = percent
        }

        // Page geometry: the Standard master page (else the first) and its page layout.
        let masters = root.at("office:master-styles")?.children("style:master-page") ?? []
        guard let master = masters.first(where: { $0["style:name"] == "Standard" }) ?? masters.first else { return style }
        let layouts = (root.at("office:automatic-styles")?.children("style:page-layout") ?? [])
            + (root.at("office:styles")?.children("style:page-layout") ?? [])
        let layout = layouts.first { $0["style:name"] == master["style:page-layout-name"] }
        if let page = layout?.child("style:page-layout-properties") {
            let top = length(page["fo:margin-top"]), bottom = length(page["fo:margin-bottom"])
            style.marginLeft = length(page["fo:margin-left"])
            style.marginRight = length(page["fo:margin-right"])
            // ODF puts the header inside the body's area: the page margin is where the header
            // starts; the body starts below the header's height, which (as LibreOffice reads
            // it) includes the spacing below it.
            let header = layout?.at("style:header-style/style:header-footer-properties")
            if master.child("style:header") != nil, let header, let top {
                style.headerDistance = top
                let room = length(header["fo:min-height"]) ?? ((length(header["svg:height"]) ?? .zero) + (length(header["fo:margin-bottom"]) ?? .zero))
                style.marginTop = top + room
            } else {
                style.marginTop = top
            }
            let footer = layout?.at("style:footer-style/style:header-footer-properties")
            if master.child("style:footer") != nil, let footer, let bottom {
                style.footerDistance = bottom
                let room = length(footer["fo:min-height"]) ?? ((length(footer["svg:height"]) ?? .zero) + (length(footer["fo:margin-top"]) ?? .zero))
                style.marginBottom = bottom + room
            } else {
                style.marginBottom = bottom
            }
        }
        style.headerImage = headerImage(master.child("style:header"))
        return style
    }

    private func headerImage(_ header: XMLTree?) -> ReferenceStyle.HeaderImage? {
        for frame in header?.descendants("draw:frame") ?? [] {
            // An SVG frame carries its raster rendering after it: take the raster.
            let images = frame.children("draw:image").compactMap { image -> (Data, Image.Format)? in
                guard let href = image["xlink:href"], !href.hasPrefix("http"), let data = package.data(href),
                      let format = Image.Format.sniff(data) else { return nil }
                return (data, format)
            }
            guard let (data, format) = images.first(where: { $0.1 != .svg }) ?? images.first,
                  let width = frame["svg:width"].flatMap(Length.init(parsing:)),
                  let height = frame["svg:height"].flatMap(Length.init(parsing:)) else { continue }
            let text = [frame.child("svg:title")?.text, frame.child("svg:desc")?.text]
                .compactMap { $0?.trimmingCharacters(in: .whitespacesAndNewlines) }.first { !$0.isEmpty }
            return .init(data: data, format: format, width: ReferenceStyleReader.rounded(width),
                         height: ReferenceStyleReader.rounded(height), alternativeText: text)
        }
        return nil
    }
}
