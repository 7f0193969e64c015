import Foundation
import Hummingbird
import TrameAccounts
import TrameModel
import TrameProcedure

/// `GET /tableau-de-bord`: the figures of `trame status` and `trame deadlines` for the workspace's
/// dossiers, computed by the same code (`ProgrammeStatus`, `DeadlineCalendar`), with the chart of
/// households per stage against the identified needs.
enum DashboardRoutes {
    static func register(on router: Router<WebContext>, services: WebServices) {
        router.get("/tableau-de-bord") { request, context -> Response in
            try await services.offload {
                let session = try context.requireSession()
                try requireProgramme(session, services)
                let day = try referenceDate(request, services)
                let title = "Tableau de bord au \(DataView.french(day))"
                // The figures depend on the dossiers and the day only (every role that sees them sees the same).
                // Under a stream of saves they are computed again at most every `refresh` seconds (the page
                // says when they were), and while they are, the previous ones (10 s at most) are shown.
                let index = try services.cases(for: session.account).indexKey()
                try services.journal(session, "tableau-de-bord", detail: ["au": day.description])
                let body = try services.rendered.body("tableau|\(day)", index: index, maxStale: 10, minInterval: refresh) {
                let cases = try services.cases(for: session.account)
                let (statuses, report, days) = figures(cases, services, on: day)
                let blocks = statuses.map { status -> [String: Any] in
                    let late = status.evaluationsLate.count, due = status.evaluationsDue.count
                    return [
                        "id": status.convention.identifiant, "territory": status.convention.territoire, "needs": status.convention.besoinsIdentifies, "total": status.cases.count,
                        "chart": StageChart.svg(counts: status.households, needs: status.convention.besoinsIdentifies),
                        "stages": status.households.map { ["label": $0.stage.label, "count": $0.count] },
                        "flats": status.flats.map { ["commune": $0.commune, "type": $0.type, "count": $0.count] },
                        "done": status.evaluationsDone, "due": due, "late": late, "text": status.text,
                    ]
                }
                // A convention's own deadlines are named by its territory, not its id.
                let owners = Dictionary(statuses.map { ($0.convention.identifiant, "Convention de \($0.convention.territoire)") }) { a, _ in a }
                func rows(_ group: DeadlineReport.Group) -> String {
                    let owner = owners[group.owner] ?? group.owner
                    let rows = (group.note.map { [["date": "", "owner": owner, "label": $0, "status": "", "late": false] as [String: Any]] } ?? [])
                        + group.items.map { ["date": DataView.french($0.date), "owner": owner, "label": $0.label,
                                             "status": $0.status.text, "late": $0.status.isLate] as [String: Any] }
                    return services.pages.body("tableau-lignes", ["rows": rows])
                }
                // A dossier's rows are rendered once per version and day; the report lists the dossiers'
                // groups first (in the order of `days`), then each convention's.
                let dossierRows = days.map { entry in
                    services.dashboardRows.value(entry.stored.fragmentKey("tableau", conventions: cases.conventionsKey, day.description)) {
                        rows(entry.day.group)
                    }
                }
                let conventionRows = report.groups.dropFirst(days.count).map(rows)
                return services.pages.body("tableau", [
                    "computedAt": WebDates.local(services.configuration.clock(), seconds: true),
                    "conventions": blocks, "deadlineRows": (dossierRows + conventionRows).joined(), "deadlinesText": report.text, "on": day.description,
                    "lateCount": report.items.filter(\.status.isLate).count,
                ])
                }
                return services.pages.page(body: body, title: title, session: session)
            }
        }
    }

    /// How often, at most, the figures are computed again while dossiers keep changing (seconds).
    static let refresh: TimeInterval = 2

    static func requireProgramme(_ session: Session, _ services: WebServices) throws {
        guard Access.mayViewProgramme(session.account) else {
            try services.journal(session, "acces-refuse", subject: "tableau-de-bord")
            throw WebError.forbidden("Le tableau de bord repose sur l'étape du parcours de chaque ménage (information sociale) : il n'est pas accessible à votre rôle.")
        }
    }

    /// `?au=AAAA-MM-JJ` (like `--on`), else today.
    static func referenceDate(_ request: Request, _ services: WebServices) throws -> CalendarDate {
        guard let text = request.uri.queryParameters["au"].map(String.init), !text.isEmpty else { return services.today }
        guard let day = CalendarDate(iso: FrenchInput.date(text)) else { throw WebError.badRequest("Date de référence : une date existante est attendue (par exemple 14/03/2020).") }
        return day
    }

    /// The status of each convention and the deadline report, as `trame status` and `trame deadlines`
    /// compute them from the same files (dossiers with errors set aside and listed), with each
    /// dossier on `day` in the order of the report's groups.
    static func figures(_ cases: CaseStore, _ services: WebServices, on day: CalendarDate)
        -> ([ProgrammeStatus], DeadlineReport, [(stored: StoredDossier, day: CaseOnDay)]) {
        let all = cases.all()
        let rejected = all.filter(\.hasErrors).map(\.version.fileName)
        // Each dossier on `day` from the shared cache: after a save, only the saved dossier is computed again.
        let days = all.compactMap { stored in services.caseOnDay(stored, cases: cases, on: day).map { (stored: stored, day: $0) } }
            .sorted { $0.day.case.dossier.id < $1.day.case.dossier.id }
        let conventions = cases.conventionModels(for: all)
        let statuses = conventions.keys.sorted().map {
            ProgrammeStatus(convention: conventions[$0]!, days: days.map(\.day), on: day, rejected: rejected)
        }
        return (statuses, DeadlineCalendar.report(days.map(\.day), on: day), days)
    }
}
