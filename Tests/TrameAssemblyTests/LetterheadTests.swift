import Foundation
import Testing
import TrameAssembly
import TrameModel
import TrameTestSupport

/// Letterheads (issue 14): each document carries its issuer's logos, read from the convention's
/// `parties[].logo`, in ODT, DOCX and HTML alike; a person's document that reaches the landlord
/// never shows the health establishment's logo.
@Suite struct LetterheadTests {
    /// The alternative texts of the letterhead pictures, per format: ODF `svg:title` of the header's
    /// frames, DOCX `wp:docPr/@descr` in the header part, HTML `img/@alt` in `header.letterhead`.
    static func logoNames(_ request: GenerationRequest) throws -> [String: [String]] {
        let produced = try Samples.generator.generate(request)
        var names: [String: [String]] = [:]
        let odt = try DocumentText.unzip(produced.output(as: .odt, draft: request.draft).data)
        let styles = String(decoding: odt["styles.xml"] ?? Data(), as: UTF8.self)
        names["odt"] = matches(in: section(styles, from: "<style:header>", to: "</style:header>"), #"<svg:title>([^<]*)</svg:title>"#)
        let docx = try DocumentText.unzip(produced.output(as: .docx, draft: request.draft).data)
        names["docx"] = matches(in: String(decoding: docx["word/header1.xml"] ?? Data(), as: UTF8.self), #"<wp:docPr [^>]*descr="([^"]*)""#)
        let html = String(decoding: try produced.output(as: .html, draft: request.draft).data, as: UTF8.self)
        names["html"] = matches(in: section(html, from: "<header class=\"letterhead\">", to: "</header>"), #"<img [^>]*alt="([^"]*)""#)
        return names
    }

    static func section(_ text: String, from start: String, to end: String) -> String {
        guard let a = text.range(of: start), let b = text.range(of: end, range: a.upperBound..<text.endIndex) else { return "" }
        return String(text[a.upperBound..<b.lowerBound])
    }

    static func matches(in text: String, _ pattern: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]).replacingOccurrences(of: "&apos;", with: "'").replacingOccurrences(of: "&#39;", with: "'") }
        }
    }

    static let hospital = "Logo : Centre hospitalier de Jury"
    static let association = "Logo : Association Accès Logement Lorraine (fictif)"
    static let landlord1 = "Logo : Habitat Mosellan Exemple (fictif)"

    @Test func theConventionCadreCarriesEveryPartnersLogoInEachFormat() throws {
        let names = try Self.logoNames(Samples.request("convention-cadre"))
        let expected = [Self.hospital, Self.association, Self.landlord1, "Logo : Logis Messin Exemple (fictif)", "Logo : SIAO de la Moselle"]
        #expect(names["odt"] == expected)
        #expect(names["docx"] == expected)
        #expect(names["html"] == expected)
    }

    @Test(arguments: [
        ("sous-location", "MJ-2019-004", nil as Audience?, [association]),
        ("bail-principal", "MJ-2019-004", nil, [landlord1]),
        ("convention-tripartite", "MJ-2019-004", nil, [association, landlord1]),
        ("courrier-prefet", "MJ-2019-002", nil, [landlord1]),
        ("evaluation-finale", "MJ-2019-002", .bailleur, [association]),
        ("sous-location-facile", "MJ-2019-004", nil, [association]),
    ])
    func eachDocumentCarriesItsIssuersLogo(document: String, dossier: String, audience: Audience?, expected: [String]) throws {
        let names = try Self.logoNames(Samples.request(document, dossier: dossier, audience: audience))
        for format in ["odt", "docx", "html"] {
            #expect(names[format] == expected, "\(document) \(format)")
            #expect(!(names[format] ?? []).contains(Self.hospital), "\(document) \(format): the hospital's logo tells the landlord what the support is")
        }
    }

    @Test func theManifestRecordsTheLogosAndTheirHashes() throws {
        let produced = try Samples.generator.generate(Samples.request("convention-tripartite", dossier: "MJ-2019-004"))
        let manifest = try produced.output(as: .docx, draft: false).manifest
        let logos = try #require(manifest.papier_en_tete)
        #expect(logos.map(\.partie) == ["association", "bailleur-exemple-1"])
        let svg = try Data(contentsOf: Samples.conventionFolder.appendingPathComponent("logos/association.svg"))
        let png = try Data(contentsOf: Samples.conventionFolder.appendingPathComponent("logos/association.png"))
        #expect(logos[0].sha256 == CanonicalData.sha256(of: svg) + "+" + CanonicalData.sha256(of: png))
    }

    @Test func aConventionWithoutLogosGivesDocumentsWithoutLetterhead() throws {
        // The files of the original data format (../shared/exemples) name no logo.
        let names = try Self.logoNames(GenerationRequest(document: "convention-cadre", conventionPath: SubleaseSignableTests.shared.appendingPathComponent("convention-metz-jury-2018.yaml").path, draft: true,
                                                         today: Samples.today))
        #expect(names["odt"] == [] && names["docx"] == [] && names["html"] == [])
    }

    /// A copy of the demo convention and its logos in a temporary folder, edited by `edit`.
    static func conventionCopy(_ edit: (String) -> String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trame-letterhead-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Samples.conventionFolder.appendingPathComponent("logos"), to: folder.appendingPathComponent("logos"))
        let text = try String(contentsOfFile: Samples.convention, encoding: .utf8)
        let file = folder.appendingPathComponent("convention-metz-jury-2018.yaml")
        try edit(text).write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func aMissingLogoIsALocatedErrorAtCheckTime() throws {
        let file = try Self.conventionCopy { $0.replacingOccurrences(of: "logo: logos/association.svg", with: "logo: logos/absent.png") }
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let loaded = ModelLoader.read(path: file.path)
        let error = try #require(loaded.diagnostics.first { $0.code == .logoIntrouvable })
        #expect(error.path?.description == "parties[1].logo")
        let line = try #require(error.location?.line)
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[line - 1].contains("logos/absent.png"))
        #expect(error.message.contains("logo introuvable"))
        // And generation refuses, never a document without its letterhead.
        #expect(throws: Diagnostics.self) {
            try Samples.generator.generate(GenerationRequest(document: "convention-cadre", conventionPath: file.path, today: Samples.today))
        }
    }

    @Test func anSVGWithoutItsPNGAndAPathOutsideTheFolderAreRefused() throws {
        let file = try Self.conventionCopy {
            $0.replacingOccurrences(of: "logo: logos/siao.svg", with: "logo: ../siao.svg")
        }
        let folder = file.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("logos/association.png"))
        let codes = ModelLoader.read(path: file.path).diagnostics.filter { $0.severity == .error }.map { "\($0.code) \($0.path?.description ?? "")" }
        #expect(codes.contains("LOGO_INTROUVABLE parties[1].logo"))
        #expect(codes.contains("LOGO_INVALIDE parties[4].logo"))
    }

    @Test func aFileThatIsNotAPictureIsRefusedWhereItBecomesOne() throws {
        let file = try Self.conventionCopy { $0 }
        let folder = file.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("pas une image".utf8).write(to: folder.appendingPathComponent("logos/association.svg"))
        do {
            _ = try Samples.generator.generate(GenerationRequest(document: "convention-cadre", conventionPath: file.path, today: Samples.today))
            Issue.record("a convention whose logo is not a picture was accepted")
        } catch {
            let logo = try #require(error.diagnostics.first { $0.code == .logoInvalide })
            #expect(logo.path?.description == "parties[1].logo")
            #expect(logo.location != nil)
        }
    }
}
