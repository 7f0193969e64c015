import Foundation
import Testing

/// `trame deadlines`, `trame funding`, `trame status`, and the pathway evidence in `trame check`.
@Suite("Pathway, deadlines, funding and status, end to end")
struct ProcedureCommandsTests {
    static let bundle = TrameProcess.repository.appendingPathComponent("Conventions/metz-jury-2018")
    static let dossiers = ["dossier-MJ-2019-002.yaml", "dossier-MJ-2019-004.yaml", "dossier-MJ-2019-011.yaml"].map { bundle.appendingPathComponent($0).path }

    /// A temporary directory holding MJ-2019-004 without its commission date (stage evidence missing).
    static func brokenDirectory() throws -> URL {
        let dir = try TrameProcess.temporaryDirectory()
        let text = try String(contentsOf: bundle.appendingPathComponent("dossier-MJ-2019-004.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "  commission_attribution: 2019-03-05\n", with: "")
        try text.write(to: dir.appendingPathComponent("dossier-a.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(at: bundle.appendingPathComponent("dossier-MJ-2019-011.yaml"), to: dir.appendingPathComponent("dossier-MJ-2019-011.yaml"))
        return dir
    }

    @Test func checkReportsAStageWithoutItsEvidence() throws {
        let dir = try Self.brokenDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try TrameProcess.run(["check", "dossier-a.yaml"], in: dir)
        #expect(r.status == 65)
        #expect(r.stdout.contains("dossier-a.yaml:5:8: erreur [ETAPE_SANS_PREUVE] parcours.commission_attribution : l'étape « sous_location » exige la date de la commission d'attribution"))
    }

    @Test func deadlinesOnTheSampleDate() throws {
        let r = try TrameProcess.run(["deadlines", "--on", "2020-04-15"] + Self.dossiers)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.components(separatedBy: "\n")
        #expect(lines.first == "Échéances au 15 avril 2020")
        #expect(lines.contains { $0.hasPrefix("2020-03-31  MJ-2019-004") && $0.hasSuffix("terminée sans renouvellement enregistré") })
        // MJ-2019-011 never recorded its sublease start (issue 12): one late item, no evaluation.
        #expect(lines.contains { $0.hasPrefix("2019-08-01  MJ-2019-011") && $0.hasSuffix("en retard de 258 jours") })
        #expect(!lines.contains { $0.contains("MJ-2019-011") && $0.contains("évaluation") })
        #expect(r.stderr.isEmpty)
    }

    @Test func deadlinesDefaultsToTodayAndExitsZeroEvenWhenLate() throws {
        let r = try TrameProcess.run(["deadlines"] + Self.dossiers)
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("Échéances au "))
        #expect(r.stdout.contains("en retard de"))
    }

    @Test func deadlinesAsJSONAndICS() throws {
        let json = try TrameProcess.run(["deadlines", "--on", "2020-04-15", "--json"] + Self.dossiers)
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["date_reference"] as? String == "2020-04-15")
        let ics = try TrameProcess.run(["deadlines", "--on", "2020-04-15", "--ics"] + Self.dossiers)
        #expect(ics.status == 0)
        #expect(ics.stdout.hasPrefix("BEGIN:VCALENDAR\r\n"))
        #expect(ics.stdout.contains("UID:MJ-2019-004-fin_terme-terme-0@trame\r\n"))
        #expect(ics.stdout.contains("DTSTAMP:20200415T000000Z\r\n"))
        #expect(ics.stdout.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
        let again = try TrameProcess.run(["deadlines", "--on", "2020-04-15", "--ics"] + Self.dossiers)
        #expect(again.stdout == ics.stdout)
    }

    @Test func deadlinesUsageAndInputErrors() throws {
        #expect(try TrameProcess.run(["deadlines"]).status == 64)
        #expect(try TrameProcess.run(["deadlines", "--json", "--ics"] + Self.dossiers).status == 64)
        let badDate = try TrameProcess.run(["deadlines", "--on", "2019-02-29"] + Self.dossiers)
        #expect(badDate.status == 64)
        #expect(badDate.stderr.contains("--on attend une date AAAA-MM-JJ"))
        let missing = try TrameProcess.run(["deadlines", "absent.yaml"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("absent.yaml:1:1: erreur [FICHIER_INTROUVABLE]"))
    }

    @Test func refusedDossiersExit65AndTheOthersAreStillReported() throws {
        let dir = try Self.brokenDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try TrameProcess.run(["deadlines", "--on", "2020-04-15", "dossier-a.yaml", "dossier-MJ-2019-011.yaml"], in: dir)
        #expect(r.status == 65)
        #expect(r.stderr.contains("[ETAPE_SANS_PREUVE]"))
        #expect(r.stdout.contains("MJ-2019-011"))
        #expect(!r.stdout.contains("MJ-2019-004"))
        let f = try TrameProcess.run(["funding", "dossier-a.yaml"], in: dir)
        #expect(f.status == 65)
    }

    @Test func fundingTextCSVAndJSON() throws {
        let r = try TrameProcess.run(["funding"] + Self.dossiers)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Règle : "))
        #expect(r.stdout.contains("MJ-2019-004 — engagé — sous-location du 1er avril 2019 au 31 mars 2020 (fin du terme en cours)"))
        #expect(r.stdout.contains("ensemble de l'expérimentation  16\u{202F}045,31\u{00A0}€   11\u{202F}069,59\u{00A0}€  27\u{202F}114,90\u{00A0}€"))
        let csv = try TrameProcess.run(["funding", "--csv"] + Self.dossiers)
        #expect(csv.status == 0)
        #expect(csv.stdout.hasPrefix("\u{FEFF}dossier;statut;statut_libelle;convention;dispositif;intitule;financeurs;annee;du;au;jours;jours_annee;base_annuelle;double;montant\r\n"))
        let json = try TrameProcess.run(["funding", "--json", "--convention", Self.bundle.appendingPathComponent("convention-metz-jury-2018.yaml").path] + Self.dossiers)
        #expect(json.status == 0)
        #expect(json.stdout.contains("\"total\": 27114.90"))
        #expect(try TrameProcess.run(["funding", "--json", "--csv"] + Self.dossiers).status == 64)
    }

    @Test func statusOfTheBundledProgramme() throws {
        let r = try TrameProcess.run(["status", "--on", "2020-04-15"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.components(separatedBy: "\n")
        #expect(lines.first == "Programme metz-jury-2018 — situation au 15 avril 2020")
        #expect(lines.contains("Ménages : 3 dossiers pour 20 besoins identifiés"))
        // As known on 2020-04-15 (issue 12): MJ-2019-002's final evaluation came in August.
        #expect(lines.contains("Évaluations partagées : 4 faites, 2 à venir (dont 0 dans les 90 jours), 0 en retard"))
        #expect(lines.contains { $0.hasPrefix("  Ensemble") && $0.contains("16\u{202F}045,31\u{00A0}€") })
        #expect(lines.count <= 40)
    }

    @Test func statusOfADirectoryWithARefusedFile() throws {
        let dir = try Self.brokenDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try TrameProcess.run(["status", "--on", "2020-04-15", dir.path])
        #expect(r.status == 65)
        #expect(r.stdout.contains("Ménages : 1 dossier pour 20 besoins identifiés"))
        #expect(r.stdout.contains("Fichiers écartés pour erreurs (voir « trame check ») : dossier-a.yaml"))
        #expect(try TrameProcess.run(["status", "/nonexistent/trame"]).status == 66)
    }
}
