import Foundation
import Testing

/// Issue 12, point 7: nothing below the CLI and the web layer reads the system date; "today" is
/// passed in. This test reads the sources of the library modules and refuses any clock read that
/// is not on the allow-list below, each entry with its reason.
@Suite("No hidden clock below the CLI and the web layer")
struct NoHiddenClockTests {
    /// The modules below `trame` (TrameCLI) and `trame-web` (TrameWeb).
    static let modules = ["TrameModel", "TrameProcedure", "TrameTemplates", "TrameAssembly", "TrameArchive",
                          "TrameDocument", "TrameFrench", "TrameDiagnostics", "TrameFiles", "TrameAccounts"]

    /// Ways Swift code reads the clock, as regular expressions (`readReferenceDate()` is no read).
    static let patterns = [#"(?<![A-Za-z0-9_])Date\(\)"#, #"(?<![A-Za-z0-9_])Date\.now\b"#, #"(?<![A-Za-z0-9_])Date\.init\(\)"#,
                           #"\.today\(\)"#, #"timeIntervalSinceNow"#, #"ContinuousClock"#, #"SuspendingClock"#,
                           #"clock_gettime"#, #"gettimeofday"#, #"\btime\(nil\)"#, #"CFAbsoluteTimeGetCurrent"#,
                           #"DispatchTime\.now"#, #"DispatchWallTime\.now"#, #"systemUptime"#]
        .map { try! NSRegularExpression(pattern: $0) }

    static func readsClock(_ line: String) -> Bool {
        let code = line.components(separatedBy: "//").first ?? ""
        let range = NSRange(code.startIndex..., in: code)
        return patterns.contains { $0.firstMatch(in: code, range: range) != nil }
    }

    /// Known reads, by "Module/File.swift" and the line's text: each is an injectable default whose
    /// caller can pass the time in; the reason says why it is still there.
    static let allowed: [(file: String, contains: String, reason: String)] = [
        ("TrameArchive/Workspace.swift", "clock: @escaping Clock = { Date() }",
         "audit timestamps (added_at, audit log) of a workspace: injectable `clock:`, tests inject it; to remove, the CLI and the web app must pass their clock"),
        ("TrameArchive/Workspace+Backup.swift", "clock: @escaping Clock = { Date() }",
         "same audit clock when a backup is restored (injectable)"),
        ("TrameAccounts/AccountStore.swift", "clock: @escaping Clock = { Date() }",
         "session expiry and login throttling of web accounts: injectable `clock:`, the web app passes its own"),
    ]

    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    /// Every clock read of a module's sources: "Module/File.swift:LINE: text". Comments are skipped.
    static func clockReads(in module: String) throws -> [(file: String, line: Int, text: String)] {
        let root = sources.appendingPathComponent(module)
        var out: [(String, Int, String)] = []
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        for case let url as URL in walker where url.pathExtension == "swift" {
            let relative = module + "/" + url.path.dropFirst(root.path.count + 1)
            let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
            for (i, line) in lines.enumerated() {
                if readsClock(line) { out.append((relative, i + 1, line.trimmingCharacters(in: .whitespaces))) }
            }
        }
        return out
    }

    @Test(arguments: modules)
    func noClockReadOutsideTheAllowList(module: String) throws {
        #expect(FileManager.default.fileExists(atPath: Self.sources.appendingPathComponent(module).path), "Sources/\(module) absent")
        for read in try Self.clockReads(in: module) {
            let known = Self.allowed.contains { read.file == $0.file && read.text.contains($0.contains) }
            #expect(known, "\(read.file):\(read.line): clock read below the CLI: « \(read.text) » — pass the date in")
        }
    }

    @Test func theModelHasNoToday() throws {
        #expect(try Self.clockReads(in: "TrameModel").isEmpty)
        #expect(try Self.clockReads(in: "TrameProcedure").isEmpty)
    }

    @Test func theDetectorFindsAClockRead() {
        #expect(Self.readsClock("let now = Date()  // here"))
        #expect(Self.readsClock("let d = CalendarDate.today()"))
        #expect(Self.readsClock("if Date.now > limit {"))
        #expect(!Self.readsClock("/// Today is passed in, never Date()."))
        #expect(!Self.readsClock("referenceDate = readReferenceDate()"))
    }
}
