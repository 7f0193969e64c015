import Foundation
import Hummingbird
import TrameAccounts
import TrameModel
import TrameProcedure
import TrameTemplates

/// `GET /dossiers`: the dossiers the partner may open, with stage, flat, next deadline and late
/// items (stage and deadlines only for the roles cleared for the stage), filtered by stage,
/// landlord and commune.
enum DossierListRoutes {
    static func register(on router: Router<WebContext>, services: WebServices) {
        router.get("/dossiers") { request, context -> Response in
            try await services.offload {
                let session = try context.requireSession()
                let account = session.account
                let cases = try services.cases(for: account)
                let today = services.today
                let programme = Access.mayViewProgramme(account)
                let query = request.uri.queryParameters
                let stageFilter = programme ? query["etape"].map(String.init).flatMap { $0.isEmpty ? nil : $0 } : nil
                let landlordFilter = account.landlord ?? query["bailleur"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
                let communeFilter = query["commune"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
                let search = query["q"].map { String($0.prefix(100)).trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
                let pageNumber = max(1, query["page"].flatMap { Int(String($0)) } ?? 1)
                try services.journal(session, "liste", subject: "dossiers",
                                     detail: ["etape": stageFilter ?? "", "bailleur": landlordFilter ?? "", "commune": communeFilter ?? "",
                                              "recherche": search ?? ""])
                // The body depends on the role, the filters, the day and the dossiers' current versions only;
                // the session's form token is put in when serving.
                let base = ["liste", account.role.rawValue, account.landlord ?? "", stageFilter ?? "", landlordFilter ?? "", communeFilter ?? "",
                            search ?? "", String(pageNumber), today.description].joined(separator: "|")
                let body = try services.rendered.body(base, index: try cases.indexKey()) {
                    services.pages.body("dossiers", try listData(cases, account: account, today: today, programme: programme,
                                                                 filters: (stageFilter, landlordFilter, communeFilter, search),
                                                                 page: pageNumber))
                }
                return services.pages.page(body: body.replacingOccurrences(of: csrfMarker, with: session.csrfToken), title: "Dossiers",
                                           session: session)
            }
        }
    }

    /// Stands for the session's form token in cached bodies.
    static let csrfMarker = "__jeton_formulaire__"
    /// Rows per page.
    static let pageSize = 50

    private static func listData(_ cases: CaseStore, account: Account, today: CalendarDate, programme: Bool,
                                 filters: (stage: String?, landlord: String?, commune: String?, search: String?),
                                 page: Int) throws -> [String: Any] {
        let all = try cases.all()
        let conventions = cases.conventionModels(for: all)
        let landlords = conventions.values.flatMap { $0.parties.filter { $0.role == "bailleur_social" } }
        var names: [String: String] = [:]
        for party in conventions.values.flatMap(\.parties) { names[party.id] = party.denomination }
        let needle = filters.search.map(folded)

        var rows: [[String: Any]] = []
        var communes: Set<String> = []
        for stored in all {
            guard let dossier = stored.dossier else {
                if Access.mayManageDossiers(account), needle == nil || folded(stored.id).contains(needle!) { rows.append(unreadable(stored)) }
                continue
            }
            guard account.clearance.mayOpen(dossier) else { continue }
            if let commune = dossier.logement?.commune { communes.insert(commune) }
            if let stage = filters.stage, dossier.etape.rawValue != stage { continue }
            if let landlord = filters.landlord, dossier.logement?.bailleur != landlord { continue }
            if let commune = filters.commune, dossier.logement?.commune != commune { continue }
            if let needle {
                let haystack = folded([dossier.id, dossier.sousLocataire.prenom, dossier.sousLocataire.nom,
                                       dossier.logement?.commune ?? "", dossier.logement?.quartier ?? ""].joined(separator: " "))
                guard haystack.contains(needle) else { continue }
            }
            rows.append(["stored": stored, "dossier": dossier])
        }
        let count = rows.count
        let pages = max(1, (count + pageSize - 1) / pageSize)
        let current = min(page, pages)
        let shown = rows.dropFirst((current - 1) * pageSize).prefix(pageSize).map { entry -> [String: Any] in
            guard let stored = entry["stored"] as? StoredDossier, let dossier = entry["dossier"] as? Dossier else { return entry }
            var deadlines: [Deadline] = []
            if programme, let c = stored.case { deadlines = DeadlineCalendar.deadlines(for: c.dossier, convention: c.convention, on: today) }
            return row(dossier, programme: programme, deadlines: deadlines, names: names, errors: stored.hasErrors && Access.mayManageDossiers(account))
        }
        func link(_ n: Int) -> String {
            var items = [URLQueryItem]()
            if let v = filters.stage { items.append(URLQueryItem(name: "etape", value: v)) }
            if account.landlord == nil, let v = filters.landlord { items.append(URLQueryItem(name: "bailleur", value: v)) }
            if let v = filters.commune { items.append(URLQueryItem(name: "commune", value: v)) }
            if let v = filters.search { items.append(URLQueryItem(name: "q", value: v)) }
            items.append(URLQueryItem(name: "page", value: String(n)))
            var components = URLComponents()
            components.queryItems = items
            return "/dossiers" + (components.string ?? "")
        }
        let stageOptions = Stage.allCases.map { ["value": $0.rawValue, "label": $0.label, "selected": $0.rawValue == filters.stage] as [String: Any] }
        let landlordOptions = landlords.map { ["value": $0.id, "label": $0.denomination, "selected": $0.id == filters.landlord] as [String: Any] }
        let communeOptions = communes.sorted().map { ["value": $0, "label": $0, "selected": $0 == filters.commune] as [String: Any] }
        return [
            "rows": Array(shown), "count": count, "empty": count == 0, "programme": programme,
            "stages": stageOptions, "landlords": landlordOptions, "chooseLandlord": account.landlord == nil,
            "communes": communeOptions, "manage": Access.mayManageDossiers(account), "csrf": csrfMarker,
            "search": filters.search ?? "", "paged": pages > 1, "page": current, "pages": pages,
            "previous": current > 1 ? link(current - 1) : "", "hasPrevious": current > 1,
            "next": current < pages ? link(current + 1) : "", "hasNext": current < pages,
        ]
    }

    /// Lower case without accents, for search (« Zoé » matches « zoe »).
    static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "fr_FR"))
    }

    private static func row(_ dossier: Dossier, programme: Bool, deadlines: [Deadline], names: [String: String],
                            errors: Bool) -> [String: Any] {
        let next = deadlines.first { !$0.status.isLate && $0.status.days >= 0 }
        let late = Self.grouped(deadlines.filter(\.status.isLate))
        var flat = "—", place = "—", landlord = "—"
        if let housing = dossier.logement {
            flat = "\(housing.typologie) · \(housing.reference)"
            place = housing.quartier.map { "\(housing.commune) (\($0))" } ?? housing.commune
            landlord = names[housing.bailleur] ?? housing.bailleur
        }
        let nextText: String = next.map { "\(DataView.french($0.date)) — \($0.label) (\($0.status.text))" } ?? "—"
        var row: [String: Any] = ["id": dossier.id, "href": "/dossiers/\(Paths.escape(dossier.id))"]
        row["person"] = "\(dossier.sousLocataire.prenom) \(dossier.sousLocataire.nom)"
        row["stage"] = programme ? dossier.etape.label : ""
        row["showStage"] = programme
        row["flat"] = flat
        row["place"] = place
        row["landlord"] = landlord
        row["next"] = nextText
        row["late"] = late
        row["hasLate"] = !late.isEmpty
        row["errors"] = errors
        row["readable"] = true
        return row
    }

    /// Late items, one line per kind: « évaluation semestrielle non enregistrée (× 14, la plus ancienne en retard de 2262 jours) ».
    static func grouped(_ late: [Deadline]) -> [String] {
        var order: [String] = [], byLabel: [String: [Deadline]] = [:]
        for item in late {
            if byLabel[item.label] == nil { order.append(item.label) }
            byLabel[item.label, default: []].append(item)
        }
        return order.map { label in
            let items = byLabel[label]!
            return items.count == 1 ? "\(label) (\(items[0].status.text))" : "\(label) (× \(items.count), la plus ancienne \(items[0].status.text))"
        }
    }

    private static func unreadable(_ stored: StoredDossier) -> [String: Any] {
        ["id": stored.id, "href": "/dossiers/\(Paths.escape(stored.id))", "person": "fichier en erreur", "stage": "", "showStage": false,
         "flat": "—", "place": "—", "landlord": "—", "next": "—", "late": [String](), "hasLate": false, "errors": true, "readable": false]
    }
}

/// URL path segments.
enum Paths {
    /// A value as one path segment.
    static func escape(_ segment: String) -> String {
        segment.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? segment
    }

    /// Whether `text` is a SHA-256 in lower-case hexadecimal (64 characters).
    static func isSHA256(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
