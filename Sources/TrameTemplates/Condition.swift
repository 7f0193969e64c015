import TrameModel

/// A condition of the template language, usable on its own (clause conditions `quand:`).
///
/// Grammar: paths (`logement.meuble`), literals (`12`, `351.20`, `"texte"`, `'texte'`, `vrai`,
/// `faux`, `2019-04-01`), comparisons `=` `!=` `<` `<=` `>` `>=`, `et`, `ou`, `non`, parentheses,
/// `x dans ["a", "b"]` or `x dans liste`, `existe(chemin)`, `taille(liste)`. A bare path is true
/// unless it is absent, `false`, zero, an empty text or an empty list.
public struct Condition: Sendable {
    let node: ConditionNode
    /// The condition as written.
    public let text: String
    /// Where it was written.
    public let location: SourceLocation

    init(node: ConditionNode, text: String, location: SourceLocation) {
        self.node = node
        self.text = text
        self.location = location
    }

    /// Parses and checks a condition against a context schema.
    /// - Parameters:
    ///   - text: The condition (`sous_locataire.mesure_protection dans ["tutelle"]`).
    ///   - location: Where its first character is, for diagnostics (columns follow from it).
    ///   - schema: The fields it may name.
    /// - Throws: `Diagnostics` with every problem found (unknown field, type mismatch, syntax).
    public static func parse(_ text: String, at location: SourceLocation, schema: ContextSchema) throws(Diagnostics) -> Condition {
        var sink = DiagnosticSink()
        let scope = CompileScope(schema: schema)
        if var parser = ExpressionParser(scalars: Array(text.unicodeScalars), column: location.column, file: location.file,
                                         line: location.line, scope: scope, sink: &sink),
           let node = parser.parseWholeCondition(sink: &sink), !sink.hasErrors {
            return Condition(node: node, text: text, location: location)
        }
        throw Diagnostics(sink.diagnostics)
    }

    /// Evaluates the condition on a context root. An absent value makes its comparison false.
    /// - Parameter context: The context root (as built by `ContextBuilder`).
    /// - Returns: Whether the condition holds.
    public func evaluate(in context: DataNode) -> Bool {
        var source = ContextValueSource(root: context)
        return ConditionEvaluator.evaluate(node, &source)
    }

    /// Evaluates the condition and says why, with the values it read:
    /// `logement.meuble = oui`, `sous_locataire.protecteur absent`,
    /// `sous_locataire.mesure_protection = curatelle_simple (dans tutelle, curatelle_simple)`.
    /// - Parameter context: The context root.
    /// - Returns: The value and a French explanation.
    public func explain(in context: DataNode) -> (value: Bool, reason: String) {
        var source = ContextValueSource(root: context)
        return ConditionExplainer.explain(node, &source)
    }

    /// The paths the condition reads, as written.
    public var paths: [String] { node.paths.map(\.text) }
}
