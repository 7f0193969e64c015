import Foundation
import TrameFrench
import TrameModel

/// The French labels of the format's keys: one table for the web pages and form (« Civilité »,
/// « Loyer mensuel hors charges (€) ») and for the placeholders of drafts, which name a missing
/// value in words (« [à compléter : civilité du représentant du Centre hospitalier de Jury] »),
/// never by its data path. Presentation only: what a role may see is decided by `Clearance`.
public enum FieldLabels {
    /// The label of the field at a schema path (`sous_locataire.nom`), by its full path first, then its key.
    /// An entry of a dated history is labelled as the field it dates (`logement.historique.etage`
    /// as `logement.etage`).
    public static func label(_ schemaPath: String) -> String {
        let schemaPath = withoutHistory(schemaPath)
        if let label = byPath[schemaPath] { return label }
        let key = String(schemaPath.split(separator: ".").last ?? "")
        if let label = byKey[key] { return label }
        let words = key.replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// Whether a key (or schema path) has a label of its own (not one made from the key).
    public static func hasLabel(_ schemaPath: String) -> Bool {
        byPath[withoutHistory(schemaPath)] != nil || byKey[String(schemaPath.split(separator: ".").last ?? "")] != nil
    }

    /// The schema path without its `historique` steps.
    static func withoutHistory(_ schemaPath: String) -> String {
        guard schemaPath.contains(".historique.") else { return schemaPath }
        return schemaPath.split(separator: ".").filter { $0 != "historique" }.joined(separator: ".")
    }

    /// The name of one item of a list of objects (« Évaluation »).
    public static func item(_ schemaPath: String) -> String {
        guard let phrase = itemPhrase(schemaPath) else { return "Élément" }
        return FrenchText.capitalizedFirst(withoutArticle(phrase))
    }

    /// Keys whose text is long enough for a multi-line field.
    public static let longTexts: Set<String> = ["avis_sous_locataire", "motifs", "observations", "commentaire"]

    // MARK: Placeholders

    /// A missing value named in words, for the placeholder of a draft: the field's label, then
    /// what it belongs to, up to the first entity that names it — a party by its denomination
    /// (with its article, `parties[].article`), an evaluation or a renewal by its date, a
    /// signatory by its party: `convention.parties[0].representant.civilite` → « civilité du
    /// représentant du Centre hospitalier de Jury » ; `evaluations[2].motifs` → « motifs de
    /// l'évaluation du 6 août 2020 » ; `logement.etage` → « étage du logement ».
    /// - Parameters:
    ///   - path: The path as the data has it (list indices included).
    ///   - root: The document's context, where the entities are read.
    /// - Returns: The label, lower case.
    public static func phrase(path: String, in root: DataNode) -> String {
        let components = FieldPath(parsing: path).components
        guard case .key(let leafKey)? = components.last else { return path }
        let schemaPath = FieldPath(components).schemaPath
        var text = noun(schemaPath, key: leafKey)
        var index = components.count - 2
        while index >= 0 {
            let prefix = FieldPath(Array(components[...index]))
            let node = root.node(at: prefix)
            switch components[index] {
            case .index(let position):
                let listPath = FieldPath(Array(components[..<index])).schemaPath
                return text + " " + entity(node, listPath: listPath, position: position)
            case .key(let key):
                if let node, let named = namedEntity(node, key: key) { return text + " " + named }
                // « de la convention » only for its own fields (« lieu de signature de la convention »),
                // not after another complement (« adresse de la préfecture »).
                if key == "convention", index == 0, index < components.count - 2 { break }
                if let definite = containers[prefix.schemaPath] ?? containers[key] {
                    text += " " + FrenchArticle.phrase(definite: definite, preposition: "de")
                }
            }
            index -= 1
        }
        return text
    }

    /// The label of a leaf, lower case, without the unit or note in brackets a form shows
    /// (« Loyer mensuel hors charges (€) » → « loyer mensuel hors charges »).
    static func noun(_ schemaPath: String, key: String) -> String {
        if let phrase = nouns[key] { return phrase }
        var label = label(schemaPath)
        if label.hasSuffix(")"), let open = label.range(of: " (", options: .backwards) { label = String(label[..<open.lowerBound]) }
        let characters = Array(label)
        if characters.count > 1, characters[1].isUppercase { return label }
        return label.prefix(1).lowercased() + label.dropFirst()
    }

    /// A party (an object with `id` and `denomination`), or a selected evaluation or renewal (an
    /// object with its date), named as the complement of a label; nil for any other object.
    static func namedEntity(_ node: DataNode, key: String) -> String? {
        guard node.object != nil else { return nil }
        if node["id"] != nil, let name = node["denomination"]?.text {
            let article = node["article"]?.text.flatMap(FrenchArticle.init(rawValue:))
            return FrenchArticle.phrase(name, preposition: "de", article: article)
        }
        if key == "evaluation", let date = node["date"]?.date { return "de l'évaluation du " + long(date) }
        if key == "renouvellement", let date = node["date_effet"]?.date { return "du renouvellement du " + long(date) }
        return nil
    }

    /// A list element as the complement of a label: by its party, denomination or date, else its rank.
    static func entity(_ node: DataNode?, listPath: String, position: Int) -> String {
        let definite = itemPhrase(listPath) ?? "l'élément"
        if let node {
            if let named = namedEntity(node, key: "") { return named }
            if let party = node["partie"]?.text, listPath.hasPrefix("signataires") {
                return FrenchArticle.phrase(definite: definite, preposition: "de") + " pour " + FrenchArticle.phrase(party, preposition: "")
            }
            if let date = node["date"]?.date ?? node["date_effet"]?.date {
                return FrenchArticle.phrase(definite: definite, preposition: "de") + " du " + long(date)
            }
            if let name = node["denomination"]?.text ?? node["nom"]?.text ?? node["intitule"]?.text ?? node["element"]?.text {
                return FrenchArticle.phrase(definite: definite, preposition: "de") + " « " + name + " »"
            }
        }
        return FrenchArticle.phrase(definite: definite, preposition: "de") + " n° \(position + 1)"
    }

    private static func long(_ date: CalendarDate) -> String {
        FrenchDate.long(year: date.year, month: date.month, day: date.day)
    }

    private static func itemPhrase(_ listPath: String) -> String? {
        if listPath.hasPrefix("signataires.") { return "le signataire" }
        return items[listPath] ?? items[String(listPath.split(separator: ".").last ?? "")]
    }

    private static func withoutArticle(_ phrase: String) -> String {
        for prefix in ["le ", "la ", "les ", "l'"] where phrase.hasPrefix(prefix) { return String(phrase.dropFirst(prefix.count)) }
        return phrase
    }

    // MARK: Tables

    /// One item of each list of objects, with its definite article (by full path, then key).
    private static let items: [String: String] = [
        "ressources_mensuelles": "la ressource", "logement.inventaire": "l'élément d'inventaire",
        "sous_location.renouvellements": "le renouvellement", "consentements": "le consentement", "evaluations": "l'évaluation",
        "parties": "la partie", "contacts": "le contact", "financements": "le financement",
        "questions_ouvertes": "la question ouverte", "garanties": "la garantie", "historique": "la valeur antérieure",
    ]

    /// The objects a value belongs to, with their definite article (by full path, then key):
    /// « civilité du représentant », « étage du logement ».
    private static let containers: [String: String] = [
        "convention": "la convention", "sous_locataire": "le sous-locataire", "protecteur": "le protecteur",
        "representant": "le représentant", "cesf": "la personne chargée du conseil en économie sociale et familiale",
        "logement": "le logement", "bail_principal": "le bail principal", "sous_location": "la sous-location",
        "convention.sous_location": "les règles de sous-location", "accompagnement": "l'accompagnement",
        "referent_soin": "le référent soin", "referent_social": "le référent social", "menage": "le ménage",
        "criteres": "les critères d'entrée", "parcours": "le parcours", "partie_partagee": "la partie partagée",
        "partie_soin": "la partie soin", "gouvernance": "la gouvernance", "comite_pilotage": "le comité de pilotage",
        "comite_technique": "le comité technique", "financement": "le financement", "issue": "l'issue",
        "prefecture": "la préfecture", "terme_precedent": "le terme précédent",
        "chauffage": "le chauffage", "eau_chaude": "l'eau chaude sanitaire",
    ]

    /// Leaf labels that read better in a sentence than the form's (the form keeps its own).
    private static let nouns: [String: String] = [
        "etage": "étage", "surface_habitable_m2": "surface habitable", "date_avis_prefet": "date de l'avis au préfet",
        "date_fin": "date de fin", "numero": "numéro", "qualite": "qualité", "nom": "nom", "denomination": "dénomination",
    ]

    private static let byPath: [String: String] = [
        "dossier": "Numéro de dossier", "etape": "Étape du parcours",
        "issue.decision_commission": "Date de la décision de la commission", "issue": "Fin de la sous-location",
        // Reviews in two parts (issue 13, point 6): the housing part may reach the landlord with the
        // consent; the support part never does (level social).
        "evaluations.partie_partagee": "Constats : volet logement et volet accompagnement",
        "evaluations.partie_partagee.accompagnement": "Accompagnement (volet accompagnement, sans le bailleur)",
        "evaluations.partie_partagee.budget_autonomie": "Autonomie budgétaire (volet accompagnement, sans le bailleur)",
        "evaluations.type": "Type d'évaluation",
        "logement.reference": "Référence du logement", "logement.adresse": "Adresse", "sous_locataire.protecteur.adresse": "Adresse du protecteur",
        "sous_location": "Sous-location", "bail_principal": "Bail principal", "financement": "Financement",
        "evaluations.partie_soin.observations": "Observations de l'équipe de soins",
        "evaluations.retrait": "Retrait de l'évaluation", "evaluations.retrait.date": "Date du retrait",
        "evaluations.retrait.motif": "Motif du retrait",
        "convention.sous_location": "Règles de sous-location", "financements.financeur": "Financeur",
        // What the sublease must state (docs/format.md § 9, note ¹).
        "logement.convention_apl.reference": "Numéro de la convention APL", "logement.convention_apl.date": "Date de la convention APL",
        "logement.convention_apl.consultation": "Lieu de consultation de la convention APL",
        "logement.diagnostics.electricite": "Date de l'état de l'installation intérieure d'électricité",
        "logement.diagnostics.gaz": "Date de l'état de l'installation intérieure de gaz",
    ]

    private static let byKey: [String: String] = [
        // Dossier.
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
        "date_convention_tripartite": "Date de signature de la convention tripartite", "avis_prefet": "Date d'envoi de l'avis au préfet",
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
        "parties_communes": "Parties et équipements communs", "chauffage": "Chauffage", "eau_chaude": "Eau chaude sanitaire",
        "production": "Mode de production", "energie": "Énergie", "repartition": "Répartition de la consommation",
        "annee_construction": "Année de construction de l'immeuble",
        "installation_electricite": "Ancienneté de l'installation intérieure d'électricité",
        "installation_gaz": "Installation intérieure de gaz", "diagnostics": "Dossier de diagnostic technique",
        "dpe": "Date du diagnostic de performance énergétique", "etat_risques": "Date de l'état des risques",
        "crep": "Date du constat de risque d'exposition au plomb", "reglement_immeuble": "Règlement de l'immeuble",
        "convention_apl": "Convention APL", "urgence_technique": "Ligne d'urgence technique",
        "depuis": "En vigueur depuis", "historique": "Valeurs antérieures", "description": "Description",
        // Convention.
        "identifiant": "Identifiant", "intitule": "Intitulé", "intitule_public": "Intitulé public",
        "territoire": "Territoire", "lieu_signature": "Lieu de signature", "date_signature": "Date de signature",
        "reconduction": "Reconduction", "besoins_identifies": "Besoins identifiés", "typologies": "Typologies",
        "communes": "Communes", "duree_minimale_mois": "Durée minimale (mois)", "duree_maximale_mois": "Durée maximale (mois)",
        "periodicite_evaluation_mois": "Périodicité des évaluations (mois)", "glissement_automatique": "Glissement automatique",
        "menages_tripartite": "Ménages relevant de la convention tripartite", "parties": "Parties", "id": "Identifiant",
        "role": "Rôle", "forme": "Forme juridique", "inscription": "Inscription au registre des associations",
        "agrement_iml": "Agrément d'intermédiation locative", "siret": "SIRET", "equipe": "Équipe",
        "representant": "Représentant", "qualite": "Qualité", "contacts": "Contacts",
        "cesf": "Conseiller ou conseillère en économie sociale et familiale", "article": "Article devant le nom",
        "financements": "Financements", "financeur": "Financeur", "financeurs": "Financeurs", "montant_annuel": "Montant annuel (€)",
        "assiette": "Assiette", "doublement_possible": "Doublement possible", "questions_ouvertes": "Questions ouvertes",
        "partie": "Partie", "sujet": "Sujet", "gouvernance": "Gouvernance", "comite_pilotage": "Comité de pilotage",
        "comite_technique": "Comité technique", "periodicite_mois": "Périodicité (mois)", "membres": "Membres",
        "garanties": "Garanties financières", "organisme": "Organisme", "jusqu_au": "Jusqu'au",
        "prefecture": "Préfecture", "service": "Service destinataire", "destinataire_prefet": "Destinataire",
        "logo": "Logo", "style": "Fichier de style",
        // Derived in the documents' context.
        "date_fin": "Date de fin", "date_avis_prefet": "Date de l'avis au préfet", "numero": "Numéro",
        "duree_cumulee_mois": "Durée cumulée (mois)", "signataires": "Signataires",
    ]
}
