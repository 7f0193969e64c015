import Foundation
import TrameModel

extension ProgrammeStatus {
    /// The status for tools (`trame status --json`, the web app's `/api/statut`): counts per stage,
    /// flats, evaluations and funding totals (keys in `docs/outputs.md`).
    public var json: JSONValue {
        let money = { (d: Decimal) in JSONValue.number(Cents.plain(d)) }
        let funding: JSONValue = self.funding.map { f in
            .object([("par_dispositif", .array(f.totalsPerScheme.map { s in
                         .object([("dispositif", .string(s.scheme)), ("engage", money(s.total.committed)),
                                  ("previsionnel", money(s.total.planned)), ("total", money(s.total.total))])
                     })),
                     ("ensemble", .object([("engage", money(f.total.committed)), ("previsionnel", money(f.total.planned)),
                                           ("total", money(f.total.total))]))])
        } ?? .null
        return .object([
            ("convention", .string(convention.identifiant)), ("date_reference", .date(on)),
            ("du", .date(convention.dateEffet)), ("au", .date(convention.dateFin)),
            ("besoins_identifies", .int(convention.besoinsIdentifies)), ("menages", .int(cases.count)),
            ("menages_par_etape", .object(households.map { ($0.stage.rawValue, .int($0.count)) })),
            ("logements", .array(flats.map { .object([("commune", .string($0.commune)), ("typologie", .string($0.type)), ("nombre", .int($0.count))]) })),
            ("evaluations_faites", .int(evaluationsDone)), ("evaluations_a_venir", .int(evaluationsDue.count)),
            ("evaluations_en_retard", .int(evaluationsLateCount)),
            ("en_retard", .array(deadlines.filter(\.status.isLate).map {
                .object([("dossier", .optional($0.dossier)), ("nature", .string($0.kind.rawValue)), ("date", .date($0.date))])
            })),
            ("financement", funding),
            ("fichiers_ecartes", .array(rejected.map { .string(($0 as NSString).lastPathComponent) })),
        ])
    }
}
