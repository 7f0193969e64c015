import TrameModel

/// The role of a partner account: what its holder may see and do.
///
/// What a role may read is never listed field by field: it is the clearance of an `Audience`
/// (FORMAT.md, "Sensitivity and audiences"), applied to the sensitivity level of each field.
public enum Role: String, Sendable, CaseIterable, Codable {
    /// The programme's coordination: every level but the care part (`soin`: medical secrecy, CSP
    /// L1110-4), plus the administration of the archive and the journals.
    case coordination
    /// CH Jury / ERAH: everything of its dossiers, including the care part.
    case soin
    /// The association: the social and shared parts.
    case association
    /// A social landlord: its own flats' dossiers, shared part only with the person's consent.
    case bailleur

    /// The audience whose clearance the role has: only `soin` sees the care level; the
    /// coordination has the association's clearance (every other level).
    public var audience: Audience {
        switch self {
        case .soin: return .soin
        case .coordination, .association: return .association
        case .bailleur: return .bailleur
        }
    }

    /// Whether the role manages dossiers: creates, edits and imports them.
    public var managesDossiers: Bool { self != .bailleur }

    /// The French name shown in pages and listings.
    public var label: String {
        switch self {
        case .coordination: return "coordination"
        case .soin: return "soin (CH Jury / ERAH)"
        case .association: return "association"
        case .bailleur: return "bailleur"
        }
    }

    /// Parses a role given on the command line.
    /// - Throws: `Diagnostic` `ROLE_INCONNU` listing the roles.
    public static func parse(_ text: String) throws(Diagnostic) -> Role {
        if let role = Role(rawValue: text) { return role }
        var message = "rôle « \(text) » inconnu ; rôles possibles : " + allCases.map(\.rawValue).joined(separator: ", ")
        if let near = Suggestions.nearest(to: text, among: allCases.map(\.rawValue)) { message += " ; vouliez-vous dire « \(near) » ?" }
        throw Diagnostic.error(.roleInconnu, message)
    }
}
