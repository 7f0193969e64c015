import Foundation
import Testing
import TrameModel
import TrameProcedure

/// A withdrawn evaluation (`evaluations[].retrait`, issue 16) is kept in the file but not held:
/// deadlines, the préfet notice and the glissement evidence ignore it, whatever the day.
@Suite("Withdrawn evaluations")
struct WithdrawnEvaluationTests {
    let day = Fixtures.day

    /// MJ-2019-004 with its evaluation of 2020-03-19 withdrawn on 2020-04-01.
    static let text004 = Fixtures.replacing(Fixtures.text004,
        "      observations: Une consultation d'urgence en janvier ; situation stabilisée.\n",
        "      observations: Une consultation d'urgence en janvier ; situation stabilisée.\n    retrait:\n      date: 2020-04-01\n      motif: saisie en double\n")

    @Test func theFileStaysValidAndTheEvaluationIsKept() throws {
        #expect(!Fixtures.diagnostics(Self.text004).hasErrors)
        let dossier = Fixtures.dossierCase(Self.text004).dossier
        #expect(dossier.evaluations.map(\.date) == [day("2019-09-26")])
        #expect(dossier.withdrawnEvaluations.map(\.date) == [day("2020-03-19")])
        #expect(dossier.withdrawnEvaluations.first?.retrait?.motif == "saisie en double")
        #expect(dossier.data["evaluations"]?.list?.count == 2, "never deleted from the data")
    }

    @Test func deadlinesNoLongerCountAWithdrawnEvaluation() throws {
        let held = Fixtures.case004, withdrawn = Fixtures.dossierCase(Self.text004)
        func due(_ c: Case, _ on: String) -> [Deadline] { DeadlineCalendar.deadlines(for: c.dossier, convention: c.convention, on: day(on)) }
        #expect(due(held, "2020-04-15").first { $0.kind == .evaluation }?.date == day("2020-09-19"))
        #expect(due(held, "2020-04-15").contains { $0.kind == .evaluationOverdue } == false)
        // Without it, the evaluation due on 2020-03-26 (2019-09-26 + 6 months) is late.
        let late = try #require(due(withdrawn, "2020-04-15").first { $0.kind == .evaluationOverdue })
        #expect(late.date == day("2020-03-26"))
        // Whatever the day asked: before the withdrawal too, it was never held.
        #expect(due(withdrawn, "2020-03-25").first { $0.kind == .evaluation }?.date == day("2020-03-26"))
    }

    @Test func aWithdrawnFinalEvaluationNeverJustifiesAGlissement() throws {
        #expect(Fixtures.pathway(Fixtures.text002).isEmpty)
        let withdrawn = Fixtures.replacing(Fixtures.text002, "    transmission_commission_attribution: 2020-08-20\n",
                                           "    transmission_commission_attribution: 2020-08-20\n    retrait: { date: 2020-09-01, motif: réunion annulée }\n")
        let d = Fixtures.pathway(withdrawn)
        #expect(d.map { $0.path?.description } == ["evaluations"])
        #expect(d.first?.message.contains("jamais automatique") == true)
        // As of any day, the stage its evidence supports stops short of the glissement.
        let root = try #require(Fixtures.file(withdrawn).root)
        #expect(Dossier(checked: root.recorded(asOf: day("2021-01-01"))).etape != .glissement)
    }
}
