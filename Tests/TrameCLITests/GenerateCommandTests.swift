import Foundation
import Testing
import TrameTestSupport

@Suite("trame generate, end to end", .serialized)
struct GenerateCommandTests {
    static let bundle = TrameProcess.repository.appendingPathComponent("Conventions/metz-jury-2018")
    static let dossiers = ["MJ-2019-002", "MJ-2019-004", "MJ-2019-011"]

    static func dossier(_ id: String) -> String { bundle.appendingPathComponent("dossier-\(id).yaml").path }

    static func sha(_ url: URL) throws -> Data { try Data(contentsOf: url) }

    @Test func subleaseForEverySampleValidatesAndSaysTheRightThings() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var files: [URL] = []
        for id in Self.dossiers {
            for format in DocumentTexts.formats {
                let r = try TrameProcess.run(["generate", "sous-location", "--dossier", Self.dossier(id), "--format", format, "--output", dir.path + "/"])
                #expect(r.status == 0, "\(r.stderr)")
                let file = dir.appendingPathComponent("sous-location-\(id).\(format)")
                // The document, then (art. « Congé, résiliation ») its sheet of notes for counsel, never inside it.
                let lines = r.stdout.split(separator: "\n").map(String.init)
                #expect(lines.first == "écrit : \(file.path)")
                #expect(lines.dropFirst().allSatisfy { $0.contains("notes-redaction") }, "\(r.stdout)")
                files.append(file)
            }
        }
        try DocumentTexts.validateIfPossible(files)
        let texts = try DocumentTexts.read(files)
        for file in files {
            let text = try #require(texts[file])
            let flat = text.flat
            #expect(flat.contains("Article 1er – Objet"), "\(file.lastPathComponent)")
            DocumentTexts.expectPageNumbers(text, file)
            #expect(!flat.contains("PROJET"))
            #expect(!flat.contains("{{") && !flat.contains("{%") && !flat.contains("[à compléter"))
            switch file.deletingPathExtension().lastPathComponent {
            case "sous-location-MJ-2019-004":
                #expect(flat.contains("Madame Anne-Sophie Lefèvre-N'Diaye, née le 14 mars 1986 à Thionville (Moselle)"))
                #expect(flat.contains("trois cent cinquante et un euros et vingt centimes (351,20 €)"))
                #expect(flat.contains("assistée de son curateur"))
                #expect(flat.contains("le 1er avril 2019"))
                #expect(!flat.contains("inventaire"))
            case "sous-location-MJ-2019-011":
                #expect(flat.contains("Monsieur Jean-Baptiste Öztürk, né le 2 novembre 1979"))
                #expect(flat.contains("meublé"))
                #expect(flat.contains("Réfrigérateur avec compartiment congélation"))
                #expect(!flat.contains("curateur"))
            default:
                #expect(flat.contains("Monsieur Rui Da Silva, né le 23 juillet 1991"))
                #expect(flat.contains("deux cent soixante-dix-neuf euros et quatre-vingt-dix centimes (279,90 €)"))
            }
        }
    }

    @Test func htmlAndRepeatedRunsAreByteIdentical() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for format in ["odt", "docx", "html"] {
            let a = dir.appendingPathComponent("a.\(format)")
            let b = dir.appendingPathComponent("b.\(format)")
            #expect(try TrameProcess.run(["generate", "sous-location", "--dossier", Self.dossier("MJ-2019-004"), "--format", format, "--output", a.path]).status == 0)
            #expect(try TrameProcess.run(["generate", "sous-location", "--dossier", Self.dossier("MJ-2019-004"), "--format", format, "--output", b.path],
                                         environment: ["TZ": "Pacific/Kiritimati", "LANG": "C"]).status == 0)
            #expect(try Data(contentsOf: a) == Data(contentsOf: b), "\(format) differs between runs")
        }
        let html = try String(contentsOf: dir.appendingPathComponent("a.html"), encoding: .utf8)
        #expect(html.contains("Lefèvre-N&#39;Diaye") || html.contains("Lefèvre-N'Diaye"))
        #expect(html.contains("<html lang=\"fr-FR\""))
    }

    /// A convention without the association's address: the sublease needs it.
    func incompleteCase() throws -> URL {
        let dir = try TrameProcess.temporaryDirectory()
        let convention = try String(contentsOf: Self.bundle.appendingPathComponent("convention-metz-jury-2018.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "    adresse: 3 place de l'Exemple, 57000 Metz\n", with: "")
        try convention.write(to: dir.appendingPathComponent("convention-metz-jury-2018.yaml"), atomically: true, encoding: .utf8)
        try TrameProcess.copyConventionFiles(to: dir)
        try FileManager.default.copyItem(atPath: Self.dossier("MJ-2019-004"), toPath: dir.appendingPathComponent("dossier.yaml").path)
        return dir
    }

    @Test func missingValueRefusesAFinalDocumentAndWritesNothing() throws {
        let dir = try incompleteCase()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try TrameProcess.run(["generate", "sous-location", "--dossier", "dossier.yaml", "--format", "docx"], in: dir)
        #expect(r.status == 65)
        #expect(r.stderr.contains("erreur [VALEUR_MANQUANTE]"))
        #expect(r.stderr.contains("association.adresse"))
        #expect(r.stderr.contains("clauses/parties.v1.trame:"), "the template location is given")
        #expect(r.stderr.contains("--draft"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["convention-metz-jury-2018.yaml", "dossier.yaml", "logos"])
    }

    /// The mark is in the running header (ODT master page, DOCX default header, HTML draft mark), so
    /// it is on every page whatever the pagination.
    @Test func draftShowsPlaceholdersAndProjetOnEveryPage() throws {
        let dir = try incompleteCase()
        defer { try? FileManager.default.removeItem(at: dir) }
        var files: [URL] = []
        for format in DocumentTexts.formats {
            let r = try TrameProcess.run(["generate", "sous-location", "--dossier", "dossier.yaml", "--format", format, "--draft",
                                          "--output", "projet.\(format)"], in: dir)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stderr.contains("à compléter : association.adresse"))
            files.append(dir.appendingPathComponent("projet.\(format)"))
        }
        try DocumentTexts.validateIfPossible(files)
        for (file, text) in try DocumentTexts.read(files) {
            #expect(text.flat.contains("[à compléter : adresse de l'Association Accès Logement Lorraine (fictif)]"), "\(file.lastPathComponent)")
            #expect(text.headerText.contains("PROJET"), "\(file.lastPathComponent): header « \(text.headerText) »")
        }
        let docx = try DocumentText.unzip(Data(contentsOf: dir.appendingPathComponent("projet.docx")))
        let body = String(decoding: try #require(docx["word/document.xml"]), as: UTF8.self)
        #expect(body.contains(#"<w:headerReference w:type="default""#), "the header applies to every page")
        #expect(!body.contains(#"w:type="first""#) && !body.contains("<w:titlePg"), "no other first-page header")
    }

    @Test func existingFileIsKeptWhenGenerationFails() throws {
        let dir = try incompleteCase()
        defer { try? FileManager.default.removeItem(at: dir) }
        let previous = Data("ancien contenu".utf8)
        try previous.write(to: dir.appendingPathComponent("contrat.odt"))
        let r = try TrameProcess.run(["generate", "sous-location", "--dossier", "dossier.yaml", "--output", "contrat.odt"], in: dir)
        #expect(r.status == 65)
        #expect(try Data(contentsOf: dir.appendingPathComponent("contrat.odt")) == previous)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".tmp") }.isEmpty)
    }

    @Test func badDataIsRefusedWithLocatedDiagnostics() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try String(contentsOfFile: Self.dossier("MJ-2019-004"), encoding: .utf8).replacingOccurrences(of: "  etage: 2", with: "  etage: deux")
        try text.write(to: dir.appendingPathComponent("dossier.yaml"), atomically: true, encoding: .utf8)
        let r = try TrameProcess.run(["generate", "sous-location", "--dossier", "dossier.yaml"], in: dir)
        #expect(r.status == 65)
        #expect(r.stderr.contains("dossier.yaml:44:10: erreur [TYPE] logement.etage"))
        #expect(r.stderr.contains("      etage: deux"))
    }

    @Test func unknownDocumentMissingFileAndUsage() throws {
        let unknown = try TrameProcess.run(["generate", "sous-locaton", "--dossier", Self.dossier("MJ-2019-004")])
        #expect(unknown.status == 64, "un document inconnu est une erreur d'utilisation")
        #expect(unknown.stderr.contains("vouliez-vous dire « sous-location » ?"))
        #expect(try TrameProcess.run(["generate", "sous-location", "--dossier", "absent.yaml"]).status == 66)
        #expect(try TrameProcess.run(["generate", "sous-location"]).status == 64)
        #expect(try TrameProcess.run(["generate", "sous-location", "--dossier", Self.dossier("MJ-2019-004"), "--format", "rtf"]).status == 64)
    }

    @Test func pdfWithoutLibreOfficeSaysSo() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try TrameProcess.run(["generate", "sous-location", "--dossier", Self.dossier("MJ-2019-004"), "--format", "pdf"],
                                     in: dir, environment: ["PATH": "/nonexistent"])
        #expect(r.status == 69)
        #expect(r.stderr.contains("LibreOffice (soffice) est introuvable"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test(.requires(.libreOffice))
    func pdfThroughLibreOffice() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try TrameProcess.run(["generate", "sous-location", "--dossier", Self.dossier("MJ-2019-011"), "--format", "pdf"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let pdf = try Data(contentsOf: dir.appendingPathComponent("sous-location-MJ-2019-011.pdf"))
        #expect(pdf.starts(with: Array("%PDF".utf8)))
    }
}
