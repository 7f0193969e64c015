/// Who may receive what: the one rule every path asks — document generation, the demo, the
/// archive (signed and generated files), the web app's pages, files and API, and exports.
///
/// Three questions, always in this order:
/// 1. **Clearance.** A document produced for one audience goes only to a recipient whose
///    clearance covers every level that document may hold (`Audience.mayContain`): a landlord never
///    receives the association's, the care team's or the person's copy; the préfet receives only
///    what is written for it or for every partner.
/// 2. **Consent, dated.** A landlord receives the shared part about an event (an evaluation) only
///    if the person's consent of perimeter `partage` for *that* landlord was in force on the
///    event's date **and** still is on the day the document is handed over: a consent given later
///    does not reach back to an earlier evaluation (a landlord who takes over a flat does not see
///    the reviews made before the person agreed), and a withdrawal stops every new copy.
/// 3. **Pruning.** What is handed over holds nothing above the recipient's clearance, and a
///    landlord's copy keeps the shared part of only the evaluations the consent covers.
public enum DisclosurePolicy {
    /// The answer for one document and one recipient.
    public struct Decision: Sendable {
        /// Whether the document may be handed over.
        public let isAllowed: Bool
        /// Why not, in French, when refused.
        public let reason: String?
        /// The dossier's data as the recipient may see it (when data was given and the document is allowed).
        public let data: DataNode?

        static func refused(_ reason: String) -> Decision { Decision(isAllowed: false, reason: reason, data: nil) }
    }

    /// Whether a recipient of audience `recipient` may receive a document produced for `documentAudience`.
    public static func mayReceive(_ recipient: Audience, documentFor documentAudience: Audience) -> Bool {
        // The préfet's clearance is narrowed by field (`prefetSharedFields`), which levels cannot
        // express: it receives only what is written for it, or for every partner.
        if recipient == .prefet { return documentAudience == .prefet || documentAudience == .partenaires }
        return Sensitivity.allCases.allSatisfy { !documentAudience.mayContain($0) || recipient.mayContain($0) }
    }

    /// The consent rule: the person's consent to share (`partage`) with `landlord` is in force on
    /// `event` and, when `today` is given, still on `today`. `today` is nil only when rebuilding a
    /// document that was already handed over (`trame regenerate`), which proves bytes, not a new transmission.
    public static func landlordMayReceiveSharedPart(of dossier: Dossier, landlord: String, about event: CalendarDate,
                                                    today: CalendarDate?) -> Bool {
        dossier.hasSharingConsent(for: landlord, on: event) && (today.map { dossier.hasSharingConsent(for: landlord, on: $0) } ?? true)
    }

    /// Decides whether a document about `dossier`, produced for `documentAudience`, may go to
    /// `recipient`, and prunes `data` to what it may see.
    /// - Parameters:
    ///   - recipientLandlord: for a landlord recipient, which landlord (nil: the dossier's own).
    ///   - event: the evaluation the document is about, if any (its shared part needs the consent).
    ///   - today: the day the document is handed over; nil when only rebuilding one (see above).
    public static func decide(_ dossier: Dossier, data: DataNode? = nil, documentFor documentAudience: Audience,
                              recipient: Audience, recipientLandlord: String? = nil, event: CalendarDate?,
                              today: CalendarDate?) -> Decision {
        guard mayReceive(recipient, documentFor: documentAudience) else {
            return .refused("un document établi pour « \(documentAudience.rawValue) » ne peut pas être remis à « \(recipient.rawValue) »")
        }
        var landlord: String?
        if recipient == .bailleur || documentAudience == .bailleur {
            landlord = recipientLandlord ?? dossier.logement?.bailleur
            if recipient == .bailleur, let asked = recipientLandlord, asked != dossier.logement?.bailleur {
                return .refused("ce dossier ne concerne pas le bailleur « \(asked) »")
            }
        }
        // A landlord's own document with no event (main lease, tripartite convention) needs no
        // consent: pruning below removes every shared part the consent does not cover. Any other
        // document that may hold the shared part needs the consent on its event's date (or, with
        // no event, on the day it is handed over) and still that day.
        let mayHoldSharedPart = documentAudience.mayContain(.partage) && documentAudience != .partenaires
        if let landlord, recipient == .bailleur, mayHoldSharedPart,
           !(documentAudience == .bailleur && event == nil) {
            let day = event ?? today
            guard let day, landlordMayReceiveSharedPart(of: dossier, landlord: landlord, about: day, today: today) else {
                return .refused("copie pour le bailleur refusée : le dossier \(dossier.id) n'enregistre aucun consentement de la "
                    + "personne au partage d'informations (périmètre « partage ») avec « \(landlord) »"
                    + (day.map { " en vigueur le \($0)" } ?? "")
                    + (today.flatMap { $0 == day ? nil : " et toujours en vigueur le \($0)" } ?? "")
                    + " ; seule la partie partagée peut lui être transmise, et seulement avec ce consentement (CSP L1110-4)")
            }
        }
        guard let data else { return Decision(isAllowed: true, reason: nil, data: nil) }
        var visible = data.pruned { documentAudience.mayContain($0.sensitivity, field: $0.fieldKey) }
            ?? DataNode(value: .object(DataObject()), path: data.path, sensitivity: .partenaires, location: data.location)
        if let landlord, recipient == .bailleur || documentAudience == .bailleur {
            visible = sharedParts(of: visible) { landlordMayReceiveSharedPart(of: dossier, landlord: landlord, about: $0, today: today) }
        }
        return Decision(isAllowed: true, reason: nil, data: visible)
    }

    /// The dossier with the `partage` fields of each evaluation removed unless `keep` accepts the
    /// evaluation's date (the landlord's consent in force then).
    public static func sharedParts(of dossier: DataNode, keptWhere keep: (CalendarDate) -> Bool) -> DataNode {
        guard var root = dossier.object, let evaluations = root["evaluations"], let items = evaluations.list else { return dossier }
        var list = evaluations
        list.value = .list(items.map { item in
            if let date = item["date"]?.date, keep(date) { return item }
            return item.pruned { $0.sensitivity <= .partenaires }
                ?? DataNode(value: .object(DataObject()), path: item.path, sensitivity: .partenaires, location: item.location)
        })
        root.set("evaluations", list)
        var copy = dossier
        copy.value = .object(root)
        return copy
    }
}

extension Audience {
    /// Whether a recipient with this audience may receive a document produced for
    /// `documentAudience` (``DisclosurePolicy/mayReceive(_:documentFor:)``).
    public func mayReceive(_ documentAudience: Audience) -> Bool {
        DisclosurePolicy.mayReceive(self, documentFor: documentAudience)
    }
}

// MARK: - Indirect health information

extension DisclosurePolicy {
    /// The parties whose name, linked to a person, tells that the person is followed in care: the
    /// health establishments of the convention (`role: etablissement_sante`). Being followed in
    /// psychiatry is health data (RGPD art. 9): in a document about a person that reaches the
    /// landlord or the préfet, these parties, their team and their staff never appear.
    public static func careParties(in convention: DataNode) -> Set<String> {
        Set((convention["parties"]?.list ?? []).filter { $0["role"]?.text == "etablissement_sante" }.compactMap { $0["id"]?.text })
    }

    /// The same, from the typed convention.
    public static func careParties(of convention: Convention) -> Set<String> {
        Set(convention.parties(withRole: "etablissement_sante").map(\.id))
    }

    /// Whether a recipient of `audience` stands outside the circle of the person's support (the
    /// association, the care team and the person): the landlord and the préfet. Such a recipient
    /// never learns who cares for the person (`withoutCareParties`).
    public static func isOutsideSupportCircle(_ audience: Audience) -> Bool {
        !audience.mayContain(.social)
    }

    /// The dossier tree without the care parties among the people present at each evaluation
    /// (`evaluations[].presents`): reviews are held in two parts, and the care team takes part only
    /// in the support part, which the landlord neither attends nor receives. With `careParties`
    /// nil (the convention is unknown), every list of people present is removed.
    public static func withoutCareParties(_ dossier: DataNode, careParties: Set<String>?) -> DataNode {
        guard var root = dossier.object, let evaluations = root["evaluations"], let items = evaluations.list else { return dossier }
        var list = evaluations
        list.value = .list(items.map { item in
            guard var fields = item.object, let presents = fields["presents"] else { return item }
            if let careParties {
                var kept = presents
                kept.value = .list((presents.list ?? []).filter { !careParties.contains($0.text ?? "") })
                fields.set("presents", kept)
            } else {
                fields.entries.removeAll { $0.key == "presents" }
            }
            var copy = item
            copy.value = .object(fields)
            return copy
        })
        root.set("evaluations", list)
        var copy = dossier
        copy.value = .object(root)
        return copy
    }
}
