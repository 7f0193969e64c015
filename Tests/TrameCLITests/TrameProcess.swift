import Foundation

/// Runs the built `trame` executable as a user would, capturing its output and exit status.
struct TrameProcess {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static let repository: URL = {
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        while url.pathComponents.count > 1 {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("repository root not found")
    }()

    /// The executable built beside the test bundle.
    static let executable: URL = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for dir in [beside, beside.deletingLastPathComponent()] {
            let candidate = dir.appendingPathComponent("trame")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return repository.appendingPathComponent(".build/debug/trame")
    }()

    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? repository
        var env = ProcessInfo.processInfo.environment
        env["TRAME_RESOURCES"] = repository.path
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes concurrently so a large output cannot block the child.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("trame-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Copies the demo convention into `directory` with the files it names (its partners' logos,
    /// read beside it), as a user copies a convention folder.
    static func copyConvention(to directory: URL) throws {
        let bundle = repository.appendingPathComponent("Conventions/metz-jury-2018")
        try FileManager.default.copyItem(at: bundle.appendingPathComponent("convention-metz-jury-2018.yaml"),
                                         to: directory.appendingPathComponent("convention-metz-jury-2018.yaml"))
        try copyConventionFiles(to: directory)
    }

    /// Copies the demo convention's logos folder into `directory`.
    static func copyConventionFiles(to directory: URL) throws {
        let bundle = repository.appendingPathComponent("Conventions/metz-jury-2018")
        try FileManager.default.copyItem(at: bundle.appendingPathComponent("logos"), to: directory.appendingPathComponent("logos"))
    }
}
