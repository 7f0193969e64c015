import TrameModel

/// Compiles `@clause nom`: finds every version of the clause and parses each one once, with the
/// same checks as the document (unknown field, filter, syntax), so that any version can be rendered.
enum ClauseCompiler {
    static func compile(_ name: String, at location: SourceLocation, _ ctx: inout CompileContext) -> ClauseNode? {
        guard !name.isEmpty, !name.contains(" ") else {
            ctx.sink.error(TemplateCode.syntax, "forme attendue : @clause nom (ou @clause commun.nom)", at: location)
            return nil
        }
        let id = name.contains(".") ? name : "\(ctx.documentID ?? "").\(name)"
        let sources = ctx.clauses.versions(of: id)
        guard !sources.isEmpty else {
            let (document, short) = ClauseResolver.split(id) ?? ("", name)
            ctx.sink.error(TemplateCode.unknownClause, "clause inconnue « \(id) » (attendue : \(document)/clauses/\(short).v1.trame)", at: location)
            return nil
        }
        if ctx.includeStack.contains(where: { $0.hasPrefix("clause:\(id)") }) {
            ctx.sink.error(TemplateCode.includeCycle, "la clause « \(id) » s'appelle elle-même", at: location)
            return nil
        }
        ctx.includeStack.append("clause:\(id)")
        defer { ctx.includeStack.removeLast() }
        var versions: [ClauseVersionNode] = []
        for source in sources {
            if let version = compileVersion(source, &ctx) { versions.append(version) }
        }
        func top(_ version: Int) -> SourceLocation {
            SourceLocation(file: sources.first { $0.version == version }?.path ?? location.file, line: 1, column: 1)
        }
        // Same `en_vigueur` as the previous version: an editorial correction for the same period.
        // An earlier `en_vigueur` corrects the wording of an earlier legal period: it must end
        // (`jusqu_au`) before the previous version begins, so it can never take over a later period.
        for (a, b) in zip(versions, versions.dropFirst()) where b.effectiveDate < a.effectiveDate {
            if let until = b.until, until < a.effectiveDate { continue }
            ctx.sink.error(TemplateCode.clauseVersion, "la version \(b.version) de « \(id) » ne peut pas entrer en vigueur avant la version \(a.version) (\(a.effectiveDate)), sauf pour corriger une période antérieure : elle doit alors cesser (jusqu_au) avant le \(a.effectiveDate)", at: top(b.version))
        }
        for version in versions {
            if let until = version.until, until < version.effectiveDate {
                ctx.sink.error(TemplateCode.clauseVersion, "la version \(version.version) de « \(id) » cesse d'être en vigueur (jusqu_au: \(until)) avant d'y entrer (en_vigueur: \(version.effectiveDate))", at: top(version.version))
            }
        }
        guard versions.count == sources.count else { return nil }
        let periods = LegalPeriod.periods(versions.map { ($0.effectiveDate, $0.until, $0.source) })
        return ClauseNode(id: id, location: location, versions: versions, periods: periods)
    }

    private static func compileVersion(_ source: ClauseSource, _ ctx: inout CompileContext) -> ClauseVersionNode? {
        let all = TemplateText.lines(source.text, file: source.path, firstLine: 1)
        let (frontLines, body, unclosed) = TemplateText.split(all)
        let top = SourceLocation(file: source.path, line: 1, column: 1)
        guard let frontLines, !unclosed else {
            ctx.sink.error(TemplateCode.clauseFile, "une clause commence par un en-tête « --- » (clause, version, en_vigueur, titre)", at: top)
            return nil
        }
        let front = FrontMatter.parse(frontLines, file: source.path, sink: &ctx.sink)
        var ok = true
        func fail(_ message: String) {
            ctx.sink.error(TemplateCode.clauseFile, message, at: top)
            ok = false
        }
        if front.clause != source.id { fail("l'en-tête dit « clause: \(front.clause ?? "") » mais le fichier est celui de « \(source.id) »") }
        if front.version != source.version { fail("l'en-tête dit « version: \(front.version.map(String.init) ?? "") » mais le fichier est la version \(source.version)") }
        if front.effectiveDate == nil { fail("« en_vigueur: AAAA-MM-JJ » manque dans l'en-tête") }
        if front.title == nil { fail("« titre: … » manque dans l'en-tête") }
        var condition: ConditionNode?
        if let (text, at) = front.condition {
            condition = ctx.condition(text: text, at: at)
            if condition == nil { ok = false }
        }
        let nodes = BodyParser.parse(body, &ctx)
        guard ok, let date = front.effectiveDate, let title = front.title else { return nil }
        return ClauseVersionNode(version: source.version, effectiveDate: date, until: front.until, source: front.source,
                                 title: title, condition: condition,
                                 conditionText: front.condition?.text, body: nodes, sha256: source.sha256)
    }
}
