import Foundation

/// 200 different fictional households in the public format, built from varied parts: names with
/// apostrophes and accents, both civilités, rents and deposits, furnished flats with inventories
/// of 0 to 12 rows, protection measures, with and without a tripartite convention.
enum Households {
    static let firstNames = ["Anne-Sophie", "Rui", "Jean-Baptiste", "Inès", "Karim", "Zoé", "Élodie", "Mamadou", "Léa", "Hugo"]
    static let lastNames = ["Lefèvre-N'Diaye", "Da Silva", "Öztürk", "O'Brien & Fils", "Nguyen", "Chevalier", "Rousseau", "Garcia"]
    static let measures = ["aucune", "curatelle_simple", "curatelle_renforcee", "tutelle", "sauvegarde"]
    static let items = ["Lit une place avec sommier et matelas", "Table et deux chaises", "Plaques de cuisson électriques",
                        "Réfrigérateur", "Rideaux occultants", "Armoire penderie", "Four micro-ondes", "Lampe de chevet",
                        "Vaisselle pour quatre personnes", "Aspirateur", "Bureau", "Étagère"]

    static func yaml(_ i: Int) -> String {
        let feminine = i % 2 == 0
        let measure = measures[i % measures.count]
        let furnished = i % 3 == 0
        let rows = furnished ? i % 13 : 0
        let rent = Decimal(250) + Decimal(i % 90) + Decimal(string: "0.\(10 + i % 89)")!
        let month = 1 + i % 12
        let day = 1 + i % 28
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let start = "2019-\(two(month))-01"
        var inventory = ""
        if rows > 0 {
            inventory = "  inventaire:\n" + (0..<rows).map { "    - { element: \"\(items[$0])\", quantite: \(1 + $0 % 3), etat: bon }" }.joined(separator: "\n") + "\n"
        }
        let protector = measure == "aucune" ? "" : "  protecteur: { denomination: Service mandataire exemple (fictif), adresse: \"8 rue de l'Exemple, 57000 Metz\" }\n"
        return """
            dossier: BENCH-\(i)
            convention: metz-jury-2018
            etape: sous_location
            sous_locataire:
              civilite: \(feminine ? "Madame" : "Monsieur")
              nom: "\(lastNames[i % lastNames.count]) (fictif)"
              prenom: \(firstNames[i % firstNames.count])
              date_naissance: 19\(60 + i % 40)-\(two(1 + i % 12))-\(two(day))
              lieu_naissance: Metz (Moselle)
              mesure_protection: \(measure)
            \(protector)menage: { adultes: 1, enfants: 0 }
            criteres: { handicap_psychique: true, suivi_ch_jury: true, difficulte_acces_logement: true, solvable: true }
            parcours: { proposition_ch_jury: 2018-10-01, enregistrement_siao: 2018-10-15, orientation_association: 2018-11-01, commission_attribution: 2018-12-04, decision_commission: favorable }
            logement:
              bailleur: bailleur-exemple-\(1 + i % 2)
              reference: LGT-\(1000 + i)
              adresse: \(1 + i % 60) rue de l'Exemple
              code_postal: "57000"
              commune: Metz
              typologie: T\(1 + i % 2)
              surface_habitable_m2: \(25 + i % 30).5
              etage: \(i % 5)
              ascenseur: \(i % 4 == 0)
              annexes: [cave n° \(i)]
              meuble: \(furnished)
            \(inventory)  loyer_plafond_apl: 400.00
            bail_principal: { date_effet: \(start), duree_mois: 36, loyer_mensuel: \(rent), provision_charges: 55.00, depot_garantie: \(rent), indexation: IRL }
            sous_location:
              date_effet: \(start)
              duree_mois: \(12 + (i % 3) * 6)
              renouvelable: true
              loyer_mensuel: \(rent)
              provision_charges: 55.00
              depot_garantie: \(i % 4 == 0 ? Decimal(0) : rent)
              apl_tiers_payant: \(i % 5 != 0)
              apl_mensuelle_estimee: 180.00
              attestation_assurance: true
              convention_tripartite: \(i % 2 == 1)
            accompagnement:
              referent_soin: { nom: Marc Petit (fictif), fonction: infirmier de l'équipe ERAH }
              referent_social: { nom: Nadia Haddad (fictif), fonction: travailleuse sociale de l'association }
            consentements: []
            evaluations: []

            """
    }
}
