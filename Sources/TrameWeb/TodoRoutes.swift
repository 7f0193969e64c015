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
                    services.pages.body("a-faire", try data(cases, services: services, account: account, today: today))
                }
                return services.pages.page(body: body, title: "À faire", session: session)
            }
        }
    }

    /// One item of the page.
    struct Item {
        let deadline: Deadline
        let dossier: Dossier
    }

    /// The late items and those due within `horizonDays` on the dossiers `account` may open, each
    /// list in date order (then dossier number).
    static func items(_ cases: CaseStore, services: WebServices, account: Account, today: CalendarDate) throws
        -> (late: [Item], soon: [Item], unreadable: [StoredDossier]) {
        var late: [Item] = [], soon: [Item] = [], unreadable: [StoredDossier] = []
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
            for deadline in services.deadlines(of: stored, cases: cases, on: today) {
                if deadline.status.isLate {
                    late.append(Item(deadline: deadline, dossier: dossier))
                } else if (0...horizonDays).contains(deadline.status.days), deadline.kind != .conventionEnd {
                    soon.append(Item(deadline: deadline, dossier: dossier))
                }
            }
        }
        func order(_ a: Item, _ b: Item) -> Bool { (a.deadline.date, a.dossier.id) < (b.deadline.date, b.dossier.id) }
        return (late.sorted(by: order), soon.sorted(by: order), unreadable)
    }

    private static func data(_ cases: CaseStore, services: WebServices, account: Account, today: CalendarDate) throws -> [String: Any] {
        let (late, soon, unreadable) = try items(cases, services: services, account: account, today: today)
        let showName = DossierListRoutes.Searchable(account.clearance).name
        func row(_ item: Item) -> [String: Any] {
            let d = item.dossier
            return ["date": DataView.french(item.deadline.date), "what": DeadlineWording.plain(item.deadline),
                    "status": item.deadline.status.text, "href": "/dossiers/\(Paths.escape(d.id))",
                    "who": showName ? "\(d.sousLocataire.prenom) \(d.sousLocataire.nom)" : d.id,
                    "number": d.id, "hasNumber": showName]
        }
        func count(_ n: Int, _ one: String, _ many: String) -> String { n == 0 ? "aucune \(one)" : n == 1 ? "1 \(one)" : "\(n) \(many)" }
        return [
            "today": DataView.french(today), "horizon": horizonDays,
            "late": late.map(row), "hasLate": !late.isEmpty, "lateText": count(late.count, "échéance en retard", "échéances en retard"),
            "soon": soon.map(row), "hasSoon": !soon.isEmpty,
            "soonText": count(soon.count, "échéance dans les \(horizonDays) jours", "échéances dans les \(horizonDays) jours"),
            "unreadable": unreadable.map { ["id": $0.id, "href": "/dossiers/\(Paths.escape($0.id))"] }, "hasUnreadable": !unreadable.isEmpty,
        ]
    }
}
