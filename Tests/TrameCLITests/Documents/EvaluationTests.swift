import Foundation
import Testing
import TrameTestSupport

/// Shared by the evaluation, final evaluation, blank form and consent tests: the sample bundle,
/// the sample evaluations and what each one holds, and text helpers.
enum EvaluationDocuments {
    static let bundle = TrameProcess.repository.appendingPathComponent("Conventions/metz-jury-2018")
    static let convention = bundle.appendingPathComponent("convention-metz-jury-2018.yaml").path
    static func dossier(_ id: String) -> String { bundle.appendingPathComponent("dossier-\(id).yaml").path }

    static let audiences = ["bailleur", "association", "soin"]

    /// One recorded evaluation of a sample dossier, with fragments of its social and care fields
    /// (fragments without apostrophes or spaces before punctuation, so that they match in XML too).
    struct Sample: Sendable {
        let dossier: String
        let date: String
        let isFinal: Bool
        let observations: String
        let opinion: String
        let goals: [String]
    }

    static let samples: [Sample] = [
        Sample(dossier: "MJ-2019-004", date: "2019-09-26", isFinal: false, observations: "Suivi ambulatoire régulier",
               opinion: "Je me sens bien dans", goals: ["Ouvrir un compte", "Prendre seule les rendez-vous avec le bailleur"]),
        Sample(dossier: "MJ-2019-004", date: "2020-03-19", isFinal: false, observations: "situation stabilisée",
               opinion: "Un retard en janvier, réglé depuis.", goals: ["Solder la dette locative", "Préparer le glissement du bail"]),
        Sample(dossier: "MJ-2019-002", date: "2019-08-29", isFinal: false, observations: "Suivi régulier au CMP.",
               opinion: "Tout se passe bien.", goals: ["Gérer seul le paiement du loyer résiduel"]),
        Sample(dossier: "MJ-2019-002", date: "2020-02-13", isFinal: false, observations: "Stable.",
               opinion: "Je souhaite que le bail soit à mon nom.", goals: ["Préparer le passage en commission"]),
        Sample(dossier: "MJ-2019-002", date: "2020-08-06", isFinal: true, observations: "Poursuite du suivi ambulatoire après le glissement.",
               opinion: "Je suis prêt à signer le bail à mon nom.", goals: []),
    ]

    /// Every care observation of every sample evaluation.
    static var allObservations: [String] { samples.map(\.observations) }

    /// Runs `trame generate …` and returns the file it says it wrote.
    static func generate(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> URL? {
        let r = try TrameProcess.run(["generate"] + arguments)
        #expect(r.status == 0, "trame generate \(arguments.joined(separator: " ")) : \(r.stderr)", sourceLocation: sourceLocation)
        guard r.status == 0, r.stdout.hasPrefix("écrit : ") else { return nil }
        // The first line names the document; a « notes de rédaction » sheet, if any, follows on its own line.
        let first = r.stdout.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? r.stdout
        let path = first.dropFirst("écrit : ".count).trimmingCharacters(in: .newlines)
        return URL(fileURLWithPath: path)
    }

    /// Every byte of a file as text: HTML as is; ODT and DOCX unzipped, every part (content,
    /// styles, metadata, settings, manifest) concatenated; XML entities decoded. The sidecar
    /// manifest trame writes beside the file is appended too.
    static func allText(of file: URL) throws -> String {
        var text: String
        if file.pathExtension == "html" {
            text = try String(contentsOf: file, encoding: .utf8)
        } else {
            let parts = try DocumentText.unzip(Data(contentsOf: file))
            #expect(parts.keys.contains { $0.hasSuffix(".xml") }, "no XML part in \(file.lastPathComponent)")
            text = parts.keys.sorted().map { String(decoding: parts[$0]!, as: UTF8.self) }.joined(separator: "\n")
        }
        let sidecar = URL(fileURLWithPath: file.path + ".manifest.json")
        if let manifest = try? String(contentsOf: sidecar, encoding: .utf8) { text += manifest }
        for (entity, character) in [("&apos;", "'"), ("&#39;", "'"), ("&quot;", "\""), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{00A0}", with: " ")
    }

    /// A temporary folder holding the sample convention and a copy of a sample dossier with
    /// textual replacements (each must apply).
    static func modifiedDossier(_ id: String, _ replacements: [(String, String)], sourceLocation: SourceLocation = #_sourceLocation) throws -> (dir: URL, dossier: String) {
        let dir = try TrameProcess.temporaryDirectory()
        var text = try String(contentsOfFile: dossier(id), encoding: .utf8)
        for (old, new) in replacements {
            #expect(text.contains(old), "« \(old) » not in dossier-\(id).yaml", sourceLocation: sourceLocation)
            text = text.replacingOccurrences(of: old, with: new)
        }
        let path = dir.appendingPathComponent("dossier-\(id).yaml")
        try text.write(to: path, atomically: true, encoding: .utf8)
        try TrameProcess.copyConvention(to: dir)
        return (dir, path.path)
    }

    /// Expects every key in the text (the failure names the file and the key, not the whole text).
    static func expect(_ text: String, has keys: [String], _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for key in keys {
            let found = text.contains(key)
            #expect(found, "\(name) lacks « \(key) »", sourceLocation: sourceLocation)
        }
    }

    /// Expects none of the keys in the text.
    static func expect(_ text: String, lacks keys: [String], _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for key in keys {
            let found = text.contains(key)
            #expect(!found, "\(name) holds « \(key) »", sourceLocation: sourceLocation)
        }
    }

    /// Nothing of the template language, no draft, no placeholder; page numbers in the footer.
    static func expectClean(_ text: DocumentText, _ file: URL, sourceLocation: SourceLocation = #_sourceLocation) {
        let (flat, name) = (text.flat, file.lastPathComponent)
        expect(flat, lacks: ["{{", "}}", "{%", "%}", "[à compléter", "PROJET"], name, sourceLocation: sourceLocation)
        // No missing contraction or article before a noun or a name.
        expect(flat, lacks: ["de le bailleur", "à le bailleur", "de le logement", "à le logement", "de le sous-locataire",
                             "à le sous-locataire", "de la le", "de Centre", "à Centre", "de Association", "à Association",
                             "de Habitat", "de Logis"], name, sourceLocation: sourceLocation)
        DocumentTexts.expectPageNumbers(text, file, sourceLocation: sourceLocation)
    }

    /// Generates the document in ODT, DOCX and HTML (`arguments` without `--format`) into `dir`.
    static func generateAllFormats(_ arguments: [String], in dir: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> [URL] {
        try DocumentTexts.formats.map { format in
            try #require(try generate(arguments + ["--format", format, "--output", dir.path + "/"], sourceLocation: sourceLocation),
                         sourceLocation: sourceLocation)
        }
    }
}

/// `trame generate evaluation --date D --audience bailleur|association|soin`: the six-monthly
/// shared evaluation, one template for three audiences.
@Suite("evaluation, end to end", .serialized)
struct EvaluationTests {
    typealias E = EvaluationDocuments
    static let semestrial = E.samples.filter { !$0.isFinal }

    @Test(.requires(.conformance))
    func everySampleEvaluationAndAudienceValidates() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for sample in Self.semestrial {
            for audience in E.audiences {
                for format in ["odt", "docx"] {
                    let file = try #require(try E.generate(["evaluation", "--dossier", E.dossier(sample.dossier), "--date", sample.date,
                                                            "--audience", audience, "--format", format, "--output", dir.path + "/"]))
                    try DocumentTexts.expectConformant([file])
                }
            }
        }
    }

    @Test func everySampleEvaluationAndAudienceSaysTheRightThings() throws {
        var files: [(URL, E.Sample, String)] = []
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for sample in Self.semestrial {
            for audience in E.audiences {
                let written = try E.generateAllFormats(["evaluation", "--dossier", E.dossier(sample.dossier), "--date", sample.date,
                                                        "--audience", audience], in: dir)
                for file in written {
                    let suffix = audience == "association" ? "" : "-\(audience)"
                    #expect(file.deletingPathExtension().lastPathComponent == "evaluation-\(sample.dossier)-\(sample.date)\(suffix)")
                    files.append((file, sample, audience))
                }
            }
        }
        let texts = try DocumentTexts.read(files.map(\.0))
        for (file, sample, audience) in files {
            let name = file.lastPathComponent
            let text = try #require(texts[file])
            let flat = text.flat
            E.expectClean(text, file)
            // Person, housing, review in two parts (issue 13, point 6): the housing part in every copy,
            // with the association's referent; next review, signatures, the grid's definitions in annex.
            E.expect(flat, has: [
                "Évaluation partagée de la sous-location", "Personne et logement", "Réunion d'évaluation", "Volet logement — étaient présents :",
                "Association Accès Logement Lorraine (fictif), chargée de l'accompagnement",
                "Habitat Mosellan Exemple (fictif), bailleur du logement", "Volet logement",
                "Paiement du loyer et des charges", "Assurance habitation À jour", "Entretien du logement Satisfaisant",
                "Relations de voisinage Sans incident", "Référent de l'association Nadia Haddad (fictif), travailleuse sociale de l'association",
                "ne comporte ni montant de ressources ni information relative à la santé",
                "grille d'évaluation du partenariat, reproduite en annexe du présent compte rendu",
                "Prochaine évaluation", "soit six mois après la présente", "Diffusion du présent compte rendu",
                "Signatures des participants", "Nom et qualité du signataire",
                "Annexe — grille d'évaluation : définitions", "Retards Une ou plusieurs échéances ont été payées après leur date",
            ], name)
            // The support part, its referents and the care team's presence: never in the landlord's copy.
            let supportPart = ["Volet accompagnement", "Accompagnement lié au logement En place", "Autonomie dans la gestion du budget",
                               "(appréciation, sans montant)", "Marc Petit (fictif), infirmier de l'équipe ERAH",
                               "Centre hospitalier de Jury, équipe ERAH, avec l'accord de la personne",
                               "Autonome La personne organise seule le paiement"]
            if audience == "bailleur" {
                E.expect(flat, lacks: supportPart + ["Centre hospitalier de Jury", "ERAH", "Marc Petit", "Curatelle", "Service mandataire"], name)
            } else {
                E.expect(flat, has: supportPart + ["Volet accompagnement, hors la présence du bailleur — étaient présents :"], name)
            }
            switch (sample.dossier, sample.date) {
            case ("MJ-2019-004", "2019-09-26"):
                E.expect(flat, has: [
                    "1re évaluation semestrielle du 26 septembre 2019", "Madame Anne-Sophie Lefèvre-N'Diaye, la sous-locataire",
                    "T2 de 44,5 m², 12 rue de l'Exemple, 57000 Metz (quartier Sablon), 2e étage",
                    "Depuis le 1er avril 2019, pour une période initiale de douze mois, jusqu'au 31 mars 2020",
                    "Paiement du loyer et des charges Régulier", "au plus tard le 26 mars 2020",
                    "valant examen périodique contradictoire au sens de l'article L. 442-8-3",
                ], name)
                // The protection measure is not needed by a review: only the association's and the care team's copies (point 5).
                if audience != "bailleur" { E.expect(flat, has: ["Curatelle simple — Service mandataire exemple (fictif)"], name) }
                E.expect(flat, lacks: ["dette locative à la date"], name)  // no debt line when the debt is zero
            case ("MJ-2019-004", _):
                E.expect(flat, has: [
                    "2e évaluation semestrielle du 19 mars 2020",
                    "Retards ; dette locative à la date de l'évaluation : cent vingt euros et quarante centimes (120,40 €)",
                    "au plus tard le 19 septembre 2020",
                ], name)
            case ("MJ-2019-002", "2019-08-29"):
                E.expect(flat, has: ["1re évaluation semestrielle du 29 août 2019", "Monsieur Rui Da Silva, le sous-locataire"], name)
                if audience != "bailleur" {
                    E.expect(flat, has: ["Curatelle renforcée", "Autonomie dans la gestion du budget En progression (appréciation, sans montant)"], name)
                }
                E.expect(flat, lacks: ["renouvelée"], name)
            default:
                // The renewal of 1 March 2020 starts after this review: the term then in force is the initial one.
                E.expect(flat, has: ["2e évaluation semestrielle du 13 février 2020", "jusqu'au 29 février 2020"], name)
                E.expect(flat, lacks: ["renouvelée"], name)
            }
            // Never amounts of resources; no care word outside the care copy.
            E.expect(flat, lacks: ["Allocation aux adultes handicapés", "971,37", "860,00", "ESAT"]
                + (audience == "soin" ? [] : ["hospitalisation", "CMP"]), name)
            let careHeading = "Partie réservée à l'équipe de soins — confidentielle"
            switch audience {
            case "bailleur":
                E.expect(flat, has: [
                    "Exemplaire du bailleur — il ne comporte que le volet logement de l'évaluation",
                    "Volet tenu en présence du bailleur, avec le consentement de la personne",
                    "le bailleur n'assiste plus alors au volet logement et ne reçoit plus aucun compte rendu",
                    "Destinataire du présent exemplaire : Habitat Mosellan Exemple (fictif), bailleur du logement.",
                    sample.dossier == "MJ-2019-004" ? "recueilli le 20 mars 2019" : "recueilli le 20 février 2019",
                ], name)
                // The person's view and the goals are social; the care part is care-only.
                E.expect(flat, lacks: ["Avis de ", sample.opinion, "Objectifs pour la période à venir", careHeading] + sample.goals, name)
            case "association":
                E.expect(flat, has: [
                    "Exemplaire de l'association — il ne comporte aucune information relative à la santé",
                    "consigné dans ses propres termes", sample.opinion, "a été recueilli le",
                ] + sample.goals, name)
                E.expect(flat, lacks: [careHeading], name)
            default:
                E.expect(flat, has: ["Exemplaire de l'équipe de soins — confidentiel", sample.opinion] + sample.goals, name)
                // The care part is alone on the last page: a page break comes before it, nothing after.
                #expect(text.pageParts.count >= 2, "\(name): no page break before the care part")
                let last = try #require(text.pageParts.last)
                E.expect(last, has: [careHeading, "article L. 1110-4 du code de la santé publique", sample.observations], name + " (dernière page)")
                E.expect(last, lacks: ["Volet logement", "Signatures des participants"], name + " (dernière page)")
            }
        }
    }

    /// The audience rule (issue 4): the care observations of every sample evaluation appear in no
    /// file but the `soin` copies — in every format, in every part of the ODT/DOCX packages
    /// (content, styles, metadata, settings) and in the manifest trame writes beside them.
    @Test func careObservationsAppearOnlyInTheCareCopies() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var produced = 0
        for sample in E.samples {
            let document = sample.isFinal ? "evaluation-finale" : "evaluation"
            for audience in E.audiences {
                for format in ["odt", "docx", "html"] {
                    let file = try #require(try E.generate([document, "--dossier", E.dossier(sample.dossier), "--date", sample.date,
                                                            "--audience", audience, "--format", format, "--output", dir.path + "/"]))
                    produced += 1
                    let text = try E.allText(of: file)
                    for other in E.allObservations where other != sample.observations {
                        #expect(!text.contains(other), "\(file.lastPathComponent) holds another evaluation's care observations « \(other) »")
                    }
                    if audience == "soin" {
                        #expect(text.contains(sample.observations), "\(file.lastPathComponent) lacks its care observations")
                    } else {
                        #expect(!text.contains(sample.observations), "\(file.lastPathComponent) leaks « \(sample.observations) »")
                        #expect(!text.contains("partie_soin"), "\(file.lastPathComponent) names the care field")
                        #expect(!text.contains("Partie réservée à l'équipe de soins"), "\(file.lastPathComponent) has the care section")
                    }
                    if audience == "bailleur" {
                        #expect(!text.contains(sample.opinion), "\(file.lastPathComponent) leaks the person's view")
                        for goal in sample.goals { #expect(!text.contains(goal), "\(file.lastPathComponent) leaks a goal") }
                        #expect(!text.contains("avis_sous_locataire") && !text.contains("ressources_mensuelles"))
                    }
                }
            }
        }
        #expect(produced == E.samples.count * 9)
        // The other documents of this set never hold any care observation.
        for arguments in [["consentement", "--dossier", E.dossier("MJ-2019-004")], ["consentement", "--dossier", E.dossier("MJ-2019-002")],
                          ["consentement", "--dossier", E.dossier("MJ-2019-011")], ["evaluation", "--blank", "--convention", E.convention]] {
            for format in ["odt", "docx", "html"] {
                let file = try #require(try E.generate(arguments + ["--format", format, "--output", dir.path + "/"]))
                let text = try E.allText(of: file)
                for observations in E.allObservations { #expect(!text.contains(observations), "\(file.lastPathComponent) leaks « \(observations) »") }
                #expect(!text.contains("partie_soin"))
            }
        }
    }

    /// The PDF copies (through LibreOffice): they open, and neither their text nor their document
    /// information holds a care observation outside the care copy. (A leak check only: what the
    /// copies say is checked above on their own text; a layout can hide a phrase, not invent one.)
    @Test(.requires(.libreOffice))
    func pdfCopiesKeepTheAudienceRule() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for sample in E.samples {
            let document = sample.isFinal ? "evaluation-finale" : "evaluation"
            for audience in E.audiences {
                let file = try #require(try E.generate([document, "--dossier", E.dossier(sample.dossier), "--date", sample.date,
                                                        "--audience", audience, "--format", "pdf", "--output", dir.path + "/"]))
                let pdf = try Conformance.PDFCopy(file)
                #expect(pdf.pages >= 1, "\(file.lastPathComponent)")
                #expect(pdf.text.contains("Évaluation"), "\(file.lastPathComponent): \(pdf.text.prefix(200))")
                if audience != "soin" { #expect(!pdf.text.contains(sample.observations), "\(file.lastPathComponent)") }
                #expect(!pdf.info.contains(sample.observations), "\(file.lastPathComponent) metadata")
            }
        }
    }

    @Test func theLandlordCopyIsRefusedWithoutAConsentInForce() throws {
        // The consent to the landlord is withdrawn on 1 December 2019: in force for the first
        // review (26 September 2019), not for the second (19 March 2020).
        let (dir, dossier) = try E.modifiedDossier("MJ-2019-004", [
            ("- { date: 2019-03-20, destinataire: bailleur-exemple-1, perimetre: partage }",
             "- { date: 2019-03-20, destinataire: bailleur-exemple-1, perimetre: partage, retrait: 2019-12-01 }"),
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("sortie")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let refused = try TrameProcess.run(["generate", "evaluation", "--dossier", dossier, "--date", "2020-03-19", "--audience", "bailleur",
                                            "--format", "odt", "--output", out.path + "/"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("CONSENTEMENT"), "\(refused.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty, "nothing written for the landlord")
        // The association and care copies of the same review are not affected.
        for audience in ["association", "soin"] {
            #expect(try TrameProcess.run(["generate", "evaluation", "--dossier", dossier, "--date", "2020-03-19", "--audience", audience,
                                          "--format", "html", "--output", out.path + "/"]).status == 0)
        }
        // A withdrawal stops every new landlord copy, even of a review held before it (the consent form
        // says so; a copy transmitted then stays in the archive).
        let earlier = try TrameProcess.run(["generate", "evaluation", "--dossier", dossier, "--date", "2019-09-26", "--audience", "bailleur",
                                            "--format", "html", "--output", out.path + "/"])
        #expect(earlier.status == 65)
        #expect(earlier.stderr.contains("CONSENTEMENT_ABSENT"))
        // Without the withdrawal, the landlord copy is produced and cites the consent.
        let file = try #require(try E.generate(["evaluation", "--dossier", E.dossier("MJ-2019-004"), "--date", "2019-09-26", "--audience", "bailleur",
                                                "--format", "html", "--output", out.path + "/"]))
        let html = try E.allText(of: file)
        #expect(html.contains("recueilli le 20 mars 2019"))
        #expect(!html.contains("Je me sens bien"))
    }

    @Test func aDateWithoutEvaluationIsRefused() throws {
        let none = try TrameProcess.run(["generate", "evaluation", "--dossier", E.dossier("MJ-2019-011"), "--date", "2019-09-26"])
        #expect(none.status != 0)
        #expect(none.stderr.contains("EVALUATION_INTROUVABLE"), "\(none.stderr)")
        let wrong = try TrameProcess.run(["generate", "evaluation", "--dossier", E.dossier("MJ-2019-004"), "--date", "2019-09-27"])
        #expect(wrong.status != 0)
        #expect(wrong.stderr.contains("2019-09-26"), "the recorded dates are listed: \(wrong.stderr)")
    }

    @Test func theRenderIsTheSameForEveryRun() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for format in ["odt", "docx", "html"] {
            let a = dir.appendingPathComponent("a.\(format)")
            let b = dir.appendingPathComponent("b.\(format)")
            for (target, env) in [(a, [String: String]()), (b, ["TZ": "Pacific/Kiritimati", "LANG": "C"])] {
                let r = try TrameProcess.run(["generate", "evaluation", "--dossier", E.dossier("MJ-2019-004"), "--date", "2020-03-19",
                                              "--audience", "soin", "--format", format, "--output", target.path], environment: env)
                #expect(r.status == 0, "\(r.stderr)")
            }
            #expect(try Data(contentsOf: a) == Data(contentsOf: b), "\(format) differs between runs")
        }
    }
}
