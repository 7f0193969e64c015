import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A crash at every step of every workspace write, by fault injection (`TRAME_FAULT_AT`, see
/// `Sources/TrameArchive/Internal/WriteSteps.swift`), not by a stopwatch: each write is run once
/// with `<operation>:list` to learn its steps, then once per step N with `<operation>:N`, which
/// SIGKILLs the real `trame` process there. After each crash the workspace is reopened by the next
/// command and must hold the complete new version (when the crash came after `committed`) or
/// nothing, with the earlier content intact, `archive verify` clean and nothing left in `tmp/`.
@Suite("trame archive: a crash at every step of a write (TRAME_FAULT_AT)", .serialized)
struct ArchiveCrashFaultTests {
    /// Larger than one chunk of the store (1 MiB), so that `temp-partial` leaves a truly partial file.
    static let scanSize = (2 << 20) + 12_345

    private func scan(_ ws: CLIWorkspace, _ n: Int) throws -> URL {
        let url = ws.root.appendingPathComponent("scan-\(n).pdf")
        var data = Data("%PDF-1.7\n% essai \(n)\n".utf8)
        data.append(Data(repeating: UInt8(truncatingIfNeeded: n), count: ArchiveCrashFaultTests.scanSize - data.count))
        try data.write(to: url)
        return url
    }

    private func addArguments(_ file: URL, _ n: Int) -> [String] {
        ["archive", "add", file.path, "--dossier", "MJ-2019-004", "--document", "sous-location", "--signed-on", "2019-04-01",
         "--signatory", "Association", "--reason", "essai \(n)"]
    }

    @Test func aSignedAddKilledAtEachStepLeavesTheCompleteVersionOrNothing() throws {
        let ws = try CLIWorkspace.make()
        defer { ws.remove() }
        #expect(try ws.run(addArguments(try scan(ws, 0), 0)).status == 0)
        let steps = try ws.faultSteps("archive-add", addArguments(try scan(ws, 1), 1))
        try #require(steps.contains("committed") && steps.contains("temp-partial"), "\(steps)")
        for (index, name) in steps.enumerated() {
            let n = index + 2
            let before = try ws.signedVersionLines()
            try ws.crash("archive-add", at: index + 1, name, addArguments(try scan(ws, n), n))
            let after = try ws.signedVersionLines()
            let expected = steps[...index].contains("committed")
                ? before + ["v\(before.count + 1) scan-\(n).pdf \(ArchiveCrashFaultTests.scanSize)"] : before
            #expect(after == expected, "killed at \(index + 1) (\(name))")
            try ws.expectConsistent(after: "archive-add:\(index + 1) (\(name))")
        }
        let last = steps.count + 2
        #expect(try ws.run(addArguments(try scan(ws, last), last)).status == 0, "an add after the crashes succeeds")
        let versions = try ws.signedVersionLines()
        #expect(versions.last?.hasPrefix("v\(versions.count) scan-\(last).pdf") == true)
        #expect(versions.enumerated().allSatisfy { $0.element.hasPrefix("v\($0.offset + 1) ") }, "contiguous: \(versions)")
        try ws.expectConsistent(after: "the last add")
    }

    @Test(arguments: ["dossier", "convention"])
    func aRecordAddKilledAtEachStepLeavesTheCompleteVersionOrNothing(kind: String) throws {
        let ws = try CLIWorkspace.make()
        defer { ws.remove() }
        let (id, sample) = kind == "dossier" ? ("MJ-2019-004", "dossier-MJ-2019-004.yaml") : ("metz-jury-2018", "convention-metz-jury-2018.yaml")
        let original = try Data(contentsOf: CLIWorkspace.bundle.appendingPathComponent(sample))
        if kind == "convention" { try TrameProcess.copyConventionFiles(to: ws.root) }  // the logos it names, beside it
        func file(_ n: Int) throws -> URL {
            let url = ws.root.appendingPathComponent("\(kind)-\(n).yaml")
            try (original + Data("\n# essai \(n)\n".utf8)).write(to: url)
            return url
        }
        let operation = "\(kind)-add"
        let steps = try ws.faultSteps(operation, [kind, "add", try file(1).path])
        try #require(steps.contains("committed"), "\(steps)")
        for (index, name) in steps.enumerated() {
            let n = index + 2
            let before = try ws.recordVersionLines(kind, id)
            try ws.crash(operation, at: index + 1, name, [kind, "add", try file(n).path])
            let after = try ws.recordVersionLines(kind, id)
            let expected = steps[...index].contains("committed")
                ? before + ["v\(before.count + 1) \(kind)-\(n).yaml \(original.count + "\n# essai \(n)\n".utf8.count)"] : before
            #expect(after == expected, "killed at \(index + 1) (\(name))")
            try ws.expectConsistent(after: "\(operation):\(index + 1) (\(name))")
        }
        #expect(try ws.run([kind, "add", try file(steps.count + 2).path]).status == 0, "an add after the crashes succeeds")
        let versions = try ws.recordVersionLines(kind, id)
        #expect(versions.enumerated().allSatisfy { $0.element.hasPrefix("v\($0.offset + 1) ") }, "contiguous: \(versions)")
        try ws.expectConsistent(after: "the last add")
    }

    /// `trame generate --archive`: the document and its manifest are the bytes already stored for the
    /// first generation (only the dossier's comments change), so every crash here also checks that
    /// undoing an interrupted add never removes a file a recorded document uses.
    @Test func aGeneratedDocumentKilledAtEachStepIsRecordedCompletelyOrNotAtAll() throws {
        let ws = try CLIWorkspace.make()
        defer { ws.remove() }
        let original = try Data(contentsOf: CLIWorkspace.bundle.appendingPathComponent("dossier-MJ-2019-004.yaml"))
        func dossier(_ n: Int) throws -> String {
            let url = ws.root.appendingPathComponent("dossier-\(n).yaml")
            try (original + Data("\n# essai \(n)\n".utf8)).write(to: url)
            #expect(try ws.run(["dossier", "add", url.path]).status == 0)
            return url.path
        }
        func generate(_ file: String) -> [String] {
            ["generate", "sous-location", "--dossier", file, "--archive", "--output", ws.root.path]
        }
        #expect(try ws.run(generate(CLIWorkspace.bundle.appendingPathComponent("dossier-MJ-2019-004.yaml").path)).status == 0)
        let steps = try ws.faultSteps("generated-add", generate(try dossier(1)))
        try #require(steps.contains("committed"), "\(steps)")
        for (index, name) in steps.enumerated() {
            let file = try dossier(index + 2)
            let before = try ws.generatedLines()
            try ws.crash("generated-add", at: index + 1, name, generate(file))
            let after = try ws.generatedLines()
            // The dossier's version n + 1 holds dossier-n.yaml (version 1 is the sample).
            let expected = steps[...index].contains("committed") ? before + ["G\(before.count + 1) v\(index + 3)"] : before
            #expect(after == expected, "killed at \(index + 1) (\(name))")
            try ws.expectConsistent(after: "generated-add:\(index + 1) (\(name))")
        }
        #expect(try ws.run(generate(try dossier(steps.count + 2))).status == 0, "a generation after the crashes succeeds")
        try ws.expectConsistent(after: "the last generation")
    }

    @Test func aBackupKilledAtEachStepLeavesACompleteBackupOrNoneAndTheWorkspaceUntouched() throws {
        let ws = try CLIWorkspace.make()
        defer { ws.remove() }
        #expect(try ws.run(addArguments(try scan(ws, 0), 0)).status == 0)
        let fm = FileManager.default
        func destination(_ n: Int) throws -> URL {
            let url = ws.root.appendingPathComponent("sorties-\(n)", isDirectory: true)
            try fm.createDirectory(at: url, withIntermediateDirectories: true)
            return url
        }
        let steps = try ws.faultSteps("backup", ["backup", "--output", try destination(0).appendingPathComponent("sauvegarde.zip").path])
        try #require(steps.contains("output-renamed") && steps.contains("zip-file-added"), "\(steps)")
        for (index, name) in steps.enumerated() {
            let n = index + 1
            let output = try destination(n).appendingPathComponent("sauvegarde.zip")
            let before = try ws.state()
            try ws.crash("backup", at: n, name, ["backup", "--output", output.path])
            // `state()` opens the workspace: its recovery runs first.
            let after = try ws.state()
            let logged = steps[...index].contains("audit-logged")
            #expect(after.dropLast(2) == before.dropLast(2), "stored files, killed at \(n) (\(name))")
            #expect(after.suffix(2) == [logged ? "audit:\(ws.auditCount(before) + 1)" : before[before.count - 2], before[before.count - 1]],
                    "audit and versions, killed at \(n) (\(name))")
            let left = try fm.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
            let renamed = steps[...index].contains("output-renamed")
            #expect(left == (renamed ? ["sauvegarde.zip"] : []), "destination, killed at \(n) (\(name)): \(left)")
            if renamed {
                let restored = try TrameProcess.run(["restore", output.path, "restaure-\(n)"], in: ws.root)
                #expect(restored.status == 0, "the backup written before the crash at \(n) (\(name)) restores: \(restored.stdout) \(restored.stderr)")
            }
            try ws.expectConsistent(after: "backup:\(n) (\(name))")
        }
        let final = try destination(steps.count + 1).appendingPathComponent("sauvegarde.zip")
        #expect(try ws.run(["backup", "--output", final.path]).status == 0, "a backup after the crashes succeeds")
        #expect(try TrameProcess.run(["restore", final.path, "restaure-final"], in: ws.root).status == 0)
    }

    /// `trame archive export` and `trame archive get` write beside their destination too: complete or absent.
    @Test(arguments: ["export", "extract"])
    func anExportOrExtractionKilledAtEachStepLeavesTheCompleteFileOrNone(operation: String) throws {
        let ws = try CLIWorkspace.make()
        defer { ws.remove() }
        let original = try scan(ws, 0)
        #expect(try ws.run(addArguments(original, 0)).status == 0)
        let fm = FileManager.default
        func command(_ n: Int) throws -> (arguments: [String], output: URL) {
            let directory = ws.root.appendingPathComponent("\(operation)-\(n)", isDirectory: true)
            try fm.createDirectory(at: directory, withIntermediateDirectories: true)
            let output = directory.appendingPathComponent(operation == "export" ? "paquet.zip" : "scan.pdf")
            let arguments = operation == "export"
                ? ["archive", "export", "--dossier", "MJ-2019-004", "--output", output.path]
                : ["archive", "get", "MJ-2019-004/sous-location/v1", "--output", output.path]
            return (arguments, output)
        }
        /// The file is whole: the scan's bytes, or a ZIP ending with its end-of-central-directory record.
        func isComplete(_ url: URL) throws -> Bool {
            let data = try Data(contentsOf: url)
            if operation == "extract" { return data == (try Data(contentsOf: original)) }
            return data.count > 22 && data.suffix(22).prefix(4) == Data([0x50, 0x4B, 0x05, 0x06])
        }
        let first = try command(0)
        let steps = try ws.faultSteps(operation, first.arguments)
        try #require(steps.contains("output-renamed"), "\(steps)")
        #expect(try isComplete(first.output))
        for (index, name) in steps.enumerated() {
            let (arguments, output) = try command(index + 1)
            try ws.crash(operation, at: index + 1, name, arguments)
            try ws.expectConsistent(after: "\(operation):\(index + 1) (\(name))")
            let left = try fm.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
            let renamed = steps[...index].contains("output-renamed")
            #expect(left == (renamed ? [output.lastPathComponent] : []), "destination, killed at \(index + 1) (\(name)): \(left)")
            if renamed { #expect(try isComplete(output), "killed at \(index + 1) (\(name))") }
        }
    }
}

extension CLIWorkspace {
    /// The steps `operation` goes through when `arguments` run normally (`TRAME_FAULT_AT=<operation>:list`).
    func faultSteps(_ operation: String, _ arguments: [String]) throws -> [String] {
        let r = try run(arguments, environment: ["TRAME_FAULT_AT": "\(operation):list"])
        try #require(r.status == 0, "\(arguments): \(r.stderr)")
        let prefix = "TRAME_FAULT_AT \(operation) "
        let lines = r.stderr.split(separator: "\n").filter { $0.hasPrefix(prefix) }.map { $0.dropFirst(prefix.count).split(separator: " ") }
        #expect(lines.map { Int($0[0]) } == Array(1...max(1, lines.count)).map(Optional.some), "steps numbered 1…n: \(r.stderr)")
        return lines.map { String($0[1]) }
    }

    /// Runs `arguments` with the fault at step `n` (named `name`): the process must die there, by SIGKILL.
    func crash(_ operation: String, at n: Int, _ name: String, _ arguments: [String]) throws {
        let r = try run(arguments, environment: ["TRAME_FAULT_AT": "\(operation):\(n)"])
        #expect(r.status == SIGKILL && r.stderr.contains("à l'étape \(n) (\(name)) de \(operation)"),
                "\(operation):\(n) (\(name)) should have killed the process: \(r.status) \(r.stderr)")
    }

    /// After a crash: `archive verify` clean (it reopens the workspace, which undoes what the crash
    /// left), and nothing left in `tmp/` but the migration lock.
    func expectConsistent(after what: String) throws {
        let verify = try run(["archive", "verify"])
        #expect(verify.status == 0, "verify after \(what): \(verify.stdout) \(verify.stderr)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("tmp").path)
            .filter { $0 != "migration.lock" }
        #expect(leftovers.isEmpty, "left in tmp/ after \(what): \(leftovers)")
    }

    /// `v<version> <original name> <size>` for each signed version, in order.
    func signedVersionLines() throws -> [String] {
        try signedVersions().map { "v\($0["version"] as? Int ?? 0) \($0["nom_original"] as? String ?? "?") \($0["taille"] as? Int ?? -1)" }
    }

    /// `v<version> <file name> <size>` for each version of a convention or dossier, oldest first.
    func recordVersionLines(_ kind: String, _ id: String) throws -> [String] {
        let r = try run([kind, "history", id, "--json"])
        let versions = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]] ?? []
        return versions.map { "v\($0["version"] as? Int ?? 0) \($0["nom_fichier"] as? String ?? "?") \($0["taille"] as? Int ?? -1)" }
    }

    /// `G<n> v<source version>` for each generated document recorded, oldest first.
    func generatedLines() throws -> [String] {
        let r = try run(["archive", "log", "--json"])
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        return (json?["generes"] as? [[String: Any]] ?? []).map { "\($0["reference"] as? String ?? "?") v\($0["donnees_version"] as? Int ?? 0)" }
    }

    /// The number of audit entries in a `state()`.
    func auditCount(_ state: [String]) -> Int {
        Int(state.first { $0.hasPrefix("audit:") }?.dropFirst("audit:".count) ?? "") ?? -1
    }
}
