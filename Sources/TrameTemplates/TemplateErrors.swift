import TrameModel

/// Every problem found while loading a template, each located in the template (or fragment) file.
///
/// Loading never stops at the first problem: a template maintainer sees all of them at once.
public struct TemplateErrors: Error, Sendable, CustomStringConvertible {
    /// The problems, in source order.
    public var diagnostics: [Diagnostic]

    /// Wraps located diagnostics.
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    /// One headline per problem (`FILE:LINE:COL: erreur [CODE] …`).
    public var description: String { diagnostics.map(\.headline).joined(separator: "\n") }
}

/// Collects the diagnostics of one load.
struct DiagnosticSink: Sendable {
    private(set) var diagnostics: [Diagnostic] = []

    mutating func error(_ code: String, _ message: String, at location: SourceLocation, path: String? = nil) {
        diagnostics.append(.error(code, path: path.map(FieldPath.init(parsing:)), message, at: location))
    }

    mutating func append(contentsOf other: [Diagnostic]) { diagnostics.append(contentsOf: other) }

    var hasErrors: Bool { diagnostics.hasErrors }
}

/// Diagnostic codes of the template engine.
enum TemplateCode {
    static let syntax = "SYNTAXE_GABARIT"
    static let unknownVariable = "VARIABLE_INCONNUE"
    static let unknownFilter = "FILTRE_INCONNU"
    static let filterArguments = "FILTRE_ARGUMENTS"
    static let filterType = "FILTRE_TYPE"
    static let filterValue = "FILTRE_VALEUR"
    static let missingEnd = "FIN_MANQUANTE"
    static let unknownLabel = "RENVOI_INCONNU"
    static let labelAbsent = "RENVOI_ABSENT"
    static let includeCycle = "INCLUSION_CYCLIQUE"
    static let unknownFragment = "FRAGMENT_INTROUVABLE"
    static let notAList = "PAS_UNE_LISTE"
    static let typeMismatch = "TYPE_COMPARAISON"
    static let unknownValue = "VALEUR_INCONNUE"
    static let frontMatter = "ENTETE_GABARIT"
    static let missingValue = "VALEUR_MANQUANTE"
    static let audience = "AUDIENCE"
    static let unreadable = "FICHIER_ILLISIBLE"
    static let unknownClause = "CLAUSE_INCONNUE"
    static let clauseFile = "CLAUSE_INVALIDE"
    static let clauseVersion = "VERSION_CLAUSE"
}
