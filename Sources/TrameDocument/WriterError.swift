/// A failure while writing a document, with the format and package part concerned.
///
/// Prints like the rest of Trame's diagnostics:
/// `erreur [WRITER_PACKAGING] docx word/document.xml : <message>`.
public struct WriterError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, as a stable code.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        let value: String
        /// The ZIP package could not be built.
        public static let packaging = Code(value: "WRITER_PACKAGING")
        /// The code as printed, e.g. `WRITER_PACKAGING`.
        /// The error as printed: `erreur [CODE] format part : message`.
    public var description: String { value }
    }

    /// The kind of failure.
    public var code: Code
    /// The format being written.
    public var format: OutputFormat
    /// The package part being written, if the failure concerns one.
    public var part: String?
    /// Details, usually from the underlying library.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, format: OutputFormat, part: String?, message: String) {
        self.code = code
        self.format = format
        self.part = part
        self.message = message
    }

    /// The error as printed: `erreur [CODE] format part : message`.
    public var description: String {
        let location = part.map { "\(format.rawValue) \($0)" } ?? format.rawValue
        return "erreur [\(code)] \(location) : \(message)"
    }
}
