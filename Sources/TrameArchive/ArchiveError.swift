/// A problem met by the archive, with a French message for the user and the context to act on it.
///
/// Printed like a compiler diagnostic: `erreur [CODE] message`, preceded by the file concerned
/// when there is one.
public struct ArchiveError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem it is; decides the exit status of the command.
    public enum Category: String, Sendable, Hashable {
        /// A wrong or missing option (exit 64).
        case usage
        /// Refused data: unknown dossier, date in the future, file already archived elsewhere… (exit 65).
        case data
        /// A file or workspace that does not exist or cannot be read (exit 66).
        case missingInput
        /// The workspace could not be written (disk full, permissions…) (exit 74).
        case io
    }

    /// A stable code such as `DOSSIER_INCONNU`, for documentation and tests.
    public let code: String
    public let category: Category
    /// The French message shown to the user.
    public let message: String
    /// The file or reference concerned, when there is one.
    public let subject: String?

    /// Creates an error; `message` is French, `subject` the file or reference concerned.
    public init(_ category: Category, _ code: String, _ message: String, subject: String? = nil) {
        self.category = category
        self.code = code
        self.message = message
        self.subject = subject
    }

    /// `SUBJECT: erreur [CODE] message`.
    public var description: String {
        (subject.map { "\($0): " } ?? "") + "erreur [\(code)] \(message)"
    }

    static func usage(_ code: String, _ message: String, subject: String? = nil) -> ArchiveError {
        ArchiveError(.usage, code, message, subject: subject)
    }

    static func data(_ code: String, _ message: String, subject: String? = nil) -> ArchiveError {
        ArchiveError(.data, code, message, subject: subject)
    }

    static func missing(_ code: String, _ message: String, subject: String? = nil) -> ArchiveError {
        ArchiveError(.missingInput, code, message, subject: subject)
    }

    static func io(_ message: String, subject: String?, underlying: any Error) -> ArchiveError {
        ArchiveError(.io, "ECRITURE", "\(message) (\(underlying))", subject: subject)
    }
}
