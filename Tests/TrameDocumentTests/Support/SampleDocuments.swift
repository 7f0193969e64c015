import TrameDocument

/// Documents shared by the tests: a rich contract-like sample and a document full of awkward text.
enum SampleDocuments {
    /// A user value that must come out literally in every format. The U+0007 is dropped (XML
    /// cannot hold it); everything else survives, the line feed and tab as line break and tab.
    static let awkward = "O'Brien & <Fils> \"q\" {{ x }} {% if %}\nligne 2\tcolonne\u{00A0}:\u{202F}🏠 ]]> fin\u{0007}."
    /// What `awkward` reads as once written.
    static let awkwardWritten = "O'Brien & <Fils> \"q\" {{ x }} {% if %}\nligne 2\tcolonne\u{00A0}:\u{202F}🏠 ]]> fin."
    /// The first line of `awkward`, as a PDF shows it.
    static let awkwardFirstLine = "O'Brien & <Fils> \"q\" {{ x }} {% if %}"
    /// A 2,000-character value.
    static let long = String(repeating: "Clause longue « é » 0123456789 ", count: 65).prefix(2000).description
    /// An amount with a narrow no-break space between thousands and a no-break space before €.
    static let amount = "1\u{202F}234,56\u{00A0}€"

    static func sample(draft: Bool) -> Document {
        Document(
            metadata: DocumentMetadata(
                title: "Contrat de sous-location", subject: "Sous-location d'un logement meublé",
                identifier: "METZ-2024-017", isDraft: draft,
                customProperties: [
                    CustomProperty(name: "trame.template", value: "sous-location@3"),
                    CustomProperty(name: "trame.clauses", value: "objet@2 duree@1 loyer@4 & <signature>"),
                    CustomProperty(name: "trame.audience", value: "sous-locataire"),
                ]),
            header: "Sous-location – dossier METZ-2024-017",
            initialsOnEveryPage: true,
            blocks: blocks)
    }

    static let blocks: [Block] = [
        .title([.text("Contrat de sous-location")]),
        .subtitle([.text("Logement meublé – convention "), .text("Metz 2018", .italic)]),
        .heading(level: 1, [.text("Titre I – Les parties")]),
        .paragraph(Paragraph([
            .text("Entre l'association "), .text("Trame Habitat", .bold), .text(", ci-après "),
            .text("l'association", .italic), .text(", et "), .text("M. Durand", [.bold, .underline]),
            .text(", dit "), .text(awkward), .text("."),
        ])),
        .article(number: 1, title: [.text("Objet")]),
        .paragraph(Paragraph([
            .text("Le loyer mensuel est fixé à " + amount + ", charges comprises ; étage : "),
            .placeholder("[à compléter : logement.etage]"), .text("."),
        ])),
        .list(ListBlock(ordered: true, items: [
            ListItem([.text("premier engagement de la première liste")]),
            ListItem([.text("deuxième engagement")], sublist: ListBlock(ordered: true, items: [
                ListItem([.text("sous-point alpha")]), ListItem([.text("sous-point bêta")]),
            ])),
            ListItem([.text("troisième engagement")]),
        ])),
        .heading(level: 2, [.text("Durée et renouvellement")]),
        .article(number: 2, title: [.text("Durée")]),
        .list(ListBlock(ordered: true, items: [
            ListItem([.text("premier point de la seconde liste")]),
            ListItem([.text("second point de la seconde liste")]),
        ])),
        .list(ListBlock(ordered: false, items: [
            ListItem([.text("une puce")], sublist: ListBlock(ordered: false, items: [ListItem([.text("une sous-puce")])])),
            ListItem([.text("une autre puce")]),
        ])),
        .paragraph(Paragraph([.text("Article 1717 du Code civil.")], isNote: true)),
        .paragraph(Paragraph([.text("Texte centré"), .lineBreak, .text("sur deux lignes")], alignment: .center)),
        .paragraph(Paragraph([.text(long)])),
        .pageBreak,
        .article(number: 3, title: [.text("Loyer et charges")]),
        .table(Table(
            headerRows: [[TableCell(text: "Échéance"), TableCell(text: "Loyer"), TableCell(text: "Charges")]],
            rows: (1...40).map { month in
                [TableCell(text: "Mois \(month)"), TableCell(text: amount), TableCell([[.text("45,00\u{00A0}€")], [.text("forfait", .italic)]])]
            },
            columnWidths: [3, 1, 1])),
        .signatures(SignatureBlock(
            closing: [.text("Fait à Metz, le 1er avril 2024, en trois exemplaires originaux.")],
            signatories: [
                Signatory(capacity: [.text("Pour l'association, la présidente")], name: [.text("Claire Martin")]),
                Signatory(capacity: [.text("Le sous-locataire")], name: [.text("Jean Durand")]),
                Signatory(capacity: [.text("Le bailleur")], name: [.text("SCI Durand & Fils")]),
            ])),
    ]

    /// A short document whose every text slot holds the awkward value.
    static let escaping = Document(
        metadata: DocumentMetadata(
            title: awkward, subject: awkward, identifier: "ID-" + awkward, isDraft: true,
            customProperties: [CustomProperty(name: "champ & <nom>", value: awkward)]),
        header: awkward,
        initialsOnEveryPage: false,
        blocks: [
            .title([.text(awkward)]),
            .heading(level: 1, [.text(awkward, .bold)]),
            .article(number: 7, title: [.text(awkward)]),
            .paragraph(Paragraph([.text(awkward, [.bold, .italic]), .placeholder(awkward)])),
            .paragraph(Paragraph([.text("  deux espaces  au début  ")])),
            .paragraph(Paragraph([.text(long)])),
            .list(ListBlock(ordered: true, items: [ListItem([.text(awkward)])])),
            .table(Table(headerRows: [[TableCell(text: awkward)]], rows: [[TableCell(text: awkward)]])),
            .signatures(SignatureBlock(closing: [.text(awkward)],
                                       signatories: [Signatory(capacity: [.text(awkward)], name: [.text(awkward)])])),
        ])

    /// Degenerate input the writers must still turn into valid files: nothing at all, empty lists
    /// and tables, ragged rows, out-of-range heading levels, twelve nested levels, no signatory,
    /// duplicate and empty property names, a malformed language tag.
    static let edgeCases: Document = {
        var deep = ListBlock(ordered: true, items: [ListItem([.text("niveau 12")])])
        for level in (1...11).reversed() {
            deep = ListBlock(ordered: level % 2 == 0, items: [ListItem([.text("niveau \(level)")], sublist: deep)])
        }
        return Document(
            metadata: DocumentMetadata(
                title: "", subject: "", identifier: "", language: "n'importe quoi",
                customProperties: [
                    CustomProperty(name: "a", value: "1"), CustomProperty(name: "a", value: "2"),
                    CustomProperty(name: "", value: "sans nom"), CustomProperty(name: "identifier", value: "propre"),
                ]),
            header: "",
            blocks: [
                .title([]), .subtitle([.text("")]), .heading(level: 0, []), .heading(level: 7, [.lineBreak]),
                .article(number: 0, title: []), .paragraph(Paragraph([])),
                .list(ListBlock(ordered: true, items: [])),
                .list(ListBlock(ordered: false, items: [ListItem([], sublist: ListBlock(ordered: true, items: []))])),
                .list(deep),
                .table(Table(headerRows: [], rows: [])),
                .table(Table(headerRows: [[TableCell(text: "en-tête seul")]], rows: [])),
                .table(Table(headerRows: [[TableCell([[Inline]]())]], rows: [[TableCell(text: "seule")], []], columnWidths: [1, 2, 3])),
                .table(Table(headerRows: [], rows: [[TableCell(text: "a"), TableCell(text: "b"), TableCell(text: "c")], [TableCell(text: "d")]])),
                .pageBreak, .pageBreak,
                .signatures(SignatureBlock(closing: [], signatories: [], readAndApproved: false)),
                .signatures(SignatureBlock(closing: [.text("Fait")], signatories: [Signatory(capacity: [], name: [])])),
            ])
    }()

    static let empty = Document(metadata: DocumentMetadata(title: "Vide", subject: "", identifier: "x"), blocks: [])
}
