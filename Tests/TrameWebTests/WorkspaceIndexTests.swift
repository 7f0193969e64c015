import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import TrameAccounts
import TrameArchive
import TrameModel
@testable import TrameWeb

/// The web application's view of what is current (`WorkspaceIndex`, issue 16): one shared snapshot,
/// brought up to date with the versions added since — by the server or by `trame` in another process —
/// and always the same as reading the whole table again.
@Suite struct WorkspaceIndexTests {
    /// What a snapshot says: each dossier's current version and fingerprint, and its number of versions.
    static func summary(_ snapshot: IndexSnapshot) -> [String] {
        snapshot.dossiers.map { "\($0.id) v\($0.version.version) \($0.version.sha256) n\(snapshot.versionCounts[$0.id] ?? 0) \($0.hasErrors)" }
    }

    static func edited(_ data: Data, _ marker: String) -> Data {
        Data((String(decoding: data, as: UTF8.self) + "\n# \(marker)\n").utf8)
    }

    @Test func anUpdatedSnapshotIsTheOneReadInFull() throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let index = WorkspaceIndex(), cache = CheckedCache()
        let server = try Workspace.open(at: test.directory, actor: "web:test")
        let first = try index.snapshot(of: server, cache: cache)
        #expect(first.dossiers.map(\.id) == ["MJ-2019-002", "MJ-2019-004", "MJ-2019-011"])
        // Nothing changed: the same snapshot, not read again.
        #expect(try index.snapshot(of: server, cache: cache) === first)

        // Another process (the CLI) adds versions of two dossiers and a new dossier.
        let cli = try test.workspace()
        let (_, v004) = try cli.recordContent(.dossier, id: "MJ-2019-004")
        _ = try cli.addRecord(data: Self.edited(v004, "a"), fileName: "dossier-MJ-2019-004.yaml")
        _ = try cli.addRecord(data: Self.edited(v004, "b"), fileName: "dossier-MJ-2019-004.yaml")
        let (_, v002) = try cli.recordContent(.dossier, id: "MJ-2019-002")
        _ = try cli.addRecord(data: Self.edited(v002, "c"), fileName: "dossier-MJ-2019-002.yaml")
        let copy = String(decoding: v002, as: UTF8.self).replacingOccurrences(of: "MJ-2019-002", with: "MJ-2019-001")
        _ = try cli.addRecord(data: Data(copy.utf8), fileName: "dossier-MJ-2019-001.yaml")

        let updated = try index.snapshot(of: server, cache: cache)
        let full = try IndexSnapshot(workspace: server, changes: try server.changes(), cache: CheckedCache())
        #expect(updated !== first)
        #expect(Self.summary(updated) == Self.summary(full))
        #expect(updated.dossiers.map(\.id) == ["MJ-2019-001", "MJ-2019-002", "MJ-2019-004", "MJ-2019-011"])
        #expect(updated.dossier("MJ-2019-004")?.version.version == 3)
        #expect(updated.versionCounts["MJ-2019-004"] == 3)
        #expect(updated.changes == (try server.changes()))
        // Unchanged dossiers keep their version.
        #expect(updated.dossier("MJ-2019-011")?.version.sha256 == first.dossier("MJ-2019-011")?.version.sha256)

        // Back to the bytes of an earlier version: a new version number, the same fingerprint.
        _ = try cli.addRecord(data: v004, fileName: "dossier-MJ-2019-004.yaml")
        let back = try index.snapshot(of: server, cache: cache)
        #expect(back.dossier("MJ-2019-004")?.version.version == 4)
        #expect(back.dossier("MJ-2019-004")?.version.sha256 == first.dossier("MJ-2019-004")?.version.sha256)
        #expect(Self.summary(back) == Self.summary(try IndexSnapshot(workspace: server, changes: try server.changes(), cache: CheckedCache())))
    }

    /// A new convention version is read in full (every dossier is checked against it again).
    @Test func aNewConventionVersionReadsEverythingAgain() throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let index = WorkspaceIndex(), cache = CheckedCache()
        let server = try Workspace.open(at: test.directory, actor: "web:test")
        let first = try index.snapshot(of: server, cache: cache)
        let cli = try test.workspace()
        let (_, convention) = try cli.recordContent(.convention, id: "metz-jury-2018")
        let file = TestWorkspace.examples.appendingPathComponent("convention-metz-jury-2018.yaml")
        var attachments: [String: Data] = [:]
        for reference in ConventionAttachments.references(in: try #require(ModelLoader.read(path: file.path).root)) {
            attachments[reference.name] = try Data(contentsOf: ConventionAttachments.url(reference.name, conventionFile: file.path))
        }
        _ = try cli.addRecord(data: Self.edited(convention, "nouvelle version"), fileName: "convention-metz-jury-2018.yaml",
                              attachments: attachments)
        let updated = try index.snapshot(of: server, cache: cache)
        #expect(updated.conventionsKey != first.conventionsKey)
        #expect(Self.summary(updated) == Self.summary(try IndexSnapshot(workspace: server, changes: try server.changes(), cache: CheckedCache())))
    }

    /// Every cached page follows a version recorded by another process (here the archive, as the
    /// CLI does) at the next request: the dossier page, its JSON, the list and a search.
    @Test func cachedPagesFollowAVersionRecordedElsewhere() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let coord = try test.session("coord")
        try await test.withApp { client in
            let page = "/dossiers/MJ-2019-004", api = "/api/dossiers/MJ-2019-004", search = "/dossiers?q=Zebulon"
            for path in [page, api, "/dossiers", search] { _ = try await client.get(path, coord) }  // now cached
            #expect(try await client.get(search, coord).text.contains("Aucun dossier"))
            let cli = try test.workspace()
            let (_, v1) = try cli.recordContent(.dossier, id: "MJ-2019-004")
            let source = String(decoding: v1, as: UTF8.self)
            let name = try #require(source.firstMatch(of: /\n  prenom: ([^\n]+)/)?.1)
            _ = try cli.addRecord(data: Data(source.replacingOccurrences(of: "  prenom: \(name)", with: "  prenom: Zebulon").utf8),
                                  fileName: "dossier-MJ-2019-004.yaml")
            #expect(try await client.get(page, coord).text.contains("Zebulon"))
            let json = try await client.get(api, coord).text
            #expect(json.contains("\"version\":2") && json.contains("Zebulon"))
            #expect(try await client.get("/dossiers", coord).text.contains("Zebulon"))
            let found = try await client.get(search, coord).text
            #expect(found.contains("1 dossier") && found.contains("MJ-2019-004"))
        }
    }

    /// A dossier whose current file was altered on disk is named as such (run « trame archive
    /// verify »), not « introuvable »; its earlier versions stay readable.
    @Test func aDamagedCurrentFileIsReportedNotHidden() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let coord = try test.session("coord")
        let cli = try test.workspace()
        let (_, v1) = try cli.recordContent(.dossier, id: "MJ-2019-004")
        let v2 = try cli.addRecord(data: Self.edited(v1, "v2"), fileName: "dossier-MJ-2019-004.yaml").version
        let file = cli.storedFileURL(sha256: v2.sha256)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        try Data("altéré".utf8).write(to: file)
        try await test.withApp { client in
            let page = try await client.get("/dossiers/MJ-2019-004", coord)
            #expect(page.status != .notFound)
            #expect(FormScraper.unescape(page.text).contains("ne correspond plus à son empreinte"))
            // (The care team's role may have the whole file.)
            #expect(try await client.get("/dossiers/MJ-2019-004/export?version=1", try test.session("soin")).status == .ok)
            // The other dossiers are listed as before.
            #expect(try await client.get("/dossiers", coord).text.contains("MJ-2019-011"))
        }
    }

    /// The list's cached body holds a marker for the session's form token: a search for the
    /// marker's text never puts the token anywhere but in the form.
    @Test func aSearchForTheTokenMarkerDoesNotLeakTheToken() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let coord = try test.session("coord")
        try await test.withApp { client in
            let marker = DossierListRoutes.csrfMarker.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            let page = try await client.get("/dossiers?q=\(marker)", coord).text
            let hidden = "name=\"_csrf\" value=\"\(coord.csrfToken)\""
            #expect(page.components(separatedBy: coord.csrfToken).count - 1 == page.components(separatedBy: hidden).count - 1)
            #expect(!page.contains(DossierListRoutes.csrfMarker))
        }
    }
}
