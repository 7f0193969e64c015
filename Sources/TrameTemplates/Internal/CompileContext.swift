import TrameModel

/// The state of one template load: diagnostics, visible names, labels, fragments.
struct CompileContext {
    var sink = DiagnosticSink()
    var scope: CompileScope
    let fragments: FragmentResolver
    /// Where `@clause` finds clause versions.
    let clauses: ClauseResolver
    /// The document id, to resolve `@clause nom` as `<document>.nom`.
    var documentID: String?
    /// The files being included, outermost first (for cycles).
    var includeStack: [String]
    /// The folder of the pictograms `@section` names (`Templates/_pictogrammes`), if any.
    var pictograms: String?
    /// Labels defined by `@article … {#label}`.
    var labels: Set<String> = []
    /// `{% renvoi label %}` uses, checked once the whole template is read.
    var labelReferences: [(label: String, location: SourceLocation)] = []

    init(schema: ContextSchema, fragments: FragmentResolver, clauses: ClauseResolver = .none, file: String) {
        self.scope = CompileScope(schema: schema)
        self.fragments = fragments
        self.clauses = clauses
        self.includeStack = [file]
    }

    mutating func parser(_ scalars: [Unicode.Scalar], column: Int, at location: SourceLocation) -> ExpressionParser? {
        ExpressionParser(scalars: scalars, column: column, file: location.file, line: location.line, scope: scope, sink: &sink)
    }

    /// A condition written as text at `location` (front matter `quand:`).
    mutating func condition(text: String, at location: SourceLocation) -> ConditionNode? {
        guard var p = parser(Array(text.unicodeScalars), column: location.column, at: location) else { return nil }
        return p.parseWholeCondition(sink: &sink)
    }

    mutating func condition(_ head: TagHead, at location: SourceLocation) -> ConditionNode? {
        guard !head.restText.isEmpty else {
            sink.error(TemplateCode.syntax, "condition attendue après « \(head.keyword.rawValue) »", at: location)
            return nil
        }
        guard var p = parser(head.rest, column: head.restColumn, at: location) else { return nil }
        return p.parseWholeCondition(sink: &sink)
    }

    mutating func output(_ scalars: [Unicode.Scalar], column: Int, at location: SourceLocation) -> OutputExpression? {
        guard var p = parser(scalars, column: column, at: location) else { return nil }
        return p.parseOutput(sink: &sink)
    }

    /// `x dans liste` of a `{% pour %}`: checks the name and that the list is one.
    /// Returns whether a loop variable was declared (then `endLoop()` must follow the body),
    /// and the loop when it is valid. A loop over a wrong list still declares its variable, so
    /// that its body is checked without cascading errors.
    mutating func loop(_ head: TagHead, at location: SourceLocation) -> (spec: LoopSpec?, declared: Bool) {
        let lexer = ExpressionLexer(scalars: head.rest, baseColumn: head.restColumn, file: location.file, line: location.line)
        guard let tokens = lexer.tokens(sink: &sink) else { return (nil, false) }
        guard tokens.count == 4, case .name(let variable) = tokens[0].token, variable.count == 1,
              tokens[1].token == .name(["dans"]), case .name(let words) = tokens[2].token else {
            sink.error(TemplateCode.syntax, "forme attendue : {% pour x dans liste %}", at: location)
            return (nil, false)
        }
        let name = variable[0]
        let reserved = ExpressionParser.keywords.contains(name) || name == "boucle"
        if reserved || scope.loops.contains(where: { $0.name == name }) || scope.schema.fields.contains(where: { $0.key == name }) {
            sink.error(TemplateCode.syntax, "« \(name) » ne peut pas nommer une variable de boucle (mot réservé ou nom déjà utilisé)",
                       at: SourceLocation(file: location.file, line: location.line, column: tokens[0].column))
            return (nil, false)
        }
        let listAt = SourceLocation(file: location.file, line: location.line, column: tokens[2].column)
        guard let ref = scope.resolve(words, at: listAt, sink: &sink) else {
            scope.loops.append(LoopBinding(name: name, element: .any, listSchemaText: words.joined(separator: "."), level: .partenaires))
            return (nil, true)
        }
        guard case .list(let element) = ref.kind else {
            sink.error(TemplateCode.notAList, "« \(ref.text) » est \(ref.kind.french), pas une liste : {% pour %} parcourt une liste", at: listAt, path: ref.text)
            scope.loops.append(LoopBinding(name: name, element: .any, listSchemaText: ref.schemaText, level: ref.level))
            return (nil, true)
        }
        scope.loops.append(LoopBinding(name: name, element: element, listSchemaText: ref.schemaText, level: ref.level))
        return (LoopSpec(variable: name, list: ref, location: location), true)
    }

    mutating func endLoop() { scope.loops.removeLast() }

    /// Checks the `renvoi` labels against the article labels.
    mutating func checkLabels() {
        for (label, location) in labelReferences where !labels.contains(label) {
            var message = "renvoi à un article inconnu « \(label) »"
            if let near = Suggestions.nearest(to: label, among: Array(labels)) { message += " ; vouliez-vous dire « \(near) » ?" }
            else if !labels.isEmpty { message += " ; étiquettes : " + labels.sorted().joined(separator: ", ") }
            sink.error(TemplateCode.unknownLabel, message, at: location)
        }
    }
}
