import Foundation
import TrameFrench
import TrameModel

/// Builds the rendering context of a document from the checked trees of a dossier and its
/// convention (as read by `ModelLoader`), adding the derived fields of `ContextSchema`.
///
/// Derived values keep the sensitivity and location of the value they come from.
public enum ContextBuilder {
    /// The context of a dossier document (`ContextSchema.dossierDocument`).
    /// - Parameters:
    ///   - dossier: The dossier's root node.
    ///   - convention: The convention's root node.
    ///   - audience: The document's audience (`audience`; `render` sets it again from its options).
    ///   - draft: Whether the document is a draft (`projet`).
    /// - Returns: The context root.
    ///
    /// For a recipient outside the circle of the person's support (the landlord, the préfet), the
    /// context never tells who cares for the person (RGPD art. 9): the health establishment is left
    /// out of `convention.parties`, of the people present at each evaluation and of the signatories,
    /// and `etablissement_sante` (level `social`) is not set.
    public static func dossierContext(dossier: DataNode, convention: DataNode, audience: Audience, draft: Bool,
                                      selection: Selection = .none) -> DataNode {
        let outside = DisclosurePolicy.isOutsideSupportCircle(audience)
        let care = DisclosurePolicy.careParties(in: convention)
        let dossier = outside ? DisclosurePolicy.withoutCareParties(dossier, careParties: care) : dossier
        var convention = documentConvention(convention, without: outside ? care : [], landlord: dossier["logement"]?["bailleur"]?.text)
        // About a person, the convention's own title may name the health establishment: level
        // `social` (`ContextSchema.dossierDocument`); landlord and préfet documents print `intitule_public`.
        if var fields = convention.object, var title = fields["intitule"] {
            title.sensitivity = .social
            fields.set("intitule", title)
            convention.value = .object(fields)
        }
        var object = dossier.object ?? DataObject()
        object.set("convention", convention)
        if var sublease = dossier["sous_location"], let end = currentTermEnd(sublease) {
            var children = sublease.object ?? DataObject()
            children.set("date_fin", derived(.date(end), "date_fin", from: sublease))
            children.set("date_avis_prefet", derived(.date(CalendarDate.prefectNoticeDate(reviewPeriodEnd: end)), "date_avis_prefet", from: sublease))
            addPaymentAndRevision(sublease, into: &children)
            sublease.value = .object(children)
            object.set("sous_location", sublease)
        }
        select(selection, in: dossier, into: &object)
        let parties = convention["parties"]?.list ?? []
        if let landlordID = dossier["logement"]?["bailleur"]?.text, let landlord = parties.first(where: { $0["id"]?.text == landlordID }) {
            object.set("bailleur", landlord)
        }
        let association = parties.first { $0["role"]?.text == "operateur_associatif" }
        if let association { object.set("association", association) }
        if !outside, var hospital = parties.first(where: { $0["role"]?.text == "etablissement_sante" }) {
            hospital.sensitivity = .social
            object.set("etablissement_sante", hospital)
        }
        let person = dossier["sous_locataire"]
        let landlord = object["bailleur"]
        var signatories = DataObject()
        let subleaseSigners = [association.flatMap(partySignatory)].compactMap { $0 } + (person.map(personSignatories) ?? [])
        signatories.set("sous_location", list(subleaseSigners, "signataires.sous_location"))
        signatories.set("bail_principal", list([landlord, association].compactMap { $0.flatMap(partySignatory) }, "signataires.bail_principal"))
        signatories.set("convention_tripartite", list([landlord, association].compactMap { $0.flatMap(partySignatory) } + (person.map(personSignatories) ?? []),
                                                      "signataires.convention_tripartite"))
        signatories.set("convention", list(parties.compactMap(partySignatory), "signataires.convention"))
        object.set("signataires", node(.object(signatories), "signataires"))
        object.set("audience", node(.text(audience.rawValue), "audience"))
        object.set("projet", node(.boolean(draft), "projet"))
        var root = dossier
        root.value = .object(object)
        return root
    }

    /// The context of a convention document (`ContextSchema.conventionDocument`).
    public static func conventionContext(convention: DataNode, audience: Audience, draft: Bool) -> DataNode {
        let convention = documentConvention(convention, without: [], landlord: nil)
        let parties = convention["parties"]?.list ?? []
        var signatories = DataObject()
        signatories.set("convention", list(parties.compactMap(partySignatory), "signataires.convention"))
        let object = DataObject([
            ("convention", convention),
            ("signataires", node(.object(signatories), "signataires")),
            ("audience", node(.text(audience.rawValue), "audience")),
            ("projet", node(.boolean(draft), "projet")),
        ])
        return DataNode(value: .object(object), path: FieldPath(), sensitivity: .partenaires, location: convention.location)
    }

    /// The convention as a document sees it: `intitule_public` always present (the file's, else the
    /// neutral default of `Convention.neutralTitle`, which names no health establishment), and the
    /// parties of `without` left out. In a document about a dossier (`landlord` given), the
    /// guarantees borne by another landlord of the convention are left out: a landlord's own
    /// commitment (`garanties[].partie`) concerns only its own flats.
    static func documentConvention(_ convention: DataNode, without parties: Set<String>, landlord: String?) -> DataNode {
        guard var object = convention.object else { return convention }
        if let landlord, var list = object["garanties"], let items = list.list {
            let landlords = Set((object["parties"]?.list ?? []).filter { $0["role"]?.text == "bailleur_social" }.compactMap { $0["id"]?.text })
            list.value = .list(items.filter { g in
                guard let party = g["partie"]?.text, landlords.contains(party) else { return true }
                return party == landlord
            })
            object.set("garanties", list)
        }
        if object["intitule_public"] == nil {
            let title = Convention.neutralTitle(territoire: convention["territoire"]?.text ?? "")
            let source = convention["intitule"] ?? convention
            object.set("intitule_public", DataNode(value: .text(title), path: convention.path.appending("intitule_public"),
                                                   sensitivity: convention.sensitivity, location: source.location))
        }
        if !parties.isEmpty, var list = object["parties"], let items = list.list {
            list.value = .list(items.filter { !parties.contains($0["id"]?.text ?? "") })
            object.set("parties", list)
        }
        var copy = convention
        copy.value = .object(object)
        return copy
    }

    /// What a document about one event of the dossier is about.
    public enum Selection: Sendable, Equatable {
        case none
        /// The evaluation of that date (`evaluation`, `evaluation_numero`).
        case evaluation(CalendarDate)
        /// The renewal starting on that date (`renouvellement`, `terme_precedent`).
        case renewal(CalendarDate)
    }

    /// Adds the selected evaluation or renewal; nothing when the date matches none (the caller
    /// checks the date first and says which dates exist).
    static func select(_ selection: Selection, in dossier: DataNode, into object: inout DataObject) {
        switch selection {
        case .none:
            return
        case .evaluation(let date):
            let evaluations = dossier["evaluations"]?.list ?? []
            guard let index = evaluations.firstIndex(where: { $0["date"]?.date == date }) else { return }
            object.set("evaluation", evaluations[index])
            object.set("evaluation_numero", derived(.integer(index + 1), "numero", from: evaluations[index]))
        case .renewal(let date):
            guard let sublease = dossier["sous_location"], let renewals = sublease["renouvellements"]?.list,
                  let index = renewals.firstIndex(where: { $0["date_effet"]?.date == date }),
                  let months = renewals[index]["duree_mois"]?.integer else { return }
            let renewal = renewals[index]
            var fields = renewal.object ?? DataObject()
            fields.set("date_fin", derived(.date(date.endOfTerm(months: months)), "date_fin", from: renewal))
            fields.set("numero", derived(.integer(index + 1), "numero", from: renewal))
            let cumulated = (sublease["duree_mois"]?.integer ?? 0) + renewals[...index].reduce(0) { $0 + ($1["duree_mois"]?.integer ?? 0) }
            fields.set("duree_cumulee_mois", derived(.integer(cumulated), "duree_cumulee_mois", from: renewal))
            object.set("renouvellement", DataNode(value: .object(fields), path: renewal.path, sensitivity: renewal.sensitivity, location: renewal.location))
            let previous = index == 0 ? sublease : renewals[index - 1]
            if let start = previous["date_effet"] {
                let term = DataObject([("date_effet", start),
                                       ("date_fin", derived(.date(date.adding(days: -1)), "date_fin", from: previous))])
                object.set("terme_precedent", DataNode(value: .object(term), path: previous.path, sensitivity: previous.sensitivity, location: previous.location))
            }
        }
    }

    /// What the person pays each month and when the rent is first revised (CCH L. 353-9-3: each
    /// 1 January, by the IRL of the second quarter of the year before):
    /// `total_mensuel` (rent + charges), `reste_a_payer_estime` (minus the estimated housing aid, never
    /// below zero; as sensitive as that estimate), `premiere_revision` and `annee_irl_reference`.
    static func addPaymentAndRevision(_ sublease: DataNode, into children: inout DataObject) {
        if let rent = sublease["loyer_mensuel"]?.decimal, let charges = sublease["provision_charges"]?.decimal {
            children.set("total_mensuel", derived(.decimal(rent + charges), "total_mensuel", from: sublease))
            if let aid = sublease["apl_mensuelle_estimee"] {
                let left = max(rent + charges - (aid.decimal ?? 0), 0)
                children.set("reste_a_payer_estime", DataNode(value: .decimal(left), path: sublease.path.appending("reste_a_payer_estime"),
                                                        sensitivity: max(sublease.sensitivity, aid.sensitivity), location: aid.location))
            }
        }
        if let start = sublease["date_effet"]?.date, let first = CalendarDate(year: start.year + 1, month: 1, day: 1) {
            children.set("premiere_revision", derived(.date(first), "premiere_revision", from: sublease))
            children.set("annee_irl_reference", derived(.integer(start.year), "annee_irl_reference", from: sublease))
        }
    }

    /// The last day of the current sublease term: the last renewal's, else the initial term's.
    static func currentTermEnd(_ sublease: DataNode) -> CalendarDate? {
        if let last = sublease["renouvellements"]?.list?.last, let start = last["date_effet"]?.date, let months = last["duree_mois"]?.integer {
            return start.endOfTerm(months: months)
        }
        guard let start = sublease["date_effet"]?.date, let months = sublease["duree_mois"]?.integer else { return nil }
        return start.endOfTerm(months: months)
    }

    // MARK: Signatories

    /// A party with a `representant`: organisation, capacity ("La présidente"), name ("Madame Claire Martin").
    static func partySignatory(_ party: DataNode) -> DataNode? {
        guard let representative = party["representant"] else { return nil }
        let civilite = representative["civilite"]?.text
        var object = DataObject()
        if let name = party["denomination"] { object.set("partie", name) }
        if let quality = representative["qualite"]?.text {
            let gender = civilite.flatMap(FrenchGender.init(civilite:))
            let article = gender?.form("le") ?? "le"
            let elided = quality.first.map { "aeéèêiîoôuhAEÉIOUH".contains($0) } ?? false
            let text = FrenchText.capitalizedFirst(elided ? "l'" + quality : article + " " + quality)
            object.set("qualite", derived(.text(text), "qualite", from: representative))
        }
        if let name = representative["nom"]?.text {
            object.set("nom", derived(.text([civilite, name].compactMap { $0 }.joined(separator: " ")), "nom", from: representative))
        }
        return derived(.object(object), "signataire", from: party)
    }

    /// The person (unless represented under tutelle) and, under curatelle or tutelle, the protector.
    static func personSignatories(_ person: DataNode) -> [DataNode] {
        let measure = person["mesure_protection"]?.text ?? "aucune"
        let gender = person["civilite"]?.text.flatMap(FrenchGender.init(civilite:))
        let role = FrenchText.capitalizedFirst(gender?.form("sous-locataire") ?? "le sous-locataire")
        var result: [DataNode] = []
        if measure != "tutelle" {
            var object = DataObject()
            let assisted = measure.hasPrefix("curatelle") ? ", " + (gender?.form("assiste") ?? "assisté") + " de son curateur" : ""
            object.set("qualite", derived(.text(role + assisted), "qualite", from: person))
            let parts = [person["civilite"]?.text, person["prenom"]?.text, person["nom"]?.text].compactMap { $0 }
            if !parts.isEmpty { object.set("nom", derived(.text(parts.joined(separator: " ")), "nom", from: person)) }
            result.append(derived(.object(object), "signataire", from: person))
        }
        if measure.hasPrefix("curatelle") || measure == "tutelle", let protector = person["protecteur"] {
            var object = DataObject()
            let function = measure == "tutelle" ? "Le tuteur, représentant " + (gender?.form("le") ?? "le") + " sous-locataire" : "Le curateur"
            object.set("qualite", derived(.text(function), "qualite", from: protector))
            if let name = protector["nom"] {
                if let organisation = protector["denomination"] { object.set("partie", organisation) }
                object.set("nom", name)
            } else if let organisation = protector["denomination"] {
                object.set("nom", organisation)
            }
            result.append(derived(.object(object), "signataire", from: protector))
        }
        return result
    }

    // MARK: Nodes

    private static func node(_ value: DataValue, _ path: String) -> DataNode {
        DataNode(value: value, path: FieldPath(parsing: path), sensitivity: .partenaires, location: nil)
    }

    private static func derived(_ value: DataValue, _ key: String, from source: DataNode) -> DataNode {
        DataNode(value: value, path: source.path.appending(key), sensitivity: source.sensitivity, location: source.location)
    }

    private static func list(_ items: [DataNode], _ path: String) -> DataNode {
        let level = items.map(\.sensitivity).max() ?? .partenaires
        return DataNode(value: .list(items), path: FieldPath(parsing: path), sensitivity: level, location: nil)
    }
}
