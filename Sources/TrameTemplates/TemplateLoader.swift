import Foundation
import TrameDocument
import TrameModel

/// Loads `.trame` templates: parses them once, checks every name against the context schema,
/// and returns a `CompiledTemplate` ready to be rendered many times.
public enum TemplateLoader {
    /// Loads a template file. Fragments are looked up in the nearest `_fragments/` folder above
    /// the template (normally `Templates/_fragments/`), unless `fragments` is given.
    /// - Parameters:
    ///   - path: The `.trame` file.
    ///   - schema: The context schema; by default `conventionDocument` for the audience
    ///     `partenaires` and `dossierDocument` otherwise.
    ///   - fragments: Where `{% inclure %}` looks.
    /// - Throws: `Diagnostics` with every problem found, located in the template.
    public static func load(path: String, schema: ContextSchema? = nil, fragments: FragmentResolver? = nil,
                            clauses: ClauseResolver? = nil) throws(Diagnostics) -> CompiledTemplate {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw Diagnostics([.error(TemplateCode.unreadable, "gabarit introuvable ou illisible (UTF-8 attendu)", at: SourceLocation(file: path, line: 1, column: 1))])
        }
        let fragmentsFolder = fragmentsDirectory(for: path)
        // Clauses live beside `_fragments/`: in the `Templates/` folder holding the document's folder.
        let root = (fragmentsFolder as NSString).deletingLastPathComponent
        return try load(source: text, name: path, fragments: fragments ?? .directory(fragmentsFolder),
                        schema: schema, clauses: clauses ?? .directory(root),
                        pictograms: (root as NSString).appendingPathComponent("_pictogrammes"))
    }

    /// Loads a template from its text.
    /// - Parameters:
    ///   - source: The template text.
    ///   - name: The file name shown in diagnostics.
    ///   - fragments: Where `{% inclure %}` looks.
    ///   - schema: The context schema (default as for `load(path:)`).
    /// - Throws: `Diagnostics` with every problem found.
    public static func load(source: String, name: String, fragments: FragmentResolver = .none,
                            schema: ContextSchema? = nil, clauses: ClauseResolver = .none,
                            pictograms: String? = nil) throws(Diagnostics) -> CompiledTemplate {
        let all = TemplateText.lines(source, file: name, firstLine: 1)
        let (frontLines, body, unclosed) = TemplateText.split(all)
        var sink = DiagnosticSink()
        if unclosed {
            sink.error(TemplateCode.frontMatter, "en-tête ouvert par « --- » sans « --- » de fermeture", at: SourceLocation(file: name, line: 1, column: 1))
        }
        let front = frontLines.map { FrontMatter.parse($0, file: name, sink: &sink) } ?? FrontMatter()
        let contextSchema = schema ?? (front.audience == .partenaires ? .conventionDocument : .dossierDocument)
        var ctx = CompileContext(schema: contextSchema, fragments: fragments, clauses: clauses, file: name)
        ctx.pictograms = pictograms
        ctx.sink.append(contentsOf: sink.diagnostics)
        let base = ((name as NSString).lastPathComponent as NSString).deletingPathExtension
        ctx.documentID = front.document ?? String(base.split(separator: ".").first ?? Substring(base))
        var referenceDate: [PathRef] = []
        if let (paths, location) = front.referenceDate {
            for path in paths {
                guard let ref = ctx.scope.resolve(path.split(separator: ".").map(String.init), at: location, sink: &ctx.sink) else { continue }
                if case .date = ref.kind { referenceDate.append(ref) } else {
                    ctx.sink.error(TemplateCode.frontMatter, "date_reference : « \(path) » n'est pas une date", at: location)
                }
            }
        }
        var header: [InlineNode]?
        if let (text, location) = front.header {
            let padding = [Unicode.Scalar](repeating: " ", count: max(0, location.column - 1))
            let line = SourceLine(file: name, number: location.line, scalars: padding + Array(text.unicodeScalars))
            header = InlineParser.parse(InlineTokenizer.tokenize(line, from: padding.count, sink: &ctx.sink), &ctx)
            for reference in ctx.labelReferences {
                ctx.sink.error(TemplateCode.syntax, "{% renvoi %} n'est pas possible dans l'en-tête de page", at: reference.location)
            }
            ctx.labelReferences = []
        }
        let nodes = BodyParser.parse(body, &ctx)
        ctx.checkLabels()
        let mentions = compileMentions(front.mentions, body: nodes, &ctx)
        let diagnostics = ctx.sink.diagnostics.sorted { ($0.location?.file ?? "", $0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.file ?? "", $1.location?.line ?? 0, $1.location?.column ?? 0) }
        guard !diagnostics.hasErrors else { throw Diagnostics(diagnostics) }
        return CompiledTemplate(name: name, documentID: ctx.documentID ?? base, title: front.title ?? base,
                                version: front.version ?? 1, audience: front.audience, initialsOnEveryPage: front.initials,
                                style: front.style ?? .standard,
                                schema: contextSchema, effectiveDate: front.effectiveDate, until: front.until, source: front.source, sha256: ClauseSource.hash(source),
                                mentions: mentions, act: front.act ?? CompiledTemplate.defaultActDesignation(for: ctx.documentID ?? base),
                                referenceDate: referenceDate, header: header, body: nodes, hasReferences: !ctx.labelReferences.isEmpty)
    }

    /// The nearest `_fragments` folder at or above the template's folder (else `../_fragments`).
    static func fragmentsDirectory(for path: String) -> String {
        var directory = (path as NSString).deletingLastPathComponent
        for _ in 0..<4 {
            let candidate = (directory as NSString).appendingPathComponent("_fragments")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), isDirectory.boolValue { return candidate }
            let parent = (directory as NSString).deletingLastPathComponent
            if parent == directory || parent.isEmpty { break }
            directory = parent
        }
        return (((path as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent as NSString).appendingPathComponent("_fragments")
    }

    /// Compiles the `quand` of each mandatory mention and checks that the clauses it names are
    /// ones the template includes (a misspelt id would make the mention impossible to satisfy).
    static func compileMentions(_ raw: [FrontMatter.RawMention], body: [BodyNode], _ ctx: inout CompileContext) -> [MandatoryMention] {
        guard !raw.isEmpty else { return [] }
        var included: Set<String> = []
        func walk(_ nodes: [BodyNode]) {
            for node in nodes {
                switch node {
                case .clause(let clause): included.insert(clause.id)
                case .conditional(let branches): for branch in branches { walk(branch.body) }
                case .loop(_, let body): walk(body)
                default: break
                }
            }
        }
        walk(body)
        var mentions: [MandatoryMention] = []
        for m in raw {
            // `designation` in the sous-location template means `sous-location.designation`.
            let m = FrontMatter.RawMention(id: m.id, label: m.label, source: m.source,
                                           clauses: m.clauses.map { $0.contains(".") ? $0 : "\(ctx.documentID ?? "").\($0)" },
                                           audiences: m.audiences, condition: m.condition, location: m.location)
            for clause in m.clauses where !included.contains(clause) {
                var message = "mentions : la mention « \(m.id) » renvoie à la clause « \(clause) », que ce gabarit n'inclut pas"
                if let near = Suggestions.nearest(to: clause, among: Array(included)) { message += " ; vouliez-vous dire « \(near) » ?" }
                ctx.sink.error(TemplateCode.frontMatter, message, at: m.location)
            }
            var condition: ConditionNode?
            if let (text, at) = m.condition {
                condition = ctx.condition(text: text, at: at)
                if condition == nil { continue }
            }
            mentions.append(MandatoryMention(id: m.id, label: m.label, source: m.source, clauses: m.clauses, audiences: m.audiences,
                                             conditionText: m.condition?.text, condition: condition, location: m.location))
        }
        return mentions
    }
}
