import TrameArchive
import TrameModel

/// What the holder of an account may see, derived from the model's own rules: the sensitivity
/// level of each field (`FormatSchemas`), the clearance of the role's audience
/// (`Audience.mayContain`) and, for a landlord, the person's consent (`Dossier.hasSharingConsent`).
public struct Clearance: Sendable, Hashable {
    /// The holder's role.
    public let role: Role
    /// The landlord party id of a `bailleur` account.
    public let landlord: String?

    /// The clearance of a role; `landlord` only counts for `bailleur`.
    public init(role: Role, landlord: String?) {
        self.role = role
        self.landlord = role == .bailleur ? landlord : nil
    }

    /// Whether the holder may open a dossier at all: a landlord only the dossiers of its own flats
    /// (`logement.bailleur`); the other roles every dossier.
    public func mayOpen(_ dossier: Dossier) -> Bool {
        guard role == .bailleur else { return true }
        guard let landlord, let housing = dossier.logement else { return false }
        return housing.bailleur == landlord
    }

    /// Whether a field of `level` may be read. For a landlord, `partage` fields need `consented`
    /// (see `hasConsent`); `social` and `soin` never reach it.
    public func mayRead(_ level: Sensitivity, consented: Bool = false) -> Bool {
        guard role.audience.mayContain(level) else { return false }
        if role == .bailleur, level == .partage { return consented }
        return true
    }

    /// Whether the field at `path` of a dossier (indices allowed) may be read, by its schema level.
    public func mayRead(field path: FieldPath, consented: Bool = false) -> Bool {
        guard let level = FormatSchemas.dossier.field(at: path.schemaPath)?.sensitivity else { return false }
        return mayRead(level, consented: consented)
    }

    /// Whether the landlord may see the shared part about an event of `day`: the person's consent of
    /// perimeter `partage` for this landlord is in force on that day, and not withdrawn by `today`.
    public func hasConsent(_ dossier: Dossier, on day: CalendarDate, today: CalendarDate) -> Bool {
        guard let landlord else { return false }
        return DisclosurePolicy.landlordMayReceiveSharedPart(of: dossier, landlord: landlord, about: day, today: today)
    }

    /// The dossier's data as the holder may see it: every node above its clearance removed. A
    /// `partage` node is kept for a landlord only with the consent in force on the date of the
    /// nearest enclosing dated object (the evaluation), else on `today`. For a holder outside the
    /// circle of support (a landlord), the health establishment never appears among the people
    /// present at a review (`DisclosurePolicy.withoutCareParties`).
    /// - Parameter careParties: The convention's care parties (`DisclosurePolicy.careParties(of:)`);
    ///   nil when the convention is unknown, which hides every list of people present from such a holder.
    public func visibleData(of dossier: Dossier, today: CalendarDate, careParties: Set<String>?) -> DataNode {
        var data = dossier.data
        if DisclosurePolicy.isOutsideSupportCircle(role.audience) {
            data = DisclosurePolicy.withoutCareParties(data, careParties: careParties)
        }
        return prune(data, dossier: dossier, event: nil, today: today)
            ?? DataNode(value: .object(DataObject()), path: FieldPath(), sensitivity: .partenaires, location: nil)
    }

    private func prune(_ node: DataNode, dossier: Dossier, event: CalendarDate?, today: CalendarDate) -> DataNode? {
        var event = event
        if let date = node["date"]?.date { event = date }
        let consented = role == .bailleur && node.sensitivity == .partage && hasConsent(dossier, on: event ?? today, today: today)
        guard mayRead(node.sensitivity, consented: consented) else { return nil }
        var copy = node
        switch node.value {
        case .object(let object):
            copy.value = .object(DataObject(object.entries.compactMap { entry in
                prune(entry.node, dossier: dossier, event: event, today: today).map { (entry.key, $0) }
            }))
        case .list(let items):
            copy.value = .list(items.compactMap { prune($0, dossier: dossier, event: event, today: today) })
        default:
            break
        }
        return copy
    }

    /// Whether the holder may receive documents produced for `audience` (`Audience.mayReceive`):
    /// every level such a document may hold is within the role's clearance.
    public func mayReceive(_ audience: Audience) -> Bool {
        role.audience.mayReceive(audience)
    }

    /// Whether the holder may receive a document of `dossier` produced for `audience`.
    ///
    /// For a landlord, a document that may hold the shared part needs the consent (`hasConsent`)
    /// on the date of the event it is about (an evaluation), or today; a landlord's own copy with no
    /// event (main lease, tripartite convention) is allowed without it, because the generator then
    /// removes every shared field.
    /// - Parameters:
    ///   - event: the evaluation or renewal the document is about, if any.
    public func mayReceive(_ audience: Audience, of dossier: Dossier, event: CalendarDate?, today: CalendarDate) -> Bool {
        guard mayOpen(dossier) else { return false }
        return DisclosurePolicy.decide(dossier, documentFor: audience, recipient: role.audience,
                                       recipientLandlord: role == .bailleur ? landlord : nil, event: event, today: today).isAllowed
    }

    /// Whether every field of the dossier may be read (to hand over the whole file).
    public func mayReadAll(of dossier: Dossier, today: CalendarDate) -> Bool {
        mayOpen(dossier) && count(dossier.data) == count(visibleData(of: dossier, today: today, careParties: nil))
    }

    private func count(_ node: DataNode) -> Int {
        switch node.value {
        case .object(let object): return 1 + object.entries.reduce(0) { $0 + count($1.node) }
        case .list(let items): return 1 + items.reduce(0) { $0 + count($1) }
        default: return 1
        }
    }
}
