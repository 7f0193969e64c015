import Foundation
import Testing
import TrameArchive
import TrameModel

/// The files a convention names (partners' logos) are stored with each of its versions and laid
/// out beside it again for generation (issue 14): a letterhead generated from the archive is the
/// one of the version it uses.
@Suite struct ConventionAttachmentTests {
    static let conventionName = "convention-metz-jury-2018.yaml"

    /// The logos the demo convention names, read beside it.
    static func logos() throws -> [String: Data] {
        let file = ArchiveFixtures.bundle.appendingPathComponent(conventionName).path
        let root = try #require(ModelLoader.read(path: file).root)
        var files: [String: Data] = [:]
        for reference in ConventionAttachments.references(in: root) {
            files[reference.name] = try Data(contentsOf: ConventionAttachments.url(reference.name, conventionFile: file))
        }
        return files
    }

    static func emptyWorkspace() throws -> (Workspace, URL) {
        let root = ArchiveFixtures.temporaryDirectory()
        let (workspace, _) = try Workspace.create(at: root.appendingPathComponent("ws"), actor: "test", clock: ArchiveFixtures.clock)
        return (workspace, root)
    }

    @Test func theDemoConventionNamesTenFiles() throws {
        let logos = try Self.logos()
        #expect(logos.count == 10, "five SVG logos and their PNG renderings")
        #expect(logos.keys.contains("logos/association.svg") && logos.keys.contains("logos/association.png"))
    }

    @Test func aConventionIsStoredWithItsLogosAndLaidOutWithThem() throws {
        let (workspace, root) = try Self.emptyWorkspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let logos = try Self.logos()
        let added = try workspace.addRecord(data: ArchiveFixtures.sample(Self.conventionName), fileName: Self.conventionName, attachments: logos)
        #expect(added.isNew && added.version.version == 1)
        #expect(try workspace.recordAttachments(.convention, id: "metz-jury-2018", version: 1).map(\.name) == logos.keys.sorted())

        let (version, url) = try workspace.conventionFile(id: "metz-jury-2018")
        #expect(version.version == 1)
        #expect(url.lastPathComponent == Self.conventionName)
        #expect(try Data(contentsOf: url) == ArchiveFixtures.sample(Self.conventionName))
        for (name, bytes) in logos {
            #expect(try Data(contentsOf: ConventionAttachments.url(name, conventionFile: url.path)) == bytes, "\(name)")
        }
        // The laid-out convention passes the logo check, as the original did beside its logos.
        #expect(ModelLoader.read(path: url.path).diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(try workspace.verify().isClean)
    }

    @Test func aChangedLogoMakesANewVersionAndTheSameFilesDoNot() throws {
        let (workspace, root) = try Self.emptyWorkspace()
        defer { try? FileManager.default.removeItem(at: root) }
        var logos = try Self.logos()
        let data = ArchiveFixtures.sample(Self.conventionName)
        _ = try workspace.addRecord(data: data, fileName: Self.conventionName, attachments: logos)
        let same = try workspace.addRecord(data: data, fileName: Self.conventionName, attachments: logos)
        #expect(!same.isNew)

        logos["logos/association.png"] = try Data(contentsOf: ArchiveFixtures.bundle.appendingPathComponent("logos/siao.png"))
        let changed = try workspace.addRecord(data: data, fileName: Self.conventionName, attachments: logos)
        #expect(changed.isNew && changed.version.version == 2, "only a logo changed: still a new version of the convention")

        // Each version lays out its own logos.
        let first = try workspace.conventionFile(id: "metz-jury-2018", version: 1).url
        let second = try workspace.conventionFile(id: "metz-jury-2018", version: 2).url
        #expect(first != second)
        let png = "logos/association.png"
        #expect(try Data(contentsOf: ConventionAttachments.url(png, conventionFile: first.path)) != Data(contentsOf: ConventionAttachments.url(png, conventionFile: second.path)))
        #expect(try workspace.verify().isClean)
    }

    @Test func aDamagedLayoutIsRebuiltFromTheCheckedObjects() throws {
        let (workspace, root) = try Self.emptyWorkspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let logos = try Self.logos()
        _ = try workspace.addRecord(data: ArchiveFixtures.sample(Self.conventionName), fileName: Self.conventionName, attachments: logos)
        let url = try workspace.conventionFile(id: "metz-jury-2018").url
        let logo = ConventionAttachments.url("logos/ch-jury.svg", conventionFile: url.path)
        try Data("<svg>altéré</svg>".utf8).write(to: logo)
        try FileManager.default.removeItem(at: ConventionAttachments.url("logos/siao.png", conventionFile: url.path))
        let again = try workspace.conventionFile(id: "metz-jury-2018").url
        #expect(try Data(contentsOf: ConventionAttachments.url("logos/ch-jury.svg", conventionFile: again.path)) == logos["logos/ch-jury.svg"])
        #expect(FileManager.default.fileExists(atPath: ConventionAttachments.url("logos/siao.png", conventionFile: again.path).path))
    }

    @Test func aConventionWithoutFilesIsReadInPlace() throws {
        let (workspace, root) = try Self.emptyWorkspace()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try workspace.addRecord(data: ArchiveFixtures.sample(Self.conventionName), fileName: Self.conventionName)
        let laidOut = try workspace.conventionFile(id: "metz-jury-2018").url
        #expect(laidOut == (try workspace.recordFile(.convention, id: "metz-jury-2018").url))
    }

    @Test func namesLeavingTheConventionFolderAndFilesOfADossierAreRefused() throws {
        let (workspace, root) = try Self.emptyWorkspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let outside = try #require(throws: Diagnostic.self) {
            try workspace.addRecord(data: ArchiveFixtures.sample(Self.conventionName), fileName: Self.conventionName,
                                    attachments: ["../../etc/logo.png": Data([0x89, 0x50])])
        }
        #expect(outside.code == .logoInvalide)
        #expect(try workspace.records(.convention).isEmpty, "nothing recorded")
        _ = try workspace.addRecord(data: ArchiveFixtures.sample(Self.conventionName), fileName: Self.conventionName)
        let dossier = try #require(throws: Diagnostic.self) {
            try workspace.addRecord(data: ArchiveFixtures.sample("dossier-MJ-2019-004.yaml"), fileName: "dossier-MJ-2019-004.yaml",
                                    attachments: ["logo.png": Data([0x89, 0x50])])
        }
        #expect(dossier.code == .fichierNonConforme)
    }

    @Test(arguments: ["logos/a.png", "a.svg", "logos/sous-dossier/b.png"])
    func storableNames(name: String) { #expect(ConventionAttachments.isStorable(name)) }

    @Test(arguments: ["", "/etc/passwd", "../a.png", "logos/../../a.png", ".cache/a.png", "logos//a.png", "logos\\a.png", "./a.png"])
    func unstorableNames(name: String) { #expect(!ConventionAttachments.isStorable(name)) }
}
