/// What a final sublease must state and the format only makes optional (docs/format.md § 9, « Ce
/// que le contrat de sous-location doit mentionner »): the person's lease is under loi n° 89-462
/// (art. 3 and 3-3, applied through its art. 40 III and CCH L. 442-8-2). `trame check` warns of each
/// missing item from the attribution stage on (`SOUS_LOCATION_INCOMPLETE`); the `sous-location`
/// template names the same fields, so a final act lacking one is refused (`VALEUR_MANQUANTE`) and a
/// draft shows it « à compléter ». A test keeps the two lists equal.
public struct SubleaseRequirement: Sendable, Hashable {
    /// The missing field (`logement.chauffage.production`).
    public let path: String
    /// What the contract must say, in French.
    public let label: String
    /// The legal text that requires it.
    public let source: String

    public init(path: String, label: String, source: String) {
        self.path = path
        self.label = label
        self.source = source
    }

    /// The items a final sublease of this dossier cannot do without and that the dossier lacks.
    /// - Parameters:
    ///   - dossier: The dossier's root (as recorded on the act's date, for a document).
    ///   - convention: Its convention's root: the landlord's technical emergency line may be there.
    public static func missing(in dossier: DataNode, convention: DataNode?) -> [SubleaseRequirement] {
        guard let housing = dossier["logement"] else { return [] }
        var out: [SubleaseRequirement] = []
        func need(_ present: Bool, _ path: String, _ label: String, _ source: String) {
            if !present { out.append(SubleaseRequirement(path: path, label: label, source: source)) }
        }
        let art3 = "loi n° 89-462 du 6 juillet 1989, art. 3"
        let ddt = "loi n° 89-462 du 6 juillet 1989, art. 3-3 (dossier de diagnostic technique)"
        need(housing["equipements"] != nil, "logement.equipements", "équipements d'usage privatif (liste, vide s'il n'y en a pas)", art3)
        need(housing["parties_communes"] != nil, "logement.parties_communes", "parties et équipements d'usage commun (liste, vide s'il n'y en a pas)", art3)
        need(housing["chauffage"]?["production"] != nil, "logement.chauffage.production", "mode de production du chauffage (individuelle ou collective)",
             art3 + " ; décret n° 2015-587 du 29 mai 2015, contrat type")
        need(housing["eau_chaude"]?["production"] != nil, "logement.eau_chaude.production", "mode de production de l'eau chaude sanitaire (individuelle ou collective)",
             art3 + " ; décret n° 2015-587 du 29 mai 2015, contrat type")
        need(housing["annee_construction"] != nil, "logement.annee_construction", "année de construction de l'immeuble (constat de risque d'exposition au plomb avant 1949)",
             "code de la santé publique, art. L. 1334-7 ; " + ddt)
        need(housing["installation_electricite"] != nil, "logement.installation_electricite", "ancienneté de l'installation intérieure d'électricité", ddt)
        need(housing["installation_gaz"] != nil, "logement.installation_gaz", "installation intérieure de gaz (aucune, moins ou plus de quinze ans)", ddt)
        let diagnostics = housing["diagnostics"]
        need(diagnostics?["dpe"] != nil, "logement.diagnostics.dpe", "date du diagnostic de performance énergétique", ddt)
        need(diagnostics?["etat_risques"] != nil, "logement.diagnostics.etat_risques", "date de l'état des risques", ddt)
        if let year = housing.int("annee_construction"), year < 1949 {
            need(diagnostics?["crep"] != nil, "logement.diagnostics.crep", "date du constat de risque d'exposition au plomb (immeuble construit avant 1949)", ddt)
        }
        if housing.string("installation_electricite") == "plus_15_ans" {
            need(diagnostics?["electricite"] != nil, "logement.diagnostics.electricite", "date de l'état de l'installation intérieure d'électricité (plus de quinze ans)", ddt)
        }
        if housing.string("installation_gaz") == "plus_15_ans" {
            need(diagnostics?["gaz"] != nil, "logement.diagnostics.gaz", "date de l'état de l'installation intérieure de gaz (plus de quinze ans)", ddt)
        }
        need(housing["reglement_immeuble"] != nil, "logement.reglement_immeuble", "règlement de l'immeuble dont les extraits sont annexés (ou « aucun »)", art3)
        need(housing["convention_apl"] != nil, "logement.convention_apl.reference", "référence de la convention APL du logement et lieu où la consulter",
             "CCH, art. L. 353-2 et L. 442-8-2")
        let landlord = convention?.items("parties").first { $0.string("id") == housing.string("bailleur") }
        need(housing["urgence_technique"] != nil || landlord?["urgence_technique"] != nil, "logement.urgence_technique",
             "ligne d'urgence technique du logement (ou « urgence_technique » du bailleur dans la convention)", "convention cadre : procédure d'alerte et d'urgence")
        need(dossier["sous_location"]?["apl_mensuelle_estimee"] != nil, "sous_location.apl_mensuelle_estimee",
             "aide au logement estimée (0 s'il n'y en a pas) : le contrat indique le montant restant à la charge de la personne", "convention cadre : accompagnement budgétaire")
        return out
    }
}
