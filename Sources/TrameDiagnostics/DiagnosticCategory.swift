/// What kind of problem a diagnostic reports; the raw value is the code machine outputs print
/// (`donnees`, `introuvable`…).
///
/// It decides, in one place, the exit status of a
/// `trame` command (sysexits.h, as the README documents) and the HTTP status of a page or an API
/// answer of `trame-web`.
public enum DiagnosticCategory: String, CaseIterable, Sendable, Hashable {
    /// A wrong, missing or unknown option or argument.
    case usage = "utilisation"
    /// Data refused: a file, a value or a request that breaks a rule.
    case data = "donnees"
    /// Something asked for by name (dossier, version, account, file reference) that does not exist.
    case notFound = "inconnu"
    /// The name or the file is already taken: nothing was replaced.
    case conflict = "conflit"
    /// Refused to this caller: wrong credentials, too many attempts, a role without the right.
    case refused = "refuse"
    /// An input file or directory that does not exist or cannot be read.
    case missingInput = "introuvable"
    /// A tool Trame needs is not installed (LibreOffice for PDF).
    case unavailable = "outil_absent"
    /// An output file could not be written.
    case cannotWrite = "ecriture"
    /// The workspace or the accounts database could not be read or written.
    case io = "espace_de_travail"

    /// The exit status of a command that fails with this category (sysexits.h).
    public var exitStatus: Int32 {
        switch self {
        case .usage: return 64
        case .data, .notFound, .conflict, .refused: return 65
        case .missingInput: return 66
        case .unavailable: return 69
        case .cannotWrite: return 73
        case .io: return 74
        }
    }

    /// The HTTP status of a web page or API answer that fails with this category.
    public var httpStatus: Int {
        switch self {
        case .usage: return 400
        case .data: return 422
        case .notFound, .missingInput: return 404
        case .conflict: return 409
        case .refused: return 403
        case .unavailable: return 503
        case .cannotWrite, .io: return 500
        }
    }

    /// The French name of the category, as `docs/diagnostics.md` prints it.
    public var french: String {
        switch self {
        case .usage: return "utilisation"
        case .data: return "données refusées"
        case .notFound: return "inconnu"
        case .conflict: return "conflit"
        case .refused: return "refusé"
        case .missingInput: return "fichier introuvable"
        case .unavailable: return "outil absent"
        case .cannotWrite: return "écriture impossible"
        case .io: return "espace de travail"
        }
    }
}
