/// The style-dependent parts of the writers' output for ``DocumentStyle/standard``, built once:
/// writing them for every document cost as much as writing the document itself
/// (`trame-bench-writers`). Any other style builds them per document.
enum StyleCache {
    private static let document = Document(metadata: DocumentMetadata(title: "", subject: "", identifier: ""), blocks: [])
    static let odtNamedStyles = ODTWriter(document).namedStylesXML()
    static let odtCellStyles = ODTBodyWriter(style: .standard, images: ImageCatalog(document, style: .standard)).cellStylesXML()
    static let docxRoleStyles = DOCXWriter(document).roleStylesXML()
    /// (The CSS also depends on the letterhead, so only a style equal to `standard` uses it.)
    static let css = HTMLWriter(document).css()
}

extension DocumentStyle {
    /// Whether the style lays out like ``standard`` (a letterhead aside), so the cached parts apply.
    var isStandardLayout: Bool {
        guard letterhead != nil else { return self == .standard }
        var copy = self
        copy.letterhead = nil
        return copy == .standard
    }
}
