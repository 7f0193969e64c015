import Foundation

extension Dossier {
    /// Builds the typed dossier from a tree that passed the schema without errors.
    public init(checked node: DataNode) {
        let zero = CalendarDate(year: 2000, month: 1, day: 1)!
        func referent(_ n: DataNode?) -> Referent {
            Referent(nom: n?.string("nom") ?? "", fonction: n?.string("fonction") ?? "",
                     telephone: n?.string("telephone"), courriel: n?.string("courriel"))
        }
        id = node.requiredString("dossier")
        convention = node.requiredString("convention")
        etape = Stage(rawValue: node.requiredString("etape")) ?? .proposition
        let p = node["sous_locataire"]
        sousLocataire = Person(
            civilite: p?.string("civilite") ?? "", nom: p?.string("nom") ?? "", prenom: p?.string("prenom") ?? "",
            dateNaissance: p?.day("date_naissance") ?? zero, lieuNaissance: p?.string("lieu_naissance"),
            telephone: p?.string("telephone"), courriel: p?.string("courriel"),
            mesureProtection: p?.string("mesure_protection") ?? "aucune",
            protecteur: p?["protecteur"].map { Protector(denomination: $0.requiredString("denomination"), nom: $0.string("nom"), adresse: $0.string("adresse")) })
        menage = Household(adultes: node["menage"]?.int("adultes") ?? 1, enfants: node["menage"]?.int("enfants") ?? 0)
        let c = node["criteres"]
        criteres = Criteria(handicapPsychique: c?.bool("handicap_psychique") ?? false, suiviCHJury: c?.bool("suivi_ch_jury") ?? false,
                            difficulteAccesLogement: c?.bool("difficulte_acces_logement") ?? false, solvable: c?.bool("solvable") ?? false)
        ressourcesMensuelles = node.items("ressources_mensuelles").map { Resource(nature: $0.requiredString("nature"), montant: $0.money("montant") ?? 0) }
        let pc = node["parcours"]
        parcours = Pathway(propositionCHJury: pc?.day("proposition_ch_jury") ?? zero, enregistrementSIAO: pc?.day("enregistrement_siao"),
                           orientationAssociation: pc?.day("orientation_association"), commissionAttribution: pc?.day("commission_attribution"),
                           decisionCommission: pc?.string("decision_commission"))
        logement = node["logement"].map { l in
            Housing(bailleur: l.requiredString("bailleur"), reference: l.requiredString("reference"), adresse: l.requiredString("adresse"),
                    codePostal: l.requiredString("code_postal"), commune: l.requiredString("commune"), quartier: l.string("quartier"),
                    typologie: l.requiredString("typologie"), surfaceHabitableM2: l.money("surface_habitable_m2") ?? 0,
                    etage: l.int("etage") ?? 0, ascenseur: l.bool("ascenseur") ?? false, meuble: l.bool("meuble") ?? false,
                    annexes: l.strings("annexes"), equipements: l.strings("equipements"),
                    inventaire: l.items("inventaire").map { InventoryItem(element: $0.requiredString("element"), quantite: $0.int("quantite") ?? 1, etat: $0.requiredString("etat")) },
                    loyerPlafondAPL: l.money("loyer_plafond_apl") ?? 0)
        }
        bailPrincipal = node["bail_principal"].map { b in
            MainLease(dateEffet: b.day("date_effet") ?? zero, dureeMois: b.int("duree_mois") ?? 0, loyerMensuel: b.money("loyer_mensuel") ?? 0,
                      provisionCharges: b.money("provision_charges") ?? 0, depotGarantie: b.money("depot_garantie") ?? 0,
                      indexation: b.requiredString("indexation"))
        }
        sousLocation = node["sous_location"].map { s in
            Sublease(dateEffet: s.day("date_effet") ?? zero, dureeMois: s.int("duree_mois") ?? 0, renouvelable: s.bool("renouvelable") ?? false,
                     loyerMensuel: s.money("loyer_mensuel") ?? 0, provisionCharges: s.money("provision_charges") ?? 0,
                     depotGarantie: s.money("depot_garantie") ?? 0, aplTiersPayant: s.bool("apl_tiers_payant") ?? false,
                     aplMensuelleEstimee: s.money("apl_mensuelle_estimee"), attestationAssurance: s.bool("attestation_assurance") ?? false,
                     assuranceEcheance: s.day("assurance_echeance"), conventionTripartite: s.bool("convention_tripartite") ?? false,
                     dateConventionTripartite: s.day("date_convention_tripartite"), avisPrefet: s.day("avis_prefet"),
                     renouvellements: s.items("renouvellements").map {
                         Term(dateEffet: $0.day("date_effet") ?? zero, dureeMois: $0.int("duree_mois") ?? 0, avisPrefet: $0.day("avis_prefet"))
                     })
        }
        accompagnement = node["accompagnement"].map { a in
            Support(referentSoin: referent(a["referent_soin"]), referentSocial: referent(a["referent_social"]), astreinte: a.string("astreinte"))
        }
        consentements = node.items("consentements").map {
            Consent(date: $0.day("date") ?? zero, destinataire: $0.requiredString("destinataire"), perimetre: $0.requiredString("perimetre"), retrait: $0.day("retrait"))
        }
        let reviews = node.items("evaluations").map { e in
            let s = e["partie_partagee"]
            return Evaluation(
                date: e.day("date") ?? zero, type: e.requiredString("type"), presents: e.strings("presents"),
                partiePartagee: SharedPart(paiementLoyer: s?.string("paiement_loyer") ?? "", detteLocative: s?.money("dette_locative") ?? 0,
                                           assurance: s?.string("assurance") ?? "", entretienLogement: s?.string("entretien_logement") ?? "",
                                           voisinage: s?.string("voisinage") ?? "", accompagnement: s?.string("accompagnement") ?? "",
                                           budgetAutonomie: s?.string("budget_autonomie") ?? ""),
                avisSousLocataire: e.string("avis_sous_locataire"), objectifs: e.strings("objectifs"),
                observationsSoin: e["partie_soin"]?.string("observations"), recommandation: e.string("recommandation"),
                motifs: e.string("motifs"), transmissionCommissionAttribution: e.day("transmission_commission_attribution"),
                retrait: e["retrait"].map { Withdrawal(date: $0.day("date") ?? zero, motif: $0.string("motif") ?? "") })
        }
        evaluations = reviews.filter { $0.retrait == nil }
        withdrawnEvaluations = reviews.filter { $0.retrait != nil }
        issue = node["issue"].map { i in
            Outcome(date: i.day("date") ?? zero, nature: i.requiredString("nature"), orientation: i.string("orientation"),
                    decisionCommission: i.day("decision_commission"), commentaire: i.string("commentaire"))
        }
        amiDoublement = node["financement"]?.bool("ami_doublement") ?? false
        data = node
    }
}
