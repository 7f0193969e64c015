import Foundation
import Testing
import TrameAssembly
import TrameTemplates

@Suite("Clause lock: a published clause never changes without a new version")
struct ClauseLockTests {
    static let templates = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Templates")

    @Test func everyClauseVersionMatchesTheLock() {
        let lock = ClauseLock(templatesDirectory: Self.templates)
        let sources = ClauseResolver.all(in: Self.templates.path)
        #expect(!sources.isEmpty)
        let problems = lock.problems(with: sources)
        for problem in problems {
            switch problem {
            case .changed(let r): Issue.record("\(r): text changed without a new version (restore it and write \(r.split(separator: "@")[0]) version N+1)")
            case .missing(let r): Issue.record("\(r): a locked version disappeared")
            case .unlocked(let r): Issue.record("\(r): not locked yet — run `trame clauses lock`")
            }
        }
    }

    func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("trame-lock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("doc/clauses"), withIntermediateDirectories: true)
        return dir
    }

    func write(_ dir: URL, _ name: String, _ text: String) throws {
        try text.write(to: dir.appendingPathComponent("doc/clauses/\(name)"), atomically: true, encoding: .utf8)
    }

    @Test func lockDetectsChangedMissingAndNewVersions() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write(dir, "a.v1.trame", "A1")
        try write(dir, "b.v1.trame", "B1")
        var lock = ClauseLock(templatesDirectory: dir)
        #expect(try lock.lockNewVersions(ClauseResolver.all(in: dir.path)) == ["doc.a@1", "doc.b@1"])
        #expect(ClauseLock(templatesDirectory: dir).problems(with: ClauseResolver.all(in: dir.path)).isEmpty)

        try write(dir, "a.v1.trame", "A1 modifié")
        try FileManager.default.removeItem(at: dir.appendingPathComponent("doc/clauses/b.v1.trame"))
        try write(dir, "a.v2.trame", "A2")
        let problems = ClauseLock(templatesDirectory: dir).problems(with: ClauseResolver.all(in: dir.path))
        #expect(problems.contains(.changed("doc.a@1")))
        #expect(problems.contains(.missing("doc.b@1")))
        #expect(problems.contains(.unlocked("doc.a@2")))
    }

    @Test func lockingNeverRewritesALine() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write(dir, "a.v1.trame", "A1")
        var lock = ClauseLock(templatesDirectory: dir)
        _ = try lock.lockNewVersions(ClauseResolver.all(in: dir.path))
        let before = try String(contentsOf: dir.appendingPathComponent("clauses.lock"), encoding: .utf8)
        try write(dir, "a.v1.trame", "A1 modifié")
        var again = ClauseLock(templatesDirectory: dir)
        #expect(try again.lockNewVersions(ClauseResolver.all(in: dir.path)).isEmpty)
        #expect(try String(contentsOf: dir.appendingPathComponent("clauses.lock"), encoding: .utf8) == before)
    }
}
