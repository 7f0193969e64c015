import Foundation
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
        out += publicTitle(root, parties: parties)
        out += guarantees(root)
        for g in root.items("garanties") { checkParty(g["partie"]) }
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

    /// `intitule_public` (issue 13, point 5): the title printed in the documents about a person that
    /// reach the landlord or the préfet. Absent, a neutral default is printed; present, it must not
    /// name the health establishment or its team, which would tell who follows the person.
    static func publicTitle(_ root: DataNode, parties: [DataNode]) -> [Diagnostic] {
        guard root["intitule"] != nil else { return [] }
        guard let node = root["intitule_public"], let title = node.text else {
            let at = root["intitule"]
            return [.warning(.intitulePublic, path: FieldPath(parsing: "intitule_public"),
                             "intitulé public absent : les documents remis au bailleur ou au préfet porteront l'intitulé neutre « "
                             + Convention.neutralTitle(territoire: root.string("territoire") ?? "…")
                             + " » ; l'intitulé de la convention, qui peut nommer l'établissement de santé, n'y figure jamais (RGPD art. 9) : "
                             + "ajoutez « intitule_public »", at: at?.location)]
        }
        guard let name = namedCare(in: title, parties: parties) else { return [] }
        return [.warning(.intitulePublic, path: node.path,
                         "l'intitulé public nomme « \(name) » : il figure dans les documents remis au bailleur et au préfet, qui ne doivent "
                         + "jamais nommer l'établissement de santé, son équipe ni la nature des soins (RGPD art. 9) ; choisissez un intitulé neutre",
                         at: node.location)]
    }

    /// The first word of `text` that points to the care the public receives: the health
    /// establishment's denomination, its team, a proper noun of its denomination (« Jury »), an
    /// abbreviation such as « CH », or a word of psychiatric or hospital care. Case and accents ignored.
    static func namedCare(in text: String, parties: [DataNode]) -> String? {
        func fold(_ s: String) -> String { s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) }
        let words = text.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        let folded = " " + words.map(fold).joined(separator: " ") + " "
        var names: [String] = []
        for p in parties where p.string("role") == "etablissement_sante" {
            let denomination = p.string("denomination") ?? ""
            names += [denomination, p.string("equipe") ?? ""]
            // Proper nouns of the denomination: « Jury » in « Centre hospitalier de Jury ».
            names += denomination.split { !$0.isLetter }.dropFirst().map(String.init).filter { $0.count >= 3 && $0.first?.isUppercase == true }
        }
        for name in names where !name.isEmpty {
            let key = " " + name.split { !$0.isLetter && !$0.isNumber }.map { fold(String($0)) }.joined(separator: " ") + " "
            if key.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            if folded.contains(key) { return name }
        }
        if let abbreviation = words.first(where: { ["CH", "CHS", "CHU", "EPSM"].contains($0) }) { return abbreviation }
        for stem in ["hospitali", "hopital", "psychiatr", "psychique", "sante mentale"] where folded.contains(stem) {
            return words.first { fold($0).hasPrefix(stem.split(separator: " ")[0]) } ?? stem
        }
        return nil
    }

    /// `garanties` (issue 13, point 7): none recorded is a warning — the association, sole debtor of
    /// the main leases, then bears the risk of unpaid rent and vacancy alone; a period that ends
    /// before it begins is an error.
    static func guarantees(_ root: DataNode) -> [Diagnostic] {
        guard root["identifiant"] != nil else { return [] }
        let items = root.items("garanties")
        var out: [Diagnostic] = []
        if items.isEmpty {
            out.append(.warning(.garantiesManquantes, path: FieldPath(parsing: "garanties"),
                                "aucune garantie financière enregistrée : l'association, seule redevable des loyers envers les bailleurs, "
                                + "supporte seule les impayés et la vacance ; indiquez dans « garanties » le fonds de garantie, le FSL, "
                                + "Visale, la réserve de l'association ou l'engagement des bailleurs en cas de vacance",
                                at: root["garanties"]?.location ?? root["identifiant"]?.location))
        }
        for g in items {
            if let from = g["depuis"], let to = g["jusqu_au"], let a = from.date, let b = to.date, b < a {
                out.append(.error(.garantiePeriode, path: to.path, "la garantie prend fin (\(b)) avant de commencer (\(a))", at: to.location))
            }
        }
        return out
    }
}
