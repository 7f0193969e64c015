/// French labels of the enumerated values of the format (filter `libelle`):
/// `curatelle_renforcee` → "curatelle renforcée", `IRL` → "indice de référence des loyers (IRL)".
public enum ValueLabels {
    /// The label of a value, or nil when the value has none (it is then written as is).
    /// - Parameter value: The value as stored in a file (`a_jour`, `glissement_bail`, `T2`).
    public static func label(for value: String) -> String? { table[value] }

    /// Every value with a label, for tests and documentation.
    public static var values: [String] { table.keys.sorted() }

    private static let table: [String: String] = [
        // Convention: renewal, housing types, roles, funding basis.
        "expresse": "expresse", "tacite": "tacite", "aucune": "aucune",
        "T1": "T1", "T2": "T2", "T3": "T3", "T4": "T4", "T5": "T5",
        "etablissement_sante": "établissement de santé", "operateur_associatif": "opérateur associatif",
        "bailleur_social": "bailleur social",
        "siao": "service intégré d'accueil et d'orientation (SIAO)", "financeur": "financeur", "autre": "autre",
        "logement": "logement", "personne": "personne",
        // Convention: households under the tripartite rule (CCH L442-8-3).
        "tous": "tous les ménages", "selon_criteres": "les ménages en difficulté d'accès au logement (CCH L301-1 II)",
        "aucun": "aucun ménage",
        // Articles before a name (`parties[].article`).
        "le": "le", "la": "la", "l'": "l'", "les": "les", "sans": "sans article",
        // Convention: financial guarantees of the association's rental risk (`garanties[].nature`).
        "fonds_garantie": "fonds de garantie", "fsl": "Fonds de solidarité pour le logement (FSL)",
        "visale": "garantie Visale", "reserve_association": "réserve de l'association",
        "engagement_bailleur_vacance": "engagement du bailleur en cas de vacance",
        // Person.
        "Madame": "Madame", "Monsieur": "Monsieur",
        "sauvegarde": "sauvegarde de justice", "curatelle_simple": "curatelle simple",
        "curatelle_renforcee": "curatelle renforcée", "tutelle": "tutelle",
        "sous_locataire": "sous-locataire",
        // Pathway.
        "proposition": "proposition", "enregistrement": "enregistrement", "orientation": "orientation",
        "attribution": "attribution", "sous_location": "sous-location", "glissement": "glissement du bail",
        "reorientation": "réorientation", "sortie": "sortie",
        "favorable": "favorable", "defavorable": "défavorable", "ajournee": "ajournée",
        // Leases.
        "IRL": "indice de référence des loyers (IRL)",
        // Housing: what the sublease states (heating, installations, building rules).
        "individuelle": "individuelle", "collective": "collective",
        "moins_15_ans": "moins de quinze ans", "plus_15_ans": "plus de quinze ans",
        "reglement_interieur": "règlement intérieur de l'immeuble", "reglement_copropriete": "règlement de copropriété",
        // Consents.
        "partage": "informations partagées", "social": "informations sociales",
        // Evaluations.
        "semestrielle": "semestrielle", "finale": "finale",
        "regulier": "régulier", "retards": "retards", "impayes": "impayés",
        "a_jour": "à jour", "a_renouveler": "à renouveler", "absente": "absente",
        "satisfaisant": "satisfaisant", "a_ameliorer": "à améliorer", "preoccupant": "préoccupant",
        "sans_incident": "sans incident", "incidents_signales": "incidents signalés",
        "en_place": "en place", "a_renforcer": "à renforcer", "interrompu": "interrompu",
        "autonome": "autonome", "en_progression": "en progression", "a_soutenir": "à soutenir",
        "glissement_bail": "glissement du bail", "prolongation": "prolongation de la sous-location",
        "residence_accueil": "résidence accueil", "pension_de_famille": "pension de famille",
        "famille_gouvernante": "famille gouvernante", "logement_ordinaire": "logement ordinaire",
        // Audiences.
        "partenaires": "partenaires", "bailleur": "bailleur", "association": "association",
        "sous-locataire": "sous-locataire", "soin": "équipe de soins", "prefet": "préfet",
    ]
}
