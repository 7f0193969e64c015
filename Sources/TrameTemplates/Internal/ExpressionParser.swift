import Foundation
import TrameFrench
import TrameModel

/// Recursive-descent parser for output expressions and conditions, with the load-time checks.
struct ExpressionParser {
    private let tokens: [LexedToken]
    private var position = 0
    let scope: CompileScope
    let file: String
    let line: Int

    static let keywords: Set<String> = ["et", "ou", "non", "dans", "vrai", "faux", "existe", "taille"]

    init?(scalars: [Unicode.Scalar], column: Int, file: String, line: Int, scope: CompileScope, sink: inout DiagnosticSink) {
        let lexer = ExpressionLexer(scalars: scalars, baseColumn: column, file: file, line: line)
        guard let tokens = lexer.tokens(sink: &sink) else { return nil }
        self.tokens = tokens
        self.scope = scope
        self.file = file
        self.line = line
    }

    private var current: LexedToken { tokens[position] }
    private func location(_ column: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }
    private var here: SourceLocation { location(current.column) }
    private mutating func advance() { if position < tokens.count - 1 { position += 1 } }

    private func isSymbol(_ s: String) -> Bool { current.token == .symbol(s) }
    private func isKeyword(_ k: String) -> Bool { current.token == .name([k]) }

    private mutating func expect(_ s: String, _ what: String, sink: inout DiagnosticSink) -> Bool {
        guard isSymbol(s) else {
            sink.error(TemplateCode.syntax, "« \(s) » attendu \(what), trouvé \(describe(current.token))", at: here)
            return false
        }
        advance()
        return true
    }

    func describe(_ token: ExpressionToken) -> String {
        switch token {
        case .name(let words): return "« \(words.joined(separator: ".")) »"
        case .number(let n): return "« \(n) »"
        case .date(let d): return "« \(d) »"
        case .string(let s): return "« \"\(s)\" »"
        case .symbol(let s): return "« \(s) »"
        case .end: return "la fin de l'expression"
        }
    }

    mutating func expectEnd(sink: inout DiagnosticSink) -> Bool {
        guard current.token == .end else {
            sink.error(TemplateCode.syntax, "\(describe(current.token)) inattendu", at: here)
            return false
        }
        return true
    }

    // MARK: Output expressions

    /// `operand | filtre | filtre(args)` up to the end.
    mutating func parseOutput(sink: inout DiagnosticSink) -> OutputExpression? {
        let start = here
        guard let operand = parseOperand(sink: &sink) else { return nil }
        var kind = operand.kind
        var filters: [FilterCall] = []
        var ok = true
        while isSymbol("|") {
            advance()
            guard case .name(let words) = current.token, words.count == 1 else {
                sink.error(TemplateCode.syntax, "nom de filtre attendu après « | », trouvé \(describe(current.token))", at: here)
                return nil
            }
            let at = here
            let name = words[0]
            advance()
            var arguments: [Operand] = []
            if isSymbol("(") {
                advance()
                if !isSymbol(")") {
                    while true {
                        guard let argument = parseOperand(sink: &sink) else { return nil }
                        arguments.append(argument)
                        if isSymbol(",") { advance(); continue }
                        break
                    }
                }
                guard expect(")", "pour fermer les arguments du filtre", sink: &sink) else { return nil }
            }
            guard let filter = FilterKind(rawValue: name) else {
                var message = "filtre inconnu « \(name) »"
                if let near = Suggestions.nearest(to: name, among: FilterKind.allCases.map(\.rawValue)) {
                    message += " ; vouliez-vous dire « \(near) » ?"
                } else {
                    message += " ; filtres : " + FilterKind.allCases.map(\.rawValue).joined(separator: ", ")
                }
                sink.error(TemplateCode.unknownFilter, message, at: at)
                ok = false
                continue
            }
            if !FilterChecks.check(filter, input: kind, arguments: arguments, at: at, sink: &sink) { ok = false }
            kind = filter.output(for: kind)
            filters.append(FilterCall(kind: filter, arguments: arguments, location: at))
        }
        guard expectEnd(sink: &sink), ok else { return nil }
        if !kind.isScalar {
            let hint: String
            if case .list = kind { hint = " ; utilisez le filtre « liste » ou {% pour %}" } else { hint = " ; affichez l'un de ses champs" }
            sink.error(TemplateCode.filterType, "« \(operand.pathRef?.text ?? "valeur") » est \(kind.french) et ne peut pas être affiché tel quel\(hint)", at: start)
            return nil
        }
        return OutputExpression(operand: operand, filters: filters, location: start, kind: kind)
    }

    // MARK: Operands

    /// A path, a literal, or `taille(…)`.
    mutating func parseOperand(sink: inout DiagnosticSink) -> Operand? {
        let at = here
        switch current.token {
        case .string(let s): advance(); return .literal(.text(s))
        case .date(let d): advance(); return .literal(.date(d))
        case .number(let raw):
            advance()
            if !raw.contains("."), let i = Int(raw) { return .literal(.integer(i)) }
            return .literal(.decimal(Decimal(string: raw, locale: Locale(identifier: "en_US_POSIX")) ?? 0))
        case .name(let words):
            if words == ["vrai"] { advance(); return .literal(.boolean(true)) }
            if words == ["faux"] { advance(); return .literal(.boolean(false)) }
            if words == ["taille"] {
                advance()
                guard expect("(", "après « taille »", sink: &sink), let inner = parseOperand(sink: &sink),
                      expect(")", "pour fermer « taille( »", sink: &sink) else { return nil }
                switch inner.kind {
                case .list, .text, .enumeration, .any: break
                default:
                    sink.error(TemplateCode.filterType, "taille(…) attend une liste ou un texte, pas \(inner.kind.french)", at: at)
                    return nil
                }
                return .size(inner, at)
            }
            if words.count == 1, Self.keywords.contains(words[0]) {
                sink.error(TemplateCode.syntax, "mot-clé « \(words[0]) » inattendu ici", at: at)
                return nil
            }
            advance()
            return scope.resolve(words, at: at, sink: &sink).map(Operand.path)
        case .symbol, .end:
            sink.error(TemplateCode.syntax, "valeur attendue, trouvé \(describe(current.token))", at: at)
            return nil
        }
    }

    // MARK: Conditions

    /// A whole condition up to the end.
    mutating func parseWholeCondition(sink: inout DiagnosticSink) -> ConditionNode? {
        guard let node = parseOr(sink: &sink), expectEnd(sink: &sink) else { return nil }
        return node
    }

    private mutating func parseOr(sink: inout DiagnosticSink) -> ConditionNode? {
        guard let first = parseAnd(sink: &sink) else { return nil }
        var items = [first]
        while isKeyword("ou") {
            advance()
            guard let next = parseAnd(sink: &sink) else { return nil }
            items.append(next)
        }
        return items.count == 1 ? first : .or(items)
    }

    private mutating func parseAnd(sink: inout DiagnosticSink) -> ConditionNode? {
        guard let first = parseNot(sink: &sink) else { return nil }
        var items = [first]
        while isKeyword("et") {
            advance()
            guard let next = parseNot(sink: &sink) else { return nil }
            items.append(next)
        }
        return items.count == 1 ? first : .and(items)
    }

    private mutating func parseNot(sink: inout DiagnosticSink) -> ConditionNode? {
        if isKeyword("non") {
            advance()
            return parseNot(sink: &sink).map(ConditionNode.not)
        }
        return parseComparison(sink: &sink)
    }

    private mutating func parseComparison(sink: inout DiagnosticSink) -> ConditionNode? {
        if isSymbol("(") {
            advance()
            guard let inner = parseOr(sink: &sink), expect(")", "pour fermer la parenthèse", sink: &sink) else { return nil }
            return inner
        }
        if isKeyword("existe") {
            advance()
            guard expect("(", "après « existe »", sink: &sink) else { return nil }
            guard case .name(let words) = current.token else {
                sink.error(TemplateCode.syntax, "existe(…) attend un champ, trouvé \(describe(current.token))", at: here)
                return nil
            }
            let pathAt = here
            advance()
            guard let ref = scope.resolve(words, at: pathAt, sink: &sink), expect(")", "pour fermer « existe( »", sink: &sink) else { return nil }
            return .exists(ref)
        }
        guard let left = parseOperand(sink: &sink) else { return nil }
        if case .symbol(let s) = current.token, let op = ComparisonOperator(rawValue: s) {
            let at = here
            advance()
            guard let right = parseOperand(sink: &sink) else { return nil }
            guard ConditionChecks.comparable(left, right, at: at, sink: &sink) else { return nil }
            return .compare(left, op, right)
        }
        if isKeyword("dans") {
            let at = here
            advance()
            if isSymbol("[") {
                advance()
                var values: [(DataValue, SourceLocation)] = []
                while !isSymbol("]") {
                    let valueAt = here
                    guard case .literal(let value)? = parseOperand(sink: &sink) else {
                        sink.error(TemplateCode.syntax, "la liste après « dans » ne contient que des valeurs écrites (\"tutelle\", 12, …)", at: valueAt)
                        return nil
                    }
                    values.append((value, valueAt))
                    if isSymbol(",") { advance() } else { break }
                }
                guard expect("]", "pour fermer la liste", sink: &sink) else { return nil }
                var ok = true
                for (value, valueAt) in values where !ConditionChecks.comparable(left, .literal(value), at: valueAt, sink: &sink) { ok = false }
                return ok ? .member(left, .literals(values.map(\.0))) : nil
            }
            guard let right = parseOperand(sink: &sink) else { return nil }
            switch right.kind {
            case .list, .any: break
            default:
                sink.error(TemplateCode.notAList, "« dans » attend une liste [\"a\", \"b\"] ou un champ liste, pas \(right.kind.french)", at: at)
                return nil
            }
            return .member(left, .operand(right))
        }
        return .truthy(left)
    }
}
