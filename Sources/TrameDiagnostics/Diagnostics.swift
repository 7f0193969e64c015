/// Several diagnostics thrown together — every problem of a file or a template at once — with the
/// source texts they point into, so that each can be shown with its line and caret.
public struct Diagnostics: Error, Sendable, CustomStringConvertible {
    /// The problems, in the order they were found.
    public var diagnostics: [Diagnostic]
    /// Source texts by file name, to show the offending lines.
    public var sources: [String: SourceText]

    /// Wraps located diagnostics.
    public init(_ diagnostics: [Diagnostic], sources: [String: SourceText] = [:]) {
        self.diagnostics = diagnostics
        self.sources = sources
    }

    /// Wraps one diagnostic.
    public init(_ diagnostic: Diagnostic) { self.init([diagnostic]) }

    /// The category of the first error (or of the first diagnostic): decides the exit status.
    public var category: DiagnosticCategory {
        (diagnostics.first { $0.severity == .error } ?? diagnostics.first)?.category ?? .data
    }

    /// The diagnostics as a compiler prints them, with source lines where known.
    public var rendered: String {
        diagnostics.map { d in d.rendered(source: d.location.flatMap { sources[$0.file] }) }.joined(separator: "\n")
    }

    /// One headline per diagnostic.
    public var description: String { diagnostics.map(\.headline).joined(separator: "\n") }
}
