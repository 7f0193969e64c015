import Foundation
import Testing
import TrameModel
import TrameProcedure

/// Issue 12, "done when": for each sample dossier and each month from its first date to three
/// years after, `status` and `deadlines --on D` on the full file equal those on the file cut to
/// what it recorded up to D — the cut file written out as JSON and read back like any dossier.
@Suite("Time travel: a report on D reads only what was recorded by D")
struct TimeTravelTests {
    /// The cut tree written as a dossier file (JSON), so that the cut goes through the format.
    static func json(_ node: DataNode) -> JSONValue {
        switch node.value {
        case .text(let s): return .string(s)
        case .integer(let i): return .int(i)
        case .decimal(let d): return .decimal(d)
        case .boolean(let b): return .bool(b)
        case .date(let d): return .date(d)
        case .list(let items): return .array(items.map(json))
        case .object(let o): return .object(o.entries.map { ($0.key, json($0.node)) })
        }
    }

    /// The dossier file cut at `day`, read back and checked: it must be a valid dossier.
    static func cutCase(_ c: Case, on day: CalendarDate) throws -> Case {
        let text = json(c.dossier.data.recorded(asOf: day)).rendered
        let file = ModelLoader.read(data: Data(text.utf8), name: "dossier-coupe.json")
        let diagnostics = file.diagnostics + CaseValidation.diagnostics(dossier: file, convention: Fixtures.conventionFile)
        #expect(!diagnostics.hasErrors, "\(c.dossier.id) cut on \(day): \(diagnostics.filter { $0.severity == .error }.map(\.headline))")
        let root = try #require(file.root)
        return Case(dossier: Dossier(checked: root), convention: c.convention, path: c.path)
    }

    static func months(from first: CalendarDate) -> [CalendarDate] {
        (0...36).map { first.adding(months: $0) }
    }

    @Test(arguments: ["MJ-2019-002", "MJ-2019-004", "MJ-2019-011"])
    func reportsOnTheFullFileEqualReportsOnTheFileCutAtTheSameDay(id: String) throws {
        let full = try #require(Fixtures.samples.first { $0.dossier.id == id })
        for day in Self.months(from: full.dossier.parcours.propositionCHJury) {
            let cut = try Self.cutCase(full, on: day)
            let a = DeadlineCalendar.report([full], on: day), b = DeadlineCalendar.report([cut], on: day)
            #expect(a.text == b.text, "deadlines \(id) on \(day)")
            #expect(a.json == b.json, "deadlines --json \(id) on \(day)")
            let sa = ProgrammeStatus(convention: Fixtures.convention, cases: [full], on: day)
            let sb = ProgrammeStatus(convention: Fixtures.convention, cases: [cut], on: day)
            #expect(sa.text == sb.text, "status \(id) on \(day)")
            #expect(sa.json.rendered == sb.json.rendered, "status --json \(id) on \(day)")
        }
    }

    /// The three samples together, as `trame status` reads a directory.
    @Test func statusOfTheWholeProgrammeMonthByMonth() throws {
        for day in Self.months(from: Fixtures.day("2018-12-03")) {
            let cut = try Fixtures.samples.map { try Self.cutCase($0, on: day) }
            #expect(ProgrammeStatus(convention: Fixtures.convention, cases: Fixtures.samples, on: day).text
                    == ProgrammeStatus(convention: Fixtures.convention, cases: cut, on: day).text, "\(day)")
        }
    }

    /// A dossier with dated history (landlord taking over the flat, a protection measure decided
    /// later, a renewal with its préfet notice): cut month by month, each cut a valid dossier.
    @Test func aDossierWithDatedHistory() throws {
        var text = Fixtures.replacing(Fixtures.text004, "  bailleur: bailleur-exemple-1\n  reference: LGT-0457-02-12\n",
            "  bailleur: bailleur-exemple-2\n  reference: MTG/201/4\n  depuis: 2020-01-01\n  historique:\n    - { bailleur: bailleur-exemple-1, reference: LGT-0457-02-12 }\n")
        text = Fixtures.replacing(text, "  mesure_protection: curatelle_simple     # aucune | sauvegarde | curatelle_simple | curatelle_renforcee | tutelle\n",
            "  mesure_protection: curatelle_simple\n  depuis: 2019-06-01\n  historique: [{ mesure_protection: aucune }]\n")
        text = Fixtures.replacing(text, "  convention_tripartite: true          # article L442-8-3 du CCH\n",
            "  convention_tripartite: true\n  date_convention_tripartite: 2019-04-15\n  avis_prefet: 2020-01-20\n  renouvellements: [{ date_effet: 2020-04-01, duree_mois: 12 }]\n")
        let full = Fixtures.dossierCase(text)
        #expect(full.dossier.asOf(Fixtures.day("2019-04-10")).sousLocation?.conventionTripartite == false)
        #expect(full.dossier.asOf(Fixtures.day("2019-04-15")).sousLocation?.conventionTripartite == true)
        for day in Self.months(from: full.dossier.parcours.propositionCHJury) {
            let cut = try Self.cutCase(full, on: day)
            #expect(DeadlineCalendar.report([full], on: day).json == DeadlineCalendar.report([cut], on: day).json, "\(day)")
            #expect(ProgrammeStatus(convention: Fixtures.convention, cases: [full], on: day).text
                    == ProgrammeStatus(convention: Fixtures.convention, cases: [cut], on: day).text, "\(day)")
            #expect(cut.dossier.logement.map { $0.bailleur } == (day < Fixtures.day("2019-03-05") ? nil
                    : day < Fixtures.day("2020-01-01") ? "bailleur-exemple-1" : "bailleur-exemple-2"), "\(day)")
        }
    }
}
