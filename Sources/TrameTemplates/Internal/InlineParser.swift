import TrameDocument
import TrameFrench
import TrameModel

/// Builds inline nodes from raw tokens: emphasis, inline `si` / `pour`, `renvoi`, `a_remplir`.
struct InlineParser {
    private let tokens: [RawToken]
    private var index = 0

    private struct Open {
        let flag: TextStyle
        let location: SourceLocation
    }

    init(_ tokens: [RawToken]) { self.tokens = tokens }

    /// Parses a whole paragraph (or cell, heading, list item).
    static func parse(_ tokens: [RawToken], _ ctx: inout CompileContext) -> [InlineNode] {
        var parser = InlineParser(tokens)
        var styles: [Open] = []
        var nodes: [InlineNode] = []
        while true {
            let (part, stop) = parser.sequence(&styles, &ctx)
            nodes += part
            guard let (head, location) = stop else { break }
            ctx.sink.error(TemplateCode.syntax, "{% \(head.keyword.rawValue) %} sans {% si %} ou {% pour %} ouvert", at: location)
        }
        for open in styles {
            ctx.sink.error(TemplateCode.syntax, "« \(delimiter(open.flag)) » ouvert ici et jamais fermé", at: open.location)
        }
        return finalize(nodes)
    }

    private static func delimiter(_ flag: TextStyle) -> String {
        flag == .bold ? "**" : flag == .italic ? "*" : "__"
    }

    private static func style(_ styles: [Open]) -> TextStyle {
        styles.reduce(into: TextStyle()) { $0.insert($1.flag) }
    }

    private static func toggle(_ flag: TextStyle, _ location: SourceLocation, _ styles: inout [Open]) {
        if let i = styles.lastIndex(where: { $0.flag == flag }) { styles.remove(at: i) } else { styles.append(Open(flag: flag, location: location)) }
    }

    /// Reads nodes up to a `sinon`, `sinon si` or `fin` tag (returned) or the end (nil).
    private mutating func sequence(_ styles: inout [Open], _ ctx: inout CompileContext) -> ([InlineNode], (TagHead, SourceLocation)?) {
        var nodes: [InlineNode] = []
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            switch token.kind {
            case .text(let s):
                nodes.append(.text(s, Self.style(styles)))
            case .hardBreak:
                nodes.append(.lineBreak)
            case .stars(let n):
                if n != 1 { Self.toggle(.bold, token.location, &styles) }
                if n != 2 { Self.toggle(.italic, token.location, &styles) }
            case .underline:
                Self.toggle(.underline, token.location, &styles)
            case .output(let inside, let column):
                if let expression = ctx.output(inside, column: column, at: token.location) {
                    nodes.append(.output(expression, Self.style(styles)))
                }
            case .tag(let inside, let column):
                guard let head = TagHead.parse(inside, column: column, file: token.location.file, line: token.location.line, sink: &ctx.sink) else { continue }
                switch head.keyword {
                case .sinon, .sinonSi, .fin:
                    return (nodes, (head, token.location))
                case .si:
                    if let node = conditional(head, token.location, &styles, &ctx) { nodes.append(node) }
                case .pour:
                    let (spec, declared) = ctx.loop(head, at: token.location)
                    let (body, firstStop) = balancedBody(&styles, &ctx, opener: token.location)
                    var stop = firstStop
                    while let (wrong, wrongAt) = stop, wrong.keyword != .fin {
                        ctx.sink.error(TemplateCode.syntax, "{% \(wrong.keyword.rawValue) %} dans un {% pour %} : fermez la boucle par {% fin %}", at: wrongAt)
                        (_, stop) = balancedBody(&styles, &ctx, opener: token.location)
                    }
                    if declared { ctx.endLoop() }
                    if let spec { nodes.append(.loop(spec, body)) }
                case .renvoi:
                    let label = head.restText
                    ctx.labelReferences.append((label, token.location))
                    nodes.append(.reference(label, Self.style(styles), token.location))
                case .aRemplir:
                    let label = head.restText.trimmingCharacters(in: "\"'")
                    nodes.append(.fillIn(label.isEmpty ? "à compléter" : label, Self.style(styles)))
                case .noteRedaction:
                    let text = head.restText.trimmingCharacters(in: "\"'").trimmingSpaces()
                    if text.isEmpty {
                        ctx.sink.error(TemplateCode.syntax, "{% note_redaction %} attend le texte de la note entre guillemets : {% note_redaction \"clause à faire valider\" %}", at: token.location)
                    } else {
                        nodes.append(.draftingNote(FrenchText.typography(text), token.location))
                    }
                case .inclure:
                    ctx.sink.error(TemplateCode.syntax, "{% inclure %} doit être seul sur sa ligne", at: token.location)
                }
            }
        }
        return (nodes, nil)
    }

    /// A body that must leave the emphasis as it found it.
    private mutating func balancedBody(_ styles: inout [Open], _ ctx: inout CompileContext, opener: SourceLocation) -> ([InlineNode], (TagHead, SourceLocation)?) {
        var inner = styles
        let (body, stop) = sequence(&inner, &ctx)
        if inner.map(\.flag.rawValue) != styles.map(\.flag.rawValue) {
            ctx.sink.error(TemplateCode.syntax, "emphase (**, *, __) ouverte ou fermée à l'intérieur d'une balise : elle doit l'être de part et d'autre", at: opener)
        }
        if stop == nil {
            ctx.sink.error(TemplateCode.missingEnd, "balise ouverte ici sans {% fin %} dans le même paragraphe", at: opener)
        }
        return (body, stop)
    }

    private mutating func conditional(_ head: TagHead, _ location: SourceLocation, _ styles: inout [Open], _ ctx: inout CompileContext) -> InlineNode? {
        var branches: [Branch<[InlineNode]>] = []
        var condition = ctx.condition(head, at: location)
        var ok = condition != nil
        var isElse = false
        while true {
            let (body, stop) = balancedBody(&styles, &ctx, opener: location)
            branches.append(Branch(condition: isElse ? nil : condition, body: body))
            guard let (next, nextAt) = stop else { return nil }
            switch next.keyword {
            case .fin:
                return ok ? .conditional(branches) : nil
            case .sinonSi, .sinon:
                if isElse { ctx.sink.error(TemplateCode.syntax, "{% \(next.keyword.rawValue) %} après {% sinon %}", at: nextAt); ok = false }
                if next.keyword == .sinon { isElse = true } else {
                    condition = ctx.condition(next, at: nextAt)
                    if condition == nil { ok = false }
                }
            default:
                return nil
            }
        }
    }

    /// Merges neighbouring template texts of the same style, then applies French typography to them.
    static func finalize(_ nodes: [InlineNode]) -> [InlineNode] {
        var merged: [InlineNode] = []
        for node in nodes {
            switch node {
            case .text(let s, let style):
                if case .text(let previous, let previousStyle)? = merged.last, previousStyle == style {
                    merged[merged.count - 1] = .text(previous + s, style)
                } else {
                    merged.append(node)
                }
            case .conditional(let branches):
                merged.append(.conditional(branches.map { Branch(condition: $0.condition, body: finalize($0.body)) }))
            case .loop(let spec, let body):
                merged.append(.loop(spec, finalize(body)))
            default:
                merged.append(node)
            }
        }
        return merged.map { node in
            if case .text(let s, let style) = node { return .text(FrenchText.typography(s), style) }
            return node
        }
    }
}
