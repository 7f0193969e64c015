import Foundation

/// A problem Trame reports, in French, with its context — the one error type of every layer.
///
/// Printed like a compiler: `FILE:LINE:COL: erreur [CODE] champ.chemin : message`, then the source
/// line and a caret; without a location, `SUJET: erreur [CODE] message` where a file or a
/// reference is concerned. The typed ``code`` decides the ``category``, which decides the exit
/// status of a command and the HTTP status of a page.
public struct Diagnostic: Sendable, Hashable, Error, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error = "erreur"
        case warning = "avertissement"
    }

    public var severity: Severity
    /// A stable code such as `CLE_INCONNUE`, for documentation, scripts and tests.
    public var code: DiagnosticCode
    /// The field concerned, when there is one.
    public var path: FieldPath?
    /// The French message.
    public var message: String
    /// Where in a source file, when the problem is in one.
    public var location: SourceLocation?
    /// The file, account or reference concerned when there is no location in a source file.
    public var subject: String?

    public init(_ severity: Severity, _ code: DiagnosticCode, path: FieldPath? = nil, _ message: String,
                at location: SourceLocation? = nil, subject: String? = nil) {
        self.severity = severity
        self.code = code
        self.path = path
        self.message = message
        self.location = location
        self.subject = subject
    }

    /// An error.
    public static func error(_ code: DiagnosticCode, path: FieldPath? = nil, _ message: String,
                             at location: SourceLocation? = nil, subject: String? = nil) -> Diagnostic {
        Diagnostic(.error, code, path: path, message, at: location, subject: subject)
    }

    /// A warning: reported, never a reason to refuse.
    public static func warning(_ code: DiagnosticCode, path: FieldPath? = nil, _ message: String,
                               at location: SourceLocation? = nil, subject: String? = nil) -> Diagnostic {
        Diagnostic(.warning, code, path: path, message, at: location, subject: subject)
    }

    /// A failure of the system underneath (disk full, permissions…), told in French: the
    /// underlying error's own text (often English, with paths) never reaches the user.
    public static func io(_ message: String, subject: String?, underlying: any Error,
                          code: DiagnosticCode = .ecriture) -> Diagnostic {
        .error(code, "\(message) (\(SystemError.french(underlying)))", subject: subject)
    }

    /// What kind of problem this is (from its code).
    public var category: DiagnosticCategory { code.category }

    /// The first line: `FILE:LINE:COL: erreur [CODE] champ.chemin : message`.
    public var headline: String {
        var out = ""
        if let location { out += "\(location): " } else if let subject { out += "\(subject): " }
        out += "\(severity.rawValue) [\(code.rawValue)] "
        if let path, !path.isEmpty { out += "\(path) : " }
        out += message
        return out
    }

    /// The headline.
    public var description: String { headline }

    /// The headline, then the source line and a caret under the column, when the text is known.
    public func rendered(source: SourceText?) -> String {
        guard let location, let source, let line = source.line(location.line),
              !line.trimmingCharacters(in: .whitespaces).isEmpty else { return headline }
        let shown = line.replacingTabs()
        let prefix = line.unicodeScalars.prefix(max(0, location.column - 1))
        let caretColumn = String(String.UnicodeScalarView(prefix)).replacingTabs().count
        return headline + "\n    " + shown + "\n    " + String(repeating: " ", count: caretColumn) + "^"
    }
}

extension String {
    fileprivate func replacingTabs() -> String { replacingOccurrences(of: "\t", with: "    ") }
}

/// The text of a source file, kept to show the line of a diagnostic.
public struct SourceText: Sendable {
    public let name: String
    private let lines: [Substring]

    public init(name: String, text: String) {
        self.name = name
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// Line `n` (1-based), without its line ending.
    public func line(_ n: Int) -> String? {
        guard n >= 1, n <= lines.count else { return nil }
        var l = lines[n - 1]
        if l.hasSuffix("\r") { l = l.dropLast() }
        return String(l.prefix(400))
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
}

extension DiagnosticCode: Comparable {
    /// Codes sort by their printed form, so reports list problems in a stable order.
    public static func < (a: DiagnosticCode, b: DiagnosticCode) -> Bool { a.rawValue < b.rawValue }
}
