import TrameDocument
import TrameModel

extension Renderer {
    /// Renders block nodes into the builder.
    mutating func render(_ nodes: [BodyNode]) {
        for node in nodes {
            switch node {
            case .paragraph(let inlines, let isNote):
                var out: [Inline] = []
                let hasReference = renderInlines(inlines, into: &out)
                if let content = InlineText.normalize(out) {
                    builder.append(.paragraph(Paragraph(content, isNote: isNote)), hasReference: hasReference)
                }
            case .listItem(let level, let ordered, let inlines):
                var out: [Inline] = []
                let hasReference = renderInlines(inlines, into: &out)
                if let content = InlineText.normalize(out) {
                    builder.listItem(level: level, ordered: ordered, content, hasReference: hasReference)
                }
            case .tableRow(let cells):
                var hasReference = false
                var row: [TableCell] = []
                row.reserveCapacity(cells.count)
                for cell in cells {
                    var out: [Inline] = []
                    if renderInlines(cell, into: &out) { hasReference = true }
                    row.append(TableCell(InlineText.normalize(out) ?? []))
                }
                builder.tableRow(row, hasReference: hasReference)
            case .tableSeparator:
                builder.tableSeparator()
            case .tableWidths(let widths):
                builder.widths(widths)
            case .heading(let kind, let inlines):
                var out: [Inline] = []
                let hasReference = renderInlines(inlines, into: &out)
                guard let content = InlineText.normalize(out) else { continue }
                let block: Block
                switch kind {
                case .title: block = .title(content)
                case .subtitle: block = .subtitle(content)
                case .level1: block = .heading(level: 1, content)
                case .level2: block = .heading(level: 2, content)
                }
                builder.append(block, hasReference: hasReference)
            case .article(let title, let label):
                articleCount += 1
                if let label { articleNumbers[label] = articleCount }
                var out: [Inline] = []
                let hasReference = renderInlines(title, into: &out)
                builder.append(.article(number: articleCount, title: InlineText.normalize(out) ?? []), hasReference: hasReference)
            case .section(let image, let title):
                var out: [Inline] = []
                let hasReference = renderInlines(title, into: &out)
                guard let content = InlineText.normalize(out) else { continue }
                builder.append(.paragraph(Paragraph(content, alignment: .left, images: [image], headingLevel: 1)), hasReference: hasReference)
            case .pageBreak:
                builder.append(.pageBreak)
            case .signatures(let ref, let letter):
                var block = signatures(ref)
                if letter {
                    // A letter is signed without « Lu et approuvé », in the right half of the page: an
                    // empty first column puts the signatory there, with the style's room to sign.
                    block.readAndApproved = false
                    if !block.signatories.isEmpty { block.signatories.insert(Signatory(capacity: [], name: []), at: 0) }
                }
                builder.appendSignatures(block)
            case .blank:
                builder.blank()
            case .conditional(let branches):
                for branch in branches {
                    if let condition = branch.condition, !ConditionEvaluator.evaluate(condition, &self) { continue }
                    render(branch.body)
                    break
                }
            case .loop(let spec, let body):
                iterate(spec) { renderer in renderer.render(body) }
            case .clause(let clause):
                renderClause(clause)
            }
        }
    }

    /// One column per signatory: `partie` then `qualite` as the capacity, `nom` as the name.
    private mutating func signatures(_ ref: PathRef) -> SignatureBlock {
        guard case .value(let node) = resolve(ref), case .list(let items) = node.value else {
            if case .absent = resolve(ref) { _ = recordMissing(ref) }
            return SignatureBlock(closing: [], signatories: [])
        }
        var signatories: [Signatory] = []
        for (i, item) in items.enumerated() {
            func field(_ key: String) -> [Inline] {
                if let text = item[key]?.text, !text.isEmpty { return [.text(DataTypography.apply(text))] }
                let path = "\(ref.text)[\(i)].\(key)"
                missing.append(MissingValue(path: path, location: ref.location))
                if options.draft { return [missingPlaceholder(path)] }
                diagnostics.append(.error(TemplateCode.missingValue, path: FieldPath(parsing: path),
                                          "valeur manquante : \(path) (gabarit \(ref.location.file.lastComponent) ligne \(ref.location.line))", at: ref.location))
                return []
            }
            var capacity: [Inline] = []
            if let party = item["partie"]?.text, !party.isEmpty { capacity = [.text(DataTypography.apply(party)), .lineBreak] }
            capacity += field("qualite")
            signatories.append(Signatory(capacity: capacity, name: field("nom")))
        }
        return SignatureBlock(closing: [], signatories: signatories)
    }

    /// Replaces the `renvoi` markers by "article N" once every article has its number.
    mutating func resolveReferences(_ blocks: inout [Block]) {
        var queue = references[...]
        for index in builder.blocksWithReferences {
            blocks[index] = blocks[index].mappingInlines { inlines in
                inlines.flatMap { inline -> [Inline] in
                    guard case .placeholder(Self.referenceSentinel) = inline, let reference = queue.popFirst() else { return [inline] }
                    guard let number = articleNumbers[reference.label] else {
                        if options.draft { return [.placeholder("[à compléter : renvoi à l'article « \(reference.label) », absent de ce document]")] }
                        diagnostics.append(.error(TemplateCode.labelAbsent, "l'article « \(reference.label) » auquel ce texte renvoie n'est pas dans ce document (retiré par une condition)", at: reference.location))
                        return [.text("", reference.style)]
                    }
                    // « article 1er », the ordinal's suffix in superscript.
                    return number == 1 ? [.text("article 1", reference.style), .text("er", reference.style.union(.superscript))]
                        : [.text("article \(number)", reference.style)]
                }
            }
        }
    }
}

extension Block {
    /// The block with every run of inlines transformed (paragraphs, items, cells, titles).
    func mappingInlines(_ transform: ([Inline]) -> [Inline]) -> Block {
        func mapList(_ list: ListBlock) -> ListBlock {
            ListBlock(ordered: list.ordered, items: list.items.map { ListItem(transform($0.inlines), sublist: $0.sublist.map(mapList)) })
        }
        switch self {
        case .title(let inlines): return .title(transform(inlines))
        case .subtitle(let inlines): return .subtitle(transform(inlines))
        case .heading(let level, let inlines): return .heading(level: level, transform(inlines))
        case .article(let number, let title): return .article(number: number, title: transform(title))
        case .paragraph(var paragraph):
            paragraph.inlines = transform(paragraph.inlines)
            return .paragraph(paragraph)
        case .list(let list): return .list(mapList(list))
        case .table(var table):
            table.headerRows = table.headerRows.map { $0.map { TableCell($0.paragraphs.map(transform)) } }
            table.rows = table.rows.map { $0.map { TableCell($0.paragraphs.map(transform)) } }
            return .table(table)
        case .pageBreak, .signatures: return self
        }
    }
}
