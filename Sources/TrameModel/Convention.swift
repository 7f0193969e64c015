import Foundation

/// A framework partnership convention (`convention-<id>.yaml`).
public struct Convention: Sendable {
    public var identifiant: String
    public var intitule: String
    /// The neutral public title (`intitule_public`), when the convention records one.
    public var intitulePublic: String?
    public var territoire: String
    public var lieuSignature: String
    /// Absent while the convention is a draft.
    public var dateSignature: CalendarDate?
    public var dateEffet: CalendarDate
    public var dureeMois: Int
    public var reconduction: String
    public var besoinsIdentifies: Int
    public var typologies: [String]
    public var communes: [String]
    public var sousLocation: SubleaseRules
    public var parties: [Party]
    public var financements: [FundingScheme]
    public var questionsOuvertes: [OpenQuestion]
    /// The financial guarantees of the association's rental risk (`garanties`), dated.
    public var garanties: [Guarantee] = []
    public var gouvernance: Governance
    /// The checked value tree, for templates.
    public var data: DataNode

    /// The sublease rules of the programme.
    public struct SubleaseRules: Sendable {
        public var dureeMinimaleMois: Int
        public var dureeMaximaleMois: Int
        public var periodiciteEvaluationMois: Int
        /// Always false in practice: a glissement is decided case by case.
        public var glissementAutomatique: Bool
        /// Which households fall under the tripartite rule of CCH L442-8-3 (`menages_tripartite`):
        /// `tous`, `selon_criteres` (the default: households with `criteres.difficulte_acces_logement`,
        /// the persons of L301-1 II) or `aucun`.
        public var menagesTripartite: String = "selon_criteres"

        /// Whether a household with these criteria must have a tripartite convention annexed to
        /// its sublease.
        public func requiresTripartite(_ criteria: Dossier.Criteria) -> Bool {
            switch menagesTripartite {
            case "tous": return true
            case "aucun": return false
            default: return criteria.difficulteAccesLogement
            }
        }
    }

    public struct Party: Sendable {
        public var id: String
        public var role: String
        public var denomination: String
        public var forme, adresse, inscription, agrementIML, siret, equipe, astreinte: String?
        public var representant: Representative?
        public var contacts: [Contact]
        public var cesf: Contact?
        /// A party signs the convention iff it has a representative.
        public var signs: Bool { representant != nil }
    }

    public struct Representative: Sendable {
        public var civilite: String?
        public var nom: String?
        public var qualite: String
    }

    public struct Contact: Sendable {
        public var nom: String?
        public var fonction: String?
        public var telephone: String?
        public var courriel: String?
    }

    public struct FundingScheme: Sendable {
        public var id: String
        public var intitule: String
        /// The funder party ids (one or several).
        public var financeurs: [String]
        public var montantAnnuel: Decimal
        /// `logement` (per housing) or `personne` (per person).
        public var assiette: String
        public var doublementPossible: Bool
    }

    /// One financial guarantee (`garanties[]`): what covers the association's rental risk (unpaid
    /// rent, damage, vacancy), in force from `depuis` to `jusqu_au` (both optional, inclusive).
    public struct Guarantee: Sendable {
        /// `fonds_garantie`, `fsl`, `visale`, `reserve_association`, `engagement_bailleur_vacance` or `autre`.
        public var nature: String
        public var description: String
        public var montant: Decimal?
        /// The body that bears it, by name.
        public var organisme: String?
        /// The party of the convention that bears it or benefits from it (a landlord's own
        /// commitment on vacancy), if any.
        public var partie: String?
        public var depuis: CalendarDate?
        public var jusquAu: CalendarDate?

        /// Whether the guarantee is in force on `day`.
        public func isInForce(on day: CalendarDate) -> Bool {
            (depuis.map { $0 <= day } ?? true) && (jusquAu.map { day <= $0 } ?? true)
        }
    }

    public struct OpenQuestion: Sendable {
        public var partie: String?
        public var sujet: String
    }

    public struct Committee: Sendable {
        public var periodiciteMois: Int
        public var membres: [String]
    }

    public struct Governance: Sendable {
        public var comitePilotage: Committee
        public var comiteTechnique: Committee
    }

    /// The title to print in a document about a person that can reach the landlord or the préfet:
    /// `intitule_public`, else a neutral wording that names no health establishment.
    public var publicTitle: String { intitulePublic ?? Convention.neutralTitle(territoire: territoire) }

    /// The neutral default of `intitule_public` (docs/format.md § 8): the programme's nature and
    /// its territory, never the health establishment nor the public's disability.
    public static func neutralTitle(territoire: String) -> String {
        "Convention de partenariat pour l'accès au logement accompagné dans le parc locatif social (\(territoire))"
    }

    /// The guarantees in force on `day` (all of them when `day` is nil).
    public func guarantees(inForceOn day: CalendarDate?) -> [Guarantee] {
        guard let day else { return garanties }
        return garanties.filter { $0.isInForce(on: day) }
    }

    /// The last day of the experiment: the day before start + duration.
    public var dateFin: CalendarDate { dateEffet.endOfTerm(months: dureeMois) }

    public func party(_ id: String) -> Party? { parties.first { $0.id == id } }
    public func parties(withRole role: String) -> [Party] { parties.filter { $0.role == role } }
}

extension Convention {
    /// Builds the typed convention from a tree that passed the schema without errors.
    public init(checked node: DataNode) {
        func contact(_ n: DataNode) -> Contact {
            Contact(nom: n.string("nom"), fonction: n.string("fonction"), telephone: n.string("telephone"), courriel: n.string("courriel"))
        }
        func committee(_ n: DataNode?) -> Committee {
            Committee(periodiciteMois: n?.int("periodicite_mois") ?? 0, membres: n?.strings("membres") ?? [])
        }
        let rules = node["sous_location"]
        identifiant = node.requiredString("identifiant")
        intitule = node.requiredString("intitule")
        intitulePublic = node.string("intitule_public")
        territoire = node.requiredString("territoire")
        lieuSignature = node.requiredString("lieu_signature")
        dateSignature = node.day("date_signature")
        dateEffet = node.day("date_effet") ?? CalendarDate(year: 2000, month: 1, day: 1)!
        dureeMois = node.int("duree_mois") ?? 0
        reconduction = node.requiredString("reconduction")
        besoinsIdentifies = node.int("besoins_identifies") ?? 0
        typologies = node.strings("typologies")
        communes = node.strings("communes")
        sousLocation = SubleaseRules(
            dureeMinimaleMois: rules?.int("duree_minimale_mois") ?? 0,
            dureeMaximaleMois: rules?.int("duree_maximale_mois") ?? 0,
            periodiciteEvaluationMois: rules?.int("periodicite_evaluation_mois") ?? 6,
            glissementAutomatique: rules?.bool("glissement_automatique") ?? false,
            menagesTripartite: rules?.string("menages_tripartite") ?? "selon_criteres")
        parties = node.items("parties").map { p in
            Party(id: p.requiredString("id"), role: p.requiredString("role"), denomination: p.requiredString("denomination"),
                  forme: p.string("forme"), adresse: p.string("adresse"), inscription: p.string("inscription"),
                  agrementIML: p.string("agrement_iml"), siret: p.string("siret"), equipe: p.string("equipe"),
                  astreinte: p.string("astreinte"),
                  representant: p["representant"].map { Representative(civilite: $0.string("civilite"), nom: $0.string("nom"), qualite: $0.requiredString("qualite")) },
                  contacts: p.items("contacts").map(contact),
                  cesf: p["cesf"].map(contact))
        }
        financements = node.items("financements").map { f in
            FundingScheme(id: f.requiredString("id"), intitule: f.requiredString("intitule"),
                          financeurs: f.string("financeur").map { [$0] } ?? f.strings("financeurs"),
                          montantAnnuel: f.money("montant_annuel") ?? 0, assiette: f.requiredString("assiette"),
                          doublementPossible: f.bool("doublement_possible") ?? false)
        }
        questionsOuvertes = node.items("questions_ouvertes").map { OpenQuestion(partie: $0.string("partie"), sujet: $0.requiredString("sujet")) }
        garanties = node.items("garanties").map { g in
            Guarantee(nature: g.requiredString("nature"), description: g.requiredString("description"), montant: g.money("montant"),
                      organisme: g.string("organisme"), partie: g.string("partie"), depuis: g.day("depuis"), jusquAu: g.day("jusqu_au"))
        }
        gouvernance = Governance(comitePilotage: committee(node["gouvernance"]?["comite_pilotage"]),
                                 comiteTechnique: committee(node["gouvernance"]?["comite_technique"]))
        data = node
    }
}

extension DataNode {
    /// The convention tree as in force on `day`: the financial guarantees (`garanties[]`) whose
    /// period (`depuis` … `jusqu_au`, both inclusive and optional) does not cover the day are removed,
    /// so that an act prints the guarantees of its own date. Everything else is kept.
    public func conventionInForce(on day: CalendarDate) -> DataNode {
        guard var root = object, var list = root["garanties"], let items = list.list else { return self }
        list.value = .list(items.filter { Self.guarantee($0, isInForceOn: day) })
        root.set("garanties", list)
        var copy = self
        copy.value = .object(root)
        return copy
    }

    /// Whether a guarantee's period (`depuis` … `jusqu_au`, both inclusive and optional) covers `day`.
    /// (Plain `if let`s, not `Optional.map` closures nested in the filter: Swift 6.3.1's optimiser,
    /// CopyPropagation, aborts on those in release builds, as it did on `StageEvidence.mainLine`.)
    private static func guarantee(_ guarantee: DataNode, isInForceOn day: CalendarDate) -> Bool {
        if let from = guarantee["depuis"]?.date, from > day { return false }
        if let until = guarantee["jusqu_au"]?.date, day > until { return false }
        return true
    }
}
