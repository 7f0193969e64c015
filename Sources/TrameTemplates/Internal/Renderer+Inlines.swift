import TrameDocument
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
                if let inline = output(expression, style) { out.append(inline) }
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
                if options.draft { out.append(.placeholder("[Note de rédaction : \(text)]")) }
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
    mutating func output(_ expression: OutputExpression, _ style: TextStyle) -> Inline? {
        var value: DataValue?
        var missingRef: PathRef?
        switch operandValue(expression.operand) {
        case .value(let v): value = v
        case .absent(let ref): missingRef = ref
        case .forbidden: return nil
        }
        filters: for filter in expression.filters {
            if filter.kind == .defaut {
                guard value == nil || value.map(Self.isEmptyValue) == true else { continue }
                switch operandValue(filter.arguments[0]) {
                case .value(let v): value = v; missingRef = nil
                case .absent(let ref): value = nil; if let ref { missingRef = ref }
                case .forbidden: return nil
                }
                continue
            }
            guard let current = value else { continue }
            var arguments: [DataValue] = []
            for argument in filter.arguments {
                switch operandValue(argument) {
                case .value(let v): arguments.append(v)
                case .absent(let ref): value = nil; missingRef = ref; continue filters
                case .forbidden: return nil
                }
            }
            switch filter.kind.apply(current, arguments) {
            case .value(let result): value = result
            case .failure(let message):
                diagnostics.append(.error(TemplateCode.filterValue, message, at: filter.location))
                return nil
            }
        }
        guard let value else {
            guard let ref = missingRef else { return nil }
            let path = recordMissing(ref)
            return options.draft ? .placeholder("[à compléter : \(path)]") : nil
        }
        let text = DataTypography.apply(ValueFormatter.text(value))
        return text.isEmpty ? nil : .text(text, style)
    }

    static func isEmptyValue(_ value: DataValue) -> Bool {
        switch value {
        case .text(let s): return s.isEmpty
        case .list(let l): return l.isEmpty
        default: return false
        }
    }
}
