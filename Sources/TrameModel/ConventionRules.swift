import TrameDiagnostics

/// Rules of a convention that the schema alone cannot express.
enum ConventionRules {
    static func check(_ root: DataNode) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let parties = root.items("parties")
        var ids: [String: DataNode] = [:]
        for p in parties {
            guard let idNode = p["id"], let id = idNode.text else { continue }
            if ids[id] != nil {
                out.append(.error(.idDuplique, path: idNode.path, "l'identifiant de partie « \(id) » est déjà utilisé", at: idNode.location))
            }
            ids[id] = p
        }
        for role in ["etablissement_sante", "operateur_associatif", "bailleur_social"]
        where root["parties"] != nil && !parties.contains(where: { $0.string("role") == role }) {
            out.append(.error(.roleManquant, path: FieldPath(parsing: "parties"),
                              "la convention doit compter au moins une partie de rôle « \(role) »", at: root["parties"]?.location))
        }
        func checkParty(_ node: DataNode?) {
            guard let node, let id = node.text, ids[id] == nil, !ids.isEmpty else { return }
            var message = "partie « \(id) » inconnue"
            if let near = Suggestions.nearest(to: id, among: Array(ids.keys).sorted()) { message += " ; vouliez-vous dire « \(near) » ?" }
            out.append(.error(.partieInconnue, path: node.path, message, at: node.location))
        }
        for f in root.items("financements") {
            let single = f["financeur"]
            let several = f["financeurs"]
            if (single == nil) == (several == nil) {
                out.append(.error(.financeur, path: f.path, "indiquez soit « financeur » (un seul), soit « financeurs » (liste), et un seul des deux", at: f.location))
            }
            checkParty(single)
            several?.list?.forEach(checkParty)
        }
        for q in root.items("questions_ouvertes") { checkParty(q["partie"]) }
        for committee in ["comite_pilotage", "comite_technique"] {
            root["gouvernance"]?[committee]?.list.map { _ in }
            root["gouvernance"]?[committee]?["membres"]?.list?.forEach(checkParty)
        }
        if let rules = root["sous_location"], let min = rules["duree_minimale_mois"], let max = rules["duree_maximale_mois"],
           let a = min.integer, let b = max.integer, a > b {
            out.append(.error(.dureesSousLocation, path: max.path, "la durée maximale (\(b) mois) est inférieure à la durée minimale (\(a) mois)", at: max.location))
        }
        if let auto = root["sous_location"]?["glissement_automatique"], auto.boolean == true {
            out.append(.warning(.glissementAutomatique, path: auto.path,
                                "un glissement de bail est une attribution décidée par la commission d'attribution (CCH L441-2) : il ne peut pas être automatique", at: auto.location))
        }
        return out
    }
}
