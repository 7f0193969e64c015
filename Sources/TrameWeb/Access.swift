import TrameAccounts
import TrameModel

/// The access rules of the pages that are not about one field: each derived from a role's
/// clearance (`Clearance`) or its duties, in one place.
enum Access {
    /// The programme dashboard and the deadlines: they derive from every dossier's stage
    /// (`etape`, level `social`), so only roles cleared for that field see them.
    static func mayViewProgramme(_ account: Account) -> Bool {
        account.clearance.mayRead(field: FieldPath(parsing: "etape"))
    }

    /// Creating, editing and importing dossiers: the partners who follow the households.
    static func mayManageDossiers(_ account: Account) -> Bool { account.role.managesDossiers }

    /// The archive check and the journal: the coordination.
    static func mayAdminister(_ account: Account) -> Bool { account.role == .coordination }

    /// Where a signed-in partner starts: « À faire » for the roles that see the deadlines, else the list.
    static func home(for account: Account) -> String { mayViewProgramme(account) ? "/a-faire" : "/dossiers" }

    struct Link {
        let href: String
        let label: String
    }

    /// The navigation links a partner may follow.
    static func navigation(for account: Account) -> [Link] {
        var links: [Link] = []
        if mayViewProgramme(account) { links.append(Link(href: "/a-faire", label: "À faire")) }
        links.append(Link(href: "/dossiers", label: "Dossiers"))
        if mayManageDossiers(account) { links.append(Link(href: "/dossiers/nouveau", label: "Nouveau dossier")) }
        if mayViewProgramme(account) { links.append(Link(href: "/tableau-de-bord", label: "Tableau de bord")) }
        links.append(Link(href: "/convention", label: "Convention"))
        if mayAdminister(account) { links.append(Link(href: "/administration", label: "Archive et journal")) }
        return links
    }
}
