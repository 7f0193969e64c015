import Foundation
import Testing
import TrameTestSupport

/// `trame generate courrier-prefet`: the landlord's CCH L442-8-3 letter to the préfet, from the
/// final evaluation. Audience `prefet`: identity and leases, plus the recommendation and its
/// reasons — nothing else of the evaluations.
@Suite("courrier-prefet, end to end", .serialized)
struct CourrierPrefetTests {
    static let bundle = TrameProcess.repository.appendingPathComponent("Conventions/metz-jury-2018")
    static func dossier(_ id: String) -> String { bundle.appendingPathComponent("dossier-\(id).yaml").path }

    /// A copy of MJ-2019-002 (with its convention) whose final evaluation recommends a résidence accueil.
    static func noLeaseCase() throws -> URL {
        let dir = try TrameProcess.temporaryDirectory()
        try TrameProcess.copyConvention(to: dir)
        let original = try String(contentsOfFile: dossier("MJ-2019-002"), encoding: .utf8)
        let changed = original
            .replacingOccurrences(of: "    recommandation: glissement_bail", with: "    recommandation: residence_accueil")
            .replacingOccurrences(of: "    motifs: Paiement régulier depuis l'entrée, logement bien entretenu, autonomie budgétaire acquise.",
                                  with: "    motifs: Souhait de vivre dans un cadre collectif, avec un hôte.")
            .replacingOccurrences(of: "    transmission_commission_attribution: 2020-08-20\n", with: "")
            .replacingOccurrences(of: "etape: glissement", with: "etape: sous_location")
        #expect(changed.contains("residence_accueil") && changed.contains("cadre collectif"), "the sample changed: update this test")
        try changed.write(to: dir.appendingPathComponent("dossier-MJ-2019-002.yaml"), atomically: true, encoding: .utf8)
        return dir
    }

    /// What the letter must never hold: care observations, the shared part's details, social data,
    /// and — the préfet being outside the circle of the person's support — the hospital, its team,
    /// clinical words and the protection measure (issue 13, points 5 and 9).
    static let forbidden = [
        // Care (partie_soin of every sample evaluation) and clinical words.
        "CMP", "ambulatoire", "hospitalisation", "Suivi régulier", "Stable.", "Poursuite du suivi", "consultation d'urgence",
        "diagnostic", "traitement", "psychi", "handicap", "soins", "santé",
        // The health establishment, its team and staff; the protection measure and the protector.
        "Jury", "ERAH", "Marc Petit", "curat", "tutel", "protection", "Service mandataire", "résidence accueil",
        // Shared-part details (labels of partie_partagee values) and the debt.
        "à jour", "sans incident", "en place", "en progression", "à renforcer", "dette locative", "0,00",
        // Social data: resources, the person's own words, goals, APL estimate, contact details.
        "Allocation aux adultes handicapés", "Salaire ESAT", "860", "540", "150,00", "Je suis prêt", "Je souhaite",
        "Tout se passe bien", "Préparer le passage", "Gérer seul",
        // Template leftovers and drafting notes (they go to the notes sheet, never into the letter).
        "PROJET", "[à compléter", "Note de rédaction", "à vérifier", "{{", "{%", "%}", "}}", " de le ", " à le ", " à Association",
    ]

    @Test func letterValidatesSaysWhetherALeaseIsOfferedAndNothingElse() throws {
        let dir = try TrameProcess.temporaryDirectory()
        let variant = try Self.noLeaseCase()
        defer {
            try? FileManager.default.removeItem(at: dir)
            try? FileManager.default.removeItem(at: variant)
        }
        var files: [URL] = []
        for format in DocumentTexts.formats {
            // The final evaluation is chosen by default.
            let r = try TrameProcess.run(["generate", "courrier-prefet", "--dossier", Self.dossier("MJ-2019-002"), "--format", format, "--output", dir.path + "/"])
            #expect(r.status == 0, "\(r.stderr)")
            files.append(dir.appendingPathComponent("courrier-prefet-MJ-2019-002-2020-08-06.\(format)"))
            let other = variant.appendingPathComponent("refus.\(format)")
            let refusal = try TrameProcess.run(["generate", "courrier-prefet", "--dossier", "dossier-MJ-2019-002.yaml", "--format", format,
                                                "--output", other.path], in: variant)
            #expect(refusal.status == 0, "\(refusal.stderr)")
            files.append(other)
        }
        try DocumentTexts.validateIfPossible(files)
        let texts = try DocumentTexts.read(files)
        for file in files {
            let name = file.lastPathComponent
            let flat = try #require(texts[file]).flat
            for key in [
                // An administrative letter: sender with its address, addressee with its postal address,
                // place and date, object, references, body, signature, copies.
                "Habitat Mosellan Exemple (fictif) 10 avenue de l'Exemple, 57000 Metz", "Affaire suivie par Julie Bernard (fictif)",
                "Monsieur le Préfet de la Moselle Direction départementale de la cohésion sociale de la Moselle 1 place de l'Exemple (adresse fictive) 57000 Metz",
                "Metz, le 6 août 2020",
                "Objet : sous-location à titre transitoire — information prévue à l'article L. 442-8-3 du code de la construction et de l'habitation (hors délai)",
                "Réf. : convention conclue le 1er mars 2019 en application de l'article L. 442-8-3 du code de la construction et de l'habitation ; dossier MJ-2019-002 ; logement LGT-0301-01-04",
                "Monsieur le Préfet,",
                "Par un bail prenant effet le 1er mars 2019, Habitat Mosellan Exemple (fictif) a loué à l'Association Accès Logement Lorraine (fictif) le logement",
                "sous-loué depuis le 1er mars 2019 à Monsieur Rui Da Silva",
                // The convention's neutral public title, never its title naming the hospital.
                "dans le cadre de la convention de partenariat « Convention",
                "la période d'examen en cours prend fin le 31 août 2020", "L'évaluation finale prévue par cette convention a eu lieu le 6 août 2020",
                "en présence de l'intéressé", "j'ai l'honneur de vous faire connaître",
                // Sent after its deadline (two months before 31 August 2020): it says so, in neutral words.
                "La présente information vous est adressée hors délai : elle devait vous parvenir au plus tard le 30 juin 2020, deux mois avant la fin de la période d'examen.",
                "Je vous prie d'agréer, Monsieur le Préfet, l'expression de ma haute considération.",
                "Habitat Mosellan Exemple (fictif) Le directeur général", "Monsieur Paul Durand (fictif)",
                // The curator gets a copy (tripartite convention) without being listed: the préfet never learns of the measure.
                "Copie : Association Accès Logement Lorraine (fictif) ; Monsieur Rui Da Silva.",
            ] {
                #expect(flat.contains(key), "\(name) lacks « \(key) »")
            }
            for absent in Self.forbidden {
                #expect(!flat.contains(absent), "\(name) contains « \(absent) »")
            }
            // A letter is signed without « Lu et approuvé ».
            #expect(!flat.contains("Lu et approuvé"), "\(name)")
            if file.deletingPathExtension().lastPathComponent == "refus" {
                #expect(flat.contains("Habitat Mosellan Exemple (fictif) ne propose pas, à ce stade, de bail à Monsieur Rui Da Silva."))
                #expect(flat.contains("L'évaluation finale recommande une orientation vers un logement accompagné de type pension de famille, pour les motifs suivants : « Souhait de vivre dans un cadre collectif, avec un hôte. »"))
                #expect(flat.contains("article L. 442-8-2"))
                #expect(flat.contains("l'intéressé conserve le droit au maintien dans les lieux"))
                #expect(!flat.contains("propose à Monsieur"))
                #expect(!flat.contains("saisie le"))
            } else {
                #expect(flat.contains("Habitat Mosellan Exemple (fictif) propose à Monsieur Rui Da Silva la conclusion d'un bail à son nom pour le logement qu'il occupe (glissement du bail)."))
                #expect(flat.contains("pour les motifs suivants : « Paiement régulier depuis l'entrée, logement bien entretenu, autonomie budgétaire acquise. »"))
                #expect(flat.contains("article L. 441-2"))
                // The final evaluation of 6 August 2020 fixed the referral to 20 August: a letter of 6 August announces it.
                #expect(flat.contains("commission d'attribution des logements et d'examen de l'occupation des logements, qui sera saisie le 20 août 2020"))
                #expect(flat.contains("le bail consenti à l'association prendra fin pour ce logement"))
                #expect(!flat.contains("ne propose pas"))
            }
        }
        // The unconfirmed service is a note for counsel, in the sheet beside the letter.
        let notes = try String(contentsOf: dir.appendingPathComponent("courrier-prefet-MJ-2019-002-2020-08-06-notes-redaction.html"), encoding: .utf8)
        #expect(notes.contains("service destinataire à vérifier"))
    }

    @Test func theLetterIsDatedOnTheDayAskedNeverBeforeTheEvaluation() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // --date dates the letter: after the end of the period, the period « a pris fin ».
        let file = dir.appendingPathComponent("lettre.html")
        let later = try TrameProcess.run(["generate", "courrier-prefet", "--dossier", Self.dossier("MJ-2019-002"), "--format", "html",
                                          "--date", "2020-09-15", "--output", file.path])
        #expect(later.status == 0, "\(later.stderr)")
        let flat = try DocumentText(contentsOf: file).flat
        #expect(flat.contains("Metz, le 15 septembre 2020"))
        #expect(flat.contains("la période d'examen a pris fin le 31 août 2020"))
        #expect(flat.contains("a eu lieu le 6 août 2020"))
        #expect(flat.contains("hors délai"))
        // The ordinal of « 1er mars 2019 » has its suffix in superscript.
        #expect(try String(contentsOf: file, encoding: .utf8).contains("le 1<sup>er</sup> mars 2019"))
        // Never before the final evaluation it reports: refused, located on that evaluation, nothing written.
        let early = try TrameProcess.run(["generate", "courrier-prefet", "--dossier", Self.dossier("MJ-2019-002"), "--format", "html",
                                          "--date", "2020-07-01", "--output", dir.appendingPathComponent("tot.html").path])
        #expect(early.status == 65)
        // Located on the final evaluation's date in the dossier file.
        let line = try String(contentsOfFile: Self.dossier("MJ-2019-002"), encoding: .utf8).components(separatedBy: "\n")
            .firstIndex { $0.hasPrefix("  - date: 2020-08-06") }.map { $0 + 1 } ?? 0
        #expect(early.stderr.contains("dossier-MJ-2019-002.yaml:\(line):11: erreur [DATE_COURRIER] le courrier au préfet ne peut pas être daté du 1er juillet 2020 : il rend compte de l'évaluation finale du 6 août 2020, tenue après"), "\(early.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("tot.html").path))
    }

    @Test func aLetterSentInTimeSaysNothingOfADelay() throws {
        let variant = try Self.noLeaseCase()
        defer { try? FileManager.default.removeItem(at: variant) }
        // The period ends on 31 August 2020: a letter of 30 June 2020 is in time (a final review held on 25 June).
        let path = variant.appendingPathComponent("dossier-MJ-2019-002.yaml")
        let text = try String(contentsOf: path, encoding: .utf8).replacingOccurrences(of: "  - date: 2020-08-06\n    type: finale", with: "  - date: 2020-06-25\n    type: finale")
        try text.write(to: path, atomically: true, encoding: .utf8)
        let r = try TrameProcess.run(["generate", "courrier-prefet", "--dossier", "dossier-MJ-2019-002.yaml", "--format", "html",
                                      "--date", "2020-06-30", "--output", "lettre.html"], in: variant)
        #expect(r.status == 0, "\(r.stderr)")
        let flat = try DocumentText(contentsOf: variant.appendingPathComponent("lettre.html")).flat
        #expect(flat.contains("Metz, le 30 juin 2020"))
        #expect(flat.contains("a eu lieu le 25 juin 2020"))
        #expect(!flat.contains("hors délai") && !flat.contains("devait vous parvenir"))
    }

    @Test func aConventionWithoutThePrefectureAddressGivesADraftNamingIt() throws {
        // The shared examples have no « prefecture »: a final letter is refused, a draft names what is missing in words.
        let shared = TrameProcess.repository.appendingPathComponent("../shared/exemples").standardizedFileURL
        let dossier = shared.appendingPathComponent("dossier-MJ-2019-002.yaml").path
        guard FileManager.default.fileExists(atPath: dossier) else { return }
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let final = try TrameProcess.run(["generate", "courrier-prefet", "--dossier", dossier, "--format", "html", "--output", dir.path + "/"])
        #expect(final.status == 65)
        #expect(final.stderr.contains("convention.prefecture.adresse"), "\(final.stderr)")
        let file = dir.appendingPathComponent("brouillon.html")
        let draft = try TrameProcess.run(["generate", "courrier-prefet", "--dossier", dossier, "--format", "html", "--draft", "--output", file.path])
        #expect(draft.status == 0, "\(draft.stderr)")
        let flat = try DocumentText(contentsOf: file).flat
        #expect(flat.contains("[à compléter : adresse de la préfecture]"))
        #expect(flat.contains("[à compléter : code postal de la préfecture] [à compléter : commune de la préfecture]"))
        #expect(!flat.contains("convention.prefecture"))
        // The maintainers' list keeps the path.
        #expect(draft.stderr.contains("à compléter : convention.prefecture.adresse"), "\(draft.stderr)")
    }

    @Test func everyFormatHoldsNoCareNorSharedPartDetail() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for format in ["odt", "docx", "html"] {
            let file = dir.appendingPathComponent("lettre.\(format)")
            let r = try TrameProcess.run(["generate", "courrier-prefet", "--dossier", Self.dossier("MJ-2019-002"), "--format", format, "--output", file.path])
            #expect(r.status == 0, "\(r.stderr)")
            // Every byte of every part (content, styles, metadata), unzipped when needed.
            var text = ""
            if format == "html" {
                text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "&#39;", with: "'")
            } else {
                let parts = try DocumentText.unzip(Data(contentsOf: file))
                for part in parts.keys.sorted() where part.hasSuffix(".xml") || part.hasSuffix(".rels") {
                    text += String(decoding: parts[part]!, as: UTF8.self)
                }
            }
            for absent in ["CMP", "ambulatoire", "hospitalisation", "Stable.", "Poursuite du suivi", "Je suis prêt", "sans incident",
                           "Allocation aux adultes handicapés", "Salaire ESAT"] {
                #expect(!text.contains(absent), "lettre.\(format) contains « \(absent) »")
            }
            #expect(text.contains("Monsieur le Préfet de la Moselle"))
        }
    }

    @Test func onlyAFinalEvaluationWithARecommendationMakesALetter() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // No tripartite convention: refused.
        let none = try TrameProcess.run(["generate", "courrier-prefet", "--dossier", Self.dossier("MJ-2019-011"), "--output", dir.path + "/"])
        #expect(none.status != 0)
        #expect(none.stderr.contains("SANS_CONVENTION_TRIPARTITE"), "\(none.stderr)")
        // No final evaluation yet: refused by default.
        let early = try TrameProcess.run(["generate", "courrier-prefet", "--dossier", Self.dossier("MJ-2019-004"), "--output", dir.path + "/"])
        #expect(early.status != 0)
        // A six-monthly evaluation has no recommendation: a final letter is refused, never silent.
        let semester = try TrameProcess.run(["generate", "courrier-prefet", "--dossier", Self.dossier("MJ-2019-004"), "--date", "2020-03-19", "--output", dir.path + "/"])
        #expect(semester.status == 65)
        // A six-monthly evaluation is refused up front: the letter is about the final review.
        #expect(semester.stderr.contains("[EVALUATION_NON_FINALE]") && semester.stderr.contains("semestrielle"), "\(semester.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }
}
