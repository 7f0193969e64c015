import Foundation
import Testing
import TrameModel

@Suite("The example files load exactly as they are")
struct SampleFilesTests {
    @Test(arguments: ["convention-metz-jury-2018.yaml", "dossier-MJ-2019-002.yaml", "dossier-MJ-2019-004.yaml", "dossier-MJ-2019-011.yaml"])
    func bundledFileHasNoDiagnostic(name: String) throws {
        let file = ModelLoader.read(path: Samples.bundle.appendingPathComponent(name).path)
        let all = file.diagnostics + ModelLoader.checkDossier(file, convention: Samples.convention)
        // Issue 12: what the files show of the préfet notices (002) and of a missing tripartite
        // convention (011) are warnings, tested in TimeRuleTests; nothing else.
        let expected: [String: [String]] = ["dossier-MJ-2019-002.yaml": ["AVIS_PREFET", "AVIS_PREFET"],
                                            "dossier-MJ-2019-011.yaml": ["TRIPARTITE_MANQUANTE"]]
        #expect(all.map(\.code.rawValue) == expected[name] ?? [], "\(all.map(\.headline))")
        #expect(all.allSatisfy { $0.severity == .warning })
        #expect(file.root != nil)
    }

    /// Issue 13: the bundled copies add what a final sublease must state (format.md § 9, note ¹);
    /// the shared examples, which lack it, are the same files otherwise and still load cleanly.
    @Test func theSharedExamplesLoadAndTheBundledCopiesAddTheSubleaseData() throws {
        let shared = Samples.repository.deletingLastPathComponent().appendingPathComponent("shared/exemples")
        try #require(FileManager.default.fileExists(atPath: shared.path), "../shared/exemples absent")
        let names = try FileManager.default.contentsOfDirectory(atPath: shared.path).sorted()
        #expect(names == ["convention-metz-jury-2018.yaml", "dossier-MJ-2019-002.yaml", "dossier-MJ-2019-004.yaml", "dossier-MJ-2019-011.yaml"])
        for name in names {
            let file = ModelLoader.read(path: shared.appendingPathComponent(name).path)
            // The shared convention has neither a public title nor guarantees (issue 13, points 5 and 7):
            // two warnings, and it still loads; the bundled copy adds both.
            let expected: [DiagnosticCode] = name.hasPrefix("convention") ? [.garantiesManquantes, .intitulePublic] : []
            #expect(file.diagnostics.map(\.code).sorted { $0.rawValue < $1.rawValue } == expected && file.root != nil,
                    "\(name): \(file.diagnostics.map(\.headline))")
            #expect(file.diagnostics.allSatisfy { $0.severity == .warning })
            #expect(FileManager.default.fileExists(atPath: Samples.bundle.appendingPathComponent(name).path), "\(name) is bundled")
        }
        for name in names where name.hasPrefix("dossier") {
            let bundled = ModelLoader.read(path: Samples.bundle.appendingPathComponent(name).path).root!
            let original = ModelLoader.read(path: shared.appendingPathComponent(name).path).root!
            #expect(bundled["dossier"]?.text == original["dossier"]?.text)
            #expect(SubleaseRequirement.missing(in: bundled, convention: Samples.convention.root).isEmpty, "\(name)")
            #expect(!SubleaseRequirement.missing(in: original, convention: nil).isEmpty, "\(name)")
        }
    }

    @Test func conventionIsTyped() throws {
        let c = Convention(checked: try #require(Samples.convention.root))
        #expect(c.identifiant == "metz-jury-2018")
        #expect(c.dateSignature == CalendarDate(year: 2018, month: 11, day: 5))
        #expect(c.dateFin == CalendarDate(year: 2020, month: 12, day: 31))
        #expect(c.sousLocation.periodiciteEvaluationMois == 6)
        #expect(c.sousLocation.glissementAutomatique == false)
        #expect(c.parties.filter(\.signs).map(\.id) == ["ch-jury", "association", "bailleur-exemple-1", "bailleur-exemple-2"])
        #expect(c.financements.map(\.montantAnnuel) == [Decimal(string: "5000")!, Decimal(string: "1400")!])
        #expect(c.financements[1].financeurs == ["metz-metropole", "dihal"])
        #expect(c.questionsOuvertes.count == 6)
        #expect(c.gouvernance.comiteTechnique.periodiciteMois == 2)
    }

    @Test func dossierIsTypedWithExactDecimalsAndDates() throws {
        let file = ModelLoader.read(path: Samples.bundle.appendingPathComponent("dossier-MJ-2019-004.yaml").path)
        let d = Dossier(checked: try #require(file.root))
        #expect(d.etape == .sousLocation)
        #expect(d.sousLocataire.isFeminine)
        #expect(d.sousLocataire.nom == "Lefèvre-N'Diaye")
        #expect(d.logement?.surfaceHabitableM2 == Decimal(string: "44.5"))
        #expect(d.sousLocation?.loyerMensuel == Decimal(string: "351.20"))
        #expect(d.ressourcesMensuelles.map(\.montant).reduce(0, +) == Decimal(string: "1091.87"))
        #expect(d.sousLocation?.currentTerm.fin == CalendarDate(year: 2020, month: 3, day: 31))
        #expect(d.evaluations.count == 2)
        #expect(d.hasSharingConsent(for: "bailleur-exemple-1", on: CalendarDate(year: 2019, month: 9, day: 26)!))
        #expect(!d.hasSharingConsent(for: "bailleur-exemple-1", on: CalendarDate(year: 2019, month: 3, day: 19)!))
    }

    @Test func renewalsMakeTheCurrentTerm() throws {
        let file = ModelLoader.read(path: Samples.bundle.appendingPathComponent("dossier-MJ-2019-002.yaml").path)
        let d = Dossier(checked: try #require(file.root))
        #expect(d.sousLocation?.cumulatedMonths == 18)
        #expect(d.sousLocation?.currentTerm.fin == CalendarDate(year: 2020, month: 8, day: 31))
    }

    @Test func jsonWithTabsIsAcceptedAsTheSameStructure() throws {
        let json = ModelLoader.read(path: Samples.fixtures.appendingPathComponent("dossier-MJ-2019-004.json").path)
        let yaml = ModelLoader.read(path: Samples.bundle.appendingPathComponent("dossier-MJ-2019-004.yaml").path)
        #expect(json.diagnostics.isEmpty, "\(json.diagnostics.map(\.headline))")
        let a = Dossier(checked: try #require(json.root))
        let b = Dossier(checked: try #require(yaml.root))
        #expect(a.sousLocation?.loyerMensuel == b.sousLocation?.loyerMensuel)
        #expect(a.evaluations.map(\.date) == b.evaluations.map(\.date))
        #expect(a.sousLocataire.nom == b.sousLocataire.nom)
    }

    @Test func byteOrderMarkAndCRLFAreTolerated() {
        let crlf = "\u{FEFF}" + Samples.dossier004.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(Samples.check(dossier: crlf).isEmpty)
    }

    @Test func sensitivityLevelsFollowTheFormat() throws {
        let root = try #require(ModelLoader.read(path: Samples.bundle.appendingPathComponent("dossier-MJ-2019-004.yaml").path).root)
        func level(_ p: String) -> Sensitivity? { root.node(at: FieldPath(parsing: p))?.sensitivity }
        #expect(level("sous_locataire.nom") == .partenaires)
        #expect(level("sous_locataire.telephone") == .social)
        #expect(level("etape") == .social)
        #expect(level("criteres.solvable") == .social)
        #expect(level("logement.etage") == .partenaires)
        #expect(level("sous_location.apl_mensuelle_estimee") == .social)
        #expect(level("evaluations[0].partie_partagee.dette_locative") == .partage)
        #expect(level("evaluations[0].avis_sous_locataire") == .social)
        #expect(level("evaluations[0].partie_soin.observations") == .soin)
        #expect(level("evaluations[0].date") == .partenaires)
        #expect(FormatSchemas.dossier.field(at: "evaluations.recommandation")?.sensitivity == .partage)
        #expect(FormatSchemas.dossier.field(at: "issue.commentaire")?.sensitivity == .social)
    }
}
