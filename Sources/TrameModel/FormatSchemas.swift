import Foundation

/// The public format of FORMAT.md as schema tables: one source of truth for key checks, types,
/// requirements and sensitivity levels, and for the template checks of field paths.
public enum FormatSchemas {
    static let amount = FieldType.decimal(minimum: 0, exclusive: false, isAmount: true)
    static let count = FieldType.integer(minimum: 0)
    static let months = FieldType.integer(minimum: 1)

    public static let roles = ["etablissement_sante", "operateur_associatif", "bailleur_social", "siao", "financeur", "autre"]
    public static let typologies = ["T1", "T2", "T3", "T4", "T5"]
    public static let stages = ["proposition", "enregistrement", "orientation", "attribution", "sous_location",
                                "glissement", "reorientation", "sortie"]
    public static let recommendations = ["glissement_bail", "prolongation", "residence_accueil", "pension_de_famille",
                                         "famille_gouvernante", "autre"]
    public static let protectionMeasures = ["aucune", "sauvegarde", "curatelle_simple", "curatelle_renforcee", "tutelle"]
    /// The article an organisation's name takes in a sentence (`parties[].article`,
    /// `sous_locataire.protecteur.article`): « au Service… », « à l'Association… », none for a
    /// proper name. The same values as `FrenchArticle` (TrameFrench).
    public static let articles = ["le", "la", "l'", "les", "sans"]
    /// Which households a convention places under the tripartite rule (CCH L442-8-3):
    /// `convention.sous_location.menages_tripartite`.
    public static let tripartiteRules = ["tous", "selon_criteres", "aucun"]
    /// The kinds of financial guarantee a convention may record (`garanties[].nature`): who bears
    /// the rental risk of the association, tenant of the main leases (docs/format.md § 8).
    public static let guaranteeNatures = ["fonds_garantie", "fsl", "visale", "reserve_association",
                                          "engagement_bailleur_vacance", "autre"]

    /// A block with a dated history (docs/format.md § 9, « Historique daté »): its fields, plus
    /// `depuis` (when the current values began) and `historique[]` (earlier values, each from its
    /// own `depuis`, listing only the keys that differed; every key optional there).
    static func dated(_ fields: [FieldSpec]) -> FieldType {
        let earlier = fields.map { FieldSpec($0.key, $0.type, .optional, $0.sensitivity) }
        return .object(fields + [
            .optional("depuis", .date),
            .optional("historique", .list(.object([.optional("depuis", .date)] + earlier))),
        ])
    }

    static let contact: [FieldSpec] = [
        .optional("nom", .text), FieldSpec("fonction", .text),
        .optional("telephone", .text), .optional("courriel", .text),
    ]

    /// `convention-<id>.yaml`: everything is convention data, level `partenaires`.
    public static let convention = Schema(name: "convention", root: [
        FieldSpec("identifiant", .identifier),
        FieldSpec("intitule", .text),
        // The neutral title printed instead of `intitule` in every document about a person that can
        // reach the landlord or the préfet: it never names the health establishment (RGPD art. 9).
        .optional("intitule_public", .text),
        FieldSpec("territoire", .text),
        // The partnership's house style (issue 14): a style file named relative to the convention
        // file (docs/style.md), stored with each version of the convention.
        .optional("style", .text),
        FieldSpec("lieu_signature", .text),
        .optional("date_signature", .date),
        FieldSpec("date_effet", .date),
        FieldSpec("duree_mois", months),
        FieldSpec("reconduction", .enumeration(["expresse", "tacite", "aucune"])),
        FieldSpec("besoins_identifies", count),
        FieldSpec("typologies", .list(.enumeration(typologies))),
        FieldSpec("communes", .list(.text)),
        FieldSpec("sous_location", .object([
            FieldSpec("duree_minimale_mois", months),
            FieldSpec("duree_maximale_mois", months),
            FieldSpec("periodicite_evaluation_mois", months),
            FieldSpec("glissement_automatique", .boolean),
            .optional("menages_tripartite", .enumeration(tripartiteRules)),
        ])),
        FieldSpec("parties", .list(.object([
            FieldSpec("id", .identifier),
            FieldSpec("role", .enumeration(roles)),
            FieldSpec("denomination", .text),
            .optional("article", .enumeration(articles)),
            .optional("forme", .text), .optional("adresse", .text), .optional("inscription", .text),
            .optional("agrement_iml", .text), .optional("siret", .text), .optional("equipe", .text),
            .optional("astreinte", .text), .optional("urgence_technique", .text),
            .optional("representant", .object([
                .optional("civilite", .enumeration(["Madame", "Monsieur"])),
                .optional("nom", .text),
                FieldSpec("qualite", .text),
            ])),
            .optional("contacts", .list(.object(contact))),
            .optional("cesf", .object([FieldSpec("nom", .text), .optional("telephone", .text), .optional("courriel", .text)])),
            // The partner's logo for letterheads (issue 14): a PNG, JPEG or SVG file named relative to
            // the convention file (an SVG with its PNG rendering beside it), stored with each version.
            .optional("logo", .text),
        ]))),
        FieldSpec("financements", .list(.object([
            FieldSpec("id", .identifier),
            FieldSpec("intitule", .text),
            .optional("financeur", .identifier),
            .optional("financeurs", .list(.identifier)),
            FieldSpec("montant_annuel", amount),
            FieldSpec("assiette", .enumeration(["logement", "personne"])),
            .optional("doublement_possible", .boolean),
        ]))),
        .optional("questions_ouvertes", .list(.object([.optional("partie", .identifier), FieldSpec("sujet", .text)]))),
        // Who bears the financial risk (issue 13, point 7): each guarantee, dated from `depuis` to
        // `jusqu_au` when it changes; documents print those in force on their act's date.
        .optional("garanties", .list(.object([
            FieldSpec("nature", .enumeration(guaranteeNatures)),
            FieldSpec("description", .text),
            .optional("montant", amount),
            .optional("organisme", .text),
            .optional("partie", .identifier),
            .optional("depuis", .date),
            .optional("jusqu_au", .date),
        ]))),
        // The addressee of the landlord's letter to the préfet (CCH L. 442-8-3; issue 13, point 9):
        // « Madame la Préfète » or « Monsieur le Préfet » (default), the instructing service once
        // confirmed (else the direction of the act's date, with a drafting note), the postal address.
        .optional("prefecture", .object([
            .optional("civilite", .enumeration(["Madame", "Monsieur"])),
            .optional("service", .text),
            FieldSpec("adresse", .text),
            FieldSpec("code_postal", .text),
            FieldSpec("commune", .text),
        ])),
        FieldSpec("gouvernance", .object([
            FieldSpec("comite_pilotage", .object([FieldSpec("periodicite_mois", months), FieldSpec("membres", .list(.identifier))])),
            FieldSpec("comite_technique", .object([FieldSpec("periodicite_mois", months), FieldSpec("membres", .list(.identifier))])),
        ])),
    ], rootSensitivity: .partenaires)

    /// The age of an indoor electricity or gas installation: what decides its diagnostic (loi 89-462, art. 3-3).
    public static let installationAges = ["moins_15_ans", "plus_15_ans"]
    /// The building's rules whose extracts are annexed to the sublease (loi 89-462, art. 3).
    public static let buildingRules = ["aucun", "reglement_interieur", "reglement_copropriete"]
    /// How heating or hot water is produced (décret 2015-587, annexe : « modalité de production »).
    static let production: FieldType = .object([
        FieldSpec("production", .enumeration(["individuelle", "collective"])),
        .optional("energie", .text), .optional("repartition", .text),
    ])

    static let referent: FieldType = .object([
        FieldSpec("nom", .text), FieldSpec("fonction", .text),
        .optional("telephone", .text), .optional("courriel", .text),
    ])

    /// `dossier-<id>.yaml`, with each field's sensitivity level (FORMAT.md, "Dossier").
    public static let dossier = Schema(name: "dossier", root: [
        FieldSpec("dossier", .text, .required, .partenaires),
        FieldSpec("convention", .identifier, .required, .partenaires),
        FieldSpec("etape", .enumeration(stages), .required, .social),
        FieldSpec("sous_locataire", dated([
            FieldSpec("civilite", .enumeration(["Madame", "Monsieur"])),
            FieldSpec("nom", .text), FieldSpec("prenom", .text), FieldSpec("date_naissance", .date),
            .optional("lieu_naissance", .text),
            .optional("telephone", .text, .social), .optional("courriel", .text, .social),
            FieldSpec("mesure_protection", .enumeration(protectionMeasures)),
            .optional("protecteur", .object([FieldSpec("denomination", .text), .optional("article", .enumeration(articles)),
                                             .optional("nom", .text), .optional("adresse", .text)])),
        ]), .required, .partenaires),
        FieldSpec("menage", dated([
            FieldSpec("adultes", .integer(minimum: 1)), FieldSpec("enfants", count),
        ]), .required, .social),
        FieldSpec("criteres", .object([
            FieldSpec("handicap_psychique", .boolean), FieldSpec("suivi_ch_jury", .boolean),
            FieldSpec("difficulte_acces_logement", .boolean), FieldSpec("solvable", .boolean),
        ]), .required, .social),
        .optional("ressources_mensuelles", .list(.object([FieldSpec("nature", .text), FieldSpec("montant", amount)])), .social),
        FieldSpec("parcours", .object([
            FieldSpec("proposition_ch_jury", .date),
            .optional("enregistrement_siao", .date), .optional("orientation_association", .date),
            .optional("commission_attribution", .date),
            .optional("decision_commission", .enumeration(["favorable", "defavorable", "ajournee"])),
        ]), .required, .social),
        FieldSpec("logement", dated([
            FieldSpec("bailleur", .identifier),
            FieldSpec("reference", .text), FieldSpec("adresse", .text), FieldSpec("code_postal", .text),
            FieldSpec("commune", .text), .optional("quartier", .text),
            FieldSpec("typologie", .enumeration(typologies)),
            FieldSpec("surface_habitable_m2", .decimal(minimum: 0, exclusive: true, isAmount: false)),
            FieldSpec("etage", .integer(minimum: nil)),
            FieldSpec("ascenseur", .boolean), FieldSpec("meuble", .boolean),
            .optional("annexes", .list(.text)), .optional("equipements", .list(.text)),
            .optional("inventaire", .list(.object([
                FieldSpec("element", .text), FieldSpec("quantite", .integer(minimum: 1)), FieldSpec("etat", .text),
            ]))),
            FieldSpec("loyer_plafond_apl", amount),
            // What the sublease must state (loi 89-462, art. 3 and 3-3; CCH L. 353-9-3): optional in
            // the format, required for a final sublease (`SubleaseRequirements`).
            .optional("parties_communes", .list(.text)),
            .optional("chauffage", production), .optional("eau_chaude", production),
            .optional("annee_construction", .integer(minimum: 1000)),
            .optional("installation_electricite", .enumeration(installationAges)),
            .optional("installation_gaz", .enumeration(["aucune"] + installationAges)),
            .optional("diagnostics", .object([
                .optional("dpe", .date), .optional("etat_risques", .date), .optional("crep", .date),
                .optional("electricite", .date), .optional("gaz", .date),
            ])),
            .optional("reglement_immeuble", .enumeration(buildingRules)),
            .optional("convention_apl", .object([FieldSpec("reference", .text), .optional("date", .date), .optional("consultation", .text)])),
            .optional("urgence_technique", .text),
        ]), .requiredFromAttribution, .partenaires),
        FieldSpec("bail_principal", .object([
            FieldSpec("date_effet", .date), FieldSpec("duree_mois", months),
            FieldSpec("loyer_mensuel", amount), FieldSpec("provision_charges", amount),
            FieldSpec("depot_garantie", amount), FieldSpec("indexation", .enumeration(["IRL", "aucune"])),
        ]), .requiredFromAttribution, .partenaires),
        FieldSpec("sous_location", .object([
            FieldSpec("date_effet", .date), FieldSpec("duree_mois", months), FieldSpec("renouvelable", .boolean),
            FieldSpec("loyer_mensuel", amount), FieldSpec("provision_charges", amount), FieldSpec("depot_garantie", amount),
            FieldSpec("apl_tiers_payant", .boolean),
            .optional("apl_mensuelle_estimee", amount, .social),
            FieldSpec("attestation_assurance", .boolean),
            .optional("assurance_echeance", .date),
            FieldSpec("convention_tripartite", .boolean),
            .optional("date_convention_tripartite", .date),
            .optional("avis_prefet", .date),
            .optional("renouvellements", .list(.object([FieldSpec("date_effet", .date), FieldSpec("duree_mois", months),
                                                        .optional("avis_prefet", .date)]))),
        ]), .requiredFromAttribution, .partenaires),
        // The care team's referent is health data once linked to the person (being followed in
        // psychiatry, RGPD art. 9): level `social`, never in a landlord's or the préfet's document.
        FieldSpec("accompagnement", .object([
            FieldSpec("referent_soin", referent, .required, .social), FieldSpec("referent_social", referent),
            // The support's on-call line is the care team's in practice (issue 13, point 5): level `social`.
            .optional("astreinte", .text, .social),
        ]), .requiredFromAttribution, .partenaires),
        .optional("consentements", .list(.object([
            FieldSpec("date", .date), FieldSpec("destinataire", .identifier),
            FieldSpec("perimetre", .enumeration(["partage", "social"])), .optional("retrait", .date),
        ])), .partenaires),
        .optional("evaluations", .list(.object([
            FieldSpec("date", .date),
            FieldSpec("type", .enumeration(["semestrielle", "finale"])),
            FieldSpec("presents", .list(.text)),
            FieldSpec("partie_partagee", .object([
                FieldSpec("paiement_loyer", .enumeration(["regulier", "retards", "impayes"])),
                FieldSpec("dette_locative", amount),
                FieldSpec("assurance", .enumeration(["a_jour", "a_renouveler", "absente"])),
                FieldSpec("entretien_logement", .enumeration(["satisfaisant", "a_ameliorer", "preoccupant"])),
                FieldSpec("voisinage", .enumeration(["sans_incident", "incidents_signales"])),
                // The support part of the review, held without the landlord (issue 13, point 6): level
                // `social`, so the landlord's copy holds only the housing part above.
                FieldSpec("accompagnement", .enumeration(["en_place", "a_renforcer", "interrompu"]), .required, .social),
                FieldSpec("budget_autonomie", .enumeration(["autonome", "en_progression", "a_soutenir"]), .required, .social),
            ]), .required, .partage),
            .optional("avis_sous_locataire", .text, .social),
            .optional("objectifs", .list(.text), .social),
            .optional("partie_soin", .object([.optional("observations", .text)]), .soin),
            .optional("recommandation", .enumeration(recommendations), .partage),
            .optional("motifs", .text, .partage),
            .optional("transmission_commission_attribution", .date, .partage),
            // A withdrawn evaluation (issue 16): kept in the file and the archive, never deleted, but
            // no longer held — no document, deadline or stage counts it. Its date reaches every
            // partner who sees the evaluation; its reason is at the level of the review's reasons.
            .optional("retrait", .object([FieldSpec("date", .date), FieldSpec("motif", .text, .required, .partage)]), .partenaires),
        ])), .partenaires),
        .optional("issue", .object([
            FieldSpec("date", .date),
            FieldSpec("nature", .enumeration(["glissement", "reorientation", "sortie"])),
            .optional("orientation", .enumeration(["residence_accueil", "pension_de_famille", "famille_gouvernante",
                                                   "logement_ordinaire", "autre"])),
            .optional("decision_commission", .date),
            .optional("commentaire", .text),
        ]), .social),
        .optional("financement", .object([.optional("ami_doublement", .boolean)]), .partenaires),
    ], rootSensitivity: .partenaires)
}
