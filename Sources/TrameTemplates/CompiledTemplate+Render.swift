import TrameDocument
import TrameModel

extension CompiledTemplate {
    /// Renders the template on a context (as built by `ContextBuilder`).
    ///
    /// `audience` and `projet` of the context are set from `options`. Every field the audience may
    /// not see is removed first; a template that reads one gets an `AUDIENCE` error (in drafts too).
    /// A missing value is an error (`VALEUR_MANQUANTE`, no document) in a final document and a
    /// placeholder `[à compléter : chemin]` in a draft.
    /// - Parameters:
    ///   - context: The context root.
    ///   - options: Draft or final, and the audience.
    /// - Returns: The document (nil on error), the missing values and the diagnostics.
    public func render(context: DataNode, options: RenderOptions) -> RenderResult {
        var root = context
        if case .object(var object) = root.value {
            object.set("audience", DataNode(value: .text(options.audience.rawValue), path: FieldPath(parsing: "audience"),
                                            sensitivity: .partenaires, location: nil))
            object.set("projet", DataNode(value: .boolean(options.draft), path: FieldPath(parsing: "projet"),
                                          sensitivity: .partenaires, location: nil))
            object.set("acte", Self.actNode(act))
            root.value = .object(object)
        }
        let visible = ContextPruner.prune(root, for: options.audience)
            ?? DataNode(value: .object(DataObject()), path: FieldPath(), sensitivity: .partenaires, location: nil)
        var renderer = Renderer(template: self, root: visible, options: options)
        let document = renderer.run()
        return RenderResult(document: document, missingValues: renderer.missing, diagnostics: renderer.diagnostics,
                            clauses: renderer.clauseUses, referenceDate: renderer.referenceDate, readPaths: renderer.readPaths,
                            mentions: renderer.mentionChecks, draftingNotes: renderer.draftingNotes)
    }
}
