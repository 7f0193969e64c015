import TrameModel

/// Reads the body lines of a template (or fragment) into block nodes.
struct BodyParser {
    let lines: [SourceLine]
    var index = 0

    init(_ lines: [SourceLine]) { self.lines = lines }

    /// Parses every line; a stray `sinon` / `fin` is reported.
    static func parse(_ lines: [SourceLine], _ ctx: inout CompileContext) -> [BodyNode] {
        var parser = BodyParser(lines)
        var nodes: [BodyNode] = []
        while true {
            let (part, stop) = parser.blocks(&ctx)
            nodes += part
            guard let (head, location) = stop else { break }
            ctx.sink.error(TemplateCode.syntax, "{% \(head.keyword.rawValue) %} sans {% si %} ou {% pour %} ouvert", at: location)
        }
        return nodes
    }

    // MARK: Line kinds

    /// The tag of a line holding one block-level tag and nothing else.
    func blockTag(_ line: SourceLine) -> (TagHead, SourceLocation)? {
        let start = line.contentStart
        guard line.hasPrefix("{%", from: start) else { return nil }
        var end = line.scalars.count
        while end > start, line.scalars[end - 1] == " " || line.scalars[end - 1] == "\t" { end -= 1 }
        guard let close = InlineTokenizer.findClose(line.scalars, from: start + 2, to: end, closer: "%"), close + 2 == end else { return nil }
        var scratch = DiagnosticSink()
        let inside = Array(line.scalars[(start + 2)..<close])
        guard let head = TagHead.parse(inside, column: start + 3, file: line.file, line: line.number, sink: &scratch),
              [.si, .sinonSi, .sinon, .fin, .pour, .inclure].contains(head.keyword) else { return nil }
        return (head, line.location(start))
    }

    private static func isComment(_ line: SourceLine) -> Bool { line.hasPrefix("%%", from: line.contentStart) }

    /// `- ` or `12. ` after the indentation: (ordered, index of the text).
    static func listMarker(_ line: SourceLine) -> (ordered: Bool, text: Int)? {
        let s = line.scalars
        let i = line.contentStart
        if line.hasPrefix("- ", from: i) { return (false, i + 2) }
        var j = i
        while j < s.count, ("0"..."9").contains(s[j]) { j += 1 }
        if j > i, j + 1 < s.count, s[j] == ".", s[j + 1] == " " { return (true, j + 2) }
        return nil
    }

    private static func isTableRow(_ line: SourceLine) -> Bool { line.hasPrefix("|", from: line.contentStart) }

    // MARK: Blocks

    /// Reads blocks up to a `sinon` / `sinon si` / `fin` line (returned) or the end.
    private mutating func blocks(_ ctx: inout CompileContext) -> ([BodyNode], (TagHead, SourceLocation)?) {
        var nodes: [BodyNode] = []
        while index < lines.count {
            let line = lines[index]
            if line.isBlank { nodes.append(.blank); index += 1; continue }
            if Self.isComment(line) { index += 1; continue }
            if let (head, location) = blockTag(line) {
                index += 1
                switch head.keyword {
                case .sinon, .sinonSi, .fin: return (nodes, (head, location))
                case .si: if let node = conditional(head, location, &ctx) { nodes.append(node) }
                case .pour:
                    let (spec, declared) = ctx.loop(head, at: location)
                    let (body, firstStop) = blocks(&ctx)
                    var stop = firstStop
                    while let (wrong, wrongAt) = stop, wrong.keyword != .fin {
                        ctx.sink.error(TemplateCode.syntax, "{% \(wrong.keyword.rawValue) %} dans un {% pour %} : fermez la boucle par {% fin %}", at: wrongAt)
                        (_, stop) = blocks(&ctx)
                    }
                    if declared { ctx.endLoop() }
                    if stop == nil { ctx.sink.error(TemplateCode.missingEnd, "{% pour %} ouvert ici sans {% fin %}", at: location) }
                    if let spec { nodes.append(.loop(spec, body)) }
                default: nodes += include(head, location, &ctx)
                }
                continue
            }
            nodes.append(contentsOf: block(line, &ctx))
        }
        return (nodes, nil)
    }

    private mutating func conditional(_ head: TagHead, _ location: SourceLocation, _ ctx: inout CompileContext) -> BodyNode? {
        var branches: [Branch<[BodyNode]>] = []
        var condition = ctx.condition(head, at: location)
        var ok = condition != nil
        var isElse = false
        while true {
            let (body, stop) = blocks(&ctx)
            branches.append(Branch(condition: isElse ? nil : condition, body: body))
            guard let (next, nextAt) = stop else {
                ctx.sink.error(TemplateCode.missingEnd, "{% si %} ouvert ici sans {% fin %}", at: location)
                return nil
            }
            switch next.keyword {
            case .fin: return ok ? .conditional(branches) : nil
            default:
                if isElse { ctx.sink.error(TemplateCode.syntax, "{% \(next.keyword.rawValue) %} après {% sinon %}", at: nextAt); ok = false }
                if next.keyword == .sinon { isElse = true } else {
                    condition = ctx.condition(next, at: nextAt)
                    if condition == nil { ok = false }
                }
            }
        }
    }

    private func include(_ head: TagHead, _ location: SourceLocation, _ ctx: inout CompileContext) -> [BodyNode] {
        let name = head.restText.trimmingCharacters(in: "\"'")
        guard let fragment = ctx.fragments.resolve(name) else {
            ctx.sink.error(TemplateCode.unknownFragment, "fragment introuvable « \(name) » (attendu : _fragments/\(name).trame)", at: location)
            return []
        }
        if ctx.includeStack.contains(fragment.path) {
            let chain = (ctx.includeStack + [fragment.path]).map(\.lastComponent).joined(separator: " → ")
            ctx.sink.error(TemplateCode.includeCycle, "inclusion cyclique : \(chain)", at: location)
            return []
        }
        ctx.includeStack.append(fragment.path)
        defer { ctx.includeStack.removeLast() }
        return BodyParser.parse(TemplateText.lines(fragment.source, file: fragment.path, firstLine: 1), &ctx)
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
