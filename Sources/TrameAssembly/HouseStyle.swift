import Foundation
import TrameDocument
import TrameModel

/// One value a style file sets, and where.
public struct StyleSetting: Sendable {
    public let key: StyleKey
    public let value: StyleValue
    public let location: SourceLocation?
}

/// The header image a style file names (`image_en_tete`), read and sized.
public struct HeaderImageSetting: Sendable {
    /// The file name as written, relative to the style file.
    public let name: String
    /// The PNG rendering beside an SVG (same name, `.png`), relative to the style file.
    public let fallbackName: String?
    public let image: Image
    public let alignment: Paragraph.Alignment
    public let location: SourceLocation?
}

/// A partnership's style file (docs/style.md), read and checked: every value with its location,
/// and located diagnostics (unknown key with the nearest one, a length without its unit, a colour
/// mal écrite, a value out of range, a missing header image, a font not installed).
public struct StyleFile: Sendable {
    public let path: String
    public let source: SourceText
    /// The values set, in the order of ``StyleKey/all``.
    public let settings: [StyleSetting]
    public let headerImage: HeaderImageSetting?
    public let diagnostics: [Diagnostic]
    /// Whether the file could not be found or read (rather than refused).
    public let isUnreadable: Bool

    public var hasErrors: Bool { diagnostics.hasErrors }

    /// The files the style file names (its header image, and the PNG beside an SVG), relative to
    /// the style file: they travel with it.
    public var attachments: [String] { [headerImage?.name, headerImage?.fallbackName].compactMap { $0 } }

    /// The value set for a key path, if any.
    public func value(_ path: String) -> StyleValue? { settings.first { $0.key.path == path }?.value }

    /// The checked errors as one throwable, with the file's text for rendering.
    public var failure: Diagnostics { Diagnostics(diagnostics, sources: [path: source]) }

    /// The schema of a style file, from ``StyleKey/all`` and the header image's keys.
    static let schema: Schema = {
        indirect enum Tree { case leaf(FieldType), node([(String, Tree)]) }
        func insert(_ parts: ArraySlice<String>, _ type: FieldType, into entries: inout [(String, Tree)]) {
            let head = parts.first!
            if parts.count == 1 { entries.append((head, .leaf(type))); return }
            var children: [(String, Tree)] = []
            if let i = entries.firstIndex(where: { $0.0 == head }), case .node(let existing) = entries[i].1 {
                children = existing
                insert(parts.dropFirst(), type, into: &children)
                entries[i].1 = .node(children)
            } else {
                insert(parts.dropFirst(), type, into: &children)
                entries.append((head, .node(children)))
            }
        }
        func specs(_ entries: [(String, Tree)]) -> [FieldSpec] {
            entries.map { key, tree in
                switch tree {
                case .leaf(let type): .optional(key, type)
                case .node(let children): .optional(key, .object(specs(children)))
                }
            }
        }
        var entries: [(String, Tree)] = []
        for key in StyleKey.all {
            let type: FieldType = switch key.kind {
            case .fontList: .list(.text)
            case .genre: .enumeration(["serif", "sans"])
            default: .text
            }
            insert(ArraySlice(key.path.split(separator: ".").map(String.init)), type, into: &entries)
        }
        let image = FieldType.object([
            FieldSpec("fichier", .text), FieldSpec("largeur", .text), FieldSpec("texte", .text),
            .optional("hauteur", .text), .optional("alignement", .enumeration(["gauche", "centre", "droite"])),
        ])
        return Schema(name: "style", root: specs(entries) + [.optional("image_en_tete", image)], rootSensitivity: .partenaires)
    }()

    /// Reads and checks a style file.
    /// - Parameter fonts: which fonts are installed, for the « police absente » warnings.
    public static func load(path: String, fonts: FontCatalog = .system) -> StyleFile {
        let loaded = ModelLoader.read(path: path, schema: schema)
        var reader = Reader(file: path, fonts: fonts)
        var settings: [StyleSetting] = []
        var image: HeaderImageSetting?
        if let root = loaded.root {
            settings = reader.settings(root)
            image = reader.headerImage(root["image_en_tete"], styleFile: path)
            reader.checkGeometry(settings)
            reader.checkFonts(settings)
        }
        reader.checkCommentedColours(loaded.source)
        return StyleFile(path: path, source: loaded.source, settings: settings, headerImage: image,
                         diagnostics: (loaded.diagnostics + reader.diagnostics).sorted {
                             ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0)
                         }, isUnreadable: loaded.isUnreadable)
    }
}

/// Interprets the checked tree of a style file.
private struct Reader {
    let file: String
    let fonts: FontCatalog
    var diagnostics: [Diagnostic] = []

    mutating func fail(_ code: DiagnosticCode, _ node: DataNode, _ message: String) {
        diagnostics.append(.error(code, path: node.path, message, at: node.location))
    }

    mutating func settings(_ root: DataNode) -> [StyleSetting] {
        StyleKey.all.compactMap { key in
            guard let node = root.node(at: FieldPath(parsing: key.path)), let value = value(of: node, key: key) else { return nil }
            return StyleSetting(key: key, value: value, location: node.location)
        }
    }

    private mutating func value(of node: DataNode, key: StyleKey) -> StyleValue? {
        if case .fontList = key.kind {
            let names = (node.list ?? []).compactMap { $0.text?.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return names.isEmpty ? nil : .texts(names)
        }
        if case .genre = key.kind { return node.text.map { .genre($0 == "serif" ? .serif : .sans) } }
        guard let raw = node.text?.trimmingCharacters(in: .whitespaces) else { return nil }
        switch key.kind {
        case .text, .fontName:
            guard !raw.isEmpty else { fail(.valeurManquante, node, "valeur vide : un texte est attendu"); return nil }
            return .text(raw)
        case .colour:
            var hex = raw
            if hex.hasPrefix("#") { hex.removeFirst() }
            guard hex.count == 6, hex.allSatisfy(\.isHexDigit) else {
                fail(.couleurInvalide, node, "« \(raw) » n'est pas une couleur : écrivez # suivi de six chiffres hexadécimaux, entre guillemets (« \"#1f3a68\" »)")
                return nil
            }
            return .colour(hex.uppercased())
        case .size(let min, let max):
            var text = raw.lowercased()
            if text.hasSuffix("pt") { text.removeLast(2) }
            guard let points = StyleNumbers.parseNumber(text) else {
                fail(.typeValeur, node, "« \(raw) » n'est pas une taille de police : elle s'écrit en points (« 11 pt », « 10,5 pt »)")
                return nil
            }
            guard points >= Decimal(min), points <= Decimal(max) else {
                fail(.valeurHorsLimites, node, "la taille « \(raw) » est hors des limites admises (de \(min) à \(max) pt)")
                return nil
            }
            return .size(FontSize(halfPoints: StyleNumbers.rounded(points * 2)))
        case .percent(let min, let max):
            var text = raw
            let hasPercent = text.hasSuffix("%")
            if hasPercent { text.removeLast() }
            guard var number = StyleNumbers.parseNumber(text) else {
                fail(.typeValeur, node, "« \(raw) » n'est pas un interligne : écrivez-le en pour cent (« 115 % ») ou en lignes (« 1,15 »)")
                return nil
            }
            if !hasPercent, number < 10 { number *= 100 }
            let percent = StyleNumbers.rounded(number)
            guard percent >= min, percent <= max else {
                fail(.valeurHorsLimites, node, "l'interligne « \(raw) » est hors des limites admises (de \(min) % à \(max) %)")
                return nil
            }
            return .percent(percent)
        case .length(let min, let max):
            guard let length = StyleNumbers.parseLength(raw) else {
                fail(.longueurInvalide, node, "« \(raw) » n'est pas une longueur : écrivez un nombre et son unité, cm, mm ou pt (« 2,5 cm », « 25 mm », « 12 pt »)")
                return nil
            }
            guard length >= min, length <= max else {
                fail(.valeurHorsLimites, node, "« \(raw) » est hors des limites admises pour la \(key.french) (de \(StyleNumbers.length(min)) à \(StyleNumbers.length(max)))")
                return nil
            }
            return .length(length)
        case .border(let maxEighths):
            guard let length = StyleNumbers.parseLength(raw) else {
                fail(.longueurInvalide, node, "« \(raw) » n'est pas une épaisseur : écrivez-la en points (« 0,5 pt ») ou en mm (« 0,2 mm »)")
                return nil
            }
            let eighths = StyleNumbers.rounded(Decimal(length.micrometres) * 72 * 8 / 25_400)
            guard eighths <= maxEighths else {
                fail(.valeurHorsLimites, node, "l'épaisseur « \(raw) » dépasse \(maxEighths / 8) pt")
                return nil
            }
            return .eighths(eighths)
        case .fontList, .genre:
            return nil
        }
    }

    /// The header image: found beside the style file, a PNG, JPEG or SVG (with its PNG rendering
    /// beside it), sized from its width and its own proportions.
    mutating func headerImage(_ node: DataNode?, styleFile: String) -> HeaderImageSetting? {
        guard let node, let nameNode = node["fichier"], let name = nameNode.text?.trimmingCharacters(in: .whitespaces) else { return nil }
        guard ConventionAttachments.isStorable(name) else {
            fail(.imageEnTete, nameNode, "chemin d'image « \(name) » refusé : il se lit à partir du dossier du fichier de style, sans « .. » ni chemin absolu (par exemple « en-tete.png »)")
            return nil
        }
        let folder = URL(fileURLWithPath: styleFile).deletingLastPathComponent()
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path), !data.isEmpty else {
            fail(.imageEnTete, nameNode, "image d'en-tête introuvable : « \(name) » (le chemin se lit à partir du dossier du fichier de style)")
            return nil
        }
        guard let format = Image.Format.sniff(data) else {
            fail(.imageEnTete, nameNode, "« \(name) » n'est pas une image PNG, JPEG ou SVG")
            return nil
        }
        var raster = (data: data, format: format)
        var fallback: Image.Raster?
        var fallbackName: String?
        if format == .svg {
            let png = (name as NSString).deletingPathExtension + ".png"
            guard let pngData = FileManager.default.contents(atPath: folder.appendingPathComponent(png).path), Image.Format.sniff(pngData) == .png else {
                fail(.imageEnTete, nameNode, "l'image SVG « \(name) » doit avoir son rendu PNG à côté, de même nom (« \(png) ») : les traitements de texte qui ne lisent pas le SVG l'affichent")
                return nil
            }
            raster = (pngData, .png)
            fallback = Image.Raster(data: pngData, format: .png)
            fallbackName = png
        }
        guard let pixels = Image.pixelSize(of: raster.data, format: raster.format), pixels.width > 0, pixels.height > 0 else {
            fail(.imageEnTete, nameNode, "l'image « \(name) » est illisible (dimensions introuvables)")
            return nil
        }
        guard let widthNode = node["largeur"], let widthText = widthNode.text else { return nil }
        guard let width = StyleNumbers.parseLength(widthText) else {
            fail(.longueurInvalide, widthNode, "« \(widthText) » n'est pas une longueur : écrivez un nombre et son unité, cm, mm ou pt (« 4 cm », « 40 mm »)")
            return nil
        }
        guard width >= .cm(thousandths: 300), width <= .cm(18) else {
            fail(.valeurHorsLimites, widthNode, "la largeur « \(widthText) » de l'image d'en-tête est hors des limites admises (de 3 mm à 18 cm)")
            return nil
        }
        var height = Length(micrometres: width.micrometres * pixels.height / pixels.width)
        if let heightNode = node["hauteur"], let heightText = heightNode.text {
            guard let given = StyleNumbers.parseLength(heightText) else {
                fail(.longueurInvalide, heightNode, "« \(heightText) » n'est pas une longueur : écrivez un nombre et son unité (« 1,5 cm »)")
                return nil
            }
            height = given
        }
        guard height >= .cm(thousandths: 200), height <= .cm(8) else {
            fail(.valeurHorsLimites, node["hauteur"] ?? widthNode, "l'image d'en-tête mesurerait \(StyleNumbers.length(height)) de haut : hors des limites admises (de 2 mm à 8 cm)")
            return nil
        }
        guard let textNode = node["texte"], let text = textNode.text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
            if let empty = node["texte"] { fail(.valeurManquante, empty, "texte de remplacement vide : dites ce que montre l'image (« Logo de l'association … »)") }
            return nil
        }
        let alignment: Paragraph.Alignment = switch node["alignement"]?.text {
        case "centre": .center
        case "droite": .right
        default: .left
        }
        let image = Image(data: data, format: format, width: width, height: height, alternativeText: text, fallback: fallback)
        return HeaderImageSetting(name: name, fallbackName: fallbackName, image: image, alignment: alignment, location: nameNode.location)
    }

    /// The header and footer sit inside the margins, at least 5 mm from the body (when the file
    /// sets both values).
    mutating func checkGeometry(_ settings: [StyleSetting]) {
        func length(_ path: String) -> (Length, SourceLocation?)? {
            settings.first { $0.key.path == path }.flatMap { s in if case .length(let l) = s.value { (l, s.location) } else { nil } }
        }
        for (edge, margin, word) in [("page.en_tete", "page.marges.haut", "l'en-tête"), ("page.pied", "page.marges.bas", "le pied de page")] {
            guard let (distance, at) = length(edge), let (body, _) = length(margin), body - distance < .cm(thousandths: 500) else { continue }
            diagnostics.append(.error(.valeurHorsLimites, path: FieldPath(parsing: edge),
                                      "\(word) commence à \(StyleNumbers.length(distance)) du bord mais le corps à \(StyleNumbers.length(body)) : laissez-lui au moins 5 mm (« \(margin) »)",
                                      at: at))
        }
        if let (left, at) = length("page.marges.gauche"), let (right, _) = length("page.marges.droite"), DocumentStyle.standard.page.width - left - right < .cm(8) {
            diagnostics.append(.error(.valeurHorsLimites, path: FieldPath(parsing: "page.marges.gauche"),
                                      "les marges de gauche et de droite ne laissent que \(StyleNumbers.length(DocumentStyle.standard.page.width - left - right)) de texte : 8 cm au moins",
                                      at: at))
        }
    }

    /// A font the documents ask for and this machine lacks: an avertissement naming the font
    /// used in its place. Without fontconfig, one avertissement says the check was not done.
    mutating func checkFonts(_ settings: [StyleSetting]) {
        let families = settings.filter { if case .fontName = $0.key.kind { true } else { false } }
        guard !families.isEmpty, let installed = fonts.check else { return }
        guard let known = installed else {
            diagnostics.append(.warning(.policesNonVerifiees, path: FieldPath(parsing: families[0].key.path),
                                        "les polices installées n'ont pas pu être vérifiées (fontconfig, fc-list, absent de cette machine)",
                                        at: families[0].location))
            return
        }
        for setting in families {
            guard case .text(let name) = setting.value, !FontCatalog.contains(known, name) else { continue }
            let group = setting.key.path.split(separator: ".")[1]
            var alternates: [String] = []
            if case .texts(let names)? = settings.first(where: { $0.key.path == "polices.\(group).remplacements" })?.value { alternates = names }
            var genre = FontFace.genre(of: name) ?? (group == "corps" ? .serif : .sans)
            if case .genre(let given)? = settings.first(where: { $0.key.path == "polices.\(group).genre" })?.value { genre = given }
            let candidates = alternates + [FontFace.defaultFace(genre).name]
            let used = candidates.first { FontCatalog.contains(known, $0) }
            let instead = used.map { "« \($0) » sera utilisée à sa place" } ?? "une police \(genre == .serif ? "à empattements" : "sans empattements") de la machine sera utilisée à sa place"
            diagnostics.append(.warning(.policeAbsente, path: FieldPath(parsing: setting.key.path),
                                        "police « \(name) » non installée sur cette machine : \(instead) (PDF, aperçu) ; les documents la demandent toujours, installez-la là où on les lit",
                                        at: setting.location))
        }
    }

    /// `titres: #1f3a68` without quotes is a YAML comment, read as nothing: say so where it is.
    mutating func checkCommentedColours(_ source: SourceText) {
        var number = 0
        while let line = source.line(number + 1) {
            number += 1
            let index = number - 1
            guard let colon = line.firstIndex(of: ":") else { continue }
            let rest = line[line.index(after: colon)...]
            let trimmed = rest.drop { $0 == " " }
            guard trimmed.hasPrefix("#"), trimmed.count > 1, trimmed.dropFirst().prefix(6).allSatisfy(\.isHexDigit),
                  !line.drop(while: { $0 == " " }).hasPrefix("#") else { continue }
            let column = line.distance(from: line.startIndex, to: trimmed.startIndex) + 1
            diagnostics.append(.error(.couleurInvalide, "« \(trimmed) » est lu comme un commentaire YAML : mettez la couleur entre guillemets (« \"\(trimmed)\" »)",
                                      at: SourceLocation(file: file, line: index + 1, column: column)))
        }
    }
}

/// The fonts installed on this machine (fontconfig's `fc-list : family`), for the « police
/// absente » warnings of style files.
public struct FontCatalog: Sendable {
    /// nil: do not check; `.some(nil)`: could not be checked; else the folded family names.
    let check: Set<String>??

    /// A catalog of the given families (tests), or one that could not be read (`nil`).
    public init(families: [String]?) { check = .some(families.map { Set($0.map(FontCatalog.fold)) }) }
    private init(unchecked: Void) { check = .none }

    /// No check at all (generation: the fonts that matter are the readers').
    public static let unchecked = FontCatalog(unchecked: ())

    /// This machine's fonts, listed once per process; unknown without fontconfig.
    public static let system = FontCatalog(families: listed())

    static func contains(_ families: Set<String>, _ name: String) -> Bool { families.contains(fold(name)) }

    static func fold(_ name: String) -> String { name.lowercased().replacingOccurrences(of: "\\", with: "").trimmingCharacters(in: .whitespaces) }

    /// `fc-list : family`, one family (or several, comma-separated) per line.
    private static func listed() -> [String]? {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map { "\($0)/fc-list" }
        guard let program = path.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = [":", "family"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: output, as: UTF8.self).split(separator: "\n")
            .flatMap { $0.split(separator: ",") }.map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// The effective house style of a document: Trame's defaults, then the convention's style file
/// (`style:`), then the one given on the command line (`--style`).
public struct HouseStyle: Sendable {
    public enum Origin: String, Sendable {
        case convention, option
        /// « convention », « --style ».
        public var french: String { self == .convention ? "convention" : "--style" }
    }

    public var layers: [(origin: Origin, file: StyleFile)]

    public init(layers: [(origin: Origin, file: StyleFile)] = []) { self.layers = layers }

    public var isEmpty: Bool { layers.isEmpty }

    /// `base` with every layer's values. An easy-to-read companion keeps its own sizes, line
    /// spacing and paragraph spacing, and a sans-serif font: it takes the partnership's heading
    /// font (or body font) only when that one is sans-serif. The header image heads only
    /// documents without a letterhead of partners' logos.
    public func applied(to base: DocumentStyle, easyRead: Bool) -> DocumentStyle {
        guard !layers.isEmpty else { return base }
        var style = base
        var fonts = DocumentStyle.standard
        for (_, file) in layers {
            for setting in file.settings {
                if setting.key.path.hasPrefix("polices.") { setting.key.apply(&fonts, setting.value) }
                guard !easyRead || setting.key.easyRead, !setting.key.path.hasPrefix("polices.") else { continue }
                setting.key.apply(&style, setting.value)
            }
        }
        let setsFonts = layers.contains { $0.file.settings.contains { $0.key.path.hasPrefix("polices.") } }
        if setsFonts {
            if easyRead {
                if let sans = [fonts.headingFont, fonts.bodyFont].first(where: { $0.generic == .sans }) {
                    style.bodyFont = sans
                    style.headingFont = sans
                }
            } else {
                style.bodyFont = fonts.bodyFont
                style.headingFont = fonts.headingFont
            }
        }
        if style.letterhead == nil, let image = headerImage {
            style.letterhead = Letterhead(images: [image.image], alignment: image.alignment)
        }
        // Header and footer always inside their margins.
        if style.page.marginTop - style.page.headerDistance < .cm(thousandths: 500) {
            style.page.headerDistance = Length(micrometres: style.page.marginTop.micrometres / 2)
        }
        if style.page.marginBottom - style.page.footerDistance < .cm(thousandths: 500) {
            style.page.footerDistance = Length(micrometres: style.page.marginBottom.micrometres / 2)
        }
        return style
    }

    /// The last layer's header image.
    public var headerImage: HeaderImageSetting? { layers.reversed().lazy.compactMap(\.file.headerImage).first }

    /// One line of `trame style show`: a key, its effective value and where it comes from.
    public struct Entry: Sendable {
        public let key: String
        public let french: String
        public let value: String
        /// nil: Trame's default.
        public let origin: Origin?
        public let location: SourceLocation?
    }

    /// Every key's effective value (of the acts' style), with its origin.
    public func entries() -> [Entry] {
        let style = applied(to: .standard, easyRead: false)
        var entries: [Entry] = []
        for key in StyleKey.all {
            let setting = layers.reversed().lazy.compactMap { layer in
                layer.file.settings.first { $0.key.path == key.path }.map { (layer.origin, $0) }
            }.first
            guard let value = setting?.1.value ?? key.read(style) else { continue }
            entries.append(Entry(key: key.path, french: key.french, value: value.french, origin: setting?.0, location: setting?.1.location))
        }
        let imageLayer = layers.reversed().first { $0.file.headerImage != nil }
        if let layer = imageLayer, let image = layer.file.headerImage {
            let folder = (layer.file.path as NSString).deletingLastPathComponent
            let file = folder.isEmpty ? image.name : (folder as NSString).appendingPathComponent(image.name)
            let align = image.alignment == .center ? "centre" : image.alignment == .right ? "droite" : "gauche"
            for (key, french, value) in [
                ("image_en_tete.fichier", "image d'en-tête", file),
                ("image_en_tete.largeur", "largeur de l'image d'en-tête", StyleNumbers.length(image.image.width)),
                ("image_en_tete.hauteur", "hauteur de l'image d'en-tête", StyleNumbers.length(image.image.height)),
                ("image_en_tete.texte", "texte de remplacement de l'image", image.image.alternativeText),
                ("image_en_tete.alignement", "alignement de l'image", align),
            ] {
                entries.append(Entry(key: key, french: french, value: value, origin: layer.origin, location: image.location))
            }
        } else {
            entries.append(Entry(key: "image_en_tete", french: "image d'en-tête", value: "aucune", origin: nil, location: nil))
        }
        return entries
    }
}

/// The style file a convention names (`style:`), resolved against the convention file's folder.
public enum ConventionStyle {
    /// The style file of a convention, or nil when it names none.
    public static func url(for conventionRoot: DataNode, conventionFile: String) -> URL? {
        guard let name = conventionRoot["style"]?.text?.trimmingCharacters(in: .whitespaces), !name.isEmpty else { return nil }
        return ConventionAttachments.url(name, conventionFile: conventionFile)
    }

    /// Reads the convention's style file. A name that leaves the convention's folder, or a
    /// missing file, is a located error on the convention's `style:` key (`conventionErrors`);
    /// the style file's own problems point into it.
    public static func load(conventionRoot: DataNode, conventionFile: String,
                            fonts: FontCatalog = .system) -> (file: StyleFile?, conventionErrors: [Diagnostic]) {
        guard let node = conventionRoot["style"], let name = node.text?.trimmingCharacters(in: .whitespaces), !name.isEmpty,
              let url = url(for: conventionRoot, conventionFile: conventionFile) else { return (nil, []) }
        guard ConventionAttachments.isStorable(name) else {
            return (nil, [.error(.styleIntrouvable, path: node.path,
                                 "chemin de style « \(name) » refusé : il se lit à partir du dossier de la convention, sans « .. » ni chemin absolu (par exemple « style.yaml »)",
                                 at: node.location)])
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return (nil, [.error(.styleIntrouvable, path: node.path,
                                 "fichier de style introuvable : « \(name) » (le chemin se lit à partir du dossier de la convention)",
                                 at: node.location)])
        }
        return (StyleFile.load(path: url.path, fonts: fonts), [])
    }
}

