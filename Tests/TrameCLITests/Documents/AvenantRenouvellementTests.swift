import Foundation
import Testing
import TrameTestSupport

/// `trame generate avenant-renouvellement --date D`: the sublease renewal for one recorded renewal.
/// Only MJ-2019-002 records one (2020-03-01, six months); variants of the samples cover a second
/// renewal and a woman's renewal.
@Suite("avenant-renouvellement, end to end", .serialized)
struct AvenantRenouvellementTests {
    static let bundle = TrameProcess.repository.appendingPathComponent("Conventions/metz-jury-2018")
    static func dossier(_ id: String) -> String { bundle.appendingPathComponent("dossier-\(id).yaml").path }

    /// A folder holding the convention and a copy of a sample dossier changed by `edit`.
    static func variant(_ id: String, _ edit: (String) -> String) throws -> URL {
        let dir = try TrameProcess.temporaryDirectory()
        try TrameProcess.copyConvention(to: dir)
        let original = try String(contentsOfFile: dossier(id), encoding: .utf8)
        let changed = edit(original)
        #expect(changed != original, "the sample \(id) changed: update this test")
        try changed.write(to: dir.appendingPathComponent("dossier-\(id).yaml"), atomically: true, encoding: .utf8)
        return dir
    }

    @Test func renewalsValidateAndHoldTheKeyClauses() throws {
        let dir = try TrameProcess.temporaryDirectory()
        // MJ-2019-002 with a second renewal of twelve months (beyond the 24-month programme maximum).
        let second = try Self.variant("MJ-2019-002") {
            $0.replacingOccurrences(of: "renouvellements: [{ date_effet: 2020-03-01, duree_mois: 6 }]",
                                    with: "renouvellements: [{ date_effet: 2020-03-01, duree_mois: 6 }, { date_effet: 2020-09-01, duree_mois: 12 }]")
        }
        // MJ-2019-004 (a woman under curatelle simple) with one renewal of twelve months.
        let woman = try Self.variant("MJ-2019-004") {
            $0.replacingOccurrences(of: "  convention_tripartite: true", with: "  renouvellements: [{ date_effet: 2020-04-01, duree_mois: 12 }]\n  convention_tripartite: true")
        }
        defer { for d in [dir, second, woman] { try? FileManager.default.removeItem(at: d) } }
        var files: [URL] = []
        for format in DocumentTexts.formats {
            let r = try TrameProcess.run(["generate", "avenant-renouvellement", "--dossier", Self.dossier("MJ-2019-002"), "--date", "2020-03-01",
                                          "--format", format, "--output", dir.path + "/"])
            #expect(r.status == 0, "\(r.stderr)")
            files.append(dir.appendingPathComponent("avenant-renouvellement-MJ-2019-002-2020-03-01.\(format)"))
        }
        for (folder, id, date) in [(second, "MJ-2019-002", "2020-09-01"), (woman, "MJ-2019-004", "2020-04-01")] {
            for format in DocumentTexts.formats {
                let file = dir.appendingPathComponent("variante-\(id).\(format)")
                let r = try TrameProcess.run(["generate", "avenant-renouvellement", "--dossier", "dossier-\(id).yaml", "--date", date,
                                              "--format", format, "--output", file.path], in: folder)
                #expect(r.status == 0, "\(r.stderr)")
                files.append(file)
            }
        }
        try DocumentTexts.validateIfPossible(files)
        let texts = try DocumentTexts.read(files)
        for file in files {
            let name = file.lastPathComponent
            let text = try #require(texts[file])
            let flat = text.flat
            DocumentTexts.expectPageNumbers(text, file)
            for key in [
                "Avenant de renouvellement", "Entre les soussignés", "Association Accès Logement Lorraine (fictif)", "ci-après dénommée « l'association »",
                "Préambule", "l'évaluation partagée", "Article 1er – Renouvellement", "– Durée totale de la sous-location",
                "La convention de partenariat prévoit une durée de sous-location de vingt-quatre mois au plus",
                "conserve le droit au maintien dans les lieux prévu à l'article",
                "– Convention tripartite", "Une nouvelle période d'examen s'ouvre pour la durée du présent renouvellement",
                "Toutes les autres clauses du contrat de sous-location demeurent inchangées",
                "– Mesure de protection", "confiée au Service mandataire exemple (fictif)",
                // The shared clause names this act (issue 13, point 11 c).
                "signe le présent avenant assist", "de son curateur, qui le contresigne.",
                "Fait à Metz, le", "en trois exemplaires originaux", "Madame Claire Martin (fictif)", "Le curateur",
            ] {
                #expect(flat.contains(key), "\(name) lacks « \(key) »")
            }
            // Never an eviction date; no social or health data in the person's copy either.
            for absent in ["expulsion", "quitter les lieux", "Suivi régulier au CMP", "Stable.", "ambulatoire", "consultation d'urgence",
                           "PROJET", "[à compléter", "{{", "{%", "%}", "}}", " de le ", " à le ", " à les "] {
                #expect(!flat.contains(absent), "\(name) contains « \(absent) »")
            }
            switch file.deletingPathExtension().lastPathComponent {
            case "variante-MJ-2019-002":
                #expect(flat.contains("Ce contrat a déjà été renouvelé ; son terme précédent a couru du 1er mars 2020 au 31 août 2020 inclus."))
                #expect(flat.contains("renouvelé pour une durée de douze (12) mois, à compter du 1er septembre 2020, soit jusqu'au 31 août 2021 inclus"))
                #expect(flat.contains("Le présent avenant constitue le 2e renouvellement de ce contrat."))
                #expect(flat.contains("la sous-location s'étend du 1er mars 2019 au 31 août 2021"))
                #expect(flat.contains("Avenant n° 2 au contrat de sous-location"))
            case "variante-MJ-2019-004":
                #expect(flat.contains("Madame Anne-Sophie Lefèvre-N'Diaye, née le 14 mars 1986 à Thionville (Moselle), assistée de son curateur"))
                #expect(flat.contains("ci-après dénommée « la sous-locataire »"))
                #expect(flat.contains("l'association a sous-loué à la sous-locataire, à titre temporaire, le logement situé 12 rue de l'Exemple, 57000 Metz"))
                #expect(flat.contains("renouvelé pour une durée de douze (12) mois, à compter du 1er avril 2020, soit jusqu'au 31 mars 2021 inclus"))
                #expect(flat.contains("jusqu'au 31 mars 2021"))
                #expect(flat.contains("la sous-locataire conserve le droit au maintien dans les lieux"))
                #expect(flat.contains("recherchent avec elle une solution de logement adaptée"))
                #expect(flat.contains("s'il propose un bail à la sous-locataire"))
                #expect(flat.contains("Elle signe le présent avenant assistée de son curateur, qui le contresigne."))
                #expect(!flat.contains("curatelle renforcée"))
            default:
                #expect(flat.contains("Monsieur Rui Da Silva, né le 23 juillet 1991 à Porto (Portugal), assisté de son curateur, Service mandataire exemple (fictif)"))
                #expect(flat.contains("ci-après dénommé « le sous-locataire »"))
                #expect(flat.contains("Par un contrat prenant effet le 1er mars 2019, conclu pour une durée de douze (12) mois, soit jusqu'au 29 février 2020 inclus"))
                #expect(flat.contains("l'association a sous-loué au sous-locataire, à titre temporaire, le logement situé 7 rue de l'Exemple, 57155 Marly"))
                #expect(flat.contains("avant l'échéance du 29 février 2020"))
                #expect(flat.contains("Le contrat de sous-location est renouvelé pour une durée de six (6) mois, à compter du 1er mars 2020, soit jusqu'au 31 août 2020 inclus."))
                #expect(flat.contains("Le présent avenant constitue le 1er renouvellement de ce contrat."))
                #expect(flat.contains("la sous-location s'étend du 1er mars 2019 au 31 août 2020"))
                #expect(flat.contains("jusqu'au 28 février 2021"))
                #expect(flat.contains("recherchent avec lui une solution de logement adaptée"))
                #expect(flat.contains("mesure de curatelle renforcée"))
                #expect(flat.contains("Avenant n° 1 au contrat de sous-location"))
                #expect(!flat.contains("déjà été renouvelé"))
            }
        }
    }

    @Test func onlyARecordedRenewalMakesAnAmendment() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (id, arguments) in [("MJ-2019-004", ["--date", "2020-04-01"]), ("MJ-2019-011", ["--date", "2021-02-01"]), ("MJ-2019-002", ["--date", "2020-04-01"])] {
            let r = try TrameProcess.run(["generate", "avenant-renouvellement", "--dossier", Self.dossier(id)] + arguments + ["--output", dir.path + "/"])
            #expect(r.status != 0, "\(id)")
            #expect(r.stderr.contains("RENOUVELLEMENT_INTROUVABLE"), "\(r.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func clauseConditionsFollowTheDossier() throws {
        let r = try TrameProcess.run(["clauses", "avenant-renouvellement", "--dossier", Self.dossier("MJ-2019-002"), "--date", "2020-03-01", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        let included = Dictionary(uniqueKeysWithValues: rows.compactMap { row in
            (row["id"] as? String).flatMap { id in (row["inclus"] as? Bool).map { (id, $0) } }
        })
        #expect(included["avenant-renouvellement.renouvellement"] == true)
        #expect(included["avenant-renouvellement.convention-tripartite"] == true)
        #expect(included["commun.mesure-protection"] == true)
    }
}
