import Foundation

/// A problem found in a file, reported like a compiler does, in French:
/// `FILE:LINE:COL: erreur [CODE] champ.chemin : message`, then the source line and a caret.
public struct Diagnostic: Sendable, Hashable, Error {
    public enum Severity: String, Sendable, Hashable {
        case error = "erreur"
        case warning = "avertissement"
    }

    public var severity: Severity
    /// A stable code such as `CLE_INCONNUE`, for documentation and tests.
    public var code: String
    /// The field concerned, when there is one.
    public var path: FieldPath?
    public var message: String
    public var location: SourceLocation?

    public init(_ severity: Severity, _ code: String, path: FieldPath? = nil, _ message: String, at location: SourceLocation?) {
        self.severity = severity
        self.code = code
        self.path = path
        self.message = message
        self.location = location
    }

    public static func error(_ code: String, path: FieldPath? = nil, _ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, code, path: path, message, at: location)
    }

    public static func warning(_ code: String, path: FieldPath? = nil, _ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.warning, code, path: path, message, at: location)
    }

    /// The first line: `FILE:LINE:COL: erreur [CODE] champ.chemin : message`.
    public var headline: String {
        var out = ""
        if let location { out += "\(location): " }
        out += "\(severity.rawValue) [\(code)] "
        if let path, !path.isEmpty { out += "\(path) : " }
        out += message
        return out
    }

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
