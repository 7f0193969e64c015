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
            let session = try context.requireSession()
            let account = session.account
            let cases = try services.cases(for: account)
            let all = try cases.all()
            let today = services.today
            let programme = Access.mayViewProgramme(account)
            let query = request.uri.queryParameters
            let stageFilter = programme ? query["etape"].map(String.init).flatMap { $0.isEmpty ? nil : $0 } : nil
            let landlordFilter = account.landlord ?? query["bailleur"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
            let communeFilter = query["commune"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
            let conventions = cases.conventionModels(for: all)
            let landlords = conventions.values.flatMap { $0.parties.filter { $0.role == "bailleur_social" } }
            var names: [String: String] = [:]
            for party in conventions.values.flatMap(\.parties) { names[party.id] = party.denomination }

            var rows: [[String: Any]] = []
            var communes: Set<String> = []
            for stored in all {
                guard let dossier = stored.dossier else {
                    if Access.mayManageDossiers(account) { rows.append(unreadable(stored)) }
                    continue
                }
                guard account.clearance.mayOpen(dossier) else { continue }
                if let commune = dossier.logement?.commune { communes.insert(commune) }
                if let stageFilter, dossier.etape.rawValue != stageFilter { continue }
                if let landlordFilter, dossier.logement?.bailleur != landlordFilter { continue }
                if let communeFilter, dossier.logement?.commune != communeFilter { continue }
                var deadlines: [Deadline] = []
                if programme, let c = stored.case { deadlines = DeadlineCalendar.deadlines(for: c.dossier, convention: c.convention, on: today) }
                let errors = stored.hasErrors && Access.mayManageDossiers(account)
                rows.append(row(dossier, programme: programme, deadlines: deadlines, names: names, errors: errors))
            }
            try services.journal(session, "liste", subject: "dossiers",
                                 detail: ["etape": stageFilter ?? "", "bailleur": landlordFilter ?? "", "commune": communeFilter ?? ""])
            let stageOptions = Stage.allCases.map { ["value": $0.rawValue, "label": $0.label, "selected": $0.rawValue == stageFilter] as [String: Any] }
            let landlordOptions = landlords.map { ["value": $0.id, "label": $0.denomination, "selected": $0.id == landlordFilter] as [String: Any] }
            let communeOptions = communes.sorted().map { ["value": $0, "label": $0, "selected": $0 == communeFilter] as [String: Any] }
            return services.pages.page("dossiers", title: "Dossiers", session: session, data: [
                "rows": rows, "count": rows.count, "empty": rows.isEmpty, "programme": programme,
                "stages": stageOptions, "landlords": landlordOptions, "chooseLandlord": account.landlord == nil,
                "communes": communeOptions, "manage": Access.mayManageDossiers(account), "csrf": session.csrfToken,
            ])
        }
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
