import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every `--json` output of `trame`, run on the sample data: its keys are French snake_case ASCII
/// and each one is documented in `docs/outputs.md`; the actor of an action is the system user.
@Suite("Machine outputs: documented keys, one style", .serialized)
struct MachineOutputTests {
    static let bundle = CLIWorkspace.bundle
    static let dossiers = ["MJ-2019-002", "MJ-2019-004", "MJ-2019-011"].map { bundle.appendingPathComponent("dossier-\($0).yaml").path }
    static let convention = bundle.appendingPathComponent("convention-metz-jury-2018.yaml").path

    /// The keys documented in `docs/outputs.md`: every backquoted name in the first column of its tables.
    static let documentedKeys: Set<String> = {
        let text = (try? String(contentsOf: TrameProcess.repository.appendingPathComponent("docs/outputs.md"), encoding: .utf8)) ?? ""
        var keys: Set<String> = []
        for line in text.split(separator: "\n") where line.hasPrefix("|") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false)
            guard cells.count > 2 else { continue }
            let first = cells[1]
            var rest = first[...]
            while let open = rest.firstIndex(of: "`"), let close = rest[rest.index(after: open)...].firstIndex(of: "`") {
                keys.insert(String(rest[rest.index(after: open)..<close]))
                rest = rest[rest.index(after: close)...]
            }
        }
        return keys
    }()

    /// Every key of every object in `json`, with the path where it was first seen.
    static func keys(_ json: Any, path: String = "", into found: inout [String: String]) {
        if let object = json as? [String: Any] {
            for (key, value) in object {
                if found[key] == nil { found[key] = path + "." + key }
                keys(value, path: path + "." + key, into: &found)
            }
        } else if let array = json as? [Any] {
            for item in array { keys(item, path: path + "[]", into: &found) }
        }
    }

    /// The name of the user running the tests, as `trame` finds it.
    static var systemUser: String? { getpwuid(geteuid()).flatMap { $0.pointee.pw_name.map { String(cString: $0) } } }

    static func isSnakeCaseASCII(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return key.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" } && !key.hasSuffix("_")
    }

    /// A workspace with a convention, a dossier (two versions), a generated and a signed document, an account.
    static func populatedWorkspace() throws -> CLIWorkspace {
        let ws = try CLIWorkspace.make()
        let generated = try ws.run(["generate", "sous-location", "--dossier", bundle.appendingPathComponent("dossier-MJ-2019-004.yaml").path,
                                    "--format", "html", "--output", ws.root.appendingPathComponent("sous-location.html").path, "--archive"])
        guard generated.status == 0 else { throw CLIWorkspace.CLIFailure(message: "generate: \(generated.stderr)") }
        let signed = try ws.run(["archive", "add", try ws.pdf("signe"), "--dossier", "MJ-2019-004", "--document", "sous-location",
                                 "--signed-on", "2019-04-01", "--signatory", "Association", "--generated", "G1"])
        guard signed.status == 0 else { throw CLIWorkspace.CLIFailure(message: "archive add: \(signed.stderr)") }
        let user = try runWithInput(["users", "add", "n.haddad", "--role", "coordination", "--workspace", ws.directory.path],
                                    input: "mot-de-passe-assez-long-42\n", in: ws.root)
        guard user == 0 else { throw CLIWorkspace.CLIFailure(message: "users add: \(user)") }
        let retention = try ws.run(["archive", "retention", "--convention", "metz-jury-2018", "--annees", "5"])
        guard retention.status == 0 else { throw CLIWorkspace.CLIFailure(message: "archive retention: \(retention.stderr)") }
        return ws
    }

    /// Runs `trame` with `input` on its standard input; returns the exit status.
    static func runWithInput(_ arguments: [String], input: String, in directory: URL) throws -> Int32 {
        let process = Process()
        process.executableURL = TrameProcess.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["TRAME_RESOURCES"] = TrameProcess.repository.path
        process.environment = env
        let stdin = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func everyJSONKeyIsSnakeCaseAndDocumented() throws {
        #expect(Self.documentedKeys.count > 100, "docs/outputs.md read: \(Self.documentedKeys.count) keys")
        let ws = try Self.populatedWorkspace()
        defer { ws.remove() }
        let impactDir = ws.root.appendingPathComponent("impact")
        try FileManager.default.createDirectory(at: impactDir, withIntermediateDirectories: true)
        let outputs: [[String]] = [
            ["check", "--json", Self.convention] + Self.dossiers,
            ["deadlines", "--on", "2020-04-15", "--json"] + Self.dossiers,
            ["funding", "--json", "--convention", Self.convention] + Self.dossiers,
            ["status", Self.bundle.path, "--on", "2020-04-15", "--json"],
            ["clauses", "sous-location", "--dossier", Self.dossiers[1], "--json"],
            ["clauses", "--dossier", Self.dossiers[1], "--json"],
            ["clauses", "sous-location", "--dossier", Self.dossiers[1], "--mentions", "--json"],
            ["clauses", "sous-location", "--mentions", "--json"],
            ["clauses", "impact", "sous-location.depot-garantie", "--since", "99", "--in", impactDir.path, "--archive", "--json"],
            ["archive", "log", "--json"],
            ["archive", "show", "MJ-2019-004/sous-location/v1", "--json"],
            ["archive", "show", "G1", "--json"],
            ["archive", "audit", "--json"],
            ["archive", "verify", "--json"],
            ["archive", "purge", "--before", "2030-01-01", "--json"],
            ["dossier", "list", "--json"],
            ["dossier", "history", "MJ-2019-004", "--json"],
            ["convention", "list", "--json"],
            ["convention", "history", "metz-jury-2018", "--json"],
            ["users", "list", "--json"],
            ["archive", "add", try ws.pdf("autre"), "--dossier", "MJ-2019-004", "--document", "bail-principal",
             "--signed-on", "2019-04-01", "--signatory", "Bailleur", "--json"],
        ]
        var seen: Set<String> = []
        for arguments in outputs {
            let r = try ws.run(arguments)
            #expect(r.status == 0, "\(arguments.prefix(3)): \(r.stderr)")
            let json = try #require(try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8)), "\(arguments.prefix(3)) is not JSON: \(r.stdout.prefix(200))")
            var found: [String: String] = [:]
            Self.keys(json, into: &found)
            #expect(!found.isEmpty || arguments.contains("impact"), "\(arguments.prefix(3)) gave no object")
            for (key, path) in found.sorted(by: { $0.key < $1.key }) {
                #expect(Self.isSnakeCaseASCII(key), "\(arguments.prefix(3).joined(separator: " ")): key \(path) is not snake_case ASCII")
                #expect(Self.documentedKeys.contains(key), "\(arguments.prefix(3).joined(separator: " ")): key \(path) is not in docs/outputs.md")
            }
            seen.formUnion(found.keys)
        }
        // The leaks of the old outputs are gone.
        for old in ["addedAt", "addedBy", "ownerKind", "mediaType", "value", "versionCount", "current", "seq"] {
            #expect(!seen.contains(old), "old key \(old)")
        }
    }

    @Test func archiveJSONUsesTheSharedConventions() throws {
        let ws = try Self.populatedWorkspace()
        defer { ws.remove() }
        let log = try #require(try JSONSerialization.jsonObject(with: Data(ws.run(["archive", "log", "--json"]).stdout.utf8)) as? [String: Any])
        let signed = try #require((log["signes"] as? [[String: Any]])?.first)
        #expect(signed["type_media"] as? String == "application/pdf", "a plain string, no wrapper")
        #expect(signed["type_proprietaire"] as? String == "dossier")
        #expect(signed["ajoute_par"] as? String == Self.systemUser, "the system user comes before $USER")
        #expect(signed["document_genere"] as? String == "G1")
        let stamp = try #require(signed["ajoute_le"] as? String)
        #expect(stamp.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/) != nil, "ISO 8601 UTC to the second: \(stamp)")
        let generated = try #require((log["generes"] as? [[String: Any]])?.first)
        #expect(generated["reference"] as? String == "G1" && generated["type_media"] as? String == "text/html")
        let audit = try #require(try JSONSerialization.jsonObject(with: Data(ws.run(["archive", "audit", "--json"]).stdout.utf8)) as? [[String: Any]])
        #expect(audit.first?["detail"] is [String: Any], "the detail is an object, not JSON in a string")
    }

    @Test func fundingAmountsAreExactAndStatusCodesMatchTheCSV() throws {
        let json = try TrameProcess.run(["funding", "--json", "--convention", Self.convention] + Self.dossiers)
        #expect(json.stdout.contains("\"total\": 27114.90"))
        // No binary-float artefact anywhere: every number has at most two decimals.
        #expect(json.stdout.firstMatch(of: /: -?\d+\.\d{3,}/) == nil)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let dossiers = try #require(((object["conventions"] as? [[String: Any]])?.first?["dossiers"]) as? [[String: Any]])
        let codes = Set(dossiers.compactMap { $0["statut"] as? String })
        let csv = try TrameProcess.run(["funding", "--csv", "--convention", Self.convention] + Self.dossiers).stdout
        let rows = csv.dropFirst().components(separatedBy: "\r\n").dropLast().map { $0.components(separatedBy: ";") }
        let header = try #require(rows.first)
        let status = try #require(header.firstIndex(of: "statut"))
        #expect(Set(rows.dropFirst().map { $0[status] }) == codes, "the same codes in JSON and CSV")
        for column in header { #expect(Self.documentedKeys.contains(column), "CSV column \(column) is not in docs/outputs.md") }
    }

    @Test func statusJSONOnTheSamples() throws {
        let r = try TrameProcess.run(["status", "--on", "2020-04-15", "--json", Self.bundle.path])
        #expect(r.status == 0, "\(r.stderr)")
        let statuses = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        let status = try #require(statuses.first)
        #expect(status["convention"] as? String == "metz-jury-2018" && status["date_reference"] as? String == "2020-04-15")
        #expect((status["menages_par_etape"] as? [String: Int])?.values.reduce(0, +) == status["menages"] as? Int)
        #expect(((status["financement"] as? [String: Any])?["ensemble"] as? [String: Any])?["total"] as? Double != nil)
    }

    /// `$USER` and `$LOGNAME` are unset in containers, cron jobs and services: every action used to
    /// be recorded as « inconnu ». The account database gives the name.
    @Test func theActorIsTheSystemUserUnlessByIsGiven() throws {
        let expected = try #require(Self.systemUser)
        let root = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let env = ["TRAME_HOME": root.appendingPathComponent("ws").path, "USER": "", "LOGNAME": ""]
        #expect(try TrameProcess.run(["init"], in: root, environment: env).status == 0)
        #expect(try TrameProcess.run(["convention", "add", Self.convention], in: root, environment: env).status == 0)
        #expect(try TrameProcess.run(["dossier", "add", Self.dossiers[1], "--by", "c.martin"], in: root, environment: env).status == 0)
        let conventions = try JSONSerialization.jsonObject(with: Data(TrameProcess.run(["convention", "list", "--json"], in: root, environment: env).stdout.utf8)) as? [[String: Any]]
        #expect(conventions?.first?["ajoute_par"] as? String == expected)
        let dossiers = try JSONSerialization.jsonObject(with: Data(TrameProcess.run(["dossier", "list", "--json"], in: root, environment: env).stdout.utf8)) as? [[String: Any]]
        #expect(dossiers?.first?["ajoute_par"] as? String == "c.martin")
        let audit = try JSONSerialization.jsonObject(with: Data(TrameProcess.run(["archive", "audit", "--json"], in: root, environment: env).stdout.utf8)) as? [[String: Any]]
        #expect(audit?.compactMap { $0["acteur"] as? String } == [expected, expected, "c.martin"])
        #expect(audit?.contains { $0["acteur"] as? String == "inconnu" } == false)
    }
}
