import Foundation

/// A workspace driven through the `trame` executable, as a user would.
struct CLIWorkspace {
    let root: URL
    var directory: URL { root.appendingPathComponent("ws") }
    static let bundle = TrameProcess.repository.appendingPathComponent("Conventions/metz-jury-2018")

    /// A new workspace holding the sample convention and dossier MJ-2019-004.
    static func make() throws -> CLIWorkspace {
        let ws = CLIWorkspace(root: try TrameProcess.temporaryDirectory())
        for args in [["init", "ws"],
                     ["convention", "add", bundle.appendingPathComponent("convention-metz-jury-2018.yaml").path],
                     ["dossier", "add", bundle.appendingPathComponent("dossier-MJ-2019-004.yaml").path]] {
            let r = try ws.run(args)
            guard r.status == 0 else { throw CLIFailure(message: "\(args): \(r.status) \(r.stdout) \(r.stderr)") }
        }
        return ws
    }

    struct CLIFailure: Error { let message: String }

    /// Runs `trame` with `$TRAME_HOME` set to this workspace, from its root directory.
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> TrameProcess.Result {
        try TrameProcess.run(arguments, in: root,
                             environment: ["TRAME_HOME": directory.path, "USER": "testeur"].merging(environment) { $1 })
    }

    /// Starts `trame` without waiting for it; its stderr goes to `stderrFile` (in the root) when given.
    func start(_ arguments: [String], stderrFile: String? = nil) throws -> Process {
        let process = Process()
        process.executableURL = TrameProcess.executable
        process.arguments = arguments
        process.currentDirectoryURL = root
        var env = ProcessInfo.processInfo.environment
        env["TRAME_RESOURCES"] = TrameProcess.repository.path
        env["TRAME_HOME"] = directory.path
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        if let stderrFile {
            let url = root.appendingPathComponent(stderrFile)
            FileManager.default.createFile(atPath: url.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: url)
        } else {
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        return process
    }

    /// A small PDF whose bytes depend on `tag`.
    func pdf(_ tag: String) throws -> String {
        let url = root.appendingPathComponent("\(tag).pdf")
        try Data("%PDF-1.7\n% \(tag)\n%%EOF\n".utf8).write(to: url)
        return url.path
    }

    /// The archive's signed versions, from `archive log --json`.
    func signedVersions() throws -> [[String: Any]] {
        let r = try run(["archive", "log", "--json"])
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        return json?["signes"] as? [[String: Any]] ?? []
    }

    /// Every path under `objets/`, and the number of audit entries: "the archive is unchanged" when equal.
    func state() throws -> [String] {
        let objects = directory.appendingPathComponent("objets")
        var paths: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: objects.path)
        while let next = enumerator?.nextObject() as? String { paths.append(next) }
        let audit = try run(["archive", "audit", "--json"])
        let events = (try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [Any])?.count ?? -1
        return paths.sorted() + ["audit:\(events)", "versions:\(try signedVersions().count)"]
    }

    /// The text of a file in the root.
    func text(_ name: String) -> String {
        (try? String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)) ?? ""
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}
