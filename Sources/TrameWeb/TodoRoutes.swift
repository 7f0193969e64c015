import Foundation
import Hummingbird
import TrameAccounts
import TrameModel
import TrameProcedure

/// `GET /a-faire`: the partner's day — what is late and what falls due within 30 days on the
/// dossiers its role may open, by date, each in plain French with a link to its dossier. The
/// items are those of `trame deadlines` (`DeadlineCalendar`, today passed in), from the shared
/// cache: nothing is re-read or recomputed per request.
///
/// Deadlines derive from each household's stage (level `social`): only the roles that see the
/// programme have this page, as for the dashboard. No item carries care information.
enum TodoRoutes {
    /// What « bientôt » means on this page.
    static let horizonDays = 30

    static func register(on router: Router<WebContext>, services: WebServices) {
        router.get("/a-faire") { _, context -> Response in
            try await services.offload {
                let session = try context.requireSession()
                let account = session.account
                guard Access.mayViewProgramme(account) else {
                    try services.journal(session, "acces-refuse", subject: "a-faire")
                    throw WebError.forbidden("Les échéances reposent sur l'étape du parcours de chaque ménage (information sociale) : cette page n'est pas accessible à votre rôle. La liste des dossiers reste disponible.")
                }
                let cases = try services.cases(for: account)
                let today = services.today
                try services.journal(session, "a-faire", subject: "echeances", detail: ["au": today.description])
                let base = ["a-faire", account.role.rawValue, account.landlord ?? "", today.description].joined(separator: "|")
                let body = try services.rendered.body(base, index: cases.indexKey()) {
                    services.pages.body("a-faire", data(cases, services: services, account: account, today: today))
                }
                return services.pages.page(body: body, title: "À faire", session: session)
            }
        }
    }

    /// One row of the page: its deadline's date, the dossier, and its rendered row.
    struct Row {
        let date: CalendarDate
        let dossier: String
        let html: String
    }

    /// A dossier's rows on `today`: late, and due within `horizonDays` (rendered once per version,
    /// day and way of naming the person, `services.todoRows`).
    struct DossierRows {
        let late: [Row]
        let soon: [Row]
    }

    /// The late items and those due within `horizonDays` on the dossiers `account` may open, each
    /// list in date order (then dossier number), and the dossiers whose deadlines cannot be computed.
    static func rows(_ cases: CaseStore, services: WebServices, account: Account, today: CalendarDate)
        -> (late: [Row], soon: [Row], unreadable: [StoredDossier]) {
        var late: [Row] = [], soon: [Row] = [], unreadable: [StoredDossier] = []
        let showName = DossierListRoutes.Searchable(account.clearance).name
        for stored in cases.all() {
            guard let dossier = stored.dossier else {
                if Access.mayManageDossiers(account) { unreadable.append(stored) }
                continue
            }
            guard account.clearance.mayOpen(dossier) else { continue }
            if stored.case == nil {
                if Access.mayManageDossiers(account) { unreadable.append(stored) }
                continue
            }
            let key = stored.fragmentKey("a-faire", conventions: cases.conventionsKey, today.description, showName ? "nom" : "numero")
            let rows = services.todoRows.value(key) {
                dossierRows(dossier, deadlines: services.deadlines(of: stored, cases: cases, on: today), showName: showName, services: services)
            }
            late += rows.late
            soon += rows.soon
        }
        func order(_ a: Row, _ b: Row) -> Bool { (a.date, a.dossier) < (b.date, b.dossier) }
        return (late.sorted(by: order), soon.sorted(by: order), unreadable)
    }

    private static func dossierRows(_ d: Dossier, deadlines: [Deadline], showName: Bool, services: WebServices) -> DossierRows {
        func row(_ deadline: Deadline, late: Bool) -> Row {
            let html = services.pages.body("a-faire-ligne", [
                "date": DataView.french(deadline.date), "what": DeadlineWording.plain(deadline),
                "status": deadline.status.text, "href": "/dossiers/\(Paths.escape(d.id))",
                "who": showName ? "\(d.sousLocataire.prenom) \(d.sousLocataire.nom)" : d.id,
                "number": d.id, "hasNumber": showName, "late": late,
            ])
            return Row(date: deadline.date, dossier: d.id, html: html)
        }
        var late: [Row] = [], soon: [Row] = []
        for deadline in deadlines {
            if deadline.status.isLate {
                late.append(row(deadline, late: true))
            } else if (0...horizonDays).contains(deadline.status.days), deadline.kind != .conventionEnd {
                soon.append(row(deadline, late: false))
            }
        }
        return DossierRows(late: late, soon: soon)
    }

    private static func data(_ cases: CaseStore, services: WebServices, account: Account, today: CalendarDate) -> [String: Any] {
        let (late, soon, unreadable) = rows(cases, services: services, account: account, today: today)
        func count(_ n: Int, _ one: String, _ many: String) -> String { n == 0 ? "aucune \(one)" : n == 1 ? "1 \(one)" : "\(n) \(many)" }
        return [
            "today": DataView.french(today), "horizon": horizonDays,
            "lateRows": late.map(\.html).joined(), "hasLate": !late.isEmpty,
            "lateText": count(late.count, "échéance en retard", "échéances en retard"),
            "soonRows": soon.map(\.html).joined(), "hasSoon": !soon.isEmpty,
            "soonText": count(soon.count, "échéance dans les \(horizonDays) jours", "échéances dans les \(horizonDays) jours"),
            "unreadable": unreadable.map { ["id": $0.id, "href": "/dossiers/\(Paths.escape($0.id))"] }, "hasUnreadable": !unreadable.isEmpty,
        ]
    }
}
