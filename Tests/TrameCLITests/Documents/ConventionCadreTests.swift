import Foundation
import Testing
import TrameTestSupport

/// `trame generate convention-cadre --convention F`: the framework partnership convention.
///
/// The sample convention lacks CH Jury's address and its director's name: a final document is
/// refused and a draft shows the placeholders. A completed copy of the convention gives a final
/// document, checked clause by clause (DOMAIN.md §5) in its ODT, DOCX and HTML text.
@Suite("convention-cadre, end to end", .serialized)
struct ConventionCadreTests {
    /// The partnership's file as given (../shared/exemples): CH Jury's address and director missing.
    static let sample = TrameProcess.repository.deletingLastPathComponent().appendingPathComponent("shared/exemples/convention-metz-jury-2018.yaml")
    /// The project's demo copy, completed with fictitious values: `trame demo` gives a final convention cadre.
    static let bundled = TrameProcess.repository.appendingPathComponent("Conventions/metz-jury-2018/convention-metz-jury-2018.yaml")

    /// Records a missing (or unexpected) phrase without dumping the whole document.
    static func expect(_ text: String, has phrase: String, _ name: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
        if !text.contains(phrase) { Issue.record("\(name): « \(phrase) » missing", sourceLocation: sourceLocation) }
    }

    static func expect(_ text: String, lacks phrase: String, _ name: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
        if text.contains(phrase) { Issue.record("\(name): « \(phrase) » must not appear", sourceLocation: sourceLocation) }
    }

    /// The text of an HTML rendering, normalised.
    static func htmlText(_ url: URL) throws -> String { try DocumentText(contentsOf: url).flat }

    /// A copy of the sample convention, edited, in a fresh directory.
    static func convention(in dir: URL, _ edit: (String) -> String = { $0 }) throws -> URL {
        let text = try String(contentsOf: sample, encoding: .utf8)
        let url = dir.appendingPathComponent("convention-metz-jury-2018.yaml")
        try edit(text).write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// The sample with CH Jury's address and director filled in.
    static func completed(_ text: String) -> String {
        let edited = text.replacingOccurrences(
            of: "    representant: { qualite: directeur }\n",
            with: "    adresse: 1 rue du Château, 57245 Jury\n    representant: { civilite: Monsieur, nom: Jean Dupont (fictif), qualite: directeur }\n")
        precondition(edited != text, "the sample convention changed: update the test")
        return edited
    }

    static let forbidden = ["{{", "}}", "{%", "%}", "@clause", "@article", "@signatures", "%%", "de le ", "à le ",
                            // no dossier data in a partnership document
                            "Lefèvre", "Da Silva", "Öztürk", "MJ-2019"]

    /// DOMAIN.md §5 checklist for the convention cadre, as rendered.
    static func expectKeyClauses(_ text: String, _ name: String) {
        let expected = [
            // parties and legal forms (association under Moselle local law)
            "Entre les soussignés",
            "association inscrite au registre des associations du tribunal judiciaire de Metz sous le volume 112, folio 48 (fictif)",
            "titulaire de l'agrément prévu à l'article L. 365-4 du code de la construction et de l'habitation",
            "ayant pour représentant Madame Claire Martin (fictif), présidente, dûment habilitée",
            "Monsieur Paul Durand (fictif), directeur général, dûment habilité",
            "Avec le concours de", "SIAO de la Moselle, en qualité de service intégré d'accueil et d'orientation (SIAO)",
            // visas
            "Vu le code de la construction et de l'habitation, notamment ses articles L. 365-4, L. 441-2 et L. 442-8-1 à L. 442-8-3",
            "Vu la loi n° 89-462 du 6 juillet 1989", "notamment ses articles L. 1110-4 et L. 1110-12",
            "(RGPD), notamment son article 9", "Vu le code civil local applicable dans les départements du Bas-Rhin, du Haut-Rhin et de la Moselle",
            "Logement d'abord",
            // préambule, objet, public
            "Préambule", "vingt (20) besoins de logement",
            "Article 1er – Objet", "annexe 1 (« Rôles et responsabilités des intervenants »)",
            "Article 2 – Public visé et logements mobilisés", "cumulativement les quatre critères suivants",
            "handicap psychique ou une altération des fonctions psychiques", "être suivies par l'établissement de santé",
            "difficulté d'accès à un logement autonome", "être solvables", "de type T1 ou T2",
            "Metz (Sablon), Montigny-lès-Metz et Marly",
            // pathway
            "Article 3 – Parcours d'accès au logement", "par son équipe ERAH", "« Un toit »",
            "le service intégré d'accueil et d'orientation (SIAO) enregistre la demande et oriente la personne vers l'association",
            // Signed on 5 November 2018, before loi ELAN (23 November 2018): the CAL of its day (issue 12).
            "commission d'attribution des logements du bailleur (CAL), qui statue",
            // commitments of each party
            "Article 4 – Engagements de l'établissement de santé", "astreinte téléphonique joignable au 03 87 00 00 99",
            "il ne constitue en aucun cas une condition d'accès au logement ni de maintien dans celui-ci",
            "Article 5 – Engagements de l'association", "Article 6 – Engagements des bailleurs",
            "conseiller ou une conseillère en économie sociale et familiale (CESF)",
            "Article 7 – Rôle du service intégré d'accueil et d'orientation", "Article 8 – Rôle des financeurs",
            // global support, durations and exits
            "Article 9 – Accompagnement global", "ne comporte aucune condition de nature médicale",
            "Article 10 – Durée de la sous-location et issues", "inférieure à douze (12) mois",
            "durée totale de vingt-quatre (24) mois", "droit au maintien dans les lieux prévu à l'article L. 442-8-2",
            "Le glissement du bail n'est jamais automatique", "résidence accueil", "famille gouvernante",
            // reviews
            "Article 11 – Évaluations partagées et évaluation finale", "au moins tous les six mois",
            "deux mois avant la fin de la période d'examen prévue à l'article L. 442-8-3",
            // funding, letters and digits
            "Article 12 – Financement",
            "Intermédiation locative (IML) : cinq mille euros (5 000 €) par logement mobilisé et par an ; financeur : Direction départementale de la cohésion sociale de la Moselle ;",
            "mille quatre cents euros (1 400 €) par personne accompagnée et par an, ce montant pouvant être doublé",
            "financeurs : Metz Métropole et Délégation interministérielle à l'hébergement et à l'accès au logement.",
            // financial guarantees, as data, those in force on the convention's date (issue 13, point 7)
            "Article 13 – Garanties financières", "est seule redevable envers chaque bailleur du loyer et des charges",
            "Réserve de l'association — Association Accès Logement Lorraine (fictif)", "montant : six mille euros (6 000 €)",
            "Fonds de solidarité pour le logement (FSL) — Fonds de solidarité pour le logement de la Moselle",
            "Garantie Visale — Action Logement Services",
            "Engagement du bailleur en cas de vacance — Habitat Mosellan Exemple (fictif)",
            "Toute garantie nouvelle, modifiée ou supprimée fait l'objet d'un avenant",
            // governance, members resolved from party ids
            "Article 14 – Gouvernance",
            "comité de pilotage, qui se réunit au moins tous les six mois",
            "SIAO de la Moselle, Direction départementale de la cohésion sociale de la Moselle et Metz Métropole.",
            "Un comité technique se réunit au moins tous les deux mois",
            "Habitat Mosellan Exemple (fictif) et Logis Messin Exemple (fictif).",
            // confidentiality and consent
            "Article 15 – Confidentialité et partage des informations", "article 226-13 du code pénal",
            "l'équipe mentionnée à l'article L. 1110-12", "consentement préalable de la personne",
            "ne reçoit que les informations partagées, et seulement si la personne y a consenti pour ce bailleur",
            "Article 16 – Recueil du consentement de la personne",
            // insurance, indicators, duration, renewal, amendments, termination, disputes, annexes
            "Article 17 – Assurances et responsabilités", "Article 18 – Indicateurs de suivi",
            "rapporté aux vingt (20) besoins identifiés", "glissements de bail",
            "Article 19 – Durée et reconduction",
            "prend effet le 1er janvier 2019 pour une durée de vingt-quatre (24) mois, soit jusqu'au 31 décembre 2020 inclus",
            "par un avenant exprès", "sans effet sur les baux et les contrats de sous-location en cours",
            "Article 20 – Avenants", "Article 21 – Résiliation", "préavis de trois mois",
            "Article 22 – Règlement des litiges", "régler à l'amiable",
            "le différend est porté devant la juridiction compétente.",
            "Article 23 – Annexes", "annexe 1 : rôles et responsabilités des intervenants",
            // signatures: one original per signing party (4 parties have a representant)
            "Fait à Metz, le 5 novembre 2018, en quatre exemplaires originaux",
            "Lu et approuvé",
        ]
        for phrase in expected {
            Self.expect(text, has: phrase, name)
        }
        for phrase in forbidden {
            Self.expect(text, lacks: phrase, name)
        }
        Self.expect(text, lacks: "Article 24", "\(name): 23 articles")
        Self.expect(text, lacks: "reconduite tacitement", name)
        Self.expect(text, lacks: "n'est pas reconductible", name)
    }

    @Test func theDemoConventionGivesAFinalConventionCadre() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try TrameProcess.run(["generate", "convention-cadre", "--convention", Self.bundled.path, "--format", "html", "--output", dir.path + "/cc.html"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdout.contains("(projet)"))
        let text = try Self.htmlText(dir.appendingPathComponent("cc.html"))
        Self.expect(text, has: "ayant pour représentant Monsieur Jean Dupont (fictif), directeur, dûment habilité")
        Self.expect(text, lacks: "[à compléter")
    }

    @Test func sampleConventionIsRefusedAsFinalForTheMissingHospitalData() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try TrameProcess.run(["generate", "convention-cadre", "--convention", Self.sample.path, "--format", "odt", "--output", dir.path + "/"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("erreur [VALEUR_MANQUANTE] convention.parties[0].adresse"), "\(r.stderr)")
        #expect(r.stderr.contains("convention.parties[0].representant.nom"))
        #expect(r.stderr.contains("signataires.convention[0].nom"))
        #expect(r.stderr.contains("convention-cadre/clauses/parties.v1.trame:"))
        #expect(r.stderr.contains("--draft"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func draftAndFinalValidateAndHoldTheKeyClauses() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let draftDir = dir
        let finalDir = dir.appendingPathComponent("definitif")
        // The demo copy: the partnership's file completed (director, address) and with its guarantees.
        let complete = Self.bundled
        var drafts: [URL] = []
        var finals: [URL] = []
        for format in DocumentTexts.formats {
            let draft = draftDir.appendingPathComponent("projet-convention-cadre.\(format)")
            let d = try TrameProcess.run(["generate", "convention-cadre", "--convention", Self.sample.path, "--draft",
                                          "--format", format, "--output", draft.path])
            #expect(d.status == 0, "\(d.stderr)")
            #expect(d.stderr.contains("à compléter : convention.parties[0].adresse"))
            #expect(d.stdout.hasPrefix("écrit : \(draft.path) (projet)\n"))
            let f = try TrameProcess.run(["generate", "convention-cadre", "--convention", complete.path,
                                          "--format", format, "--output", finalDir.path + "/"])
            #expect(f.status == 0, "\(f.stderr)")
            let final = finalDir.appendingPathComponent("convention-cadre-metz-jury-2018.\(format)")
            // The two points awaiting counsel (grid name, court) go to the notes sheet beside the act.
            #expect(f.stdout.hasPrefix("écrit : \(final.path)\n") && f.stdout.contains("-notes-redaction.\(format) (notes de rédaction pour le conseil juridique"), "\(f.stdout)")
            drafts.append(draft)
            finals.append(final)
        }
        try DocumentTexts.validateIfPossible(drafts + finals)
        let texts = try DocumentTexts.read(drafts + finals)
        for file in drafts {
            let name = "projet " + file.lastPathComponent
            let document = try #require(texts[file])
            let text = document.flat
            Self.expect(document.headerText, has: "PROJET", name + " (en-tête, donc sur chaque page)")
            Self.expect(text, has: "PROJET", name)
            // Placeholders name the value in words, never by its path; the missing civilité swallows no neighbour.
            Self.expect(text, has: "dont le siège est situé [à compléter : adresse du Centre hospitalier de Jury]", name)
            Self.expect(text, has: "ayant pour représentant [à compléter : civilité du représentant du Centre hospitalier de Jury] [à compléter : nom du représentant du Centre hospitalier de Jury], directeur, dûment habilité(e) à l'effet des présentes", name)
            Self.expect(text, lacks: "[à compléter : convention.", name)
            Self.expect(text, has: "Centre hospitalier de Jury", name)
        }
        for file in finals {
            let name = file.lastPathComponent
            let document = try #require(texts[file])
            let text = document.flat
            Self.expectKeyClauses(text, name)
            Self.expect(text, lacks: "PROJET", name)
            Self.expect(text, lacks: "[à compléter", name)
            Self.expect(text, lacks: "à faire valider", name)
            Self.expect(text, lacks: "Note de rédaction", name)
            Self.expect(text, has: "Centre hospitalier de Jury, établissement public de santé, dont le siège est situé 1 rue du Château, 57245 Jury, ayant pour représentant Monsieur Jean Dupont (fictif), directeur, dûment habilité", name)
            DocumentTexts.expectPageNumbers(document, file)
        }
    }

    /// Renewal variants, a convention not yet signed, no SIAO party, a single funder per scheme.
    @Test func variantsFollowTheConventionData() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let tacite = try Self.convention(in: dir) { text in
            Self.completed(text)
                .replacingOccurrences(of: "date_signature: 2018-11-05\n", with: "")
                .replacingOccurrences(of: "reconduction: expresse", with: "reconduction: tacite")
                .replacingOccurrences(of: "  - id: siao\n    role: siao\n    denomination: SIAO de la Moselle\n    contacts:\n      - { fonction: coordination des orientations logement }\n", with: "")
                .replacingOccurrences(of: ", siao, ddcs", with: ", ddcs")
        }
        let r = try TrameProcess.run(["generate", "convention-cadre", "--convention", tacite.path, "--format", "html", "--output", dir.path + "/"])
        #expect(r.status == 0, "\(r.stderr)")
        let text = try Self.htmlText(dir.appendingPathComponent("convention-cadre-metz-jury-2018.html"))
        Self.expect(text, has: "Elle est reconduite tacitement à son terme, pour une durée identique")
        Self.expect(text, lacks: "avenant exprès signé par les parties avant son terme")
        Self.expect(text, has: "Fait à Metz, le …", "date to be written by hand when the convention is not signed")
        Self.expect(text, has: "en quatre exemplaires originaux")
        Self.expect(text, lacks: "Rôle du service intégré d'accueil et d'orientation", "no SIAO party, no SIAO article")
        Self.expect(text, has: "Article 7 – Rôle des financeurs", "articles renumbered without a gap")
        Self.expect(text, has: "Article 22 – Annexes")
        for phrase in Self.forbidden { Self.expect(text, lacks: phrase) }

        let none = try Self.convention(in: dir) { Self.completed($0).replacingOccurrences(of: "reconduction: expresse", with: "reconduction: aucune") }
        let n = try TrameProcess.run(["generate", "convention-cadre", "--convention", none.path, "--format", "html", "--output", dir.path + "/aucune.html"])
        #expect(n.status == 0, "\(n.stderr)")
        let noneText = try Self.htmlText(dir.appendingPathComponent("aucune.html"))
        Self.expect(noneText, has: "Elle n'est pas reconductible.")
        Self.expect(noneText, has: "Fait à Metz, le 5 novembre 2018, en quatre exemplaires originaux")
    }

    @Test func clauseListExplainsTheConditionalClauses() throws {
        let r = try TrameProcess.run(["clauses", "list", "convention-cadre", "--convention", Self.sample.path])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map { DocumentText.normalise($0) }
        #expect(lines.contains { $0.hasPrefix("convention-cadre convention-cadre.reconduction-expresse 1 oui") })
        #expect(lines.contains { $0.hasPrefix("convention-cadre convention-cadre.reconduction-tacite 1 non") && $0.contains("expresse") })
        #expect(lines.contains { $0.hasPrefix("convention-cadre convention-cadre.glissement-non-automatique 1 oui") })
        #expect(lines.contains { $0.hasPrefix("convention-cadre commun.confidentialite 2 oui") })
    }
}
