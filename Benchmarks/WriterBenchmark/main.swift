import Foundation
import TrameDocument

// trame-bench-writers [--count N] [--runs R] [--format odt|docx|html|txt] [--compression stored|deflated] [--dump DIRECTORY]
// Renders N sublease documents (about 4 pages each) R times per format and compression, and prints
// the median throughput. Build in release mode: `swift build -c release`.
// --format and --compression measure only that format or compression (to profile one writer,
// e.g. under `valgrind --tool=callgrind`).
// --dump writes the first document in every format to DIRECTORY (to look at it) and exits.

func option(_ name: String, default value: Int) -> Int {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count,
          let parsed = Int(arguments[index + 1]), parsed > 0 else { return value }
    return parsed
}

let count = option("--count", default: 200)
let runs = option("--runs", default: 7)
let clock = ContinuousClock()

func stringOption(_ name: String) -> String? {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

let onlyFormat = stringOption("--format").flatMap(OutputFormat.init(rawValue:))
let onlyCompression = stringOption("--compression").flatMap(PackageCompression.init(rawValue:))

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

if let index = CommandLine.arguments.firstIndex(of: "--dump"), index + 1 < CommandLine.arguments.count {
    let directory = URL(fileURLWithPath: CommandLine.arguments[index + 1])
    do {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for format in OutputFormat.allCases {
            let file = directory.appendingPathComponent("sublease-\(format.rawValue).\(format.fileExtension)")
            try DocumentRenderer.render(SubleaseFixture.document(1), as: format).write(to: file)
            print(file.path)
        }
        exit(0)
    } catch {
        print("error: \(error)")
        exit(1)
    }
}

let buildStart = clock.now
let documents = (0..<count).map(SubleaseFixture.document)
let buildTime = seconds(clock.now - buildStart)

print("trame-bench-writers: \(count) documents × \(runs) runs, median of runs; building the Document values took "
    + String(format: "%.1f µs/doc", buildTime * 1e6 / Double(count)) + " (not counted)")

struct Result {
    var docsPerSecond: Double
    var averageBytes: Int
}

func measure(_ format: OutputFormat, _ compression: PackageCompression) throws -> Result {
    var rates: [Double] = []
    var bytes = 0
    // One warm-up run, not counted.
    for document in documents.prefix(20) { _ = try DocumentRenderer.render(document, as: format, compression: compression) }
    for _ in 0..<runs {
        bytes = 0
        let start = clock.now
        for document in documents {
            bytes += try DocumentRenderer.render(document, as: format, compression: compression).count
        }
        rates.append(Double(documents.count) / seconds(clock.now - start))
    }
    rates.sort()
    return Result(docsPerSecond: rates[rates.count / 2], averageBytes: bytes / documents.count)
}

do {
    for format in OutputFormat.allCases where onlyFormat == nil || format == onlyFormat {
        // Only the ZIP packages (ODT, DOCX) are written stored or deflated.
        let packaged = format == .odt || format == .docx
        let compressions: [PackageCompression] = packaged ? [.stored, .deflated] : [.stored]
        for compression in compressions where !packaged || onlyCompression == nil || compression == onlyCompression {
            let result = try measure(format, compression)
            let label = packaged ? "\(format.rawValue) \(compression.rawValue)" : format.rawValue
            let padded = label.padding(toLength: 14, withPad: " ", startingAt: 0)
            print(padded + String(format: "%8.0f docs/s  %6.3f ms/doc  %7d bytes/doc",
                                  result.docsPerSecond, 1000 / result.docsPerSecond, result.averageBytes))
        }
    }
} catch {
    print("error: \(error)")
    exit(1)
}
