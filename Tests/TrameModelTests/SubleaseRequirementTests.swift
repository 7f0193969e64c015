import Foundation
import Testing
import TrameModel

/// Issue 13, point 2: what a final sublease must state, and `trame check`'s warnings from the
/// attribution stage on.
@Suite("Sublease requirements: the data the contract must state")
struct SubleaseRequirementTests {
    static let shared = Samples.repository.deletingLastPathComponent().appendingPathComponent("shared/exemples")
    static let allItems: Set<String> = [
        "logement.equipements", "logement.parties_communes", "logement.chauffage.production", "logement.eau_chaude.production",
        "logement.annee_construction", "logement.installation_electricite", "logement.installation_gaz",
        "logement.diagnostics.dpe", "logement.diagnostics.etat_risques", "logement.reglement_immeuble",
        "logement.convention_apl.reference", "logement.urgence_technique",
    ]

    func missing(_ text: String, convention: LoadedFile = Samples.convention) -> [SubleaseRequirement] {
        SubleaseRequirement.missing(in: ModelLoader.read(data: Data(text.utf8), name: "d.yaml").root!, convention: convention.root)
    }

    func incomplete(_ diagnostics: [Diagnostic]) -> [Diagnostic] { diagnostics.filter { $0.code == .sousLocationIncomplete } }

    @Test(arguments: ["dossier-MJ-2019-002.yaml", "dossier-MJ-2019-004.yaml", "dossier-MJ-2019-011.yaml"])
    func theBundledDossiersLackNothing(name: String) {
        #expect(missing(Samples.text(name)).isEmpty, "\(missing(Samples.text(name)).map(\.path))")
    }

    @Test(arguments: ["dossier-MJ-2019-002.yaml", "dossier-MJ-2019-004.yaml", "dossier-MJ-2019-011.yaml"])
    func theSharedExamplesLackEveryNewItemAndCheckWarnsOfEach(name: String) throws {
        try #require(FileManager.default.fileExists(atPath: Self.shared.path), "../shared/exemples absent")
        let convention = ModelLoader.read(path: Self.shared.appendingPathComponent("convention-metz-jury-2018.yaml").path)
        let file = ModelLoader.read(path: Self.shared.appendingPathComponent(name).path)
        let items = SubleaseRequirement.missing(in: file.root!, convention: convention.root)
        #expect(Set(items.map(\.path)) == Self.allItems)
        #expect(items.allSatisfy { !$0.label.isEmpty && !$0.source.isEmpty })
        let diagnostics = file.diagnostics + ModelLoader.checkDossier(file, convention: convention)
        #expect(!diagnostics.contains { $0.severity == .error }, "the shared examples still pass check")
        let warned = incomplete(diagnostics)
        #expect(Set(warned.compactMap { $0.path?.description }) == Self.allItems)
        #expect(warned.allSatisfy { $0.severity == .warning && $0.message.contains("ne peut être produit qu'en projet") })
    }

    @Test func checkWarnsOnlyFromTheAttributionStage() {
        let before = Samples.replacing(Samples.replacing(Samples.dossier011, "etape: attribution", "etape: orientation"),
                                       "  equipements: [kitchenette avec évier, salle d'eau avec douche et WC]\n", "")
        #expect(incomplete(Samples.check(dossier: before)).isEmpty)
        let atAttribution = Samples.replacing(Samples.dossier011, "  equipements: [kitchenette avec évier, salle d'eau avec douche et WC]\n", "")
        let warned = incomplete(Samples.check(dossier: atAttribution))
        #expect(warned.map { $0.path?.description } == ["logement.equipements"])
        #expect(warned.first?.message.contains("loi n° 89-462 du 6 juillet 1989, art. 3") == true)
    }

    @Test func anEmptyListIsAnAnswerNotAGap() {
        // MJ-2019-011 records `parties_communes: []`: nothing in common use, said so.
        #expect(Samples.dossier011.contains("parties_communes: []"))
        #expect(!missing(Samples.dossier011).contains { $0.path == "logement.parties_communes" })
    }

    @Test func theHousingDecidesWhichDiagnosticsAreDue() {
        // Built before 1949: the lead report (CREP) is due; an installation over fifteen years old: its state.
        let old = Samples.replacing(Samples.dossier002, "crep: 2018-10-02, ", "")
        #expect(missing(old).map(\.path) == ["logement.diagnostics.crep"])
        let recent = Samples.replacing(Samples.replacing(Samples.dossier002, "annee_construction: 1938", "annee_construction: 1990"), "crep: 2018-10-02, ", "")
        #expect(missing(recent).isEmpty)
        let gas = Samples.replacing(Samples.replacing(Samples.dossier004, ", gaz: 2019-02-15 }", " }"), "installation_gaz: plus_15_ans", "installation_gaz: moins_15_ans")
        #expect(missing(gas).isEmpty)
        let noGasState = Samples.replacing(Samples.dossier004, ", gaz: 2019-02-15 }", " }")
        #expect(missing(noGasState).map(\.path) == ["logement.diagnostics.gaz"])
    }

    @Test func theLandlordsTechnicalLineServesWhenTheBuildingHasNone() throws {
        // MJ-2019-004 has no line of its own: its landlord's, in the convention, is enough.
        #expect(!Samples.dossier004.contains("urgence_technique"))
        #expect(missing(Samples.dossier004).isEmpty)
        let convention = ModelLoader.read(data: Data(Samples.conventionText.replacingOccurrences(of: "    urgence_technique: \"03 87 00 00 30 (astreinte technique, 24 h sur 24)\"\n", with: "").utf8),
                                          name: "convention-metz-jury-2018.yaml")
        #expect(missing(Samples.dossier004, convention: convention).map(\.path) == ["logement.urgence_technique"])
    }

    @Test func theAidEstimateIsNeededForTheAmountLeftToPay() {
        let text = Samples.replacing(Samples.dossier004, "  apl_mensuelle_estimee: 245.00\n", "")
        #expect(missing(text).map(\.path) == ["sous_location.apl_mensuelle_estimee"])
    }
}
