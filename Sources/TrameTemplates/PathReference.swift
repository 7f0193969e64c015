import TrameModel

/// A field path written in a template, resolved at load time.
struct PathRef: Sendable {
    enum Root: Sendable {
        /// A field of the context root.
        case context
        /// The variable of the loop at this depth (0 = outermost).
        case loop(Int)
        /// `boucle.index` … of the loop at this depth.
        case loopInfo(Int, LoopInfo)
    }

    enum LoopInfo: String, Sendable, CaseIterable {
        case index, premier, dernier, taille
    }

    let root: Root
    /// The keys after the root (after the loop variable for `.loop`).
    let keys: [String]
    /// The path as written (`logement.etage`, `e.element`).
    let text: String
    /// The schema path, loop variables replaced by their list (`logement.inventaire.element`).
    let schemaText: String
    /// The most sensitive level along the path.
    let level: Sensitivity
    let kind: ValueKind
    let location: SourceLocation
}

/// A value in an expression: a path, a literal, or `taille(…)`.
indirect enum Operand: Sendable {
    case path(PathRef)
    case literal(DataValue)
    case size(Operand, SourceLocation)

    var kind: ValueKind {
        switch self {
        case .path(let ref): return ref.kind
        case .literal(let value): return value.literalKind
        case .size: return .integer
        }
    }

    /// The path when the operand is one.
    var pathRef: PathRef? { if case .path(let ref) = self { return ref } else { return nil } }
}

extension DataValue {
    var literalKind: ValueKind {
        switch self {
        case .text: return .text
        case .integer: return .integer
        case .decimal: return .decimal
        case .boolean: return .boolean
        case .date: return .date
        case .list: return .list(.any)
        case .object: return .any
        }
    }
}

/// A loop variable visible at load time.
struct LoopBinding: Sendable {
    let name: String
    let element: ValueKind
    let listSchemaText: String
    let level: Sensitivity
}

/// What names are visible where an expression is written: the context schema and enclosing loops.
struct CompileScope: Sendable {
    let schema: ContextSchema
    var loops: [LoopBinding] = []

    /// Resolves a dotted path, reporting an unknown or misused name.
    func resolve(_ words: [String], at location: SourceLocation, sink: inout DiagnosticSink) -> PathRef? {
        let text = words.joined(separator: ".")
        guard let first = words.first else { return nil }
        if first == "boucle" && !loops.contains(where: { $0.name == "boucle" }) {
            guard !loops.isEmpty else {
                sink.error(TemplateCode.unknownVariable, "« \(text) » n'existe qu'à l'intérieur d'un {% pour %}", at: location, path: text)
                return nil
            }
            let names = PathRef.LoopInfo.allCases.map(\.rawValue)
            guard words.count == 2, let info = PathRef.LoopInfo(rawValue: words[1]) else {
                var message = "variable de boucle inconnue « \(text) » ; possibles : " + names.map { "boucle.\($0)" }.joined(separator: ", ")
                if words.count == 2, let near = Suggestions.nearest(to: words[1], among: names) { message = "variable de boucle inconnue « \(text) » ; vouliez-vous dire « boucle.\(near) » ?" }
                sink.error(TemplateCode.unknownVariable, message, at: location, path: text)
                return nil
            }
            let kind: ValueKind = info == .premier || info == .dernier ? .boolean : .integer
            return PathRef(root: .loopInfo(loops.count - 1, info), keys: [], text: text, schemaText: text,
                           level: .partenaires, kind: kind, location: location)
        }
        if let depth = loops.lastIndex(where: { $0.name == first }) {
            let binding = loops[depth]
            return walk(Array(words.dropFirst()), from: binding.element, level: binding.level, root: .loop(depth),
                        prefix: [first], schemaPrefix: binding.listSchemaText, text: text, at: location, sink: &sink)
        }
        return walk(words, from: .object(schema.fields), level: .partenaires, root: .context,
                    prefix: [], schemaPrefix: "", text: text, at: location, sink: &sink)
    }

    private func walk(_ keys: [String], from start: ValueKind, level start_level: Sensitivity, root: PathRef.Root,
                      prefix: [String], schemaPrefix: String, text: String, at location: SourceLocation,
                      sink: inout DiagnosticSink) -> PathRef? {
        var kind = start
        var level = start_level
        var walked = prefix
        for key in keys {
            let here = walked.joined(separator: ".")
            switch kind {
            case .object(let fields):
                guard let spec = fields.first(where: { $0.key == key }) else {
                    var candidates = fields.map(\.key)
                    if walked.isEmpty { candidates += loops.map(\.name) }
                    let full = (walked + [key]).joined(separator: ".")
                    var message = "variable inconnue « \(text) »"
                    if let near = Suggestions.nearest(to: key, among: candidates) {
                        message += " ; vouliez-vous dire « \((walked + [near]).joined(separator: ".")) » ?"
                    } else if !here.isEmpty {
                        message += " : « \(here) » n'a pas de champ « \(key) » ; champs possibles : " + candidates.joined(separator: ", ")
                    }
                    sink.error(TemplateCode.unknownVariable, message, at: location, path: full)
                    return nil
                }
                level = max(level, spec.sensitivity ?? level)
                kind = ValueKind(spec.type)
            case .any:
                kind = .any
            case .list:
                sink.error(TemplateCode.unknownVariable, "« \(here) » est une liste : parcourez-la avec {% pour x dans \(here) %} pour lire « \(key) »", at: location, path: text)
                return nil
            default:
                sink.error(TemplateCode.unknownVariable, "« \(here) » est \(kind.french) : il n'a pas de champ « \(key) »", at: location, path: text)
                return nil
            }
            walked.append(key)
        }
        let restSchema = keys.joined(separator: ".")
        let schemaText = [schemaPrefix, restSchema].filter { !$0.isEmpty }.joined(separator: ".")
        return PathRef(root: root, keys: keys, text: text, schemaText: schemaText, level: level, kind: kind, location: location)
    }
}
