import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TrameAccounts
import TrameArchive
import TrameModel
import TrameWeb

/// The holes of issue 16, each with its regression test.
@Suite struct ClosedHolesTests {
    static let evaluation = "/dossiers/MJ-2019-004/documents/evaluation?date=2019-09-26"
    static let signAction = "/dossiers/MJ-2019-004/documents/evaluation/signe?date=2019-09-26"

    static func pdf(_ tag: String) -> Data { DocumentTests.pdf + Data("% \(tag)\n".utf8) }

    /// A landlord's signed copy never supersedes the care team's scan, and a landlord cannot file
    /// a version for an audience it may not receive — without learning that the care scan exists.
    @Test func versionsOfOneAudienceNeverSupersedeAnothers() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let care = try test.session("soin"), landlord = try test.session("bailleur1")
        let fields: [(String, String)] = [("signe_le", "2019-09-27"), ("signataires", "Claire Exemple")]
        try await test.withApp { client in
            let careScan = try await client.postFile(Self.signAction, care, fields: fields + [("destinataire", "soin")],
                                                     file: ("fichier", "soin.pdf", Self.pdf("soin")))
            #expect(careScan.status == .seeOther)
            let asCare = try await client.postFile(Self.signAction, landlord, fields: fields + [("destinataire", "soin")],
                                                   file: ("fichier", "x.pdf", Self.pdf("pirate")))
            #expect(asCare.status == .forbidden)
            #expect(!asCare.text.contains("v1") && !asCare.text.contains("soin.pdf"))
            let sameBytes = try await client.postFile(Self.signAction, landlord, fields: fields + [("destinataire", "bailleur")],
                                                      file: ("fichier", "copie.pdf", Self.pdf("soin")))
            #expect(sameBytes.status == .unprocessableContent)
            #expect(!sameBytes.text.contains("MJ-2019-004/evaluation/2019-09-26/v1"), "the care scan's reference is never shown")
            let own = try await client.postFile(Self.signAction, landlord, fields: fields + [("destinataire", "bailleur")],
                                                file: ("fichier", "bailleur.pdf", Self.pdf("bailleur")))
            #expect(own.status == .seeOther, "the landlord's copy needs no reason: it replaces nothing")
        }
        let workspace = try test.workspace()
        let versions = try workspace.signedVersions(ownerID: "MJ-2019-004")
        #expect(versions.map(\.audience) == [.soin, .bailleur])
        let careVersion = try #require(versions.first)
        #expect(try workspace.neighbours(of: careVersion).next == nil, "the care scan is still in force")
        #expect(try workspace.neighbours(of: versions[1]).previous == nil)
    }

    @Test func theCarePartIsForTheCareTeamOnly() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let coord = try test.session("coord"), care = try test.session("soin")
        try await test.withApp { client in
            let forCoord = try await client.get("/api/dossiers/MJ-2019-004", coord)
            #expect(forCoord.status == .ok)
            #expect(!forCoord.text.contains("partie_soin"))
            let forCare = try await client.get("/api/dossiers/MJ-2019-004", care)
            #expect(forCare.text.contains("partie_soin"))
            let generate = try await client.post("/dossiers/MJ-2019-004/documents/evaluation/generer?date=2019-09-26", coord,
                                                 [("destinataire", "soin"), ("format", "html")])
            #expect(generate.status == .forbidden)
        }
    }

    @Test func headAnswersLikeGetWithoutABody() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let session = try test.session("asso")
        try await test.withApp { client in
            var headers = HTTPFields()
            headers[.cookie] = "trame_session=\(session.token)"
            let head = try await client.execute(uri: "/dossiers", method: .head, headers: headers)
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
            #expect(try await client.execute(uri: "/sante", method: .head).status == .ok)
            #expect(try await client.execute(uri: "/nulle-part", method: .head).status == .notFound)
        }
    }

    @Test func queryParametersNeverForgeNoticesOrVersions() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let coord = try test.session("coord")
        try await test.withApp { client in
            let fake = try await client.get("/dossiers/MJ-2019-004/documents/bail-principal?genere=../../x", coord)
            #expect(fake.status == .ok)
            #expect(!fake.text.contains("Document généré et enregistré"))
            #expect(!fake.text.contains("telecharger"))
            #expect(!fake.text.contains("../../x"))
            let unknown = try await client.get("/dossiers/MJ-2019-004/documents/bail-principal?genere=" + String(repeating: "a", count: 64), coord)
            #expect(!unknown.text.contains("Document généré et enregistré"))
            let version = try await client.get("/dossiers/MJ-2019-011/export?version=abc", coord)
            #expect(version.status == .notFound)
            #expect(try await client.get("/dossiers/MJ-2019-011/export?version=1", coord).status == .ok)
        }
    }

    @Test func uploadedFileNamesKeepTheirAccents() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let asso = try test.session("asso")
        let long = String(repeating: "é", count: 300) + ".pdf"
        try await test.withApp { client in
            let first = try await client.postFile("/dossiers/MJ-2019-004/documents/sous-location/signe", asso,
                                                  fields: [("signe_le", "2019-04-01"), ("signataires", "Claire Exemple")],
                                                  file: ("fichier", "sous-location signée — Lefèvre.pdf", Self.pdf("accents")))
            #expect(first.status == .seeOther)
            let tooLong = try await client.postFile("/dossiers/MJ-2019-004/documents/bail-principal/signe", asso,
                                                    fields: [("signe_le", "2019-04-01"), ("signataires", "Claire Exemple")],
                                                    file: ("fichier", long, Self.pdf("long")))
            #expect(tooLong.status == .seeOther, "a 300-character name is shortened, never a 500")
        }
        let versions = try test.workspace().signedVersions(ownerID: "MJ-2019-004")
        #expect(versions.first { $0.documentKind == .sousLocation }?.originalName == "sous-location signée — Lefèvre.pdf")
        let shortened = try #require(versions.first { $0.documentKind == .bailPrincipal }?.originalName)
        #expect(shortened.hasSuffix(".pdf") && shortened.hasPrefix("éé") && shortened.utf8.count <= 120)
    }

    @Test func theWorkspaceIsPrivateWhateverTheUmask() async throws {
        let previous = umask(0o022)
        defer { umask(previous) }
        let test = try TestWorkspace()
        defer { test.remove() }
        let asso = try test.session("asso")
        try await test.withApp { client in
            let generated = try await client.post("/dossiers/MJ-2019-004/documents/sous-location/generer", asso,
                                                  [("destinataire", "sous-locataire"), ("format", "html")])
            #expect(generated.status == .seeOther)
        }
        func mode(_ path: String) throws -> Int {
            try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
        }
        #expect(try mode(test.directory.path) == 0o700)
        let walker = try #require(FileManager.default.enumerator(atPath: test.directory.path))
        var checked = 0
        for case let relative as String in walker {
            let path = test.directory.appendingPathComponent(relative).path
            let m = try mode(path)
            #expect(m & 0o077 == 0, "\(relative) is \(String(m, radix: 8))")
            checked += 1
        }
        #expect(checked > 5)
    }
}
