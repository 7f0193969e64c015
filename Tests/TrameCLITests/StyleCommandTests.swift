import Foundation
import Testing

@Suite("trame style, end to end")
struct StyleCommandTests {
    let bundle = TrameProcess.repository.appendingPathComponent("Conventions/metz-jury-2018")
    var conventionFile: String { bundle.appendingPathComponent("convention-metz-jury-2018.yaml").path }

    static let dejaVu = "polices:\n  corps:\n    famille: DejaVu Serif\npage:\n  marges: {haut: 25 mm, bas: 25 mm, gauche: 25 mm, droite: 25 mm}\n"

    /// A reference DOCX made by Trame itself in another font and with 25 mm margins.
    func reference(in dir: URL) throws -> URL {
        try Data(Self.dejaVu.utf8).write(to: dir.appendingPathComponent("maison.yaml"))
        let docx = dir.appendingPathComponent("reference.docx")
        let r = try TrameProcess.run(["generate", "convention-cadre", "--convention", conventionFile, "--format", "docx",
                                      "--output", docx.path, "--style", dir.appendingPathComponent("maison.yaml").path])
        try #require(r.status == 0, "\(r.stderr)")
        return docx
    }

    @Test func importWritesTheStyleAndNeverReplacesWithoutForce() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let docx = try reference(in: dir)
        let style = dir.appendingPathComponent("style.yaml")
        let r = try TrameProcess.run(["style", "import", docx.path, "--output", style.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("écrit : \(style.path)"))
        let text = try String(contentsOf: style, encoding: .utf8)
        #expect(text.contains("famille: \"DejaVu Serif\""))
        #expect(text.contains("haut: 25 mm"))

        try Data("nom: à moi\n".utf8).write(to: style)
        let again = try TrameProcess.run(["style", "import", docx.path, "--output", style.path])
        #expect(again.status == 65)
        #expect(again.stderr.contains("[FICHIER_EXISTANT]"), "\(again.stderr)")
        #expect(try String(contentsOf: style, encoding: .utf8) == "nom: à moi\n")
        let forced = try TrameProcess.run(["style", "import", docx.path, "--output", style.path, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOf: style, encoding: .utf8) == text)
    }

    @Test func importRefusesWhatIsNotADocumentAndWritesNothing() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let notes = dir.appendingPathComponent("notes.docx")
        try Data("pas un document".utf8).write(to: notes)
        let r = try TrameProcess.run(["style", "import", notes.path, "--output", dir.appendingPathComponent("style.yaml").path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("[REFERENCE_ILLISIBLE]"), "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["notes.docx"])
    }

    @Test func showSaysEachValueAndWhereItComesFrom() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let style = dir.appendingPathComponent("style.yaml")
        try Data(Self.dejaVu.utf8).write(to: style)
        let text = try TrameProcess.run(["style", "show", "--style", style.path])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("page.marges.haut"))
        #expect(text.stdout.contains("25 mm  (--style, \(style.path):5)"), "\(text.stdout)")
        #expect(text.stdout.contains("9 pt  (défaut de Trame)"))
        let json = try TrameProcess.run(["style", "show", "--style", style.path, "--json"])
        #expect(json.status == 0)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let values = try #require(root["valeurs"] as? [[String: Any]])
        let margin = try #require(values.first { $0["cle"] as? String == "page.marges.haut" })
        #expect(margin["valeur"] as? String == "25 mm")
        #expect(margin["origine"] as? String == "option")
        #expect(margin["ligne"] as? Int == 5)
        #expect(values.first { $0["cle"] as? String == "tailles.notes" }?["origine"] as? String == "defaut")
    }

    /// A copy of the demo convention naming `style`.
    func convention(in dir: URL, style: String) throws -> URL {
        var text = try String(contentsOfFile: conventionFile, encoding: .utf8)
        text = text.replacingOccurrences(of: "\nterritoire:", with: "\nstyle: \(style)\nterritoire:")
        let copy = dir.appendingPathComponent("convention-metz-jury-2018.yaml")
        try Data(text.utf8).write(to: copy)
        let logos = bundle.appendingPathComponent("logos")
        if FileManager.default.fileExists(atPath: logos.path) {
            try FileManager.default.copyItem(at: logos, to: dir.appendingPathComponent("logos"))
        }
        return copy
    }

    @Test func checkReportsTheConventionsStyleFileWithLocatedErrors() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let copy = try convention(in: dir, style: "style.yaml")
        try Data("polices:\n  corps:\n    familles: DejaVu Serif\npage:\n  marges:\n    haut: 25\n".utf8).write(to: dir.appendingPathComponent("style.yaml"))
        let r = try TrameProcess.run(["check", copy.path])
        #expect(r.status == 65)
        let style = dir.appendingPathComponent("style.yaml").path
        #expect(r.stdout.contains("\(style):3:5: erreur [CLE_INCONNUE] polices.corps.familles : clé inconnue « familles » ; vouliez-vous dire « famille » ?"), "\(r.stdout)")
        #expect(r.stdout.contains("\(style):6:11: erreur [LONGUEUR_INVALIDE] page.marges.haut"), "\(r.stdout)")
        let json = try TrameProcess.run(["check", copy.path, "--json"])
        #expect(json.stdout.contains("\"type\": \"style\""), "\(json.stdout)")

        let missing = try convention(in: try TrameProcess.temporaryDirectory(), style: "absent.yaml")
        defer { try? FileManager.default.removeItem(at: missing.deletingLastPathComponent()) }
        let m = try TrameProcess.run(["check", missing.path])
        #expect(m.status == 65)
        #expect(m.stdout.contains("erreur [STYLE_INTROUVABLE] style : fichier de style introuvable : « absent.yaml »"), "\(m.stdout)")
        let generated = try TrameProcess.run(["generate", "convention-cadre", "--convention", missing.path, "--format", "odt",
                                              "--output", missing.deletingLastPathComponent().appendingPathComponent("x.odt").path])
        #expect(generated.status == 65)
        #expect(generated.stderr.contains("[STYLE_INTROUVABLE]"), "\(generated.stderr)")
    }

    @Test func helpIsInFrench() throws {
        let r = try TrameProcess.run(["style", "--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("SOUS-COMMANDES"))
        #expect(r.stdout.contains("import"))
        #expect(r.stdout.contains("show"))
    }
}
