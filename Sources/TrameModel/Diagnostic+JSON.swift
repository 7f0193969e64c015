import TrameDiagnostics

extension Diagnostic {
    /// The one JSON shape of a diagnostic, for every machine output that carries them
    /// (`trame check --json`, `trame archive verify --json`): every key present, `null` when not known.
    public var json: JSONValue {
        .object([
            ("gravite", .string(severity.rawValue)), ("code", .string(code.rawValue)), ("categorie", .string(category.rawValue)),
            ("champ", .optional(path.flatMap { $0.isEmpty ? nil : $0.description })), ("message", .string(message)),
            ("fichier", .optional(location?.file)), ("ligne", location.map { .int($0.line) } ?? .null),
            ("colonne", location.map { .int($0.column) } ?? .null), ("sujet", .optional(subject)),
        ])
    }
}
