/// A problem with an account, a session or the accounts database, with a French message.
///
/// Printed like the other Trame errors: `SUBJECT: erreur [CODE] message`.
public struct AccountError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem it is; decides the exit status of a command and the HTTP status of a page.
    public enum Category: String, Sendable, Hashable {
        /// A wrong option or value (exit 64).
        case usage
        /// Refused: wrong password, too many attempts, unknown account… (exit 65).
        case refused
        /// The accounts database could not be read or written (exit 74).
        case io
    }

    /// The kind of problem.
    public let category: Category
    /// A stable code such as `IDENTIFIANT_PRIS`, for documentation and tests.
    public let code: String
    /// The French message shown to the user.
    public let message: String
    /// The login or file concerned, when there is one.
    public let subject: String?

    /// Creates an error; `message` is French.
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
}
