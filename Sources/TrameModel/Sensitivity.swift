/// The sensitivity level of a field (FORMAT.md, "Sensitivity and audiences").
///
/// Ordered from the least to the most sensitive.
public enum Sensitivity: String, Sendable, CaseIterable, Comparable, Codable {
    /// Convention data, identity, housing, leases, referents: every audience.
    case partenaires
    /// Shared part of evaluations, recommendation and reasons, rent debt: landlord only with consent.
    case partage
    /// Criteria, resources, pathway, the person's own words, goals, household, contact details.
    case social
    /// Care observations: the care team only.
    case soin

    private var rank: Int { Sensitivity.allCases.firstIndex(of: self)! }
    public static func < (a: Sensitivity, b: Sensitivity) -> Bool { a.rank < b.rank }
}

/// Who a generated document is for; it decides which fields the document may hold.
public enum Audience: String, Sendable, CaseIterable, Codable {
    case partenaires
    case bailleur
    case association
    case sousLocataire = "sous-locataire"
    case soin
    case prefet

    /// Whether a field of `level` may appear in a document for this audience.
    ///
    /// For `bailleur`, `partage` fields are allowed only with a recorded consent: the caller checks
    /// the consent (it depends on the dossier and the evaluation date) before producing the document.
    /// For `prefet`, only some `partage` fields: use `mayContain(_:field:)`, which narrows it.
    public func mayContain(_ level: Sensitivity) -> Bool {
        switch self {
        case .partenaires: return level == .partenaires
        case .bailleur, .prefet: return level <= .partage
        case .association, .sousLocataire: return level <= .social
        case .soin: return true
        }
    }

    /// The `partage` fields a préfet may read (FORMAT.md: "partenaires + the recommendation and its
    /// reasons"): the final evaluation's recommendation, its reasons, and the date the case was sent
    /// to the attribution commission — never the rest of the shared part (rent, debt, upkeep…).
    public static let prefetSharedFields: Set<String> = ["recommandation", "motifs", "transmission_commission_attribution"]

    /// Whether the field `key` of `level` may appear in a document for this audience: `mayContain(_:)`,
    /// narrowed for the préfet to `prefetSharedFields` among `partage` fields.
    public func mayContain(_ level: Sensitivity, field key: String?) -> Bool {
        guard self == .prefet, level == .partage else { return mayContain(level) }
        return key.map(Audience.prefetSharedFields.contains) ?? false
    }
}

