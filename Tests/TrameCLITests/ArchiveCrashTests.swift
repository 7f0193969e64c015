import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite("trame archive: adds killed at random and concurrent adds", .serialized)
struct ArchiveCrashTests {
    static let largeSize = 24 << 20
    static let randomKills = 12

    /// A large PDF; `stamp` rewrites its first line in place so each attempt has its own hash.
    private func largePDF(in ws: CLIWorkspace) throws -> URL {
        let url = ws.root.appendingPathComponent("grand.pdf")
        var bytes = [UInt8](repeating: 0, count: ArchiveCrashTests.largeSize)
        var x: UInt64 = 0x9E37_79B9_7F4A_7C15
        for i in stride(from: 0, to: bytes.count, by: 8) {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17
            withUnsafeBytes(of: x) { raw in for j in 0..<min(8, bytes.count - i) { bytes[i + j] = raw[j] } }
        }
        try Data(bytes).write(to: url)
        try stamp(url, 0)
        return url
    }

    private func stamp(_ url: URL, _ n: Int) throws {
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        let line = "%PDF-1.7 %" + String(repeating: "0", count: max(0, 6 - String(n).count)) + String(n) + "\n"
        try handle.write(contentsOf: Data(line.utf8))
    }

    private func addArguments(_ file: URL, _ n: Int) -> [String] {
        ["archive", "add", file.path, "--dossier", "MJ-2019-004", "--document", "sous-location", "--signed-on", "2019-04-01",
         "--signatory", "Association", "--reason", "essai \(n)"]
    }

    /// The real thing, beside the step-by-step crashes of `ArchiveCrashFaultTests`: SIGKILL at a
    /// random instant of an add. Whatever the instant (and however many runs the load lets finish),
    /// the workspace must be consistent after each kill; nothing here counts the kills.
    @Test func anAddKilledAtARandomInstantLeavesTheCompleteVersionOrNothing() throws {
        let ws = try CLIWorkspace.make()
        defer { ws.remove() }
        let file = try largePDF(in: ws)
        let start = Date()
        #expect(try ws.run(addArguments(file, 0)).status == 0)
        let estimate = Date().timeIntervalSince(start)
        var generator = SystemRandomNumberGenerator()
        var killed = 0
        for n in 1...ArchiveCrashTests.randomKills {
            try stamp(file, n)
            let delay = Double.random(in: 0...(estimate * 1.3), using: &generator)
            let before = try ws.signedVersions().count
            let process = try ws.start(addArguments(file, n))
            Thread.sleep(forTimeInterval: delay)  // the random instant, not a verdict
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { killed += 1 }
            let context = "attempt \(n), SIGKILL after \(Int(delay * 1000)) ms"
            let verify = try ws.run(["archive", "verify"])
            #expect(verify.status == 0, "\(context): \(verify.stdout)")
            let versions = try ws.signedVersions()
            #expect(versions.count == before || versions.count == before + 1, "\(context): one version or none")
            #expect(versions.map { $0["version"] as? Int } == Array(1...versions.count).map(Optional.some), "\(context): contiguous")
            #expect(versions.allSatisfy { $0["taille"] as? Int == ArchiveCrashTests.largeSize }, "\(context): complete versions only")
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: ws.directory.appendingPathComponent("tmp").path)
                .filter { $0 != "migration.lock" }
            #expect(leftovers.isEmpty, "\(context): \(leftovers)")
        }
        let last = ArchiveCrashTests.randomKills + 1
        try stamp(file, last)
        #expect(try ws.run(addArguments(file, last)).status == 0, "an add after the kills succeeds")
        print("random kills: \(ArchiveCrashTests.randomKills) adds of \(ArchiveCrashTests.largeSize >> 20) MB (whole add ≈ \(Int(estimate * 1000)) ms), "
              + "\(killed) killed before they finished")
    }

    @Test func twoProcessesAddingAtOnceBothSucceedWithDistinctVersions() throws {
        let ws = try CLIWorkspace.make()
        defer { ws.remove() }
        for round in 0..<4 {
            let a = try ws.start(["archive", "add", try ws.pdf("a\(round)"), "--dossier", "MJ-2019-004", "--document", "sous-location",
                                  "--signed-on", "2019-04-01", "--signatory", "A", "--reason", "a\(round)"])
            let b = try ws.start(["archive", "add", try ws.pdf("b\(round)"), "--dossier", "MJ-2019-004", "--document", "sous-location",
                                  "--signed-on", "2019-04-01", "--signatory", "B", "--reason", "b\(round)"])
            let backup = try ws.start(["backup", "--output", "pendant-\(round).zip"], stderrFile: "sauvegarde-\(round).err")
            for p in [a, b, backup] { p.waitUntilExit() }
            #expect(a.terminationStatus == 0 && b.terminationStatus == 0, "round \(round)")
            #expect(backup.terminationStatus == 0, "round \(round): \(ws.text("sauvegarde-\(round).err"))")
        }
        let versions = try ws.signedVersions()
        #expect(versions.compactMap { $0["version"] as? Int }.sorted() == Array(1...8))
        #expect(Set(versions.compactMap { $0["motif"] as? String }).count == 8)
        #expect(try ws.run(["archive", "verify"]).status == 0)
        let restored = try TrameProcess.run(["restore", "pendant-3.zip", "restaure"], in: ws.root)
        #expect(restored.status == 0, "a backup taken during adds restores to a workspace that verifies: \(restored.stdout)")
    }
}
