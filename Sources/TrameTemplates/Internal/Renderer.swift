import TrameDocument
import TrameModel

/// The state of one render: the context, loop variables, what was missing, what went wrong.
struct Renderer {
    struct LoopFrame {
        let spec: LoopSpec
        let node: DataNode
        let index: Int
        let count: Int
    }

    enum Resolution {
        case value(DataNode)
        case computed(DataValue)
        case absent
        case forbidden
    }

    let template: CompiledTemplate
    let root: DataNode
    let options: RenderOptions
    var frames: [LoopFrame] = []
    var missing: [MissingValue] = []
    var diagnostics: [Diagnostic] = []
    private var reportedForbidden: Set<String> = []
    var builder = BlockBuilder()
    var articleCount = 0
    var articleNumbers: [String: Int] = [:]
    /// The date that chooses clause versions, read from `date_reference` when the render starts.
    var referenceDate: CalendarDate?
    /// Every clause considered, in order.
    var clauseUses: [ClauseUse] = []
    /// The clauses being rendered, innermost last: where a drafting note comes from.
    var clauseStack: [(id: String, version: Int)] = []
    /// The notes for counsel met while rendering (`note_redaction`), in document order.
    var draftingNotes: [DraftingNote] = []
    /// The mandatory mentions, checked once the body is rendered.
    var mentionChecks: [MentionCheck] = []
    /// The data paths the document read (`logement.etage`, `logement.inventaire[2].etat`).
    var readPaths: Set<String> = []
    /// `renvoi` uses in the order they were rendered.
    var references: [(label: String, style: TextStyle, location: SourceLocation)] = []

    init(template: CompiledTemplate, root: DataNode, options: RenderOptions) {
        self.template = template
        self.root = root
        self.options = options
    }

    // MARK: Paths

    mutating func resolve(_ ref: PathRef) -> Resolution {
        guard options.audience.mayContain(ref.level, field: ref.schemaText.split(separator: ".").last.map(String.init)) else {
            reportForbidden(ref)
            return .forbidden
        }
        var node: DataNode
        switch ref.root {
        case .context: node = root
        case .loop(let depth): node = frames[depth].node
        case .loopInfo(let depth, let info):
            let frame = frames[depth]
            switch info {
            case .index: return .computed(.integer(frame.index + 1))
            case .premier: return .computed(.boolean(frame.index == 0))
            case .dernier: return .computed(.boolean(frame.index == frame.count - 1))
            case .taille: return .computed(.integer(frame.count))
            }
        }
        for key in ref.keys {
            guard let next = node[key] else { return .absent }
            node = next
        }
        readPaths.insert(dataPath(ref))
        return .value(node)
    }

    private mutating func reportForbidden(_ ref: PathRef) {
        let key = "\(ref.location)|\(ref.schemaText)"
        guard reportedForbidden.insert(key).inserted else { return }
        let message = "le champ \(ref.schemaText) (niveau \(ref.level.rawValue)) ne peut pas figurer dans un document destiné à : \(options.audience.rawValue)"
        diagnostics.append(.error(TemplateCode.audience, path: FieldPath(parsing: ref.schemaText), message, at: ref.location))
    }

    /// The path of a missing value as the data has it: loop variables become `liste[i]`.
    func dataPath(_ ref: PathRef) -> String {
        guard case .loop(let depth) = ref.root else { return ref.text }
        let frame = frames[depth]
        let list = dataPath(frame.spec.list)
        return ([list + "[\(frame.index)]"] + ref.keys).joined(separator: ".")
    }

    /// Records a missing value: an error in a final document.
    mutating func recordMissing(_ ref: PathRef) -> String {
        let path = dataPath(ref)
        missing.append(MissingValue(path: path, location: ref.location))
        if !options.draft {
            let file = ref.location.file.lastComponent
            diagnostics.append(.error(TemplateCode.missingValue, path: FieldPath(parsing: path),
                                      "valeur manquante : \(path) (gabarit \(file) ligne \(ref.location.line))", at: ref.location))
        }
        return path
    }

    // MARK: Whole render

    mutating func run() -> Document? {
        referenceDate = readReferenceDate()
        render(template.body)
        checkMentions()
        var blocks = builder.finish()
        if template.hasReferences { resolveReferences(&blocks) }
        if options.draft { Self.insertMissingMentions(mentionChecks, into: &blocks) }
        guard !diagnostics.hasErrors else { return nil }
        let identifier = root["dossier"]?.text ?? root["convention"]?["identifiant"]?.text ?? ""
        var header: String?
        if let nodes = template.header {
            var inlines: [Inline] = []
            renderInlines(nodes, into: &inlines)
            header = InlineText.plain(inlines)
            if diagnostics.hasErrors { return nil }
        }
        let metadata = DocumentMetadata(
            title: template.title, subject: template.title, identifier: identifier, isDraft: options.draft,
            customProperties: [
                CustomProperty(name: "trame:gabarit", value: "\(template.documentID)@\(template.version)"),
                CustomProperty(name: "trame:audience", value: options.audience.rawValue),
            ])
        return Document(metadata: metadata, header: header, initialsOnEveryPage: template.initialsOnEveryPage, blocks: blocks)
    }
}

extension String {
    /// The last component of a `/`-separated path.
    var lastComponent: String { split(separator: "/").last.map(String.init) ?? self }
}

extension Renderer: ValueSource {
    mutating func lookup(_ ref: PathRef) -> DataValue? {
        switch resolve(ref) {
        case .value(let node): return node.value
        case .computed(let value): return value
        case .absent, .forbidden: return nil
        }
    }

    mutating func comparisonMissing(_ ref: PathRef) {
        guard options.audience.mayContain(ref.level, field: ref.schemaText.split(separator: ".").last.map(String.init)) else { return }
        _ = recordMissing(ref)
    }
}
