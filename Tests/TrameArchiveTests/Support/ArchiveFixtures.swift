import Foundation
import TrameArchive
import TrameModel

/// Workspaces filled with the bundled sample convention and dossiers, and small signed files.
enum ArchiveFixtures {
    static let repository: URL = {
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        while url.pathComponents.count > 1 {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("repository root not found from \(#filePath)")
    }()

    static let bundle = repository.appendingPathComponent("Conventions/metz-jury-2018")

    static func sample(_ name: String) -> Data {
        try! Data(contentsOf: bundle.appendingPathComponent(name))
    }

    /// Dossier MJ-2019-002 with an `issue` (the sublease ended on 2020-10-01): purgeable after retention.
    static var endedDossier002: Data {
        let text = String(decoding: sample("dossier-MJ-2019-002.yaml"), as: UTF8.self)
            .replacingOccurrences(of: "\nfinancement:", with: "\nissue: { date: 2020-10-01, nature: glissement }\nfinancement:")
        return Data(text.utf8)
    }

    /// 15 June 2025, noon UTC: "today" for every test.
    static let today = Date(timeIntervalSince1970: 1_749_988_800)
    static let clock: Workspace.Clock = { today }

    /// A fresh temporary directory.
    static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("trame-archive-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A workspace holding the convention and the dossiers 004, 002 (ended) and 011.
    static func workspace(actor: String = "test") throws -> (Workspace, URL) {
        let root = temporaryDirectory()
        let (workspace, _) = try Workspace.create(at: root.appendingPathComponent("ws"), actor: actor, clock: clock)
        _ = try workspace.addRecord(data: sample("convention-metz-jury-2018.yaml"), fileName: "convention-metz-jury-2018.yaml")
        _ = try workspace.addRecord(data: sample("dossier-MJ-2019-004.yaml"), fileName: "dossier-MJ-2019-004.yaml")
        _ = try workspace.addRecord(data: endedDossier002, fileName: "dossier-MJ-2019-002.yaml")
        _ = try workspace.addRecord(data: sample("dossier-MJ-2019-011.yaml"), fileName: "dossier-MJ-2019-011.yaml")
        return (workspace, root)
    }

    /// A small PDF whose bytes depend on `tag`.
    static func pdf(_ tag: String, in directory: URL) -> URL {
        let url = directory.appendingPathComponent("\(tag.replacingOccurrences(of: "/", with: "-")).pdf")
        try! Data("%PDF-1.7\n% \(tag)\n%%EOF\n".utf8).write(to: url)
        return url
    }

    static func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    /// Archives a signed PDF with sensible defaults.
    @discardableResult
    static func sign(_ workspace: Workspace, _ kind: DocumentKind, owner: String = "MJ-2019-004", on date: String = "2019-04-01",
                     tag: String? = nil, reason: String? = nil, evaluation: String? = nil, audience: Audience? = nil,
                     in directory: URL) throws -> SignedAddResult {
        let file = pdf(tag ?? "\(owner)-\(kind.rawValue)-\(evaluation ?? "")-\(date)-\(reason ?? "")", in: directory)
        let request = SignedDocumentRequest(ownerID: owner, documentKind: kind, signedOn: self.date(date), signatories: ["Alice Martin", "Bruno Petit"],
                                            reason: reason, evaluationDate: evaluation.map(self.date), audience: audience)
        return try workspace.addSigned(fileURL: file, request: request)
    }

    /// The paths under `objets/`, for "nothing changed" checks.
    static func storedPaths(_ workspace: Workspace) -> [String] {
        let objects = workspace.directory.appendingPathComponent("objets")
        let enumerator = FileManager.default.enumerator(atPath: objects.path)
        var paths: [String] = []
        while let next = enumerator?.nextObject() as? String { paths.append(next) }
        return paths.sorted()
    }
}
