import Foundation
import Testing

@Suite("trame init, dossier, convention, archive, backup, restore — end to end")
struct ArchiveCommandTests {
    @Test func initRefusesANonEmptyDirectoryAndIsIdempotent() throws {
        let ws = try CLIWorkspace.make()
        defer { ws.remove() }
        let again = try ws.run(["init", "ws"])
        #expect(again.status == 0 && again.stdout.contains("déjà un espace de travail"))
        let other = ws.root.appendingPathComponent("autre")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: other.appendingPathComponent("notes.txt"))
        let refused = try ws.run(["init", "autre"])
        #expect(refused.status == 65 && refused.stderr.contains("[DOSSIER_NON_VIDE]"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: other.path) == ["notes.txt"])
        #expect(try ws.run(["archive", "log", "--workspace", "autre"]).status == 66)
    }

    @Test func dossierAddValidatesLikeCheckAndVersionsByContent() throws {
        let ws = try CLIWorkspace.make()
        defer { ws.remove() }
        let source = CLIWorkspace.bundle.appendingPathComponent("dossier-MJ-2019-004.yaml")
        let same = try ws.run(["dossier", "add", source.path])
        #expect(same.status == 0 && same.stdout.contains("identique à la version 1 en vigueur, aucune nouvelle version"))

        // An error: refused with the diagnostics of `trame check`, exit 65, nothing recorded.
        let text = try String(contentsOf: source, encoding: .utf8)
        try text.replacingOccurrences(of: "  typologie: T2", with: "  typologie: T7").write(to: ws.root.appendingPathComponent("dossier-a.yaml"), atomically: true, encoding: .utf8)
        let checked = try TrameProcess.run(["check", "dossier-a.yaml"], in: ws.root)
        let refused = try ws.run(["dossier", "add", "dossier-a.yaml"])
        #expect(refused.status == 65)
        #expect(refused.stdout == checked.stdout)
        #expect(refused.stdout.contains("erreur [VALEUR_INCONNUE] logement.typologie"))

        // A warning only: recorded as version 2.
        try text.replacingOccurrences(of: "  duree_mois: 12\n  renouvelable", with: "  duree_mois: 9\n  renouvelable")
            .write(to: ws.root.appendingPathComponent("dossier-b.yaml"), atomically: true, encoding: .utf8)
        let warned = try ws.run(["dossier", "add", "dossier-b.yaml"])
        #expect(warned.status == 0, "\(warned.stdout)\(warned.stderr)")
        #expect(warned.stdout.contains("avertissement [DUREE_MINIMALE]") && warned.stdout.contains("version 2 enregistrée"))

        let shown = try ws.run(["dossier", "show", "MJ-2019-004", "--version", "1"])
        #expect(shown.stdout == text, "the original bytes, comments included")
        #expect(try ws.run(["dossier", "show", "MJ-2019-004"]).stdout.contains("duree_mois: 9"))
        let list = try ws.run(["dossier", "list", "--json"])
        let summaries = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(summaries.count == 1 && summaries[0]["nombre_versions"] as? Int == 2)
        #expect(try ws.run(["dossier", "history", "MJ-2019-004"]).stdout.split(separator: "\n").count == 3)
        #expect(try ws.run(["dossier", "show", "MJ-2099-001"]).status == 65)
        #expect(try ws.run(["dossier", "add", "absent.yaml"]).status == 66)
        #expect(try ws.run(["convention", "add", source.path]).status == 65, "a dossier is not a convention")
    }

    @Test func aDossierIsCheckedAgainstTheConventionHeldByTheWorkspace() throws {
        let ws = try CLIWorkspace.make()
        defer { ws.remove() }
        let convention = try String(contentsOf: CLIWorkspace.bundle.appendingPathComponent("convention-metz-jury-2018.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "identifiant: metz-jury-2018", with: "identifiant: nancy-2030")
        let conventionFile = ws.root.appendingPathComponent("convention-nancy-2030.yaml")
        try convention.write(to: conventionFile, atomically: true, encoding: .utf8)
        try TrameProcess.copyConventionFiles(to: ws.root)
        let added = try ws.run(["convention", "add", conventionFile.path])
        #expect(added.status == 0, "\(added.stdout)\(added.stderr)")
        #expect(added.stdout.contains("avec 10 fichiers de la convention : logos/association.png, logos/association.svg"), "\(added.stdout)")
        // The workspace holds the convention with its logos: neither is needed beside it any more.
        try FileManager.default.removeItem(at: conventionFile)
        try FileManager.default.removeItem(at: ws.root.appendingPathComponent("logos"))

        let dossier = try String(contentsOf: CLIWorkspace.bundle.appendingPathComponent("dossier-MJ-2019-011.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "convention: metz-jury-2018", with: "convention: nancy-2030")
        try dossier.write(to: ws.root.appendingPathComponent("dossier-nancy.yaml"), atomically: true, encoding: .utf8)
        #expect(try TrameProcess.run(["check", "dossier-nancy.yaml"], in: ws.root).status == 65, "check alone does not find it")
        let dossierAdded = try ws.run(["dossier", "add", "dossier-nancy.yaml"])
        #expect(dossierAdded.status == 0, "\(dossierAdded.stdout)\(dossierAdded.stderr)")
        #expect(try ws.run(["convention", "list"]).stdout.contains("nancy-2030"))
    }

    /// The style file a convention names, and the header image the style names, are stored with
    /// the convention like its logos (issue 14): archived with each version.
    @Test func aConventionIsStoredWithItsStyleFileAndTheStylesImage() throws {
        let ws = try CLIWorkspace.make()
        defer { ws.remove() }
        let folder = ws.root.appendingPathComponent("nancy")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("charte"), withIntermediateDirectories: true)
        try TrameProcess.copyConventionFiles(to: folder)
        let convention = try String(contentsOf: CLIWorkspace.bundle.appendingPathComponent("convention-metz-jury-2018.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "identifiant: metz-jury-2018", with: "identifiant: nancy-2030\nstyle: charte/style.yaml")
        let conventionFile = folder.appendingPathComponent("convention-nancy-2030.yaml")
        try convention.write(to: conventionFile, atomically: true, encoding: .utf8)
        try "image_en_tete:\n  fichier: bandeau.png\n  largeur: 4 cm\n  texte: Bandeau de la convention (fictif)\n"
            .write(to: folder.appendingPathComponent("charte/style.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(at: folder.appendingPathComponent("logos/siao.png"), to: folder.appendingPathComponent("charte/bandeau.png"))

        let added = try ws.run(["convention", "add", conventionFile.path])
        #expect(added.status == 0, "\(added.stdout)\(added.stderr)")
        #expect(added.stdout.contains("avec 12 fichiers de la convention : charte/bandeau.png, charte/style.yaml, logos/association.png"), "\(added.stdout)")
        // A changed header image alone is a new version of the convention.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("charte/bandeau.png"))
        try FileManager.default.copyItem(at: folder.appendingPathComponent("logos/association.png"), to: folder.appendingPathComponent("charte/bandeau.png"))
        let again = try ws.run(["convention", "add", conventionFile.path])
        #expect(again.stdout.contains("version 2 enregistrée"), "\(again.stdout)")
        #expect(try ws.run(["archive", "verify"]).status == 0)
    }

    @Test func archiveAddLogShowGetVerifyAndAudit() throws {
        let ws = try CLIWorkspace.make()
        defer { ws.remove() }
        let add = ["archive", "add", "--dossier", "MJ-2019-004", "--document", "sous-location", "--signatory", "Association", "--signatory", "Mme Exemple"]
        let v1 = try ws.run(add + [try ws.pdf("v1"), "--signed-on", "2019-04-01"])
        #expect(v1.status == 0 && v1.stdout.hasPrefix("MJ-2019-004/sous-location/v1 archivée : PDF"), "\(v1.stderr)")
        let noReason = try ws.run(add + [try ws.pdf("v2"), "--signed-on", "2020-04-01"])
        #expect(noReason.status == 64 && noReason.stderr.contains("[MOTIF_MANQUANT]"))
        let v2 = try ws.run(add + [try ws.pdf("v2"), "--signed-on", "2020-04-01", "--reason", "renouvellement"])
        #expect(v2.status == 0 && v2.stdout.contains("remplace la v1 : renouvellement"))
        let again = try ws.run(add + [ws.root.appendingPathComponent("v1.pdf").path, "--signed-on", "2019-04-01"])
        #expect(again.status == 0 && again.stdout.contains("déjà archivé : MJ-2019-004/sous-location/v1"))

        let log = try ws.run(["archive", "log", "--dossier", "MJ-2019-004"])
        #expect(log.stdout.contains("MJ-2019-004/sous-location/v1") && log.stdout.contains("remplacée par v2"))
        let versions = try ws.signedVersions()
        #expect(versions.map { $0["version"] as? Int } == [1, 2])
        let show = try ws.run(["archive", "show", "MJ-2019-004/sous-location"])
        #expect(show.stdout.contains("état : en vigueur") && show.stdout.contains("remplace la v1 : renouvellement"))

        let out = ws.root.appendingPathComponent("copie.pdf")
        #expect(try ws.run(["archive", "get", "MJ-2019-004/sous-location/v1", "--output", out.path]).status == 0)
        #expect(try Data(contentsOf: out) == Data(contentsOf: ws.root.appendingPathComponent("v1.pdf")))
        let clobber = try ws.run(["archive", "get", "MJ-2019-004/sous-location/v2", "--output", out.path])
        #expect(clobber.status == 65 && clobber.stderr.contains("--force"))
        #expect(try Data(contentsOf: out) == Data(contentsOf: ws.root.appendingPathComponent("v1.pdf")))
        #expect(try ws.run(["archive", "get", "MJ-2019-004/sous-location/v2", "--output", out.path, "--force"]).status == 0)
        #expect(try ws.run(["archive", "get", "MJ-2019-004/bail-principal", "--output", "x.pdf"]).status == 65)

        let verify = try ws.run(["archive", "verify"])
        #expect(verify.status == 0 && verify.stdout.contains("aucun problème"))
        let audit = try ws.run(["archive", "audit", "--dossier", "MJ-2019-004"])
        for action in ["dossier-ajout", "archive-ajout", "extraction"] { #expect(audit.stdout.contains(action)) }
        let user = try #require(MachineOutputTests.systemUser)
        #expect(audit.stdout.contains(user), "the system user, before $USER")
    }

    @Test(arguments: [
        ("missing file", ["absent.pdf", "--dossier", "MJ-2019-004", "--document", "bail-principal", "--signed-on", "2019-04-01"], Int32(66), "FICHIER_INTROUVABLE"),
        ("unknown dossier", ["FILE", "--dossier", "MJ-2099-999", "--document", "bail-principal", "--signed-on", "2019-04-01"], 65, "DOSSIER_INCONNU"),
        ("unknown document kind", ["FILE", "--dossier", "MJ-2019-004", "--document", "bail", "--signed-on", "2019-04-01"], 64, "DOCUMENT_INCONNU"),
        ("future date", ["FILE", "--dossier", "MJ-2019-004", "--document", "bail-principal", "--signed-on", "2999-01-01"], 65, "DATE_FUTURE"),
        ("invalid date", ["FILE", "--dossier", "MJ-2019-004", "--document", "bail-principal", "--signed-on", "2019-02-30"], 64, "OPTION_INVALIDE"),
        ("archived elsewhere", ["ARCHIVED", "--dossier", "MJ-2019-004", "--document", "sous-location", "--signed-on", "2019-04-01"], 65, "DEJA_ARCHIVE"),
    ])
    func badInputIsRefusedInFrenchAndChangesNothing(_ input: (String, [String], Int32, String)) throws {
        let ws = try CLIWorkspace.make()
        defer { ws.remove() }
        let archived = try ws.pdf("archive")
        let first = try ws.run(["archive", "add", archived, "--dossier", "MJ-2019-004", "--document", "bail-principal",
                                "--signed-on", "2019-04-01", "--signatory", "Bailleur"])
        #expect(first.status == 0)
        let before = try ws.state()
        let file = try ws.pdf("nouveau")
        let args = input.1.map { $0 == "FILE" ? file : $0 == "ARCHIVED" ? archived : $0 }
        let r = try ws.run(["archive", "add"] + args + ["--signatory", "Association"])
        #expect(r.status == input.2, "\(input.0): \(r.stderr)")
        #expect(r.stderr.contains("erreur [\(input.3)]"), "\(input.0): \(r.stderr)")
        #expect(try ws.state() == before, "\(input.0): the archive changed")
        #expect(try ws.run(["archive", "verify"]).status == 0)
    }

    @Test func exportPurgeBackupAndRestore() throws {
        let ws = try CLIWorkspace.make()
        defer { ws.remove() }
        for (kind, extra) in [("bail-principal", [String]()), ("evaluation", ["--evaluation-date", "2019-09-26", "--audience", "soin"])] {
            let r = try ws.run(["archive", "add", try ws.pdf(kind), "--dossier", "MJ-2019-004", "--document", kind,
                                "--signed-on", "2019-09-30", "--signatory", "X"] + extra)
            #expect(r.status == 0, "\(r.stderr)")
        }
        let landlord = try ws.run(["archive", "export", "--dossier", "MJ-2019-004", "--output", "bailleur.zip", "--audience", "bailleur"])
        #expect(landlord.status == 0 && landlord.stdout.contains("1 document signé"), "\(landlord.stderr)")
        let everything = try ws.run(["archive", "export", "--dossier", "MJ-2019-004", "--output", "tout.zip"])
        #expect(everything.stdout.contains("2 documents signés"))

        #expect(try ws.run(["archive", "purge", "--before", "2030-01-01"]).status == 65, "no retention set")
        #expect(try ws.run(["archive", "retention", "--convention", "metz-jury-2018", "--annees", "2"]).status == 0)
        let dry = try ws.run(["archive", "purge", "--before", "2030-01-01"])
        #expect(dry.status == 0 && dry.stdout.contains("simulation") && dry.stdout.contains("MJ-2019-004 : sous-location en cours"))

        let backup = try ws.run(["backup", "--output", "sauvegarde.zip"])
        #expect(backup.status == 0, "\(backup.stderr)")
        let restored = try TrameProcess.run(["restore", "sauvegarde.zip", "restaure"], in: ws.root)
        #expect(restored.status == 0 && restored.stdout.contains("vérification sans problème"), "\(restored.stdout)\(restored.stderr)")
        let verify = try TrameProcess.run(["archive", "verify", "--workspace", "restaure"], in: ws.root)
        #expect(verify.status == 0)
        #expect(try TrameProcess.run(["restore", "sauvegarde.zip", "restaure"], in: ws.root).status == 65)
        #expect(try TrameProcess.run(["archive", "log", "--workspace", "absent"], in: ws.root).status == 66)
    }
}
