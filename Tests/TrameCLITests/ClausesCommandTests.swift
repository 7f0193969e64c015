import Foundation
import Testing
import TrameTestSupport

@Suite("trame clauses, manifests, regenerate, impact — end to end", .serialized)
struct ClausesCommandTests {
    static let bundle = TrameProcess.repository.appendingPathComponent("Conventions/metz-jury-2018")
    static func dossier(_ id: String) -> String { bundle.appendingPathComponent("dossier-\(id).yaml").path }

    func listing(_ id: String) throws -> [[String: Any]] {
        let r = try TrameProcess.run(["clauses", "sous-location", "--dossier", Self.dossier(id), "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        return try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
    }

    func included(_ rows: [[String: Any]], _ id: String) -> Bool? {
        rows.first { $0["id"] as? String == id }?["inclus"] as? Bool
    }

    @Test func clausesFollowEachSampleDossier() throws {
        let (a, b, c) = (try listing("MJ-2019-002"), try listing("MJ-2019-004"), try listing("MJ-2019-011"))
        // Furnished-letting clauses only for the furnished flat.
        #expect(included(a, "sous-location.meuble") == false)
        #expect(included(b, "sous-location.meuble") == false)
        #expect(included(c, "sous-location.meuble") == true)
        // Protection-measure clauses only for the two persons under a measure.
        #expect(included(a, "commun.mesure-protection") == true)
        #expect(included(b, "commun.mesure-protection") == true)
        #expect(included(c, "commun.mesure-protection") == false)
        // Tripartite references only where convention_tripartite is true.
        #expect(included(a, "sous-location.convention-tripartite") == true)
        #expect(included(b, "sous-location.convention-tripartite") == true)
        #expect(included(c, "sous-location.convention-tripartite") == false)
        // Every row has exactly these keys, and the reasons quote the values.
        for row in a + b + c {
            #expect(Set(row.keys) == ["id", "version", "inclus", "raison", "en_vigueur", "jusqu_au", "source", "choix"])
        }
        // The period that chose each version (issue 12): MJ-2019-004's sublease starts on 1 April 2019.
        let resiliation = try #require(b.first { $0["id"] as? String == "sous-location.resiliation" })
        #expect(resiliation["version"] as? Int == 8 && resiliation["jusqu_au"] as? String == "2022-06-30")
        #expect(resiliation["choix"] as? String == "acte du 1er avril 2019 : version 8 en vigueur du 1er janvier 2018 au 30 juin 2022")
        #expect(c.first { $0["id"] as? String == "sous-location.meuble" }?["raison"] as? String == "logement.meuble = oui")
        #expect(b.first { $0["id"] as? String == "sous-location.meuble" }?["raison"] as? String == "logement.meuble = non")
    }

    @Test func humanOutputIsAnAlignedTable() throws {
        let r = try TrameProcess.run(["clauses", "sous-location", "--dossier", Self.dossier("MJ-2019-011")])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("Document"))
        let column = try #require(lines[0].range(of: "Raison")).lowerBound.utf16Offset(in: lines[0])
        let row = try #require(lines.first { $0.contains("sous-location.meuble") })
        #expect(row.hasSuffix("logement.meuble = oui"))
        #expect(try #require(row.range(of: "logement.meuble = oui")).lowerBound.utf16Offset(in: row) == column)
    }

    @Test func wholeSetOfADossierListsEachPiece() throws {
        let r = try TrameProcess.run(["clauses", "--dossier", Self.dossier("MJ-2019-011"), "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        let documents = Set(rows.compactMap { $0["document"] as? String })
        #expect(documents.contains("sous-location"))
        #expect(!documents.contains("convention-tripartite"), "MJ-2019-011 has no tripartite convention")
        #expect(!documents.contains("evaluation-finale"), "MJ-2019-011 has no final evaluation")
    }

    /// The manifest embedded in a file, read back from its metadata.
    func embeddedManifest(_ file: URL) throws -> [String: Any] {
        let text: String
        switch file.pathExtension {
        case "odt": text = try Conformance.run("unzip", ["-p", file.path, "meta.xml"]).output
        case "docx": text = try Conformance.run("unzip", ["-p", file.path, "docProps/custom.xml"]).output
        default: text = try String(contentsOf: file, encoding: .utf8)
        }
        let marker = file.pathExtension == "html" ? "name=\"trame:manifeste\" content=\"" : "trame:manifeste"
        let start = try #require(text.range(of: "{&quot;") ?? text.range(of: "{\""), "no manifest in \(file.lastPathComponent): \(marker)")
        var json = String(text[start.lowerBound...])
        json = String(json[..<(json.range(of: "}<") ?? json.range(of: "}\"") ?? json.range(of: "}\n"))!.lowerBound]) + "}"
        json = json.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&#39;", with: "'")
        return try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], "unparsable: \(json.prefix(200))")
    }

    @Test(.requires(.unzip))
    func manifestIsEmbeddedInEveryFormatAndWrittenBeside() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for format in ["odt", "docx", "html"] {
            let r = try TrameProcess.run(["generate", "sous-location", "--dossier", Self.dossier("MJ-2019-004"), "--format", format, "--output", dir.path + "/"])
            #expect(r.status == 0, "\(r.stderr)")
            let file = dir.appendingPathComponent("sous-location-MJ-2019-004.\(format)")
            let sidecar = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file.path + ".manifest.json"))) as? [String: Any])
            let embedded = try embeddedManifest(file)
            #expect(embedded["document"] as? String == "sous-location")
            #expect(embedded["destinataire"] as? String == "sous-locataire")
            #expect(embedded["projet"] as? Bool == false)
            #expect((embedded["donnees"] as? [String: Any])?["sha256"] as? String == (sidecar["donnees"] as? [String: Any])?["sha256"] as? String)
            #expect((embedded["clauses"] as? [[String: Any]])?.count == (sidecar["clauses"] as? [[String: Any]])?.count)
            #expect(embedded["fichier"] == nil && (sidecar["fichier"] as? [String: Any])?["format"] as? String == format)
            let fileHash = try Conformance.run("sha256sum", [file.path]).output.prefix(64)
            #expect((sidecar["fichier"] as? [String: Any])?["sha256"] as? String == String(fileHash))
            // Never a hash of anything above the audience's clearance: no care field for the sub-tenant's copy.
            let fields = try #require((sidecar["donnees"] as? [String: Any])?["champs"] as? [String: String])
            #expect(fields.keys.contains("sous_location.loyer_mensuel"))
            #expect(!fields.keys.contains { $0.contains("partie_soin") }, "care data hashed in a non-care manifest")
        }
    }

    @Test func regenerateIsByteIdenticalAndReportsChangedData() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let copy = dir.appendingPathComponent("dossier-MJ-2019-004.yaml")
        try FileManager.default.copyItem(atPath: Self.dossier("MJ-2019-004"), toPath: copy.path)
        for format in ["odt", "docx", "html"] {
            #expect(try TrameProcess.run(["generate", "sous-location", "--dossier", copy.path, "--format", format, "--output", dir.path + "/"]).status == 0)
            let manifest = dir.appendingPathComponent("sous-location-MJ-2019-004.\(format).manifest.json").path
            let rebuilt = dir.appendingPathComponent("rebuilt.\(format)")
            let r = try TrameProcess.run(["regenerate", manifest, "--dossier", copy.path, "--output", rebuilt.path])
            #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
            #expect(r.stdout.contains("identique à l'octet près"))
            #expect(try Data(contentsOf: rebuilt) == Data(contentsOf: dir.appendingPathComponent("sous-location-MJ-2019-004.\(format)")))
        }
        let changed = try String(contentsOf: copy, encoding: .utf8).replacingOccurrences(of: "  etage: 2", with: "  etage: 3")
        try changed.write(to: copy, atomically: true, encoding: .utf8)
        let r = try TrameProcess.run(["regenerate", dir.appendingPathComponent("sous-location-MJ-2019-004.odt.manifest.json").path, "--dossier", copy.path])
        #expect(r.status == 65)
        #expect(r.stdout.contains("modifié : logement.etage"))
        #expect(!r.stdout.split(separator: "\n").contains { $0.contains("etage") && $0.contains("3") }, "values are never shown, only paths")
    }

    /// A copy of the repository's resources whose Templates can be changed.
    func resourcesCopy() throws -> URL {
        let dir = try TrameProcess.temporaryDirectory()
        try FileManager.default.copyItem(at: TrameProcess.repository.appendingPathComponent("Templates"), to: dir.appendingPathComponent("Templates"))
        try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent("Conventions"), withDestinationURL: Self.bundle.deletingLastPathComponent())
        return dir
    }

    @Test func olderDocumentsKeepTheirVersionAndImpactFindsThem() throws {
        let resources = try resourcesCopy()
        defer { try? FileManager.default.removeItem(at: resources) }
        let env = ["TRAME_RESOURCES": resources.path]
        let out = resources.appendingPathComponent("sortie")
        // Before the new version: both households get version 1.
        for id in ["MJ-2019-002", "MJ-2019-004"] {
            #expect(try TrameProcess.run(["generate", "sous-location", "--dossier", Self.dossier(id), "--output", out.path + "/v1-" + id + ".odt"], environment: env).status == 0)
        }
        // Version 2 of the deposit clause, in force from 2019-03-15.
        let clauses = resources.appendingPathComponent("Templates/sous-location/clauses")
        let v1 = try String(contentsOf: clauses.appendingPathComponent("depot-garantie.v1.trame"), encoding: .utf8)
        let v2 = v1.replacingOccurrences(of: "version: 1", with: "version: 2").replacingOccurrences(of: "en_vigueur: 2018-01-01", with: "en_vigueur: 2019-03-15")
            .replacingOccurrences(of: "@article Dépôt de garantie", with: "@article Dépôt de garantie\nTexte de la version 2.\n")
        try v2.write(to: clauses.appendingPathComponent("depot-garantie.v2.trame"), atomically: true, encoding: .utf8)
        // The reference date chooses: MJ-2019-002 (2019-03-01) keeps v1, MJ-2019-004 (2019-04-01) takes v2.
        let a = try TrameProcess.run(["clauses", "sous-location", "--dossier", Self.dossier("MJ-2019-002"), "--json"], environment: env)
        let b = try TrameProcess.run(["clauses", "sous-location", "--dossier", Self.dossier("MJ-2019-004"), "--json"], environment: env)
        #expect(a.stdout.contains("\"id\": \"sous-location.depot-garantie\",\n    \"version\": 1,\n    \"inclus\": true,\n    \"raison\""))
        func version(_ output: String) throws -> Int? {
            let rows = try #require(JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]])
            return rows.first { $0["id"] as? String == "sous-location.depot-garantie" }?["version"] as? Int
        }
        #expect(try version(a.stdout) == 1)
        #expect(try version(b.stdout) == 2)
        // Impact: the document of MJ-2019-004 generated before v2 holds v1 and needs an avenant; MJ-2019-002's is still current.
        let impact = try TrameProcess.run(["clauses", "impact", "sous-location.depot-garantie", "--in", out.path, "--json"], environment: env)
        #expect(impact.status == 0, "\(impact.stderr)")
        let hits = try #require(JSONSerialization.jsonObject(with: Data(impact.stdout.utf8)) as? [[String: Any]])
        #expect(Set(hits.compactMap { $0["sujet"] as? String }) == ["MJ-2019-002", "MJ-2019-004"], "both hold v1, older than the latest v2")
        let since = try TrameProcess.run(["clauses", "impact", "sous-location.depot-garantie", "--since", "1", "--in", out.path, "--json"], environment: env)
        #expect(try #require(JSONSerialization.jsonObject(with: Data(since.stdout.utf8)) as? [Any]).isEmpty)
        // Regeneration uses the manifest's version even though v2 exists.
        let r = try TrameProcess.run(["regenerate", out.appendingPathComponent("v1-MJ-2019-004.odt.manifest.json").path, "--dossier", Self.dossier("MJ-2019-004")], environment: env)
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("sous-location.depot-garantie@1"))
        #expect(r.stdout.contains("identique à l'octet près"))
    }

    @Test func impactAlsoSearchesTheArchive() throws {
        let resources = try resourcesCopy()
        defer { try? FileManager.default.removeItem(at: resources) }
        let env = ["TRAME_RESOURCES": resources.path]
        let ws = resources.appendingPathComponent("ws").path
        #expect(try TrameProcess.run(["init", ws], environment: env).status == 0)
        #expect(try TrameProcess.run(["convention", "add", Self.bundle.appendingPathComponent("convention-metz-jury-2018.yaml").path, "--workspace", ws], environment: env).status == 0)
        #expect(try TrameProcess.run(["dossier", "add", Self.dossier("MJ-2019-004"), "--workspace", ws], environment: env).status == 0)
        let g = try TrameProcess.run(["generate", "sous-location", "--dossier", Self.dossier("MJ-2019-004"), "--archive", "--workspace", ws,
                                      "--output", resources.appendingPathComponent("doc.odt").path], environment: env)
        #expect(g.status == 0, "\(g.stderr)")
        #expect(g.stdout.contains("archivé : G1"))
        // The manifest on disk is removed: only the archive knows the document now.
        try FileManager.default.removeItem(at: resources.appendingPathComponent("doc.odt.manifest.json"))
        let clauses = resources.appendingPathComponent("Templates/sous-location/clauses")
        // A clause with one published version (the deposit), given a second one from 2021.
        let v1 = try String(contentsOf: clauses.appendingPathComponent("depot-garantie.v1.trame"), encoding: .utf8)
        try v1.replacingOccurrences(of: "version: 1", with: "version: 2").replacingOccurrences(of: "en_vigueur: 2018-01-01", with: "en_vigueur: 2021-01-01")
            .write(to: clauses.appendingPathComponent("depot-garantie.v2.trame"), atomically: true, encoding: .utf8)
        let r = try TrameProcess.run(["clauses", "impact", "sous-location.depot-garantie", "--archive", "--workspace", ws], environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("version actuelle 2"))
        #expect(r.stdout.contains("MJ-2019-004  sous-location  version 1  archive G1"))
    }

    @Test func unknownClauseInImpact() throws {
        let r = try TrameProcess.run(["clauses", "impact", "sous-location.depot-garanti"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("vouliez-vous dire « sous-location.depot-garantie » ?"))
    }
}
