import Foundation
import TrameDiagnostics

/// Legal and programme rules of a dossier (DOMAIN.md §2, FORMAT.md). They compare values of the
/// files with each other and never read the clock, so a file's verdict never changes with the date.
struct DossierRules {
    let root: DataNode
    let convention: DataNode?
    private(set) var out: [Diagnostic] = []

    init(root: DataNode, convention: DataNode?) {
        self.root = root
        self.convention = convention
    }

    static func check(_ root: DataNode, convention: DataNode?) -> [Diagnostic] {
        var rules = DossierRules(root: root, convention: convention)
        rules.run()
        return rules.out
    }

    private mutating func error(_ code: DiagnosticCode, _ node: DataNode?, _ message: String, path: FieldPath? = nil) {
        out.append(.error(code, path: path ?? node?.path, message, at: node?.location ?? root.location))
    }

    private mutating func warning(_ code: DiagnosticCode, _ node: DataNode?, _ message: String, path: FieldPath? = nil) {
        out.append(.warning(code, path: path ?? node?.path, message, at: node?.location ?? root.location))
    }

    private var stage: Stage? { root.string("etape").flatMap(Stage.init(rawValue:)) }
    private var partyIds: [String] { convention?.items("parties").compactMap { $0.string("id") } ?? [] }
    private func role(of id: String) -> String? { convention?.items("parties").first { $0.string("id") == id }?.string("role") }
    private func money(_ d: Decimal) -> String { "\(d)".replacingOccurrences(of: ".", with: ",") + " €" }

    mutating func run() {
        checkPerson()
        checkCriteria()
        checkPathway()
        checkHousing()
        checkLeases()
        checkConsents()
        checkEvaluations()
        checkHistories()
        checkTripartite()
        checkPrefectNotices()
        checkSubleaseMentions()
    }

    private mutating func checkPerson() {
        guard let person = root["sous_locataire"], let measure = person.string("mesure_protection") else { return }
        if measure != "aucune" && person["protecteur"] == nil {
            error(.protecteurManquant, person["mesure_protection"],
                  "sous mesure de protection (\(measure)), le protecteur (« protecteur ») doit être indiqué : il intervient à la signature",
                  path: person.path.appending("protecteur"))
        }
    }

    private mutating func checkCriteria() {
        guard let criteria = root["criteres"], let stage else { return }
        let unmet = ["handicap_psychique", "suivi_ch_jury", "difficulte_acces_logement", "solvable"].filter { criteria.bool($0) == false }
        guard !unmet.isEmpty else { return }
        let list = unmet.map { "« \($0) »" }.joined(separator: ", ")
        if stage == .proposition {
            warning(.criteres, criteria[unmet[0]], "critère(s) non rempli(s) : \(list) ; les quatre critères cumulatifs devront l'être pour l'enregistrement")
        } else {
            error(.criteres, criteria[unmet[0]], "critère(s) non rempli(s) : \(list) ; les quatre critères sont cumulatifs à partir de l'étape « enregistrement »")
        }
    }

    private mutating func checkPathway() {
        guard let pathway = root["parcours"] else { return }
        let order = ["proposition_ch_jury", "enregistrement_siao", "orientation_association", "commission_attribution"]
        var previous: (String, CalendarDate)?
        for key in order {
            guard let node = pathway[key], let date = node.date else { continue }
            if let (pk, pd) = previous, date < pd {
                error(.datesParcours, node, "la date « \(key) » (\(date)) précède « \(pk) » (\(pd)) : les dates du parcours doivent se suivre")
            }
            previous = (key, date)
        }
    }

    private mutating func checkHousing() {
        guard let housing = root["logement"] else { return }
        if let landlord = housing["bailleur"], let id = landlord.text, convention != nil {
            if role(of: id) != "bailleur_social" {
                let landlords = convention?.items("parties").filter { $0.string("role") == "bailleur_social" }.compactMap { $0.string("id") } ?? []
                var message = role(of: id) == nil ? "« \(id) » n'est pas une partie de la convention"
                    : "la partie « \(id) » n'est pas un bailleur social (rôle « \(role(of: id)!) »)"
                if let near = Suggestions.nearest(to: id, among: landlords) { message += " ; vouliez-vous dire « \(near) » ?" }
                else if !landlords.isEmpty { message += " ; bailleurs de la convention : " + landlords.joined(separator: ", ") }
                error(.bailleurInconnu, landlord, message)
            }
        }
        if housing.bool("meuble") == true && housing.items("inventaire").isEmpty {
            warning(.inventaire, housing["meuble"], "logement meublé sans inventaire (« inventaire ») : la location meublée exige un inventaire du mobilier")
        }
    }

    private mutating func checkLeases() {
        let housing = root["logement"]
        let main = root["bail_principal"]
        guard let sub = root["sous_location"] else { return }
        let furnished = housing?.bool("meuble") == true
        if let rent = sub.money("loyer_mensuel"), let depositNode = sub["depot_garantie"], let deposit = depositNode.decimal {
            let limit = furnished ? rent * 2 : rent
            if deposit > limit {
                error(.depotGarantie, depositNode, "le dépôt de garantie (\(money(deposit))) dépasse \(furnished ? "deux mois" : "un mois") de loyer hors charges (\(money(limit))) ; loi du 6 juillet 1989, art. \(furnished ? "25-6" : "22")")
            }
        }
        if let rentNode = sub["loyer_mensuel"], let rent = rentNode.decimal, let ceiling = housing?.money("loyer_plafond_apl"), rent > ceiling {
            error(.loyerPlafond, rentNode, "le loyer de sous-location hors charges (\(money(rent))) dépasse le loyer plafond APL du logement (\(money(ceiling)))")
        }
        if let subStart = sub["date_effet"], let s = subStart.date, let m = main?.day("date_effet"), s < m {
            error(.datesBaux, subStart, "la sous-location (\(s)) ne peut pas commencer avant le bail principal (\(m)) : l'association doit être locataire")
        }
        if let s = sub.day("date_effet"), let commission = root["parcours"]?.day("commission_attribution"), s < commission {
            warning(.datesParcours, sub["date_effet"], "la sous-location commence (\(s)) avant la commission d'attribution (\(commission))")
        }
        checkTerms(sub, mainLease: main)
    }

    private mutating func checkTerms(_ sub: DataNode, mainLease: DataNode?) {
        guard let start = sub.day("date_effet"), let months = sub.int("duree_mois") else { return }
        var end = start.endOfTerm(months: months)
        var total = months
        let renewals = sub.items("renouvellements")
        if sub.bool("renouvelable") == false, let first = renewals.first {
            warning(.renouvellement, first, "renouvellement enregistré alors que la sous-location est déclarée non renouvelable (« renouvelable: false »)")
        }
        for renewal in renewals {
            guard let rs = renewal.day("date_effet"), let rm = renewal.int("duree_mois") else { continue }
            let expected = end.adding(days: 1)
            if rs != expected {
                error(.renouvellementDate, renewal["date_effet"], "un renouvellement commence le lendemain de la fin du terme précédent, soit le \(expected) (et non le \(rs))")
            }
            end = rs.endOfTerm(months: rm)
            total += rm
        }
        guard let rules = convention?["sous_location"] else { return }
        if let minimum = rules.int("duree_minimale_mois"), months < minimum {
            warning(.dureeMinimale, sub["duree_mois"], "durée initiale de \(months) mois, inférieure au minimum de \(minimum) mois prévu par la convention")
        }
        if let maximum = rules.int("duree_maximale_mois"), total > maximum {
            warning(.dureeMaximale, renewals.last?["duree_mois"] ?? sub["duree_mois"],
                    "durée cumulée de \(total) mois, au-delà du maximum de \(maximum) mois prévu par la convention ; le sous-locataire garde son droit au maintien dans les lieux (CCH L442-8-2) : une solution doit être recherchée")
        }
        if let mainStart = mainLease?.day("date_effet"), let mainMonths = mainLease?.int("duree_mois"), end > mainStart.endOfTerm(months: mainMonths) {
            warning(.datesBaux, sub["date_effet"], "la sous-location (jusqu'au \(end)) dépasse la fin du bail principal (\(mainStart.endOfTerm(months: mainMonths)))")
        }
    }

    private mutating func checkConsents() {
        for consent in root.items("consentements") {
            if let dest = consent["destinataire"], let id = dest.text, convention != nil, role(of: id) == nil {
                error(.partieInconnue, dest, "destinataire « \(id) » inconnu : ce n'est pas une partie de la convention")
            }
            if let given = consent.day("date"), let withdrawn = consent["retrait"], let w = withdrawn.date, w < given {
                error(.dateRetrait, withdrawn, "le retrait (\(w)) précède le consentement (\(given))")
            }
        }
    }

    private func consentInForce(for party: String, on day: CalendarDate) -> Bool {
        root.items("consentements").contains { c in
            guard c.string("destinataire") == party, c.string("perimetre") == "partage", let d = c.day("date"), d <= day else { return false }
            if let w = c.day("retrait"), w <= day { return false }
            return true
        }
    }

    private mutating func checkEvaluations() {
        let evaluations = root.items("evaluations")
        let period = convention?["sous_location"]?.int("periodicite_evaluation_mois")
        var previous: CalendarDate? = root["sous_location"]?.day("date_effet")
        var previousIsStart = true
        var lastDate: CalendarDate?
        for evaluation in evaluations {
            guard let dateNode = evaluation["date"], let date = dateNode.date else { continue }
            if let last = lastDate, date < last {
                error(.evaluationsOrdre, dateNode, "les évaluations doivent être dans l'ordre des dates (\(date) après \(last))")
            }
            lastDate = date
            // A withdrawn evaluation was not held: it neither closes a period nor brings the landlord
            // to a meeting. (It may be withdrawn before its date: a planned review recorded by mistake.)
            if !evaluation.isWithdrawnEvaluation, let period, let from = previous, date > from.adding(months: period) {
                let since = previousIsStart ? "le début de la sous-location (\(from))" : "l'évaluation précédente (\(from))"
                warning(.evaluationEspacee, dateNode, "plus de \(period) mois depuis \(since) : la convention prévoit une évaluation partagée au moins tous les \(period) mois")
            }
            if !evaluation.isWithdrawnEvaluation {
                previous = date
                previousIsStart = false
            }
            for present in evaluation.items("presents") {
                guard let id = present.text else { continue }
                if id != "sous_locataire", convention != nil, role(of: id) == nil {
                    error(.partieInconnue, present, "« \(id) » n'est ni une partie de la convention ni « sous_locataire »")
                } else if role(of: id) == "bailleur_social", !evaluation.isWithdrawnEvaluation, !consentInForce(for: id, on: date) {
                    warning(.consentement, present, "le bailleur « \(id) » assiste à l'évaluation sans consentement enregistré de la personne au partage d'informations (périmètre « partage ») à cette date")
                }
            }
            if evaluation.string("type") == "finale" {
                if evaluation["recommandation"] == nil {
                    error(.recommandationManquante, evaluation["type"], "une évaluation finale doit porter une recommandation (« recommandation ») : glissement_bail, prolongation, residence_accueil, pension_de_famille, famille_gouvernante ou autre",
                          path: evaluation.path.appending("recommandation"))
                }
                if evaluation["motifs"] == nil {
                    error(.motifsManquants, evaluation["type"], "une évaluation finale doit indiquer les motifs de la recommandation (« motifs »)",
                          path: evaluation.path.appending("motifs"))
                }
            }
            // The reasons reach the landlord (with the consent) and the préfet: never a word of care (issue 13, point 5).
            if let motifs = evaluation["motifs"], let text = motifs.text,
               let word = ConventionRules.namedCare(in: text, parties: convention?.items("parties") ?? []) ?? Self.careWord(in: text) {
                warning(.motifsSante, motifs, "les motifs, transmis au bailleur et au préfet, contiennent « \(word) » : ils ne disent rien de la santé "
                        + "de la personne ni de qui la soigne (RGPD art. 9) ; reformulez-les sur le logement et l'accompagnement")
            }
        }
    }

    /// The first word of `text` that speaks of care or health (« soins », « traitement », « CMP »,
    /// « hospitalisation », « infirmier »…), case and accents ignored; nil when none.
    static func careWord(in text: String) -> String? {
        let stems = ["soin", "soign", "traitement", "therapeut", "medic", "infirmi", "psychiatr", "psycholog", "psychique", "hospitali",
                     "hopita", "diagnostic", "clinique", "pathologi", "maladie", "sante"]
        return text.split { !$0.isLetter }.map(String.init).first { word in
            let folded = word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            return ["cmp", "cmpp", "cattp", "ch", "chs", "chu", "epsm"].contains(folded) || stems.contains { folded.hasPrefix($0) }
        }
    }

    // MARK: - Dated history, tripartite convention, préfet notices (issue 12)

    /// `historique[]` needs the date the current values began, and entries before it, in order;
    /// a former landlord must be a landlord of the convention too.
    private mutating func checkHistories() {
        for key in ["sous_locataire", "menage", "logement"] {
            guard let block = root[key], let history = block["historique"], let entries = history.list else { continue }
            guard let since = block.day("depuis") else {
                error(.historique, history, "un historique exige la date depuis laquelle les valeurs actuelles sont en vigueur (« \(key).depuis »)",
                      path: block.path.appending("depuis"))
                continue
            }
            var previous: CalendarDate?
            for entry in entries {
                if let dateNode = entry["depuis"], let date = dateNode.date {
                    if date >= since {
                        error(.historique, dateNode, "une entrée de l'historique (\(date)) doit précéder les valeurs actuelles, en vigueur depuis le \(since)")
                    } else if let p = previous, date <= p {
                        error(.historique, dateNode, "les entrées de l'historique doivent être dans l'ordre des dates (\(date) après \(p))")
                    }
                    previous = date
                } else if previous != nil {
                    error(.historique, entry, "seule la plus ancienne entrée de l'historique peut omettre « depuis »",
                          path: entry.path.appending("depuis"))
                }
                if key == "logement", let landlord = entry["bailleur"], let id = landlord.text, convention != nil, role(of: id) != "bailleur_social" {
                    error(.bailleurInconnu, landlord, "« \(id) » n'est pas un bailleur social de la convention")
                }
            }
        }
    }

    /// A household under the tripartite rule of the convention (CCH L442-8-3) needs a tripartite
    /// convention annexed to its sublease.
    private mutating func checkTripartite() {
        guard let sub = root["sous_location"], let flag = sub["convention_tripartite"], flag.boolean == false,
              let rules = convention?["sous_location"], stage?.requiresHousing == true else { return }
        let rule = rules.string("menages_tripartite") ?? "selon_criteres"
        let applies: Bool
        switch rule {
        case "tous": applies = true
        case "aucun": applies = false
        default: applies = root["criteres"]?.bool("difficulte_acces_logement") == true
        }
        guard applies else { return }
        let why = rule == "tous" ? "la convention y soumet tous les ménages (« menages_tripartite: tous »)"
            : "la personne éprouve des difficultés d'accès au logement (CCH L301-1 II ; critère « difficulte_acces_logement », règle « menages_tripartite: selon_criteres » de la convention)"
        warning(.tripartiteManquante, flag, "sous-location transitoire sans convention tripartite : \(why) ; le bailleur, l'association et la personne doivent signer une convention tripartite annexée à la sous-location (CCH L442-8-3), qui fixe l'examen périodique et l'avis au préfet")
    }

    /// From the attribution on, each item a final sublease must state and the dossier lacks: the
    /// contract can only be a draft until it is recorded (`SubleaseRequirement`).
    private mutating func checkSubleaseMentions() {
        guard stage?.requiresHousing == true, let housing = root["logement"], root["sous_location"] != nil else { return }
        for item in SubleaseRequirement.missing(in: root, convention: convention) {
            let path = FieldPath(parsing: item.path)
            warning(.sousLocationIncomplete, housing, "le contrat de sous-location doit mentionner : \(item.label) (\(item.source)) ; tant qu'elle manque, il ne peut être produit qu'en projet",
                    path: path)
        }
    }

    /// The préfet notice of each review period, as the file shows it: dated after its deadline, or
    /// missing for a period closed by a renewal or by an outcome.
    private mutating func checkPrefectNotices() {
        guard let sub = root["sous_location"], sub.day("date_effet") != nil, sub.int("duree_mois") != nil else { return }
        let dossier = Dossier(checked: root)
        let periods = dossier.reviewPeriods
        let renewals = sub.items("renouvellements")
        let finals = root.items("evaluations").filter { $0.string("type") == "finale" && !$0.isWithdrawnEvaluation }
        for period in periods {
            let noticeNode = period.index == 0 ? sub["avis_prefet"] : renewals[period.index - 1]["avis_prefet"]
            let deadline = "échéance du \(period.noticeDue), deux mois avant la fin de la période (CCH L442-8-3)"
            if let notice = period.notice, period.noticeIsLate {
                if period.noticeIsDefault {
                    let node = finals.first { $0.day("date") == notice }?["date"]
                    warning(.avisPrefet, node, "courrier au préfet daté de l'évaluation finale du \(notice) (aucun « avis_prefet » enregistré pour cette période), après son \(deadline)")
                } else {
                    warning(.avisPrefet, noticeNode, "avis au préfet du \(notice), après son \(deadline)")
                }
            } else if period.notice == nil {
                let closedByRenewal = period.index < periods.count - 1
                if closedByRenewal {
                    let field = period.index == 0 ? "sous_location.avis_prefet" : "sous_location.renouvellements[\(period.index - 1)].avis_prefet"
                    warning(.avisPrefet, renewals[period.index]["date_effet"], "aucun avis au préfet enregistré pour la période d'examen close le \(period.end) (\(deadline)) ; indiquez sa date (« \(field) ») s'il a été envoyé",
                            path: FieldPath(parsing: field))
                } else if let issue = root["issue"] {
                    warning(.avisPrefet, issue["date"] ?? issue, "issue enregistrée sans avis au préfet pour la période d'examen qui s'achève le \(period.end) (\(deadline))")
                }
            }
        }
    }
}

/// Words of care in a text that leaves the circle of the person's support (a review's reasons).
public enum CareWords {
    /// The first word of `text` that names the convention's care parties or speaks of care; nil when none.
    public static func first(in text: String, convention: DataNode?) -> String? {
        ConventionRules.namedCare(in: text, parties: convention?.items("parties") ?? []) ?? DossierRules.careWord(in: text)
    }
}
