import TrameDocument
import TrameFrench
import TrameModel

extension Renderer {
    /// Marks a `renvoi` until the articles are numbered.
    static let referenceSentinel = "\u{E000}renvoi"

    /// The outcome of reading an operand.
    enum OperandResult {
        case value(DataValue)
        case absent(PathRef?)
        case forbidden
    }

    mutating func operandValue(_ operand: Operand) -> OperandResult {
        switch operand {
        case .literal(let value): return .value(value)
        case .path(let ref):
            switch resolve(ref) {
            case .value(let node): return .value(node.value)
            case .computed(let value): return .value(value)
            case .absent: return .absent(ref)
            case .forbidden: return .forbidden
            }
        case .size(let inner, _):
            switch operandValue(inner) {
            case .value(.list(let items)): return .value(.integer(items.count))
            case .value(.text(let s)): return .value(.integer(s.count))
            case .value: return .absent(nil)
            case let other: return other
            }
        }
    }

    /// Renders inline nodes; returns whether a `renvoi` was written.
    @discardableResult
    mutating func renderInlines(_ nodes: [InlineNode], into out: inout [Inline]) -> Bool {
        var hasReference = false
        for node in nodes {
            switch node {
            case .text(let s, let style):
                out.append(.text(s, style))
            case .output(let expression, let style):
                output(expression, style, into: &out)
            case .conditional(let branches):
                for branch in branches {
                    if let condition = branch.condition, !ConditionEvaluator.evaluate(condition, &self) { continue }
                    if renderInlines(branch.body, into: &out) { hasReference = true }
                    break
                }
            case .loop(let spec, let body):
                iterate(spec) { renderer in
                    if renderer.renderInlines(body, into: &out) { hasReference = true }
                }
            case .reference(let label, let style, let location):
                references.append((label, style, location))
                out.append(.placeholder(Self.referenceSentinel))
                hasReference = true
            case .fillIn(let label, let style):
                out.append(options.draft ? .placeholder("[à compléter : \(label)]") : .text("……………………", style))
            case .draftingNote(let text, let location):
                let clause = clauseStack.last
                draftingNotes.append(DraftingNote(text: text, clause: clause?.id, clauseVersion: clause?.version,
                                                  article: articleCount > 0 ? articleCount : nil, location: location))
                if options.draft {
                    out.append(.text(" ", []))
                    out.append(.placeholder("[Note de rédaction\u{00A0}: \(text)]"))
                }
            case .lineBreak:
                out.append(.lineBreak)
            }
        }
        return hasReference
    }

    /// Runs `body` once per element of the loop's list (an absent list counts as empty).
    mutating func iterate(_ spec: LoopSpec, _ body: (inout Renderer) -> Void) {
        guard case .value(let node) = resolve(spec.list), case .list(let items) = node.value else { return }
        for (i, item) in items.enumerated() {
            frames.append(LoopFrame(spec: spec, node: item, index: i, count: items.count))
            body(&self)
            frames.removeLast()
        }
    }

    /// `{{ … }}`: the value through its filters, as text; a placeholder or an error when absent.
    /// An abbreviated ordinal that a date or a number filter writes (« 1er », « 2e ») has its
    /// suffix in superscript. A missing civilité through `accord` or `genre` gives the epicene form
    /// (« habilité(e) »): only a printed civilité becomes a placeholder, so it appears once.
    mutating func output(_ expression: OutputExpression, _ style: TextStyle, into out: inout [Inline]) {
        var value: DataValue?
        var missingRef: PathRef?
        var neutralFor: PathRef?
        var writesOrdinal = false
        switch operandValue(expression.operand) {
        case .value(let v):
            value = v
            if case .date = v { writesOrdinal = true }
        case .absent(let ref): missingRef = ref
        case .forbidden: return
        }
        filters: for filter in expression.filters {
            if filter.kind == .defaut {
                guard value == nil || value.map(Self.isEmptyValue) == true else { continue }
                switch operandValue(filter.arguments[0]) {
                case .value(let v): value = v; missingRef = nil; neutralFor = nil
                case .absent(let ref): value = nil; if let ref { missingRef = ref }
                case .forbidden: return
                }
                continue
            }
            guard let current = value else {
                if let ref = missingRef, let neutral = Self.neutralForm(filter) {
                    value = .text(neutral)
                    neutralFor = ref
                    missingRef = nil
                    writesOrdinal = false
                }
                continue
            }
            var arguments: [DataValue] = []
            for argument in filter.arguments {
                switch operandValue(argument) {
                case .value(let v): arguments.append(v)
                case .absent(let ref): value = nil; missingRef = ref; continue filters
                case .forbidden: return
                }
            }
            if filter.kind == .avecArticle {
                arguments = [arguments.first ?? .text(""), .text(siblingArticle(of: expression.operand) ?? "")]
            }
            switch filter.kind.apply(current, arguments) {
            case .value(let result): value = result
            case .failure(let message):
                diagnostics.append(.error(TemplateCode.filterValue, message, at: filter.location))
                return
            }
            switch filter.kind {
            case .date, .ordinal, .etage: writesOrdinal = true
            case .majuscule: break
            default: writesOrdinal = false
            }
        }
        if let neutralFor { _ = recordMissing(neutralFor) }
        guard let value else {
            guard let ref = missingRef else { return }
            let path = recordMissing(ref)
            if options.draft { out.append(missingPlaceholder(path)) }
            return
        }
        let text = DataTypography.apply(ValueFormatter.text(value))
        guard !text.isEmpty else { return }
        guard writesOrdinal else { out.append(.text(text, style)); return }
        for run in FrenchNumber.ordinalRuns(text) {
            out.append(.text(String(run.text), run.isSuffix ? style.union(.superscript) : style))
        }
    }

    /// The draft's placeholder for a missing value: its French label, never its data path.
    func missingPlaceholder(_ path: String) -> Inline {
        .placeholder("[à compléter : \(FieldLabels.phrase(path: path, in: root))]")
    }

    /// The epicene text `accord` or `genre` gives for a missing civilité; nil for other filters,
    /// and for `genre("civilite")`, which prints the civilité itself.
    static func neutralForm(_ filter: FilterCall) -> String? {
        func literal(_ index: Int) -> String? {
            guard filter.arguments.indices.contains(index), case .literal(.text(let s)) = filter.arguments[index] else { return nil }
            return s
        }
        switch filter.kind {
        case .accord:
            guard let masculine = literal(0), let feminine = literal(1) else { return nil }
            return FrenchGender.epicene(masculine, feminine)
        case .genre:
            guard let key = literal(0), key != "civilite" else { return nil }
            return FrenchGender.neutralForm(key)
        default:
            return nil
        }
    }

    /// `avec_article` on `X.denomination` reads the article the data gives in `X.article`.
    mutating func siblingArticle(of operand: Operand) -> String? {
        guard case .path(let ref) = operand, ref.keys.last == "denomination" else { return nil }
        let keys = Array(ref.keys.dropLast()) + ["article"]
        let text = (ref.text.split(separator: ".").dropLast().map(String.init) + ["article"]).joined(separator: ".")
        let schema = (ref.schemaText.split(separator: ".").dropLast().map(String.init) + ["article"]).joined(separator: ".")
        let sibling = PathRef(root: ref.root, keys: keys, text: text, schemaText: schema, level: ref.level, kind: .text, location: ref.location)
        guard case .value(let node) = resolve(sibling) else { return nil }
        return node.text
    }

    static func isEmptyValue(_ value: DataValue) -> Bool {
        switch value {
        case .text(let s): return s.isEmpty
        case .list(let l): return l.isEmpty
        default: return false
        }
    }
}
