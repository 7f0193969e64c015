import Foundation
import Testing
import TrameTestSupport

/// `trame generate annexe-roles --convention F`: « Annexe 1 – Rôles et responsabilités des
/// intervenants » (DOMAIN.md §1 and §5), generated from the convention alone.
@Suite("annexe-roles, end to end", .serialized)
struct AnnexeRolesTests {
    static let sample = TrameProcess.repository.appendingPathComponent("Conventions/metz-jury-2018/convention-metz-jury-2018.yaml")

    /// Records a missing (or unexpected) phrase without dumping the whole document.
    static func expect(_ text: String, has phrase: String, _ name: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
        if !text.contains(phrase) { Issue.record("\(name): « \(phrase) » missing", sourceLocation: sourceLocation) }
    }

    static func expect(_ text: String, lacks phrase: String, _ name: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
        if text.contains(phrase) { Issue.record("\(name): « \(phrase) » must not appear", sourceLocation: sourceLocation) }
    }

    /// The text of an HTML fragment (a table cell), decoded and normalised.
    static func decode(_ html: String) -> String {
        (try? DocumentText(html: Data("<main><p>\(html)</p></main>".utf8)).flat) ?? html
    }

    /// The body of an HTML rendering (without its style sheet).
    static func body(_ url: URL) throws -> String {
        let html = try String(contentsOf: url, encoding: .utf8)
        guard let start = html.range(of: "<body") else { return html }
        return String(html[start.lowerBound...])
    }

    /// Every table row of an HTML rendering, as its decoded cells.
    static func rows(_ html: String) throws -> [[String]] {
        let row = try NSRegularExpression(pattern: "<tr[^>]*>([\\s\\S]*?)</tr>")
        let cell = try NSRegularExpression(pattern: "<t[dh][^>]*>([\\s\\S]*?)</t[dh]>")
        let ns = html as NSString
        return row.matches(in: html, range: NSRange(location: 0, length: ns.length)).map { match in
            let inner = ns.substring(with: match.range(at: 1))
            let innerNS = inner as NSString
            return cell.matches(in: inner, range: NSRange(location: 0, length: innerNS.length)).map { decode(innerNS.substring(with: $0.range(at: 1))) }
        }
    }

    static let forbidden = ["{{", "}}", "{%", "%}", "@clause", "@tableau", "%%", "de le ", "à le ", "PROJET", "[à compléter",
                            "Lefèvre", "Da Silva", "Öztürk", "MJ-2019"]

    @Test func annexValidatesAndCoversEveryPartner() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var files: [URL] = []
        for format in DocumentTexts.formats {
            let r = try TrameProcess.run(["generate", "annexe-roles", "--convention", Self.sample.path, "--format", format, "--output", dir.path + "/"])
            #expect(r.status == 0, "\(r.stderr)")
            let file = dir.appendingPathComponent("annexe-roles-metz-jury-2018.\(format)")
            // A final document (no missing value); its one note for counsel goes to a sheet beside it.
            #expect(r.stdout.hasPrefix("écrit : \(file.path)\n") && !r.stdout.contains("(projet)"), "a final document: the annex needs no missing value")
            #expect(r.stdout.contains("annexe-roles-metz-jury-2018-notes-redaction.\(format) (notes de rédaction"))
            files.append(file)
        }
        try DocumentTexts.validateIfPossible(files)
        let texts = try DocumentTexts.read(files)
        for file in files {
            let name = file.lastPathComponent
            let document = try #require(texts[file])
            let text = document.flat
            let expected = [
                "Annexe 1 – Rôles et responsabilités des intervenants",
                "fait partie intégrante de la convention cadre de partenariat signée le 5 novembre 2018",
                // CH Jury / ERAH: missions, contacts, on-call line
                "Centre hospitalier de Jury – équipe ERAH", "« Un toit »",
                "formaliser avec chaque personne logée un contrat de soins", "réaliser l'évaluation clinique",
                "Le suivi des soins ne conditionne ni l'accès au logement ni le maintien dans celui-ci.",
                "Marc Petit (fictif)", "03 87 00 00 10", "03 87 00 00 99",
                // association
                "Association Accès Logement Lorraine (fictif)", "soit vingt-quatre (24) mois au plus par personne",
                "Nadia Haddad (fictif)", "03 87 00 00 20",
                // each landlord with its CESF and proximity staff
                "Habitat Mosellan Exemple (fictif)", "Bailleur social (office public de l'habitat)", "Julie Bernard (fictif)", "03 87 00 00 01",
                "Logis Messin Exemple (fictif)", "Thomas Girard (fictif)", "03 87 00 00 02",
                "par ses personnels de proximité", "Personnels de proximité",
                "Le bailleur ne reçoit aucune information relative à la santé de la personne, ni le volet accompagnement des évaluations, ni l'identité de ceux qui la soignent.",
                // Reviews in two parts (issue 13, point 6): who attends which, the same words as the other documents.
                "participer au volet logement des évaluations partagées et de l'évaluation finale, lorsque la personne y a consenti",
                "participe, si la personne le souhaite, au volet accompagnement des évaluations partagées",
                "ni lui ni aucun membre de l'équipe ne participe au volet logement",
                "vérification du consentement de la personne avant d'inviter le bailleur au volet logement",
                "elle décide en particulier si le bailleur assiste au volet logement et en reçoit le compte rendu",
                "Le refus ou le retrait de son consentement au partage avec le bailleur n'est pas un manquement à cet engagement",
                // SIAO and funders
                "SIAO de la Moselle", "enregistrer les demandes proposées par l'établissement de santé", "à désigner",
                "Direction départementale de la cohésion sociale de la Moselle",
                "Intermédiation locative (IML), cinq mille euros (5 000 €) par logement mobilisé et par an",
                "Metz Métropole", "AMI « Logement d'abord », mille quatre cents euros (1 400 €) par personne accompagnée et par an, montant pouvant être doublé",
                "Délégation interministérielle à l'hébergement et à l'accès au logement",
                // the person
                "La personne logée", "Aucune condition de soins ne lui est imposée",
                // escalation and emergency
                "Procédure d'alerte et d'urgence", "SAMU : 15", "112",
                "contacter l'astreinte téléphonique de l'établissement de santé au 03 87 00 00 99",
                "sans lui communiquer d'information relative à la santé de la personne",
                // reviews and bodies
                "Participation aux évaluations et aux instances", "Évaluation partagée", "Évaluation finale",
                "Comité technique", "Comité de pilotage",
                // who may receive which information
                "Informations que chaque intervenant peut recevoir", "si consentement", "Informations de santé",
                "uniquement lorsque la personne a consenti, pour ce bailleur",
                // open questions, each with its party when set, with room for the answer
                "Questions ouvertes",
                "Question 1. Autres missions de l'équipe ERAH à préciser Partenaire concerné : Centre hospitalier de Jury Réponse retenue :",
                "Question 2. Autres missions de l'opérateur associatif à préciser Partenaire concerné : Association Accès Logement Lorraine (fictif)",
                "Question 3. La CESF est-elle l'interlocutrice unique des partenaires ? Partenaire concerné : Habitat Mosellan Exemple (fictif)",
                "Question 4. Garanties financières de l'association locataire Partenaire concerné : l'ensemble des partenaires",
                "Question 6. Parcours résidentiel dans la durée",
                "Responsable : ……",
                "Mises à jour de l'annexe",
            ]
            for phrase in expected { Self.expect(text, has: phrase, name) }
            for phrase in Self.forbidden { Self.expect(text, lacks: phrase, name) }
            Self.expect(text, lacks: "Article 1er", "\(name): sections, not articles")
            DocumentTexts.expectPageNumbers(document, file)
        }
    }

    /// The tables, read from the HTML rendering: the information matrix follows FORMAT.md's
    /// sensitivity levels and the committee membership follows `convention.gouvernance`.
    @Test func informationMatrixAndCommitteesFollowTheData() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try TrameProcess.run(["generate", "annexe-roles", "--convention", Self.sample.path, "--format", "html", "--output", dir.path + "/"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try Self.rows(Self.body(dir.appendingPathComponent("annexe-roles-metz-jury-2018.html")))
        /// The row whose first cell is `label`, or else begins with it.
        func row(_ label: String) -> [String]? { rows.first { $0.first == label } ?? rows.first { $0.first?.hasPrefix(label) == true } }

        #expect(row("Catégorie d'informations") == ["Catégorie d'informations", "Équipe de soins", "Association", "Bailleur", "SIAO", "Financeurs"])
        #expect(row("Informations de santé")?.dropFirst() == ["oui", "non", "non", "non", "non"], "care data stays with the care team")
        #expect(row("Informations sociales")?.dropFirst() == ["oui", "oui", "non", "orientation", "non"])
        #expect(row("Volet logement des évaluations")?.dropFirst() == ["oui", "oui", "si consentement", "non", "non"])
        #expect(row("Volet accompagnement des évaluations")?.dropFirst() == ["oui", "oui", "non", "non", "non"], "never the landlord (issue 13, point 6)")
        #expect(row("Référent de l'association")?.dropFirst() == ["oui", "oui", "oui", "non", "non"])
        #expect(row("Référent de l'équipe de soins")?.dropFirst() == ["oui", "oui", "non", "non", "non"], "never the landlord (issue 13, point 5)")
        #expect(row("Recommandation de l'évaluation finale")?.dropFirst() == ["oui", "oui", "si consentement", "non", "non"])

        #expect(row("Évaluation partagée — volet logement")?[1] == "Au moins tous les six mois")
        #expect(row("Évaluation partagée — volet logement")?[2].contains("jamais l'équipe de soins") == true)
        #expect(row("Évaluation partagée — volet accompagnement")?[2].contains("jamais le bailleur") == true)
        #expect(row("Comité technique")?[1] == "Au moins tous les deux mois")
        #expect(row("Comité de pilotage")?[1] == "Au moins tous les six mois")
        #expect(row("Partenaire") == ["Partenaire", "Comité de pilotage", "Comité technique"])
        #expect(row("Centre hospitalier de Jury")?.dropFirst() == ["membre", "membre"])
        #expect(row("Logis Messin Exemple (fictif)")?.dropFirst() == ["membre", "membre"])
        #expect(row("SIAO de la Moselle")?.dropFirst() == ["membre", "—"])
        #expect(row("Metz Métropole")?.dropFirst() == ["membre", "—"])
        #expect(row("Délégation interministérielle")?.dropFirst() == ["—", "—"], "not a member of either committee")

        #expect(row("Julie Bernard (fictif)") == ["Julie Bernard (fictif)", "Conseiller ou conseillère en économie sociale et familiale (CESF)", "03 87 00 00 01", "—"])
        #expect(row("à désigner") == ["à désigner", "coordination des orientations logement", "—", "—"], "SIAO contact without a name")
        #expect(row("Centre hospitalier de Jury – équipe ERAH") == ["Centre hospitalier de Jury – équipe ERAH", "03 87 00 00 99"], "on-call lines")
    }

    @Test func withoutOpenQuestionsTheSectionIsLeftOut() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let original = try String(contentsOf: Self.sample, encoding: .utf8)
        guard let start = original.range(of: "questions_ouvertes:"), let end = original.range(of: "gouvernance:") else {
            Issue.record("the sample convention changed: update the test")
            return
        }
        let edited = original.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: "")
        let convention = dir.appendingPathComponent("convention.yaml")
        try edited.write(to: convention, atomically: true, encoding: .utf8)
        try TrameProcess.copyConventionFiles(to: dir)
        let r = try TrameProcess.run(["generate", "annexe-roles", "--convention", convention.path, "--format", "html", "--output", dir.path + "/annexe.html"])
        #expect(r.status == 0, "\(r.stderr)")
        let text = try DocumentText(contentsOf: dir.appendingPathComponent("annexe.html")).flat
        Self.expect(text, lacks: "Questions ouvertes")
        Self.expect(text, lacks: "questions qui restent à trancher")
        Self.expect(text, has: "Mises à jour de l'annexe")
        for phrase in Self.forbidden { Self.expect(text, lacks: phrase) }

        let clauses = try TrameProcess.run(["clauses", "list", "annexe-roles", "--convention", convention.path])
        #expect(clauses.status == 0, "\(clauses.stderr)")
        #expect(clauses.stdout.split(separator: "\n").contains { DocumentText.normalise($0).hasPrefix("annexe-roles annexe-roles.questions-ouvertes 1 non") })
    }
}
