import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The named steps of one workspace write, and the test-only fault hook that can stop the process
/// at any of them, as a crash would.
///
/// **`TRAME_FAULT_AT`** (environment variable, read once per process; compiled into every build,
/// inert unless set):
///
///     TRAME_FAULT_AT=<operation>:<N>     on reaching step N (1 = the first) of <operation>, print
///                                        one line to stderr and SIGKILL the process itself: no
///                                        cleanup, no `defer`, no flush; the kernel releases the
///                                        locks, as after a real crash.
///     TRAME_FAULT_AT=<operation>:list    stop nowhere; print each step of <operation> to stderr as
///                                        it is reached: `TRAME_FAULT_AT archive-add 3 temp-written`.
///
/// A test learns the steps with `:list` (the same input in the same state reaches the same steps),
/// then runs every N (`Tests/TrameCLITests/ArchiveCrashFaultTests.swift`). A step names the instant
/// *after* what it names. The sequences, in order (`×file`: once per file written):
/// - adds (`archive-add`, `dossier-add`, `convention-add`, `generated-add` — the last with two files,
///   the document and its manifest): `lock-created`; ×file `temp-opened`, `temp-partial` (first
///   chunk written), `temp-written`, `temp-synced`; `journal-inserted` (not committed),
///   `journal-committed`; ×file `blob-read-only`, `blob-linked` (both names exist), `temp-unlinked`
///   (these two skipped when the store already holds the bytes), `blob-dir-synced`;
///   `transaction-begun`, ×file `stored-file-inserted`, `version-inserted`,
///   `audit-inserted`, `journal-cleared` (all uncommitted); `committed`; `lock-released`.
/// - `backup`: `lock-created`, `snapshot-copied`, ×extra database `accounts-copied`, `output-noted`
///   (the temporary's path recorded in `tmp/` for the recovery), `zip-created`, `zip-manifest-added`,
///   `zip-database-added`, ×extra database `zip-accounts-added`, ×stored file `zip-file-added`,
///   `output-written`, `output-synced`, `output-renamed`, `output-dir-synced`, `audit-logged`.
/// - `export` (`trame archive export`), `extract` (`trame archive get`): `lock-created`, `output-noted`,
///   `output-written`, `output-synced`, `output-renamed`, `output-dir-synced`, `audit-logged`.
final class WriteSteps {
    /// A workspace write that `TRAME_FAULT_AT` can name.
    enum Operation: String, Sendable {
        case archiveAdd = "archive-add"
        case dossierAdd = "dossier-add"
        case conventionAdd = "convention-add"
        case generatedAdd = "generated-add"
        case backup
        case export
        case extract
    }

    /// What `TRAME_FAULT_AT` asks for.
    struct Plan: Sendable, Equatable {
        let operation: String
        /// The step to stop at; nil: list the steps.
        let stopAt: Int?

        init?(_ text: String?) {
            guard let text, let colon = text.lastIndex(of: ":") else { return nil }
            operation = String(text[..<colon])
            let argument = text[text.index(after: colon)...]
            if argument == "list" {
                stopAt = nil
            } else if let n = Int(argument), n >= 1 {
                stopAt = n
            } else {
                return nil
            }
        }
    }

    /// The environment variable.
    static let variable = "TRAME_FAULT_AT"
    /// The plan of this process, if any.
    static let plan = Plan(ProcessInfo.processInfo.environment[variable])

    /// The write; nil: one that `TRAME_FAULT_AT` cannot name (its steps do nothing).
    let operation: Operation?
    private let plan: Plan?
    private var reached = 0

    init(_ operation: Operation?) {
        self.operation = operation
        plan = operation != nil && WriteSteps.plan?.operation == operation?.rawValue ? WriteSteps.plan : nil
    }

    /// Marks a step as reached: stops the process here when the plan says so.
    func step(_ name: StaticString) {
        guard let plan, let operation else { return }
        reached += 1
        guard let stopAt = plan.stopAt else {
            WriteSteps.report("\(WriteSteps.variable) \(operation.rawValue) \(reached) \(name)\n")
            return
        }
        guard stopAt == reached else { return }
        WriteSteps.report("\(WriteSteps.variable) : arrêt brutal simulé à l'étape \(reached) (\(name)) de \(operation.rawValue)\n")
        kill(getpid(), SIGKILL)
        _exit(70)
    }

    /// Writes to stderr at once, without buffering.
    private static func report(_ line: String) {
        var bytes = Array(line.utf8)
        _ = write(2, &bytes, bytes.count)
    }
}
