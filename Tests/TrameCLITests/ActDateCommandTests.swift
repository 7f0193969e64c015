import Foundation
import Testing
import TrameTestSupport

/// `trame generate --as-of`, `trame clauses --as-of` and `trame regenerate` of an act made as of a
/// day: end to end (issue 12, points 2 and 3).
@Suite("Acts as of a date — end to end")
struct ActDateCommandTests {
    static let bundle = TrameProcess.repository.appendingPathComponent("Conventions/metz-jury-2018")
    static func dossier(_ id: String) -> String { bundle.appendingPathComponent("dossier-\(id).yaml").path }

    func text(_ arguments: [String], in dir: URL, name: String) throws -> String {
        let target = dir.appendingPathComponent(name)
        let r = try TrameProcess.run(arguments + ["--format", "txt", "--output", target.path])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        return try String(contentsOf: target, encoding: .utf8).replacingOccurrences(of: "\u{00A0}", with: " ")
    }

    @Test func generateAsOfADayFollowsTheDossierAndTheLawOfThatDay() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let own = try text(["generate", "convention-tripartite", "--dossier", Self.dossier("MJ-2019-002")], in: dir, name: "a.txt")
        #expect(own.contains("qui s'achève le 29 février 2020") && own.contains("au plus tard le 29 décembre 2019"))
        let renewed = try text(["generate", "convention-tripartite", "--dossier", Self.dossier("MJ-2019-002"), "--as-of", "2020-03-01"], in: dir, name: "b.txt")
        #expect(renewed.contains("qui s'achève le 31 août 2020") && renewed.contains("au plus tard le 30 juin 2020"))
        let sublease = try text(["generate", "sous-location", "--dossier", Self.dossier("MJ-2019-004"), "--as-of", "2023-09-01"], in: dir, name: "c.txt")
        #expect(sublease.contains("acte de commissaire de justice") && sublease.contains("six semaines"))
    }

    @Test func clausesAsOfShowsThePeriodThatChoseEachVersion() throws {
        let r = try TrameProcess.run(["clauses", "sous-location", "--dossier", Self.dossier("MJ-2019-004"), "--as-of", "2022-07-01"])
        #expect(r.status == 0, "\(r.stderr)")
        let row = try #require(r.stdout.split(separator: "\n").first { $0.contains("sous-location.resiliation") })
        #expect(row.contains("2022-07-01 → 2023-07-28"))
        #expect(r.stdout.split(separator: "\n").first?.contains("En vigueur") == true)
    }

    @Test func regenerateReproducesAnActMadeAsOfADay() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("tripartite.odt")
        let g = try TrameProcess.run(["generate", "convention-tripartite", "--dossier", Self.dossier("MJ-2019-002"), "--as-of", "2020-03-01",
                                      "--output", file.path])
        #expect(g.status == 0, "\(g.stderr)")
        let sidecar = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("tripartite.odt.manifest.json"))) as? [String: Any])
        #expect(sidecar["date_acte"] as? String == "2020-03-01")
        let r = try TrameProcess.run(["regenerate", dir.appendingPathComponent("tripartite.odt.manifest.json").path,
                                      "--dossier", Self.dossier("MJ-2019-002"), "--output", dir.appendingPathComponent("rebuilt.odt").path])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("identique à l'octet près"))
        #expect(r.stdout.contains("acte du 2020-03-01"))
    }

    @Test func noVersionInForceIsRefusedWithItsCode() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try TrameProcess.run(["generate", "sous-location", "--dossier", Self.dossier("MJ-2019-004"), "--as-of", "2017-01-01", "--draft",
                                      "--output", dir.appendingPathComponent("x.odt").path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("[HORS_VIGUEUR]"))
    }
}
