import TrameModel

/// Collects the diagnostics of one load.
struct DiagnosticSink: Sendable {
    private(set) var diagnostics: [Diagnostic] = []

    mutating func error(_ code: DiagnosticCode, _ message: String, at location: SourceLocation, path: String? = nil) {
        diagnostics.append(.error(code, path: path.map(FieldPath.init(parsing:)), message, at: location))
    }

    mutating func append(contentsOf other: [Diagnostic]) { diagnostics.append(contentsOf: other) }

    var hasErrors: Bool { diagnostics.hasErrors }
}

/// Diagnostic codes of the template engine.
enum TemplateCode {
    static let syntax: DiagnosticCode = .syntaxeGabarit
    static let unknownVariable: DiagnosticCode = .variableInconnue
    static let unknownFilter: DiagnosticCode = .filtreInconnu
    static let filterArguments: DiagnosticCode = .filtreArguments
    static let filterType: DiagnosticCode = .filtreType
    static let filterValue: DiagnosticCode = .filtreValeur
    static let missingEnd: DiagnosticCode = .finManquante
    static let unknownLabel: DiagnosticCode = .renvoiInconnu
    static let labelAbsent: DiagnosticCode = .renvoiAbsent
    static let includeCycle: DiagnosticCode = .inclusionCyclique
    static let unknownFragment: DiagnosticCode = .fragmentIntrouvable
    static let notAList: DiagnosticCode = .pasUneListe
    static let typeMismatch: DiagnosticCode = .typeComparaison
    static let unknownValue: DiagnosticCode = .valeurInconnue
    static let frontMatter: DiagnosticCode = .enteteGabarit
    static let missingValue: DiagnosticCode = .valeurManquante
    static let audience: DiagnosticCode = .audience
    static let unreadable: DiagnosticCode = .fichierIllisible
    static let unknownClause: DiagnosticCode = .clauseInconnue
    static let clauseFile: DiagnosticCode = .clauseInvalide
    static let clauseVersion: DiagnosticCode = .versionClause
    static let notInForce: DiagnosticCode = .horsVigueur
}
