import Foundation
import Testing

/// An external tool (or set of tools) some tests need: LibreOffice, the conformance scripts, a browser.
///
/// Without `TRAME_REQUIRE_TOOLS=1` a test gated on a missing tool is skipped, and the reason
/// is printed once. With it (strict CI) the same test fails, naming what is missing:
/// a machine that is meant to run everything cannot silently run less.
///
/// ```swift
/// @Test(.requires(.libreOffice)) func convertsToPDF() throws { … }
/// ```
public struct ToolGate: Sendable {
    /// What the tests need, for the messages: "LibreOffice and poppler".
    public let name: String
    /// Why the tool cannot be used, or `nil` when it can.
    public let missing: String?

    public init(name: String, missing: String?) {
        self.name = name
        self.missing = missing
    }

    /// A gate on programs that must be on PATH.
    public init(name: String, programs: [String], hint: String) {
        let absent = programs.filter { Conformance.executablePath($0) == nil }
        self.init(name: name, missing: absent.isEmpty ? nil : "missing on PATH: \(absent.joined(separator: ", ")) (\(hint))")
    }

    public var isAvailable: Bool { missing == nil }

    /// Whether `TRAME_REQUIRE_TOOLS=1` is set: missing tools fail the tests instead of skipping them.
    public static var isStrict: Bool { ProcessInfo.processInfo.environment["TRAME_REQUIRE_TOOLS"] == "1" }

    /// The failure of a gated test in strict mode.
    public struct MissingTool: Error, CustomStringConvertible {
        public let description: String
    }

    /// `true` if the tests can run; `false` (skip, printing why) if not; throws in strict mode.
    /// - Throws: ``MissingTool`` when the tool is missing and `TRAME_REQUIRE_TOOLS=1`.
    public func evaluate() throws -> Bool {
        guard let missing else { return true }
        if Self.isStrict {
            throw MissingTool(description: "TRAME_REQUIRE_TOOLS=1 but \(name) cannot run: \(missing)")
        }
        Self.announce("⚠️ tests needing \(name) skipped: \(missing) (set TRAME_REQUIRE_TOOLS=1 to make this a failure)")
        return false
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var announced: Set<String> = []

    /// Prints a skip message once per process.
    private static func announce(_ message: String) {
        lock.lock()
        let first = announced.insert(message).inserted
        lock.unlock()
        if first { print(message) }
    }
}

extension ToolGate {
    /// The conformance scripts (`shared/conformance`) and every tool they call.
    public static let conformance = ToolGate(name: "the conformance tools (shared/conformance)", missing: Conformance.skipReason)

    /// LibreOffice (`soffice`) and poppler (`pdfinfo`, `pdftotext`), to convert documents to PDF and read them.
    public static let libreOffice = ToolGate(name: "LibreOffice and poppler", programs: ["soffice", "pdfinfo", "pdftotext"],
                                             hint: "run shared/conformance/install.sh")

    /// `unzip`, to read every part of a package as bytes.
    public static let unzip = ToolGate(name: "unzip", programs: ["unzip"], hint: "apt-get install unzip")
}

extension Trait where Self == ConditionTrait {
    /// Runs the test only when `gate`'s tools are present; skips it otherwise, or fails it when
    /// `TRAME_REQUIRE_TOOLS=1` (see ``ToolGate``).
    public static func requires(_ gate: ToolGate, sourceLocation: SourceLocation = #_sourceLocation) -> Self {
        .enabled("needs \(gate.name)", sourceLocation: sourceLocation) { try gate.evaluate() }
    }
}
