import Foundation
import TrameModel

/// The French labels of the dossier format's keys, for the pages and the form (presentation only:
/// what a role may see is decided by `Clearance`, never here).
enum FieldLabels {
    /// The label of the field at a schema path (`sous_locataire.nom`), by its full path first, then its key.
    static func label(_ schemaPath: String) -> String {
        if let label = byPath[schemaPath] { return label }
        let key = String(schemaPath.split(separator: ".").last ?? "")
        if let label = byKey[key] { return label }
        let words = key.replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// The name of one item of a list of objects ("Évaluation").
    static func item(_ schemaPath: String) -> String {
        items[schemaPath] ?? "Élément"
    }

    /// Keys whose text is long enough for a multi-line field.
    static let longTexts: Set<String> = ["avis_sous_locataire", "motifs", "observations", "commentaire"]

    private static let items: [String: String] = [
        "ressources_mensuelles": "Ressource", "logement.inventaire": "Élément d'inventaire",
        "sous_location.renouvellements": "Renouvellement", "consentements": "Consentement", "evaluations": "Évaluation",
    ]

    private static let byPath: [String: String] = [
        "dossier": "Numéro de dossier", "etape": "Étape du parcours",
        "issue.decision_commission": "Date de la décision de la commission", "issue": "Fin de la sous-location",
        "evaluations.partie_partagee.accompagnement": "Accompagnement", "evaluations.type": "Type d'évaluation",
        "logement.reference": "Référence du logement", "logement.adresse": "Adresse", "sous_locataire.protecteur.adresse": "Adresse du protecteur",
        "sous_location": "Sous-location", "bail_principal": "Bail principal", "financement": "Financement",
        "evaluations.partie_soin.observations": "Observations de l'équipe de soins",
    ]

    private static let byKey: [String: String] = [
        "convention": "Convention", "sous_locataire": "Sous-locataire", "civilite": "Civilité", "nom": "Nom", "prenom": "Prénom",
        "date_naissance": "Date de naissance", "lieu_naissance": "Lieu de naissance", "telephone": "Téléphone", "courriel": "Courriel",
        "mesure_protection": "Mesure de protection", "protecteur": "Protecteur", "denomination": "Dénomination", "adresse": "Adresse",
        "menage": "Ménage", "adultes": "Adultes", "enfants": "Enfants", "criteres": "Critères d'entrée",
        "handicap_psychique": "Handicap psychique", "suivi_ch_jury": "Suivi par le CH de Jury",
        "difficulte_acces_logement": "Difficulté d'accès au logement", "solvable": "Solvable",
        "ressources_mensuelles": "Ressources mensuelles", "nature": "Nature", "montant": "Montant (€)",
        "parcours": "Parcours", "proposition_ch_jury": "Proposition du CH de Jury", "enregistrement_siao": "Enregistrement au SIAO",
        "orientation_association": "Orientation vers l'association", "commission_attribution": "Commission d'attribution",
        "decision_commission": "Décision de la commission", "logement": "Logement", "bailleur": "Bailleur", "reference": "Référence",
        "code_postal": "Code postal", "commune": "Commune", "quartier": "Quartier", "typologie": "Typologie",
        "surface_habitable_m2": "Surface habitable (m²)", "etage": "Étage (0 = rez-de-chaussée)", "ascenseur": "Ascenseur",
        "meuble": "Meublé", "annexes": "Annexes", "equipements": "Équipements", "inventaire": "Inventaire", "element": "Élément",
        "quantite": "Quantité", "etat": "État", "loyer_plafond_apl": "Loyer plafond APL hors charges (€)",
        "date_effet": "Date d'effet", "duree_mois": "Durée (mois)", "loyer_mensuel": "Loyer mensuel hors charges (€)",
        "provision_charges": "Provision pour charges (€)", "depot_garantie": "Dépôt de garantie (€)", "indexation": "Indexation",
        "renouvelable": "Renouvelable", "apl_tiers_payant": "APL en tiers payant", "apl_mensuelle_estimee": "APL mensuelle estimée (€)",
        "attestation_assurance": "Attestation d'assurance fournie", "assurance_echeance": "Échéance de l'assurance",
        "convention_tripartite": "Convention tripartite (CCH L442-8-3)", "renouvellements": "Renouvellements",
        "accompagnement": "Accompagnement", "referent_soin": "Référent soin", "referent_social": "Référent social",
        "fonction": "Fonction", "astreinte": "Astreinte", "consentements": "Consentements au partage d'informations",
        "date": "Date", "destinataire": "Destinataire", "perimetre": "Périmètre", "retrait": "Date de retrait",
        "evaluations": "Évaluations partagées", "type": "Type", "presents": "Présents",
        "partie_partagee": "Partie partagée", "paiement_loyer": "Paiement du loyer", "dette_locative": "Dette locative (€)",
        "assurance": "Assurance", "entretien_logement": "Entretien du logement", "voisinage": "Voisinage",
        "budget_autonomie": "Autonomie budgétaire", "avis_sous_locataire": "Avis du sous-locataire",
        "objectifs": "Objectifs", "partie_soin": "Partie soin (équipe de soins uniquement)",
        "observations": "Observations", "recommandation": "Recommandation", "motifs": "Motifs",
        "transmission_commission_attribution": "Transmission à la commission d'attribution", "orientation": "Orientation",
        "commentaire": "Commentaire", "ami_doublement": "Doublement AMI", "issue": "Issue",
    ]
}
