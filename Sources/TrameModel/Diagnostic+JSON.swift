import TrameDiagnostics

extension Diagnostic {
    /// `trame check --json` and every machine output that carries diagnostics: the same keys as
    /// ``Diagnostic``'s `Codable` form, all present (`null` when not known).
    public var json: JSONValue {
        .object([
            ("gravite", .string(severity.rawValue)), ("code", .string(code.rawValue)), ("categorie", .string(category.rawValue)),
            ("champ", .optional(path.flatMap { $0.isEmpty ? nil : $0.description })), ("message", .string(message)),
            ("fichier", .optional(location?.file)), ("ligne", location.map { .int($0.line) } ?? .null),
            ("colonne", location.map { .int($0.column) } ?? .null), ("sujet", .optional(subject)),
        ])
    }
}
