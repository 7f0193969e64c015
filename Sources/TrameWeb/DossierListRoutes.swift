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
                let query = ListQuery(request.uri.queryParameters, account: account, programme: programme)
                try services.journal(session, "liste", subject: "dossiers",
                                     detail: ["etape": query.stage ?? "", "bailleur": query.landlord ?? "", "commune": query.commune ?? "",
                                              "recherche": query.search ?? "", "tri": query.sort.rawValue, "ordre": query.descending ? "desc" : "asc"])
                // The body depends on the role, the query, the day and the dossiers' current versions only;
                // the session's form token is put in when serving.
                let base = ["liste", account.role.rawValue, account.landlord ?? "", query.cacheKey, today.description].joined(separator: "|")
                let body = try services.rendered.body(base, index: cases.indexKey()) {
                    services.pages.body("dossiers", try listData(cases, services: services, account: account, today: today,
                                                                 programme: programme, query: query))
                }
                return services.pages.page(body: Pages.replacing(csrfMarker, with: session.csrfToken, in: body), title: "Dossiers",
                                           session: session)
            }
        }
    }

    /// Stands for the session's form token in cached bodies (written unescaped by the template:
    /// it starts with `<`, which no escaped value — a search typed by the partner — can hold).
    static let csrfMarker = "<!--jeton-formulaire-->"
    /// Rows per page.
    static let pageSize = 25

    /// The columns the list can be sorted by (`tri=`); the stage and the next deadline only for
    /// the roles that see them (sorting by a hidden field would reveal it).
    enum Sort: String, CaseIterable {
        case number = "numero", name = "nom", stage = "etape", deadline = "echeance"

        func allowed(programme: Bool) -> Bool { programme || (self != .stage && self != .deadline) }
    }

    /// The list's GET parameters (`etape`, `bailleur`, `commune`, `q`, `tri`, `ordre`, `page`),
    /// as the role may use them: bookmarkable, every one optional.
    struct ListQuery {
        var stage: String?
        var landlord: String?
        var commune: String?
        var search: String?
        var sort: Sort
        var descending: Bool
        var page: Int
        /// A landlord's own landlord id is implied, never a parameter of its links.
        let impliedLandlord: Bool

        init(_ query: Hummingbird.Parameters, account: Account, programme: Bool) {
            func value(_ name: String) -> String? {
                query[Substring(name)].map { String($0.prefix(100)).trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
            }
            stage = programme ? value("etape") : nil
            impliedLandlord = account.landlord != nil
            landlord = account.landlord ?? value("bailleur")
            commune = value("commune")
            search = value("q")
            let asked = value("tri").flatMap(Sort.init(rawValue:)) ?? .number
            let mayName = Searchable(account.clearance).name
            sort = asked.allowed(programme: programme) && (asked != .name || mayName) ? asked : .number
            descending = value("ordre") == "desc"
            page = max(1, value("page").flatMap { Int($0) } ?? 1)
        }

        var cacheKey: String {
            [stage ?? "", landlord ?? "", commune ?? "", search ?? "", sort.rawValue, descending ? "desc" : "asc", String(page)]
                .joined(separator: "|")
        }

        /// The list's address with these parameters, changed by `change`.
        func link(_ change: (inout ListQuery) -> Void = { _ in }) -> String {
            var q = self
            change(&q)
            var items = [URLQueryItem]()
            if let v = q.stage { items.append(URLQueryItem(name: "etape", value: v)) }
            if !impliedLandlord, let v = q.landlord { items.append(URLQueryItem(name: "bailleur", value: v)) }
            if let v = q.commune { items.append(URLQueryItem(name: "commune", value: v)) }
            if let v = q.search { items.append(URLQueryItem(name: "q", value: v)) }
            if q.sort != .number { items.append(URLQueryItem(name: "tri", value: q.sort.rawValue)) }
            if q.descending { items.append(URLQueryItem(name: "ordre", value: "desc")) }
            if q.page > 1 { items.append(URLQueryItem(name: "page", value: String(q.page))) }
            guard !items.isEmpty else { return "/dossiers" }
            var components = URLComponents()
            components.queryItems = items
            // `+` would read as a space in a query: encode it too.
            return "/dossiers" + (components.percentEncodedQuery.map { "?" + $0.replacingOccurrences(of: "+", with: "%2B") } ?? "")
        }
    }

    /// The fields a search may match, among those the role may read (a role that may not read a
    /// person's name cannot find a dossier by it either).
    struct Searchable {
        let number: Bool, name: Bool, commune: Bool, district: Bool

        init(_ clearance: Clearance) {
            func may(_ path: String) -> Bool { clearance.mayRead(field: FieldPath(parsing: path)) }
            number = may("dossier")
            name = may("sous_locataire.nom") && may("sous_locataire.prenom")
            commune = may("logement.commune")
            district = may("logement.quartier")
        }

        func text(of dossier: Dossier) -> String {
            var parts: [String] = []
            if number { parts.append(dossier.id) }
            if name { parts += [dossier.sousLocataire.prenom, dossier.sousLocataire.nom] }
            if commune { parts.append(dossier.logement?.commune ?? "") }
            if district { parts.append(dossier.logement?.quartier ?? "") }
            return folded(parts.joined(separator: " "))
        }

        /// « nom, numéro, commune », for the search field's label.
        var label: String {
            [name ? "nom" : nil, number ? "numéro" : nil, commune ? "commune" : nil].compactMap { $0 }.joined(separator: ", ")
        }
    }

    /// What the list needs of one dossier version for one role on one day: computed once per
    /// version (`FragmentCache`), gathered once per state of the workspace (`IndexSnapshot.memo`), so
    /// that filtering and sorting after a save touch small values, not 200 dossiers' data.
    ///
    /// It keeps the dossier's data, not its file (bytes, parsed lines): a cache full of past versions
    /// stays small.
    final class Entry: @unchecked Sendable {
        /// The dossier's id (its file's, when in error).
        let id: String
        /// `StoredDossier.fragmentKey("liste", …)` of its version: the key of its rendered row.
        let rowKey: String
        /// Its file has errors.
        let hasErrors: Bool
        let dossier: Dossier?
        /// The role may open it (a landlord: its own flats only).
        let mayOpen: Bool
        let deadlines: [Deadline]
        let next: Deadline?
        /// The fields the role may search, folded (`Searchable.text`).
        let searchText: String
        /// « nom prénom », folded, to sort by name.
        let nameKey: String

        init(stored: StoredDossier, rowKey: String, account: Account, deadlines: [Deadline]) {
            id = stored.id
            self.rowKey = rowKey
            hasErrors = stored.hasErrors
            dossier = stored.dossier
            mayOpen = stored.dossier.map(account.clearance.mayOpen) ?? true
            self.deadlines = deadlines
            next = deadlines.first { !$0.status.isLate && $0.status.days >= 0 }
            if let dossier {
                searchText = Searchable(account.clearance).text(of: dossier)
                nameKey = folded("\(dossier.sousLocataire.nom) \(dossier.sousLocataire.prenom)")
            } else {
                searchText = folded(stored.id)
                nameKey = ""
            }
        }
    }

    /// Every dossier's `Entry` for `account` on `today`, in the snapshot's order.
    private static func entries(_ cases: CaseStore, services: WebServices, account: Account, today: CalendarDate,
                                programme: Bool) -> [Entry] {
        let role = [account.role.rawValue, account.landlord ?? "", today.description].joined(separator: "|")
        return cases.snapshot.memo("liste|" + role) {
            cases.all().map { stored in
                let key = stored.fragmentKey("liste", conventions: cases.conventionsKey, role)
                return services.listEntries.value(key) {
                    Entry(stored: stored, rowKey: key, account: account,
                          deadlines: programme ? services.deadlines(of: stored, cases: cases, on: today) : [])
                }
            }
        }
    }

    private static func listData(_ cases: CaseStore, services: WebServices, account: Account, today: CalendarDate,
                                 programme: Bool, query: ListQuery) throws -> [String: Any] {
        let conventions = cases.conventionModels(for: cases.all())
        let landlords = conventions.values.flatMap { $0.parties.filter { $0.role == "bailleur_social" } }
        var names: [String: String] = [:]
        for party in conventions.values.flatMap(\.parties) { names[party.id] = party.denomination }
        let searchable = Searchable(account.clearance)
        // Every word must match (« helene metz »), in any field.
        let words = query.search.map { folded($0).split(separator: " ").map(String.init) } ?? []
        let manage = Access.mayManageDossiers(account)

        var entries: [Entry] = []
        var communes: Set<String> = []
        for entry in Self.entries(cases, services: services, account: account, today: today, programme: programme) {
            guard let dossier = entry.dossier else {
                // A file in error: its number only, for the roles that correct it.
                if manage, words.allSatisfy(entry.searchText.contains), query.stage == nil, query.commune == nil, query.landlord == nil {
                    entries.append(entry)
                }
                continue
            }
            guard entry.mayOpen else { continue }
            if let commune = dossier.logement?.commune { communes.insert(commune) }
            if let stage = query.stage, dossier.etape.rawValue != stage { continue }
            if let landlord = query.landlord, dossier.logement?.bailleur != landlord { continue }
            if let commune = query.commune, dossier.logement?.commune != commune { continue }
            if !words.isEmpty, !words.allSatisfy(entry.searchText.contains) { continue }
            entries.append(entry)
        }
        entries = sorted(entries, by: query.sort, descending: query.descending)

        let count = entries.count
        let pages = max(1, (count + pageSize - 1) / pageSize)
        let current = min(query.page, pages)
        let first = (current - 1) * pageSize
        // Each row is rendered once per dossier version, day and role (a save renders the saved dossier's row only).
        let shown = entries.dropFirst(first).prefix(pageSize).map { entry -> String in
            let key = entry.rowKey + (manage ? "|gestion" : "|lecture")
            return services.listRows.value(key) {
                var data: [String: Any]
                if let dossier = entry.dossier {
                    data = row(dossier, programme: programme, deadlines: entry.deadlines, names: names, showName: searchable.name,
                               errors: entry.hasErrors && manage)
                } else {
                    data = unreadable(entry.id)
                }
                data["programme"] = programme
                return services.pages.body("dossiers-ligne", data)
            }
        }

        let stageOptions = Stage.allCases.map { ["value": $0.rawValue, "label": $0.label, "selected": $0.rawValue == query.stage] as [String: Any] }
        let landlordOptions = landlords.map { ["value": $0.id, "label": $0.denomination, "selected": $0.id == query.landlord] as [String: Any] }
        let communeOptions = communes.sorted().map { ["value": $0, "label": $0, "selected": $0 == query.commune] as [String: Any] }
        func header(_ sort: Sort, _ label: String) -> [String: Any] {
            let active = query.sort == sort
            // A click on the active column reverses it; on another column, ascending order.
            let descending = active && !query.descending
            return ["label": label, "href": query.link { $0.sort = sort; $0.descending = descending; $0.page = 1 },
                    "ariaSort": active ? (query.descending ? "descending" : "ascending") : "",
                    "active": active, "arrow": active ? (query.descending ? "▼" : "▲") : ""]
        }
        var countText = count == 0 ? "Aucun dossier" : count == 1 ? "1 dossier" : "\(count) dossiers"
        if pages > 1 { countText += " — \(first + 1) à \(first + shown.count) affichés" }
        return [
            "rows": shown.joined(), "count": count, "countText": countText, "empty": count == 0, "programme": programme,
            "stages": stageOptions, "landlords": landlordOptions, "chooseLandlord": account.landlord == nil,
            "communes": communeOptions, "manage": manage, "csrf": csrfMarker,
            "search": query.search ?? "", "searchLabel": searchable.label,
            "hasSort": query.sort != .number, "sortField": query.sort.rawValue, "descending": query.descending,
            "hNumber": header(.number, "Dossier"), "hName": header(.name, "Sous-locataire"),
            "hStage": header(.stage, "Étape"), "hDeadline": header(.deadline, "Prochaine échéance"),
            "paged": pages > 1, "page": current, "pages": pages,
            "pageLinks": pageLinks(current: current, pages: pages, query: query),
            "previous": current > 1 ? query.link { $0.page = current - 1 } : "", "hasPrevious": current > 1,
            "next": current < pages ? query.link { $0.page = current + 1 } : "", "hasNext": current < pages,
        ]
    }

    /// The page links: the first, the last, and two on each side of the current one; « … » between.
    private static func pageLinks(current: Int, pages: Int, query: ListQuery) -> [[String: Any]] {
        guard pages > 1 else { return [] }
        let kept = Set([1, pages] + Array(max(1, current - 2)...min(pages, current + 2)))
        var out: [[String: Any]] = []
        var last = 0
        for n in kept.sorted() {
            if n > last + 1 { out.append(["gap": true]) }
            out.append(["number": n, "href": query.link { $0.page = n }, "current": n == current, "gap": false])
            last = n
        }
        return out
    }

    /// Sorted by the column, ties by dossier number; files in error, and dossiers without a next
    /// deadline when sorting by it, come last in both directions.
    private static func sorted(_ entries: [Entry], by sort: Sort, descending: Bool) -> [Entry] {
        struct Keyed { let entry: Entry; let key: String?; let id: String }
        let keyed = entries.map { entry -> Keyed in
            let key: String?
            if let dossier = entry.dossier {
                switch sort {
                case .number: key = dossier.id
                case .name: key = entry.nameKey
                case .stage: key = String(format: "%02d", Stage.allCases.firstIndex(of: dossier.etape) ?? 0)
                case .deadline: key = entry.next?.date.description
                }
            } else {
                key = sort == .number ? entry.id : nil
            }
            return Keyed(entry: entry, key: key, id: entry.id)
        }
        return keyed.sorted { a, b in
            switch (a.key, b.key) {
            case (nil, nil): return a.id < b.id
            case (nil, _): return false
            case (_, nil): return true
            case (let x?, let y?):
                if x != y { return descending ? x > y : x < y }
                return descending ? a.id > b.id : a.id < b.id
            }
        }.map(\.entry)
    }

    /// Lower case without accents, for search (« Zoé » matches « zoe »).
    static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "fr_FR"))
    }

    private static func row(_ dossier: Dossier, programme: Bool, deadlines: [Deadline], names: [String: String],
                            showName: Bool, errors: Bool) -> [String: Any] {
        let next = deadlines.first { !$0.status.isLate && $0.status.days >= 0 }
        let late = Self.grouped(deadlines.filter(\.status.isLate))
        var flat = "—", place = "—", landlord = "—"
        if let housing = dossier.logement {
            flat = "\(housing.typologie) · \(housing.reference)"
            place = housing.quartier.map { "\(housing.commune) (\($0))" } ?? housing.commune
            landlord = names[housing.bailleur] ?? housing.bailleur
        }
        let nextText: String = next.map { "\(DataView.french($0.date)) — \(DeadlineWording.plain($0)) (\($0.status.text))" } ?? "—"
        var row: [String: Any] = ["id": dossier.id, "href": "/dossiers/\(Paths.escape(dossier.id))"]
        row["person"] = showName ? "\(dossier.sousLocataire.prenom) \(dossier.sousLocataire.nom)" : "—"
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

    /// Late items in plain French, one line per wording: « Avis du bailleur au préfet non envoyé (× 2, la plus ancienne en retard de 72 jours) ».
    static func grouped(_ late: [Deadline]) -> [String] {
        var order: [String] = [], byLabel: [String: [Deadline]] = [:]
        for item in late {
            let label = DeadlineWording.plain(item)
            if byLabel[label] == nil { order.append(label) }
            byLabel[label, default: []].append(item)
        }
        return order.map { label in
            let items = byLabel[label]!
            return items.count == 1 ? "\(label) (\(items[0].status.text))" : "\(label) (× \(items.count), la plus ancienne \(items[0].status.text))"
        }
    }

    private static func unreadable(_ id: String) -> [String: Any] {
        ["id": id, "href": "/dossiers/\(Paths.escape(id))", "person": "fichier en erreur", "stage": "", "showStage": false,
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
