import Foundation
import Testing
import TrameAssembly
import TrameModel
import TrameTestSupport

/// Every document of the demo set (`trame demo`: the convention-level documents and every
/// document and audience of the three sample dossiers) as plain text, compared with its golden
/// file in `Tests/Golden/`. A change of wording shows as a diff to review; `Scripts/update-golden.sh`
/// rewrites the files (see `Tests/Golden/README.md`).
@Suite("golden files", .serialized)
struct GoldenFileTests {
    static let golden = TrameProcess.repository.appendingPathComponent("Tests/Golden")
    static let bundle = TrameProcess.repository.appendingPathComponent("Conventions/metz-jury-2018")
    static let updateCommand = "Scripts/update-golden.sh"

    /// `TRAME_UPDATE_GOLDEN=1`: rewrite the golden files instead of comparing.
    static var isUpdating: Bool { ProcessInfo.processInfo.environment["TRAME_UPDATE_GOLDEN"] == "1" }

    /// The demo set in plain text, written to `directory`: file name → text.
    static func demoTexts(in directory: URL) throws -> [String: Data] {
        let dossiers = try FileManager.default.contentsOfDirectory(atPath: bundle.path)
            .filter { $0.hasPrefix("dossier-") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".json")) }.sorted()
            .map { bundle.appendingPathComponent($0).path }
        let demo = DemoRun(generator: Generator(templatesDirectory: TrameProcess.repository.appendingPathComponent("Templates")),
                           output: directory, formats: [.txt],
                           // A fixed day: which landlord copies the consents allow must not depend on the clock.
                           today: CalendarDate(iso: "2026-12-01")!)
        let outcomes = demo.run(convention: bundle.appendingPathComponent("convention-metz-jury-2018.yaml").path, dossiers: dossiers)
        var texts: [String: Data] = [:]
        for outcome in outcomes {
            #expect(outcome.failure == nil, "\(outcome.subject) \(outcome.document): \(outcome.failure ?? "")")
            for file in outcome.files {
                let name = (file as NSString).lastPathComponent
                #expect(texts[name] == nil, "two documents named \(name)")
                texts[name] = try Data(contentsOf: directory.appendingPathComponent(file))
            }
        }
        return texts
    }

    @Test func everyDemoDocumentMatchesItsGoldenFile() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let texts = try Self.demoTexts(in: dir)
        #expect(texts.count > 30, "the demo set: \(texts.keys.sorted())")
        let existing = Set((try? FileManager.default.contentsOfDirectory(atPath: Self.golden.path)) ?? []).filter { $0.hasSuffix(".txt") }
        if Self.isUpdating {
            try FileManager.default.createDirectory(at: Self.golden, withIntermediateDirectories: true)
            for name in existing.subtracting(texts.keys) { try FileManager.default.removeItem(at: Self.golden.appendingPathComponent(name)) }
            for (name, data) in texts { try data.write(to: Self.golden.appendingPathComponent(name)) }
            print("golden files rewritten in \(Self.golden.path): \(texts.count) files; review them with git diff")
            return
        }
        for name in existing.subtracting(texts.keys).sorted() {
            Issue.record("Tests/Golden/\(name) matches no document of the demo set any more: run \(Self.updateCommand)")
        }
        for name in texts.keys.sorted() {
            try Self.expectGolden(name, texts[name]!, scratch: dir)
        }
    }

    /// `trame generate … --format txt` writes the same text as the golden file.
    @Test func generateWritesPlainText() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("sous-location-MJ-2019-004.txt")
        let r = try TrameProcess.run(["generate", "sous-location", "--dossier", Self.bundle.appendingPathComponent("dossier-MJ-2019-004.yaml").path,
                                      "--format", "txt", "--output", dir.path + "/"])
        #expect(r.status == 0, "\(r.stderr)")
        let data = try Data(contentsOf: file)
        #expect(String(decoding: data, as: UTF8.self).contains("Article 1er – Objet"))
        if !Self.isUpdating { try Self.expectGolden(file.lastPathComponent, data, scratch: dir) }
    }

    /// Compares a text with its golden file; on a difference, records the unified diff and the
    /// command that rewrites the golden files.
    static func expectGolden(_ name: String, _ actual: Data, scratch: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let expectedURL = golden.appendingPathComponent(name)
        guard let expected = FileManager.default.contents(atPath: expectedURL.path) else {
            Issue.record("no golden file Tests/Golden/\(name): run \(updateCommand), then review and commit it", sourceLocation: sourceLocation)
            return
        }
        guard expected != actual else { return }
        let actualURL = scratch.appendingPathComponent("actual-" + name)
        try actual.write(to: actualURL)
        let diff = (try? Conformance.run("diff", ["-u", "--label", "Tests/Golden/\(name)", "--label", "generated", expectedURL.path, actualURL.path]))?.output
            ?? "(diff unavailable) first difference at byte \(zip(expected, actual).prefix { $0 == $1 }.count)"
        Issue.record("\(name) differs from its golden file:\n\(diff)\nIf the change is intended: \(updateCommand), then review git diff Tests/Golden",
                     sourceLocation: sourceLocation)
    }
}
