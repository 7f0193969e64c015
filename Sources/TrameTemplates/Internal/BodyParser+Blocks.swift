import TrameModel

extension BodyParser {
    /// Reads the block starting at the current line (a paragraph may take several lines).
    mutating func block(_ line: SourceLine, _ ctx: inout CompileContext) -> [BodyNode] {
        let i = line.contentStart
        if line.hasPrefix("#", from: i) { index += 1; return heading(line, &ctx) }
        if line.hasPrefix("@", from: i) { index += 1; return directive(line, &ctx) }
        if line.hasPrefix(">", from: i) { return [note(&ctx)] }
        if let (ordered, textStart) = Self.listMarker(line) { return [listItem(line, ordered: ordered, textStart: textStart, &ctx)] }
        if line.hasPrefix("|", from: i) { index += 1; return [tableRow(line, &ctx)] }
        return [paragraph(&ctx)]
    }

    private func inlines(_ line: SourceLine, from start: Int, _ ctx: inout CompileContext) -> [InlineNode] {
        InlineParser.parse(InlineTokenizer.tokenize(line, from: start, sink: &ctx.sink), &ctx)
    }

    private func heading(_ line: SourceLine, _ ctx: inout CompileContext) -> [BodyNode] {
        let i = line.contentStart
        let kinds: [(String, HeadingKind)] = [("### ", .level2), ("## ", .level1), ("#+ ", .subtitle), ("# ", .title)]
        for (prefix, kind) in kinds where line.hasPrefix(prefix, from: i) {
            return [.heading(kind, inlines(line, from: i + prefix.unicodeScalars.count, &ctx))]
        }
        ctx.sink.error(TemplateCode.syntax, "titre mal formé : « # Titre », « #+ Sous-titre », « ## Section » ou « ### Sous-section » (écrivez \\# pour un # en début de ligne)", at: line.location(i))
        return []
    }

    private func directive(_ line: SourceLine, _ ctx: inout CompileContext) -> [BodyNode] {
        let i = line.contentStart
        var j = i + 1
        while j < line.scalars.count, line.scalars[j] != " " { j += 1 }
        let name = String(String.UnicodeScalarView(line.scalars[(i + 1)..<j]))
        var restStart = j
        while restStart < line.scalars.count, line.scalars[restStart] == " " { restStart += 1 }
        let rest = line.text(from: restStart)
        switch name {
        case "article":
            var end = line.scalars.count
            while end > restStart, line.scalars[end - 1] == " " { end -= 1 }
            var label: String?
            if end > restStart, line.scalars[end - 1] == "}",
               let open = line.scalars[restStart..<end].lastIndex(where: { $0 == "{" }), open + 1 < end, line.scalars[open + 1] == "#" {
                let text = String(String.UnicodeScalarView(line.scalars[(open + 2)..<(end - 1)])).trimmingSpaces()
                if text.isEmpty || !text.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }) {
                    ctx.sink.error(TemplateCode.syntax, "étiquette d'article invalide « \(text) » : minuscules, chiffres, - et _", at: line.location(open))
                } else {
                    label = text
                    ctx.labels.insert(text)
                }
                end = open
            }
            let title = InlineParser.parse(InlineTokenizer.tokenize(line, from: restStart, to: end, sink: &ctx.sink), &ctx)
            return [.article(title: title, label: label)]
        case "saut-de-page":
            return [.pageBreak]
        case "section":
            var k = restStart
            while k < line.scalars.count, line.scalars[k] != " " { k += 1 }
            let picto = String(String.UnicodeScalarView(line.scalars[restStart..<k]))
            var titleStart = k
            while titleStart < line.scalars.count, line.scalars[titleStart] == " " { titleStart += 1 }
            guard !picto.isEmpty, titleStart < line.scalars.count else {
                ctx.sink.error(TemplateCode.syntax, "forme attendue : @section pictogramme Titre de la partie (ex. @section logement Votre logement)", at: line.location(i))
                return []
            }
            guard let image = Pictograms.load(picto, from: ctx.pictograms, at: line.location(restStart), sink: &ctx.sink) else { return [] }
            return [.section(image, InlineParser.parse(InlineTokenizer.tokenize(line, from: titleStart, sink: &ctx.sink), &ctx))]
        case "clause":
            return ClauseCompiler.compile(rest.trimmingSpaces(), at: line.location(restStart), &ctx).map { [.clause($0)] } ?? []
        case "signatures":
            let parts = rest.split(separator: " ", omittingEmptySubsequences: true)
            let isLetter = parts.count == 2 && parts[1] == "lettre"
            if parts.count > 2 || (parts.count == 2 && !isLetter) {
                ctx.sink.error(TemplateCode.syntax, "forme attendue : @signatures LISTE, ou @signatures LISTE lettre pour la signature d'un courrier", at: line.location(i))
                return []
            }
            let words = (parts.first.map(String.init) ?? "").split(separator: ".").map(String.init)
            guard !rest.isEmpty, let ref = ctx.scope.resolve(words, at: line.location(restStart), sink: &ctx.sink) else {
                if rest.isEmpty { ctx.sink.error(TemplateCode.syntax, "@signatures attend une liste de signataires (ex. @signatures signataires.sous_location)", at: line.location(i)) }
                return []
            }
            guard case .list(.object(let fields)) = ref.kind, fields.contains(where: { $0.key == "qualite" }), fields.contains(where: { $0.key == "nom" }) else {
                ctx.sink.error(TemplateCode.notAList, "« \(ref.text) » n'est pas une liste de signataires (champs « qualite » et « nom »)", at: line.location(restStart), path: ref.text)
                return []
            }
            return [.signatures(ref, letter: isLetter)]
        case "tableau":
            guard rest.hasPrefix("largeurs=") else {
                ctx.sink.error(TemplateCode.syntax, "forme attendue : @tableau largeurs=30,70", at: line.location(i))
                return []
            }
            let widths = rest.dropFirst("largeurs=".count).split(separator: ",").map { Int(String($0).trimmingSpaces()) }
            guard !widths.isEmpty, widths.allSatisfy({ ($0 ?? 0) > 0 }) else {
                ctx.sink.error(TemplateCode.syntax, "largeurs invalides « \(rest) » : des nombres entiers positifs séparés par des virgules", at: line.location(restStart))
                return []
            }
            return [.tableWidths(widths.map { $0! })]
        default:
            var message = "directive inconnue « @\(name) »"
            if let near = Suggestions.nearest(to: name, among: ["article", "clause", "saut-de-page", "section", "signatures", "tableau"]) { message += " ; vouliez-vous dire « @\(near) » ?" }
            ctx.sink.error(TemplateCode.syntax, message + " (écrivez \\@ pour un @ en début de ligne)", at: line.location(i))
            return []
        }
    }

    /// Joins the tokens of several lines with a space (none after a hard break).
    private func joined(_ parts: [[RawToken]]) -> [RawToken] {
        var tokens: [RawToken] = []
        for part in parts {
            if let last = tokens.last, case .hardBreak = last.kind {} else if let last = tokens.last {
                tokens.append(RawToken(kind: .text(" "), location: last.location))
            }
            tokens += part
        }
        return tokens
    }

    private mutating func note(_ ctx: inout CompileContext) -> BodyNode {
        var parts: [[RawToken]] = []
        while index < lines.count {
            let line = lines[index]
            let i = line.contentStart
            guard line.hasPrefix(">", from: i) else { break }
            var start = i + 1
            if start < line.scalars.count, line.scalars[start] == " " { start += 1 }
            parts.append(InlineTokenizer.tokenize(line, from: start, sink: &ctx.sink))
            index += 1
        }
        return .paragraph(InlineParser.parse(joined(parts), &ctx), isNote: true)
    }

    private mutating func paragraph(_ ctx: inout CompileContext) -> BodyNode {
        var parts: [[RawToken]] = []
        while index < lines.count {
            let line = lines[index]
            if line.hasPrefix("%%", from: line.contentStart) { index += 1; continue }
            if !parts.isEmpty && isSpecialLine(line) { break }
            parts.append(InlineTokenizer.tokenize(line, from: line.contentStart, sink: &ctx.sink))
            index += 1
        }
        return .paragraph(InlineParser.parse(joined(parts), &ctx), isNote: false)
    }

    private mutating func listItem(_ line: SourceLine, ordered: Bool, textStart: Int, _ ctx: inout CompileContext) -> BodyNode {
        var parts = [InlineTokenizer.tokenize(line, from: textStart, sink: &ctx.sink)]
        index += 1
        // Continuation lines: indented deeper than the marker, and not a block of their own.
        while index < lines.count {
            let next = lines[index]
            guard !next.isBlank, next.indent >= line.indent + 2, !isSpecialLine(next) else { break }
            parts.append(InlineTokenizer.tokenize(next, from: next.contentStart, sink: &ctx.sink))
            index += 1
        }
        return .listItem(level: line.indent / 2, ordered: ordered, InlineParser.parse(joined(parts), &ctx))
    }

    private func tableRow(_ line: SourceLine, _ ctx: inout CompileContext) -> BodyNode {
        let s = line.scalars
        var end = s.count
        while end > 0, s[end - 1] == " " || s[end - 1] == "\t" { end -= 1 }
        // Cell boundaries: unescaped `|` outside `{{ }}` and `{% %}`.
        var bounds: [Int] = []
        var i = line.contentStart
        while i < end {
            if s[i] == "\\" { i += 2; continue }
            if s[i] == "{", i + 1 < end, s[i + 1] == "{" || s[i + 1] == "%" {
                if let close = InlineTokenizer.findClose(s, from: i + 2, to: end, closer: s[i + 1] == "{" ? "}" : "%") { i = close + 2; continue }
            }
            if s[i] == "|" { bounds.append(i) }
            i += 1
        }
        if bounds.last != end - 1 { bounds.append(end) }
        let cells = zip(bounds, bounds.dropFirst()).map { (a, b) in (a + 1, b) }
        let isSeparator = cells.allSatisfy { (a, b) in
            let text = String(String.UnicodeScalarView(s[a..<b])).trimmingSpaces()
            return !text.isEmpty && text.unicodeScalars.allSatisfy { $0 == "-" || $0 == ":" }
        }
        if isSeparator { return .tableSeparator }
        return .tableRow(cells.map { (a, b) in
            var start = a
            while start < b, s[start] == " " { start += 1 }
            return InlineParser.parse(InlineTokenizer.tokenize(line, from: start, to: b, sink: &ctx.sink), &ctx)
        })
    }

    /// A line that starts a block of its own (and so ends a paragraph or a list item's text).
    private func isSpecialLine(_ line: SourceLine) -> Bool {
        let i = line.contentStart
        return line.isBlank || line.hasPrefix("#", from: i) || line.hasPrefix("@", from: i) || line.hasPrefix(">", from: i)
            || line.hasPrefix("|", from: i) || line.hasPrefix("%%", from: i) || Self.listMarker(line) != nil || blockTag(line) != nil
    }
}
