import TrameDocument

/// Assembles rendered pieces into blocks: list items into (nested) lists, rows into tables.
/// Empty lists and tables without body rows are never produced.
struct BlockBuilder {
    private(set) var blocks: [Block] = []
    /// Indices of the blocks holding an unresolved `renvoi`.
    private(set) var blocksWithReferences: [Int] = []

    private struct ListFrame {
        let ordered: Bool
        var items: [ListItem]
    }

    private var lists: [ListFrame] = []
    private var listHasReference = false
    private var headerRows: [[TableCell]] = []
    private var rows: [[TableCell]] = []
    private var tableOpen = false
    private var tableWidths: [Int] = []
    private var tableHasReference = false
    private var pendingWidths: [Int]?

    mutating func append(_ block: Block, hasReference: Bool = false) {
        closeList()
        closeTable()
        if hasReference { blocksWithReferences.append(blocks.count) }
        blocks.append(block)
    }

    /// Appends a signature block; the paragraph just before it (« Fait à …, le …, en N exemplaires
    /// originaux. ») becomes its closing formula, so the writers keep the two on the same page.
    mutating func appendSignatures(_ block: SignatureBlock) {
        closeList()
        closeTable()
        var block = block
        if block.closing.isEmpty, case .paragraph(let paragraph)? = blocks.last, !blocksWithReferences.contains(blocks.count - 1) {
            blocks.removeLast()
            block.closing = paragraph.inlines
        }
        blocks.append(.signatures(block))
    }

    /// A blank line: ends the current list and table.
    mutating func blank() {
        closeList()
        closeTable()
    }

    mutating func listItem(level: Int, ordered: Bool, _ inlines: [Inline], hasReference: Bool) {
        closeTable()
        if let first = lists.first, first.ordered != ordered, level == 0 { closeList() }
        let level = min(level, lists.count)
        while lists.count - 1 > level { popList() }
        if lists.count == level { lists.append(ListFrame(ordered: ordered, items: [])) }
        lists[level].items.append(ListItem(inlines))
        listHasReference = listHasReference || hasReference
    }

    private mutating func popList() {
        let frame = lists.removeLast()
        guard !frame.items.isEmpty, !lists.isEmpty, !lists[lists.count - 1].items.isEmpty else { return }
        let last = lists[lists.count - 1].items.count - 1
        lists[lists.count - 1].items[last].sublist = ListBlock(ordered: frame.ordered, items: frame.items)
    }

    private mutating func closeList() {
        guard !lists.isEmpty else { return }
        while lists.count > 1 { popList() }
        let frame = lists.removeLast()
        if !frame.items.isEmpty {
            if listHasReference { blocksWithReferences.append(blocks.count) }
            blocks.append(.list(ListBlock(ordered: frame.ordered, items: frame.items)))
        }
        listHasReference = false
    }

    mutating func tableRow(_ cells: [TableCell], hasReference: Bool) {
        closeList()
        if !tableOpen {
            tableOpen = true
            tableWidths = pendingWidths ?? []
            pendingWidths = nil
        }
        rows.append(cells)
        tableHasReference = tableHasReference || hasReference
    }

    /// `|---|`: the rows so far are header rows.
    mutating func tableSeparator() {
        guard tableOpen else { return }
        headerRows += rows
        rows = []
    }

    mutating func widths(_ widths: [Int]) {
        closeList()
        closeTable()
        pendingWidths = widths
    }

    private mutating func closeTable() {
        guard tableOpen else { return }
        if !rows.isEmpty {
            if tableHasReference { blocksWithReferences.append(blocks.count) }
            blocks.append(.table(Table(headerRows: headerRows, rows: rows, columnWidths: tableWidths)))
        }
        tableOpen = false
        headerRows = []
        rows = []
        tableWidths = []
        tableHasReference = false
    }

    mutating func finish() -> [Block] {
        closeList()
        closeTable()
        return blocks
    }
}
