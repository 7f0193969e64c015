import TrameModel

/// Why a document could not be produced: the located diagnostics to show, and the kind of failure,
/// which decides the exit status (65 data or template, 66 missing input, 69 missing tool, 73 cannot write).
public struct AssemblyFailure: Error, Sendable {
    public enum Kind: Sendable, Equatable {
        /// The data or a template was refused (exit 65).
        case data
        /// An input file is missing or unreadable (exit 66).
        case missingInput
        /// A tool such as LibreOffice is not installed (exit 69).
        case unavailable
        /// The output could not be written (exit 73).
        case cannotWrite
    }

    public var kind: Kind
    public var diagnostics: [Diagnostic]
    /// Sources of the files the diagnostics point into, to show the offending lines.
    public var sources: [String: SourceText]

    public init(_ kind: Kind, diagnostics: [Diagnostic], sources: [String: SourceText] = [:]) {
        self.kind = kind
        self.diagnostics = diagnostics
        self.sources = sources
    }

    public init(_ kind: Kind, _ message: String, code: String? = nil) {
        let defaultCode: String
        switch kind {
        case .data: defaultCode = "DONNEES_REFUSEES"
        case .missingInput: defaultCode = "FICHIER_INTROUVABLE"
        case .unavailable: defaultCode = "OUTIL_ABSENT"
        case .cannotWrite: defaultCode = "ECRITURE_IMPOSSIBLE"
        }
        self.init(kind, diagnostics: [.error(code ?? defaultCode, message, at: nil)])
    }

    /// The diagnostics as a compiler prints them, with source lines where known.
    public var rendered: String {
        diagnostics.map { d in d.rendered(source: d.location.flatMap { sources[$0.file] }) }.joined(separator: "\n")
    }
}
