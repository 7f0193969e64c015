import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite("trame archive: killed adds and concurrent adds", .serialized)
struct ArchiveCrashTests {
    static let largeSize = 40 << 20

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

    @Test func anAddKilledAtAnyInstantLeavesTheCompleteVersionOrNothing() throws {
        let ws = try CLIWorkspace.make()
        defer { ws.remove() }
        let file = try largePDF(in: ws)
        let start = Date()
        #expect(try ws.run(addArguments(file, 0)).status == 0)
        // The time a whole add takes, re-estimated from every run that finished (the load varies).
        var estimate = Date().timeIntervalSince(start)
        let attempts = 36
        var killed = 0, finished = 0, recovered = 0
        var expected: [String: Int] = [:]  // reason → attempt
        for n in 1...attempts {
            try stamp(file, n)
            let delay = estimate * 1.4 * Double((n * 7) % attempts) / Double(attempts)
            let launched = Date()
            let process = try ws.start(addArguments(file, n))
            Thread.sleep(forTimeInterval: delay)
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
            }
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal {
                killed += 1
            } else {
                finished += 1
                estimate = (estimate + Date().timeIntervalSince(launched)) / 2
            }
            expected["essai \(n)"] = n
            let verify = try ws.run(["archive", "verify"])
            #expect(verify.status == 0, "attempt \(n) after \(Int(delay * 1000)) ms: \(verify.stdout)")
            if verify.stderr.contains("reprise") { recovered += 1 }
        }
        let versions = try ws.signedVersions()
        #expect(versions.map { $0["version"] as? Int } == Array(1...versions.count).map(Optional.some), "contiguous versions")
        for v in versions {
            #expect(v["size"] as? Int == ArchiveCrashTests.largeSize, "complete")
            #expect(expected[v["reason"] as? String ?? ""] != nil || v["reason"] as? String == "essai 0")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: ws.directory.appendingPathComponent("tmp").path)
            .filter { !$0.hasPrefix("migration") }
        #expect(leftovers.isEmpty, "\(leftovers)")
        #expect(killed >= 20)
        print("kill test: \(attempts) runs of a \(ArchiveCrashTests.largeSize >> 20) MB add (whole add ≈ \(Int(estimate * 1000)) ms), "
              + "\(killed) killed, \(finished) finished, \(versions.count - 1) versions recorded, \(recovered) interrupted adds undone on reopening")
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
        #expect(Set(versions.compactMap { $0["reason"] as? String }).count == 8)
        #expect(try ws.run(["archive", "verify"]).status == 0)
        let restored = try TrameProcess.run(["restore", "pendant-3.zip", "restaure"], in: ws.root)
        #expect(restored.status == 0, "a backup taken during adds restores to a workspace that verifies: \(restored.stdout)")
    }
}
