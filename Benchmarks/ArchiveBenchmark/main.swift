import Foundation
import TrameArchive
import TrameModel

// trame-bench-archive [--count N] [--size KB] [--runs R] [--keep]
// Archives N signed PDFs of KB kilobytes each (one chain of N versions, through the library: what
// `trame archive add` does after starting), then verifies the workspace R times, and prints the
// median add latency, the add throughput and the median verify throughput.
// Build in release mode: `swift run -c release trame-bench-archive` (opt-in, not part of CI).

func option(_ name: String, default value: Int) -> Int {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count,
          let parsed = Int(arguments[index + 1]), parsed > 0 else { return value }
    return parsed
}

let count = option("--count", default: 2_000)
let size = option("--size", default: 200) * 1_024
let runs = option("--runs", default: 3)
let clock = ContinuousClock()

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}

/// Repository root: the folder holding `Package.swift`, walking up from this file.
func repository() -> URL {
    var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
    while url.pathComponents.count > 1 {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
    }
    fatalError("repository root not found")
}

do {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("trame-bench-archive-\(UUID().uuidString)")
    let inputs = root.appendingPathComponent("entrees")
    try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
    defer { if !CommandLine.arguments.contains("--keep") { try? FileManager.default.removeItem(at: root) } }

    // Inputs: distinct PDFs (a header, then pseudo-random bytes that do not compress).
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    var files: [URL] = []
    for n in 0..<count {
        var bytes = [UInt8](repeating: 0, count: size)
        for i in stride(from: 0, to: size, by: 8) {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            withUnsafeBytes(of: state) { raw in for j in 0..<min(8, size - i) { bytes[i + j] = raw[j] } }
        }
        let header = Array("%PDF-1.7 \(n)\n".utf8)
        bytes.replaceSubrange(0..<header.count, with: header)
        let url = inputs.appendingPathComponent("signe-\(n).pdf")
        try Data(bytes).write(to: url)
        files.append(url)
    }

    let (workspace, _) = try Workspace.create(at: root.appendingPathComponent("ws"), actor: "bench")
    let dossier = repository().appendingPathComponent("Conventions/metz-jury-2018/dossier-MJ-2019-004.yaml")
    _ = try workspace.addRecord(data: try Data(contentsOf: dossier), fileName: dossier.lastPathComponent)

    var latencies: [Double] = []
    let addStart = clock.now
    for (n, file) in files.enumerated() {
        let request = SignedDocumentRequest(ownerID: "MJ-2019-004", documentKind: .sousLocation,
                                            signedOn: CalendarDate(year: 2019, month: 4, day: 1)!, signatories: ["Association"],
                                            reason: n == 0 ? nil : "version \(n + 1)")
        let start = clock.now
        _ = try workspace.addSigned(fileURL: file, request: request)
        latencies.append(seconds(clock.now - start))
    }
    let addTotal = seconds(clock.now - addStart)
    let megabytes = Double(count * size) / 1_048_576

    var verifyTimes: [Double] = []
    for _ in 0..<runs {
        let start = clock.now
        let report = try workspace.verify()
        verifyTimes.append(seconds(clock.now - start))
        guard report.isClean else { fatalError("verify found problems: \(report.problems.prefix(3))") }
    }
    let verifyMedian = median(verifyTimes)
    print("archive: \(count) files of \(size / 1_024) KB (\(String(format: "%.0f", megabytes)) MB)")
    print(String(format: "add:    median %.2f ms per file, total %.1f s, %.0f files/s, %.1f MB/s",
                 median(latencies) * 1_000, addTotal, Double(count) / addTotal, megabytes / addTotal))
    print(String(format: "verify: median of %d runs %.2f s, %.0f files/s, %.1f MB/s",
                 runs, verifyMedian, Double(count + 1) / verifyMedian, megabytes / verifyMedian))
} catch {
    print("error: \(error)")
    exit(1)
}
