import TrameDocument

/// A sublease contract of about four pages, varied by `index` so that no two documents are equal.
enum SubleaseFixture {
    static let firstNames = ["Claire", "Jean", "Amina", "Lucas", "Sofia", "Mehdi", "Léa", "Hugo", "Inès", "Théo"]
    static let lastNames = ["Martin", "Durand", "O'Brien", "Nguyen", "Lefèvre", "Benali", "Moreau", "Schmitt"]

    static func document(_ index: Int) -> Document {
        let tenant = "\(firstNames[index % firstNames.count]) \(lastNames[(index / 3) % lastNames.count])"
        let rent = 300 + (index * 37) % 400
        let amount = "\(rent),\(index % 100 < 10 ? "0" : "")\(index % 100)\u{00A0}€"
        let draft = index % 4 == 0
        var blocks: [Block] = [
            .title([.text("Contrat de sous-location")]),
            .subtitle([.text("Logement meublé – dossier METZ-2024-\(1000 + index)")]),
            .heading(level: 1, [.text("Entre les soussignés")]),
            .paragraph(Paragraph([
                .text("L'association "), .text("Trame Habitat", .bold),
                .text(", dont le siège est situé 12 rue des Jardins, 57000 Metz, représentée par sa présidente, "
                    + "ci-après dénommée "), .text("l'association", .italic), .text(", d'une part ;"),
            ])),
            .paragraph(Paragraph([
                .text("Et "), .text(tenant, .bold), .text(", né(e) le \(1 + index % 28) mars \(1960 + index % 40), "
                    + "demeurant \(index + 1) avenue Foch, 57000 Metz, ci-après dénommé(e) "),
                .text("le sous-locataire", .italic), .text(", d'autre part."),
            ])),
        ]
        let articles = ["Objet", "Désignation du logement", "Durée", "Loyer et charges", "Dépôt de garantie",
                        "Obligations de l'association", "Obligations du sous-locataire", "Accompagnement social",
                        "Assurance", "Résiliation", "Clause résolutoire", "Élection de domicile"]
        for (number, title) in articles.enumerated() {
            blocks.append(.article(number: number + 1, title: [.text(title)]))
            blocks.append(.paragraph(Paragraph([
                .text("Le présent article précise les conditions relatives à « \(title.lowercased()) » convenues entre "
                    + "les parties pour le logement situé au \(index % 5 + 1)e étage, d'une surface de "
                    + "\(18 + index % 30) m², dans le cadre de la convention d'intermédiation locative. "),
                .text("Le sous-locataire reconnaît en avoir pris connaissance.", .italic),
            ])))
            blocks.append(.paragraph(Paragraph([
                .text("Les sommes dues au titre du présent contrat s'élèvent à " + amount + " par mois, "
                    + "payables d'avance le 5 de chaque mois par virement ou prélèvement. "),
                draft && number == 3 ? .placeholder("[à compléter : logement.etage]") : .text("Montant révisable chaque année."),
            ])))
            if number == 5 || number == 6 {
                blocks.append(.list(ListBlock(ordered: true, items: (1...4).map { item in
                    ListItem([.text("Engagement n° \(item) : entretenir le logement et respecter le règlement intérieur.")],
                             sublist: item == 2 ? ListBlock(ordered: false, items: [ListItem([.text("détail a")]), ListItem([.text("détail b")])]) : nil)
                })))
            }
        }
        blocks.append(.pageBreak)
        blocks.append(.heading(level: 1, [.text("Annexe – État des lieux et inventaire")]))
        blocks.append(.table(Table(
            headerRows: [[TableCell(text: "Pièce"), TableCell(text: "Élément"), TableCell(text: "État")]],
            rows: (0..<(20 + index % 10)).map { row in
                [TableCell(text: "Pièce \(row / 4 + 1)"), TableCell(text: "Élément n° \(row + 1)"),
                 TableCell(text: row % 3 == 0 ? "Bon état" : "Usagé")]
            },
            columnWidths: [2, 3, 2])))
        blocks.append(.signatures(SignatureBlock(
            closing: [.text("Fait à Metz, le \(1 + index % 28) avril 2024, en deux exemplaires originaux.")],
            signatories: [
                Signatory(capacity: [.text("Pour l'association, la présidente")], name: [.text("Claire Martin")]),
                Signatory(capacity: [.text("Le sous-locataire")], name: [.text(tenant)]),
            ])))
        return Document(
            metadata: DocumentMetadata(
                title: "Contrat de sous-location", subject: "Sous-location – \(tenant)",
                identifier: "METZ-2024-\(1000 + index)", isDraft: draft,
                customProperties: [
                    CustomProperty(name: "trame.template", value: "sous-location@3"),
                    CustomProperty(name: "trame.clauses", value: articles.map { "\($0)@1" }.joined(separator: ",")),
                ]),
            header: "Sous-location – METZ-2024-\(1000 + index)",
            initialsOnEveryPage: true,
            blocks: blocks)
    }
}
