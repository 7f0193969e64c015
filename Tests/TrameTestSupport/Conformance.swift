import Foundation

/// The external conformance tools (`shared/conformance`, LibreOffice, jing, xmllint, poppler):
/// where they are, whether the tests can use them (``ToolGate``), and how to run them.
public enum Conformance {
    /// `$TRAME_CONFORMANCE_DIR`, else the first `shared/conformance` found next to an ancestor of
    /// this file (in CI the repository is cloned beside `shared/`).
    public static let directory: URL? = {
        let fileManager = FileManager.default
        func isToolDirectory(_ url: URL) -> Bool {
            fileManager.isExecutableFile(atPath: url.appendingPathComponent("check-odt.sh").path)
        }
        if let path = ProcessInfo.processInfo.environment["TRAME_CONFORMANCE_DIR"] {
            let url = URL(fileURLWithPath: path)
            return isToolDirectory(url) ? url : nil
        }
        var directory = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        while directory.pathComponents.count > 1 {
            let candidate = directory.appendingPathComponent("shared/conformance")
            if isToolDirectory(candidate) { return candidate.standardizedFileURL }
            directory.deleteLastPathComponent()
        }
        return nil
    }()

    public static let requiredTools = ["jing", "xmllint", "soffice", "pdftotext", "pdfinfo", "python3", "unzip"]

    /// Why the conformance tests cannot run, or `nil` if they can (gate tests with `.requires(.conformance)`).
    public static let skipReason: String? = {
        guard directory != nil else {
            return "no conformance directory (set TRAME_CONFORMANCE_DIR or clone next to shared/conformance)"
        }
        let missing = requiredTools.filter { executablePath($0) == nil }
        return missing.isEmpty ? nil : "missing tools on PATH: \(missing.joined(separator: ", ")) (run shared/conformance/install.sh)"
    }()

    public static func executablePath(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":")
            .map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs a program found on PATH (or an absolute path) and returns its status and merged output.
    public static func run(_ program: String, _ arguments: [String], in directory: URL? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program.hasPrefix("/") ? program : executablePath(program) ?? program)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    /// A fresh temporary directory for renders (never inside the repository).
    public static func temporaryDirectory(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("trame-\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

extension Conformance {
    /// Runs `check-odt.sh` or `check-docx.sh` (chosen by the file's extension) on a written file.
    /// - Returns: whether it passed, and the script's output (to show on failure).
    public static func check(file: URL, options: [String] = []) throws -> (passed: Bool, output: String) {
        guard let directory else { return (false, "no conformance directory") }
        let script = directory.appendingPathComponent(file.pathExtension == "odt" ? "check-odt.sh" : "check-docx.sh")
        let result = try run(script.path, options + [file.path])
        let verdict = result.output.split(separator: "\n").last { $0.hasPrefix("RESULT:") } ?? "no RESULT line"
        print("conformance \(file.lastPathComponent): \(verdict)")
        return (result.status == 0 && verdict.hasPrefix("RESULT: PASS"), result.output)
    }

    /// LibreOffice as a client: converts each file to PDF (one LibreOffice run per extension, a
    /// throwaway profile) and reads back its page count (`pdfinfo`) and text (`pdftotext`).
    ///
    /// The text depends on fonts and layout: use it only for loose checks (the document's title,
    /// the absence of a phrase), never to check what a document says — read ``DocumentText`` for that.
    /// - Parameter directory: Where the PDFs are written, `<directory>/<extension>/<name>.pdf`.
    public static func convertToPDF(_ files: [URL], in directory: URL) throws -> [URL: PDFCopy] {
        let profile = "file://\(directory.path)/lo-profile"
        defer { try? FileManager.default.removeItem(at: directory.appendingPathComponent("lo-profile")) }
        // One folder per extension, so that x.odt and x.docx do not both become x.pdf.
        for (ext, group) in Dictionary(grouping: files, by: \.pathExtension) {
            _ = try run("soffice", ["-env:UserInstallation=\(profile)", "--headless", "--norestore", "--convert-to", "pdf",
                                    "--outdir", directory.appendingPathComponent(ext).path] + group.map(\.path))
        }
        var copies: [URL: PDFCopy] = [:]
        for file in files {
            let pdf = directory.appendingPathComponent(file.pathExtension)
                .appendingPathComponent(file.deletingPathExtension().lastPathComponent + ".pdf")
            copies[file] = try PDFCopy(pdf)
        }
        return copies
    }

    /// A PDF read back with poppler.
    public struct PDFCopy: Sendable {
        public let url: URL
        /// Whether the file exists.
        public let exists: Bool
        /// `Pages:` from `pdfinfo` (0 if unreadable).
        public let pages: Int
        /// `pdftotext` output, normalised (``DocumentText/normalise(_:)``): for loose checks only.
        public let text: String
        /// `pdfinfo` and `pdfinfo -meta` output (document information and XMP metadata).
        public let info: String

        public init(_ url: URL) throws {
            self.url = url
            exists = FileManager.default.fileExists(atPath: url.path)
            let info = exists ? try run("pdfinfo", [url.path]).output : ""
            self.info = info + (exists ? try run("pdfinfo", ["-meta", url.path]).output : "")
            pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
                .flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
            text = exists ? DocumentText.normalise(try run("pdftotext", ["-enc", "UTF-8", url.path, "-"]).output) : ""
        }
    }
}
