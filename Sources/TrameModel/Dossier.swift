import Foundation

/// One household's dossier (`dossier-<id>.yaml`).
public struct Dossier: Sendable {
    public var id: String
    public var convention: String
    public var etape: Stage
    public var sousLocataire: Person
    public var menage: Household
    public var criteres: Criteria
    public var ressourcesMensuelles: [Resource]
    public var parcours: Pathway
    public var logement: Housing?
    public var bailPrincipal: MainLease?
    public var sousLocation: Sublease?
    public var accompagnement: Support?
    public var consentements: [Consent]
    /// The evaluations held: those withdrawn (`retrait`) are in `withdrawnEvaluations` only.
    public var evaluations: [Evaluation]
    /// The evaluations withdrawn (`evaluations[].retrait`): kept for the record, never counted as held
    /// (no document, deadline, stage or préfet notice rests on them).
    public var withdrawnEvaluations: [Evaluation]
    public var issue: Outcome?
    public var amiDoublement: Bool
    /// The checked value tree, for templates.
    public var data: DataNode

    public struct Person: Sendable {
        public var civilite: String
        public var nom: String
        public var prenom: String
        public var dateNaissance: CalendarDate
        public var lieuNaissance: String?
        public var telephone: String?
        public var courriel: String?
        public var mesureProtection: String
        public var protecteur: Protector?
        public var isFeminine: Bool { civilite == "Madame" }
    }

    public struct Protector: Sendable {
        public var denomination: String
        public var nom: String?
        public var adresse: String?
    }

    public struct Household: Sendable {
        public var adultes: Int
        public var enfants: Int
    }

    public struct Criteria: Sendable {
        public var handicapPsychique, suiviCHJury, difficulteAccesLogement, solvable: Bool
        public var allMet: Bool { handicapPsychique && suiviCHJury && difficulteAccesLogement && solvable }
    }

    public struct Resource: Sendable {
        public var nature: String
        public var montant: Decimal
    }

    public struct Pathway: Sendable {
        public var propositionCHJury: CalendarDate
        public var enregistrementSIAO, orientationAssociation, commissionAttribution: CalendarDate?
        public var decisionCommission: String?
    }

    public struct Housing: Sendable {
        public var bailleur, reference, adresse, codePostal, commune: String
        public var quartier: String?
        public var typologie: String
        public var surfaceHabitableM2: Decimal
        public var etage: Int
        public var ascenseur, meuble: Bool
        public var annexes, equipements: [String]
        public var inventaire: [InventoryItem]
        public var loyerPlafondAPL: Decimal
    }

    public struct InventoryItem: Sendable {
        public var element: String
        public var quantite: Int
        public var etat: String
    }

    public struct MainLease: Sendable {
        public var dateEffet: CalendarDate
        public var dureeMois: Int
        public var loyerMensuel, provisionCharges, depotGarantie: Decimal
        public var indexation: String
    }

    public struct Term: Sendable, Hashable {
        public var dateEffet: CalendarDate
        public var dureeMois: Int
        /// The day the landlord told the préfet, for this term's review period (`avis_prefet`).
        public var avisPrefet: CalendarDate? = nil
        /// The last day of the term (FORMAT.md month rule).
        public var fin: CalendarDate { dateEffet.endOfTerm(months: dureeMois) }
    }

    public struct Sublease: Sendable {
        public var dateEffet: CalendarDate
        public var dureeMois: Int
        public var renouvelable: Bool
        public var loyerMensuel, provisionCharges, depotGarantie: Decimal
        public var aplTiersPayant: Bool
        public var aplMensuelleEstimee: Decimal?
        public var attestationAssurance: Bool
        public var assuranceEcheance: CalendarDate?
        public var conventionTripartite: Bool
        /// The day the tripartite convention was signed (`date_convention_tripartite`; default: the
        /// sublease start).
        public var dateConventionTripartite: CalendarDate? = nil
        /// The day the landlord told the préfet, for the initial term's review period (`avis_prefet`).
        public var avisPrefet: CalendarDate? = nil
        public var renouvellements: [Term]
        /// The initial term then each renewal, in order.
        public var terms: [Term] { [Term(dateEffet: dateEffet, dureeMois: dureeMois, avisPrefet: avisPrefet)] + renouvellements }
        /// The signature of the tripartite convention: its recorded date, else the sublease start.
        public var tripartiteSignature: CalendarDate { dateConventionTripartite ?? dateEffet }
        /// The current (last recorded) term.
        public var currentTerm: Term { terms.last! }
        /// Total months of the initial term and renewals.
        public var cumulatedMonths: Int { terms.reduce(0) { $0 + $1.dureeMois } }
    }

    public struct Referent: Sendable {
        public var nom, fonction: String
        public var telephone, courriel: String?
    }

    public struct Support: Sendable {
        public var referentSoin, referentSocial: Referent
        public var astreinte: String?
    }

    public struct Consent: Sendable {
        public var date: CalendarDate
        public var destinataire: String
        public var perimetre: String
        public var retrait: CalendarDate?
        /// Whether the consent covers `date`: given on or before it and not withdrawn by then.
        public func isInForce(on day: CalendarDate) -> Bool {
            date <= day && (retrait.map { $0 > day } ?? true)
        }
    }

    public struct SharedPart: Sendable {
        public var paiementLoyer: String
        public var detteLocative: Decimal
        public var assurance, entretienLogement, voisinage, accompagnement, budgetAutonomie: String
    }

    public struct Evaluation: Sendable {
        public var date: CalendarDate
        public var type: String
        public var presents: [String]
        public var partiePartagee: SharedPart
        public var avisSousLocataire: String?
        public var objectifs: [String]
        /// Care-team only (`soin`).
        public var observationsSoin: String?
        public var recommandation: String?
        public var motifs: String?
        public var transmissionCommissionAttribution: CalendarDate?
        /// Its withdrawal, when withdrawn.
        public var retrait: Withdrawal?
        public var isFinal: Bool { type == "finale" }
    }

    /// The withdrawal of an evaluation: when, and why (level `partage`).
    public struct Withdrawal: Sendable {
        public var date: CalendarDate
        public var motif: String
    }

    public struct Outcome: Sendable {
        public var date: CalendarDate
        public var nature: String
        public var orientation: String?
        public var decisionCommission: CalendarDate?
        public var commentaire: String?
    }

    /// Whether a `partage` consent for `party` is in force on `day`.
    public func hasSharingConsent(for party: String, on day: CalendarDate) -> Bool {
        consentements.contains { $0.destinataire == party && $0.perimetre == "partage" && $0.isInForce(on: day) }
    }
}
