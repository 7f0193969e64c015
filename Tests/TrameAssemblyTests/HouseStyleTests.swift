import Foundation
import Testing
import TrameAssembly
import TrameDocument
import TrameModel
import TrameTestSupport

/// The partnership's own style (issue 14): a reference document imported into a style file,
/// the style file checked with located errors, and applied to ODT, DOCX and HTML alike.
@Suite struct HouseStyleTests {
    /// A 1×1 PNG.
    static let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")!

    /// A reference made the way a partnership's is: another font, 25 mm margins, a logo in the header.
    static var referenceStyle: DocumentStyle {
        var style = DocumentStyle.standard
        style.bodyFont = FontFace(name: "DejaVu Serif", alternate: "Georgia", generic: .serif)
        style.headingFont = FontFace(name: "DejaVu Sans", alternate: nil, generic: .sans)
        style.page.marginTop = .mm(25)
        style.page.marginBottom = .mm(25)
        style.page.marginLeft = .mm(25)
        style.page.marginRight = .mm(25)
        style.page.headerDistance = .mm(12)
        style.colours.headings = "1F3A68"
        style.sizes.body = .pt(12)
        style.letterhead = Letterhead(images: [Image(data: png, format: .png, width: .cm(4), height: .cm(4),
                                                     alternativeText: "Logo de l'Association Exemple")])
        return style
    }

    static let document = Document(
        metadata: DocumentMetadata(title: "Essai de style", subject: "Essai", identifier: "essai-style"),
        header: "Essai de style",
        blocks: [.title([.text("Essai de style")]), .heading(level: 1, [.text("Premier titre")]),
                 .paragraph(Paragraph([.text("Un paragraphe du corps.")])),
                 .table(Table(headerRows: [[TableCell(text: "Colonne")]], rows: [[TableCell(text: "Valeur")]]))])

    static func parts(_ data: Data) throws -> [String: Data] { try DocumentText.unzip(data) }
    static func text(_ parts: [String: Data], _ name: String) -> String { String(decoding: parts[name] ?? Data(), as: UTF8.self) }

    /// Imports a reference rendered in `format`; returns the style file's folder and path.
    static func imported(_ format: OutputFormat) throws -> (folder: URL, style: StyleFile, output: StyleImport.Output) {
        let folder = try Conformance.temporaryDirectory("house-style")
        let reference = folder.appendingPathComponent("reference.\(format == .odt ? "odt" : "docx")")
        try DocumentRenderer.render(document, as: format, style: referenceStyle).write(to: reference)
        let output = try StyleImport.run(reference: reference, output: folder.appendingPathComponent("style.yaml"), force: false)
        let style = StyleFile.load(path: folder.appendingPathComponent("style.yaml").path,
                                   fonts: FontCatalog(families: ["DejaVu Serif", "DejaVu Sans", "Liberation Serif", "Liberation Sans"]))
        return (folder, style, output)
    }

    /// The imported style, applied, gives ODT and DOCX in the reference's font with its margins.
    static func checkApplied(_ style: StyleFile) throws {
        #expect(style.diagnostics.isEmpty, "\(style.diagnostics.map(\.headline))")
        let applied = HouseStyle(layers: [(.option, style)]).applied(to: .standard, easyRead: false)
        let odt = try parts(DocumentRenderer.render(document, as: .odt, style: applied))
        let odtStyles = text(odt, "styles.xml")
        #expect(odtStyles.contains(#"<style:font-face style:name="DejaVu Serif" svg:font-family="'DejaVu Serif'" style:font-family-generic="roman""#))
        #expect(odtStyles.contains(#"style:font-name="DejaVu Serif""#))
        #expect(odtStyles.contains(#"fo:margin-left="2.5cm" fo:margin-right="2.5cm""#))
        #expect(odtStyles.contains(#"fo:margin-top="1.2cm" fo:margin-bottom="1cm""#), "header 12 mm from the edge")
        #expect(odtStyles.contains(#"fo:min-height="1.3cm""#), "body 25 mm from the top: 12 mm + 13 mm of header")
        #expect(odtStyles.contains(##"fo:color="#1F3A68""##))
        #expect(odt.keys.contains { $0.hasPrefix("Pictures/") }, "the header picture")
        let docx = try parts(DocumentRenderer.render(document, as: .docx, style: applied))
        #expect(text(docx, "word/document.xml").contains(#"<w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417" w:header="680""#))
        #expect(text(docx, "word/styles.xml").contains(#"<w:rFonts w:ascii="DejaVu Serif" w:eastAsia="DejaVu Serif" w:hAnsi="DejaVu Serif" w:cs="DejaVu Serif"/>"#))
        #expect(text(docx, "word/styles.xml").contains(#"<w:sz w:val="24"/>"#))
        #expect(docx.keys.contains { $0.hasPrefix("word/media/") })
        let html = String(decoding: try DocumentRenderer.render(document, as: .html, style: applied), as: UTF8.self)
        #expect(html.contains(#"font-family: "DejaVu Serif""#))
    }

    @Test func aReferenceDOCXImportedGivesItsFontAndMargins() throws {
        let (folder, style, output) = try Self.imported(.docx)
        defer { try? FileManager.default.removeItem(at: folder) }
        let yaml = try String(contentsOf: folder.appendingPathComponent("style.yaml"), encoding: .utf8)
        #expect(yaml.contains("famille: \"DejaVu Serif\""))
        #expect(yaml.contains("remplacements: [\"Georgia\"]"), "DOCX keeps its font table's alternate")
        #expect(yaml.contains("haut: 25 mm"))
        #expect(yaml.contains("en_tete: 12 mm"))
        #expect(yaml.contains("titres: \"#1F3A68\""))
        #expect(output.image?.name == "style-en-tete.png")
        #expect(FileManager.default.contents(atPath: folder.appendingPathComponent("style-en-tete.png").path) == Self.png)
        #expect(style.headerImage?.image.alternativeText == "Logo de l'Association Exemple")
        try Self.checkApplied(style)
    }

    @Test func aReferenceODTImportedGivesItsFontAndMargins() throws {
        let (folder, style, _) = try Self.imported(.odt)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(style.value("polices.corps.famille") == .text("DejaVu Serif"))
        #expect(style.value("page.marges.haut") == .length(.mm(25)))
        #expect(style.value("page.marges.gauche") == .length(.mm(25)))
        #expect(style.value("page.en_tete") == .length(.mm(12)))
        #expect(style.value("tailles.corps") == .size(.pt(12)))
        try Self.checkApplied(style)
    }

    @Test func showGivesBackTheImportedValuesWithWhereTheyComeFrom() throws {
        let (folder, style, _) = try Self.imported(.docx)
        defer { try? FileManager.default.removeItem(at: folder) }
        let entries = Dictionary(HouseStyle(layers: [(.option, style)]).entries().map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(entries["polices.corps.famille"]?.value == "DejaVu Serif")
        #expect(entries["polices.corps.famille"]?.origin == .option)
        #expect(entries["polices.corps.famille"]?.location?.line == 6)
        #expect(entries["page.marges.droite"]?.value == "25 mm")
        #expect(entries["couleurs.titres"]?.value == "#1F3A68")
        #expect(entries["tailles.notes"]?.value == "9 pt")
        #expect(entries["tailles.notes"]?.origin == nil, "a value the file does not set is Trame's default")
        #expect(entries["image_en_tete.texte"]?.value == "Logo de l'Association Exemple")
    }

    /// A style file with `text`, in a fresh folder (with `files` beside it).
    static func styleFile(_ text: String, files: [String: Data] = [:], fonts: FontCatalog = .unchecked) throws -> StyleFile {
        let folder = try Conformance.temporaryDirectory("style-file")
        for (name, data) in files { try data.write(to: folder.appendingPathComponent(name)) }
        let path = folder.appendingPathComponent("style.yaml")
        try Data(text.utf8).write(to: path)
        return StyleFile.load(path: path.path, fonts: fonts)
    }

    @Test func anUnknownKeyIsLocatedWithTheNearestOne() throws {
        let style = try Self.styleFile("polices:\n  corps:\n    familles: DejaVu Serif\n")
        let error = try #require(style.diagnostics.first)
        #expect(error.code == .cleInconnue)
        #expect(error.location?.line == 3)
        #expect(error.location?.column == 5)
        #expect(error.message.contains("vouliez-vous dire « famille »"))
    }

    @Test func lengthsNeedTheirUnitAndStayInRange() throws {
        let style = try Self.styleFile("page:\n  marges:\n    haut: 25\n    bas: \"2,5 cm\"\n    gauche: 12 cm\n    droite: 25mm\n")
        #expect(style.diagnostics.map(\.code) == [.longueurInvalide, .valeurHorsLimites])
        #expect(style.diagnostics.first?.location?.line == 3)
        #expect(style.diagnostics.first?.location?.column == 11)
        #expect(style.value("page.marges.bas") == .length(.mm(25)))
        #expect(style.value("page.marges.droite") == .length(.mm(25)))
    }

    @Test func coloursAndSizesAreChecked() throws {
        let style = try Self.styleFile("couleurs:\n  titres: #1f3a68\n  texte: bleu\n  bordures: \"#336699\"\ntailles:\n  corps: 11 cm\n  titre: \"10,5 pt\"\n")
        #expect(style.diagnostics.map(\.code) == [.couleurInvalide, .couleurInvalide, .typeValeur])
        #expect(style.diagnostics.first?.message.contains("commentaire") == true, "an unquoted # starts a YAML comment")
        #expect(style.value("couleurs.bordures") == .colour("336699"))
        #expect(style.value("tailles.titre") == .size(FontSize(halfPoints: 21)))
    }

    @Test func aMissingHeaderImageIsLocated() throws {
        let style = try Self.styleFile("image_en_tete:\n  fichier: absent.png\n  largeur: 4 cm\n  texte: Logo\n")
        #expect(style.diagnostics.map(\.code) == [.imageEnTete])
        #expect(style.diagnostics.first?.location?.line == 2)
        #expect(style.headerImage == nil)
        let found = try Self.styleFile("image_en_tete:\n  fichier: logo.png\n  largeur: 4 cm\n  texte: Logo\n", files: ["logo.png": Self.png])
        #expect(found.diagnostics.isEmpty)
        #expect(found.headerImage?.image.height == .cm(4), "sized from the picture's own proportions")
        let outside = try Self.styleFile("image_en_tete:\n  fichier: ../logo.png\n  largeur: 4 cm\n  texte: Logo\n")
        #expect(outside.diagnostics.map(\.code) == [.imageEnTete])
    }

    @Test func aFontNotInstalledIsAWarningNamingTheFallback() throws {
        let text = "polices:\n  corps:\n    famille: Garamond Introuvable\n    remplacements: [Absente, Liberation Serif]\n"
        let style = try Self.styleFile(text, fonts: FontCatalog(families: ["Liberation Serif", "Liberation Sans"]))
        let warning = try #require(style.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.code == .policeAbsente)
        #expect(warning.location?.line == 3)
        #expect(warning.message.contains("« Liberation Serif » sera utilisée à sa place"))
        let unchecked = try Self.styleFile(text, fonts: FontCatalog(families: nil))
        #expect(unchecked.diagnostics.map(\.code) == [.policesNonVerifiees])
        #expect(!unchecked.hasErrors, "never an error for want of fontconfig")
    }

    @Test func easyReadKeepsItsSizesAndASansFont() throws {
        let style = try Self.styleFile("polices:\n  corps:\n    famille: DejaVu Serif\n  titres:\n    famille: DejaVu Sans\ntailles:\n  corps: 10 pt\ninterligne: 100 %\npage:\n  marges:\n    gauche: 25 mm\ncouleurs:\n  titres: \"#1F3A68\"\n")
        let easy = HouseStyle(layers: [(.convention, style)]).applied(to: .easyRead, easyRead: true)
        #expect(easy.bodyFont.name == "DejaVu Sans")
        #expect(easy.headingFont.name == "DejaVu Sans")
        #expect(easy.sizes.body == DocumentStyle.easyRead.sizes.body)
        #expect(easy.lineHeightPercent == DocumentStyle.easyRead.lineHeightPercent)
        #expect(easy.page.marginLeft == .mm(25))
        #expect(easy.colours.headings == "1F3A68")
        let acts = HouseStyle(layers: [(.convention, style)]).applied(to: .standard, easyRead: false)
        #expect(acts.bodyFont.name == "DejaVu Serif")
        #expect(acts.sizes.body == .pt(10))
    }

    @Test func laterLayersWin() throws {
        let convention = try Self.styleFile("page:\n  marges:\n    haut: 3 cm\n    bas: 3 cm\n")
        let option = try Self.styleFile("page:\n  marges:\n    haut: 25 mm\n")
        let house = HouseStyle(layers: [(.convention, convention), (.option, option)])
        let style = house.applied(to: .standard, easyRead: false)
        #expect(style.page.marginTop == .mm(25))
        #expect(style.page.marginBottom == .cm(3))
        let entries = house.entries()
        #expect(entries.first { $0.key == "page.marges.haut" }?.origin == .option)
        #expect(entries.first { $0.key == "page.marges.bas" }?.origin == .convention)
    }

    /// A copy of the demo convention and its dossiers in a temporary folder, its `style:` set.
    static func conventionWithStyle(_ style: String?, styleText: String? = nil) throws -> URL {
        let folder = try Conformance.temporaryDirectory("convention-style")
        let fm = FileManager.default
        for name in try fm.contentsOfDirectory(atPath: Samples.conventionFolder.path) {
            try fm.copyItem(at: Samples.conventionFolder.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let file = folder.appendingPathComponent("convention-metz-jury-2018.yaml")
        var text = try String(contentsOf: file, encoding: .utf8)
        if let style { text = text.replacingOccurrences(of: "\nterritoire:", with: "\nstyle: \(style)\nterritoire:") }
        try Data(text.utf8).write(to: file)
        if let styleText { try Data(styleText.utf8).write(to: folder.appendingPathComponent("style.yaml")) }
        return folder
    }

    static let dejaVu25 = "polices:\n  corps:\n    famille: DejaVu Serif\npage:\n  marges: {haut: 25 mm, bas: 25 mm, gauche: 25 mm, droite: 25 mm}\n"

    @Test func theConventionsStyleAppliesToEveryFormat() throws {
        let folder = try Self.conventionWithStyle("style.yaml", styleText: Self.dejaVu25)
        defer { try? FileManager.default.removeItem(at: folder) }
        let request = GenerationRequest(document: "sous-location", dossierPath: folder.appendingPathComponent("dossier-MJ-2019-004.yaml").path,
                                        today: Samples.today)
        let produced = try Samples.generator.generate(request)
        let docx = try Self.parts(produced.output(as: .docx, draft: false).data)
        #expect(Self.text(docx, "word/document.xml").contains(#"<w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417""#))
        #expect(Self.text(docx, "word/styles.xml").contains(#"w:ascii="DejaVu Serif""#))
        let odt = try Self.parts(produced.output(as: .odt, draft: false).data)
        #expect(Self.text(odt, "styles.xml").contains(#"svg:font-family="'DejaVu Serif'""#))
        #expect(Self.text(odt, "styles.xml").contains(#"fo:margin-left="2.5cm" fo:margin-right="2.5cm""#))
        // `--style` goes over the convention's.
        let option = try Self.styleFile("page:\n  marges:\n    gauche: 3 cm\n")
        var over = request
        over.stylePath = option.path
        let html = String(decoding: try Samples.generator.generate(over).output(as: .html, draft: false).data, as: UTF8.self)
        #expect(html.contains("padding: 2.5cm 2.5cm 2.5cm 3cm"))
    }

    @Test func aMissingStyleFileIsAnErrorOnTheConventionsKey() throws {
        let folder = try Self.conventionWithStyle("absent.yaml")
        defer { try? FileManager.default.removeItem(at: folder) }
        let convention = folder.appendingPathComponent("convention-metz-jury-2018.yaml").path
        let file = ModelLoader.read(path: convention, expected: .convention)
        let root = try #require(file.root)
        #expect(ConventionStyle.url(for: root, conventionFile: convention)?.path == folder.appendingPathComponent("absent.yaml").path)
        let (style, errors) = ConventionStyle.load(conventionRoot: root, conventionFile: convention)
        #expect(style?.path == nil)
        #expect(errors.map(\.code) == [.styleIntrouvable])
        #expect(errors.first?.path?.description == "style")
        #expect(errors.first?.location?.file == convention)
        #expect(throws: Diagnostics.self) {
            try Samples.generator.generate(GenerationRequest(document: "convention-cadre", conventionPath: convention, today: Samples.today))
        }
    }

    @Test(.requires(.conformance)) func documentsInTheHouseStylePassTheConformanceChecks() throws {
        let folder = try Self.conventionWithStyle("style.yaml", styleText: Self.dejaVu25 + "couleurs:\n  titres: \"#1F3A68\"\n  en_tete: \"#555555\"\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        for document in ["sous-location", "sous-location-facile"] {
            let produced = try Samples.generator.generate(GenerationRequest(
                document: document, dossierPath: folder.appendingPathComponent("dossier-MJ-2019-004.yaml").path, today: Samples.today))
            for format in [ProducedFormat.odt, .docx] {
                let file = folder.appendingPathComponent("\(document).\(format.rawValue)")
                try produced.output(as: format, draft: false).data.write(to: file)
                let verdict = try Conformance.check(file: file)
                #expect(verdict.passed, "\(file.lastPathComponent):\n\(verdict.output.suffix(2000))")
            }
        }
    }
}

/// The style applied is recorded in the manifest, so that `trame regenerate` reproduces a document
/// made with `--style`, and says when only the style differs.
@Suite struct StyleInManifestTests {
    @Test func theManifestRecordsTheStyleAndRegenerationNeedsItAgain() throws {
        let style = try HouseStyleTests.styleFile("polices:\n  corps:\n    famille: DejaVu Serif\n")
        var request = Samples.request("sous-location", dossier: "MJ-2019-004")
        request.stylePath = style.path
        let produced = try Samples.generator.generate(request)
        let (data, manifest) = try produced.output(as: .docx, draft: false)
        let recorded = try #require(manifest.style)
        #expect(recorded.map(\.origine) == ["option"])
        #expect(recorded[0].sha256 == CanonicalData.sha256(of: try Data(contentsOf: URL(fileURLWithPath: style.path))))

        let dossier = Samples.dossier("MJ-2019-004")
        let again = try Regeneration.run(manifest: manifest, dossierPath: dossier, conventionPath: nil, stylePath: style.path, generator: Samples.generator)
        #expect(again.verdict == .identical)
        #expect(again.data == data)
        let without = try Regeneration.run(manifest: manifest, dossierPath: dossier, conventionPath: nil, generator: Samples.generator)
        #expect(without.verdict == .styleChanged)
    }

    @Test func aDocumentInTheDefaultStyleRecordsNone() throws {
        let produced = try Samples.generator.generate(Samples.request("sous-location", dossier: "MJ-2019-004"))
        #expect(try produced.output(as: .odt, draft: false).manifest.style == nil)
    }
}

/// The style file an import writes holds any reference name as it is: quotes, backslashes, tabs,
/// controls, line and paragraph separators never add a key nor change the value read back.
@Suite struct StyleImportQuotingTests {
    @Test(arguments: ["Modèle \"officiel\" \\ 2026", "charte\u{2028}nom: piège", "a\tb\u{1}c\u{2029}d", "ligne\nfichier: x.png", "# : - & * ! % @ `"])
    func anyReferenceNameSurvivesTheStyleFile(name: String) throws {
        let output = StyleImport.make(ReferenceStyle(kind: .docx), referenceName: name, outputName: "style.yaml")
        let folder = try Conformance.temporaryDirectory("style-quoting")
        let path = folder.appendingPathComponent("style.yaml")
        try Data(output.yaml.utf8).write(to: path)
        let read = StyleFile.load(path: path.path, fonts: .unchecked)
        #expect(!read.hasErrors, "\(read.diagnostics.map(\.message))")
        #expect(read.value("nom") == .text("Style importé de \(name)"))
        #expect(read.settings.map(\.key.path) == ["nom"], "no key added")
    }
}
