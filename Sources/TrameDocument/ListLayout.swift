/// How a top-level list and its sublists are numbered: one kind (numbered or bulleted) per
/// nesting level, taken from the first list met at that depth. ODT list styles and DOCX abstract
/// numbering definitions are shared between lists with the same layout.
struct ListLayout: Hashable {
    /// `true` = numbered, for depth 0, 1, …
    var ordered: [Bool]

    /// The deepest level a format supports; deeper sublists stay at this level.
    static let maxLevels = 9

    init(_ list: ListBlock) {
        ordered = []
        collect(list, depth: 0)
    }

    private mutating func collect(_ list: ListBlock, depth: Int) {
        guard depth < Self.maxLevels else { return }
        if depth == ordered.count { ordered.append(list.ordered) }
        for item in list.items {
            if let sublist = item.sublist { collect(sublist, depth: depth + 1) }
        }
    }

    /// A short key usable in style names: `"NB"` = numbered, then bulleted.
    var key: String { String(ordered.map { $0 ? "N" : "B" }) }

    /// Whether the level is numbered (levels past the layout are bulleted).
    func isOrdered(level: Int) -> Bool { level < ordered.count && ordered[level] }

    /// The bullet character for a bulleted level.
    static func bullet(level: Int) -> String { ["•", "–", "◦"][level % 3] }

    /// The numbering of a numbered level: ODF `style:num-format`, DOCX `w:numFmt`, suffix, CSS type.
    static func numbering(level: Int) -> (odf: String, docx: String, suffix: String, css: String) {
        switch level % 3 {
        case 0: ("1", "decimal", ".", "decimal")
        case 1: ("a", "lowerLetter", ")", "lower-alpha")
        default: ("i", "lowerRoman", ".", "lower-roman")
        }
    }
}
