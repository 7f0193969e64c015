import Foundation
import Testing
import TrameModel

/// The data rules of a withdrawn evaluation (issue 16): its key, its levels, the cut at a date and
/// the checks that ignore it.
@Suite struct WithdrawnEvaluationRulesTests {
    static let withdrawnFirst = Samples.replacing(Samples.dossier004,
        "      observations: Suivi ambulatoire régulier ; aucune hospitalisation sur la période.\n",
        "      observations: Suivi ambulatoire régulier ; aucune hospitalisation sur la période.\n    retrait: { date: 2019-10-02, motif: saisie dans le mauvais dossier }\n")

    static func check(_ text: String) -> [Diagnostic] {
        let file = ModelLoader.read(data: Data(text.utf8), name: "dossier.yaml")
        return file.diagnostics + ModelLoader.checkDossier(file, convention: Samples.convention)
    }

    @Test func theKeyIsDocumentedWithItsLevels() {
        #expect(FormatSchemas.dossier.field(at: "evaluations.retrait")?.sensitivity == .partenaires)
        #expect(FormatSchemas.dossier.field(at: "evaluations.retrait.date")?.sensitivity == .partenaires)
        #expect(FormatSchemas.dossier.field(at: "evaluations.retrait.motif")?.sensitivity == .partage)
    }

    @Test func aWithdrawalNeedsItsDateAndReason() {
        #expect(!Self.check(Self.withdrawnFirst).hasErrors)
        let noReason = Samples.replacing(Self.withdrawnFirst, ", motif: saisie dans le mauvais dossier", "")
        #expect(Self.check(noReason).contains { $0.severity == .error && $0.path?.description == "evaluations[0].retrait.motif" })
    }

    @Test func theChecksIgnoreAWithdrawnEvaluation() {
        // Without the evaluation of 2019-09-26, 2020-03-19 comes more than six months after the start (2019-04-01).
        let spaced = Self.check(Self.withdrawnFirst).filter { $0.code == .evaluationEspacee }
        #expect(spaced.map { $0.path?.description } == ["evaluations[1].date"])
        #expect(!Self.check(Samples.dossier004).contains { $0.code == .evaluationEspacee })
    }

    @Test func theDossierAtAnyDateNeverHoldsIt() throws {
        let root = try #require(ModelLoader.read(data: Data(Self.withdrawnFirst.utf8), name: "dossier.yaml").root)
        for day in ["2019-09-30", "2020-06-01"] {
            let cut = root.recorded(asOf: CalendarDate(iso: day)!)
            #expect(!(cut["evaluations"]?.list ?? []).contains { $0["date"]?.date == CalendarDate(iso: "2019-09-26") })
        }
        #expect(root.withoutWithdrawnEvaluations()["evaluations"]?.list?.count == 1)
        #expect(Dossier(checked: root).evaluations.count == 1 && Dossier(checked: root).withdrawnEvaluations.count == 1)
    }
}
