import Foundation
import TrameModel
import TrameTemplates

/// The documents of the set that apply to one dossier: one per evaluation for `evaluation`, one per
/// renewal for `avenant-renouvellement`, tripartite documents only where the convention applies.
public struct DocumentInstance: Sendable, Hashable {
    public let document: String
    /// The evaluation or renewal the instance is about.
    public let date: CalendarDate?

    public init(document: String, date: CalendarDate?) {
        self.document = document
        self.date = date
    }
}

extension Generator {
    /// The documents about a household (not the partnership ones) that apply to `dossier`, in catalog order.
    public func documents(for dossier: Dossier) -> [DocumentInstance] {
        var result: [DocumentInstance] = []
        // Listed once: `availableDocuments` reads the templates folder (a `where` clause would read it per document).
        let available = Set(availableDocuments)
        for document in DocumentCatalog.order where available.contains(document) {
            guard let template = try? template(document), template.audience != .partenaires else { continue }
            let rule = DocumentCatalog.rule(for: document)
            if rule.requiresTripartite, dossier.sousLocation?.conventionTripartite != true { continue }
            switch rule.selection {
            case .none:
                result.append(DocumentInstance(document: document, date: nil))
            case .evaluation(let defaultFinal):
                if defaultFinal {
                    if let final = dossier.evaluations.last(where: \.isFinal) { result.append(DocumentInstance(document: document, date: final.date)) }
                } else {
                    result += dossier.evaluations.filter { rule.everyEvaluation || !$0.isFinal }.map { DocumentInstance(document: document, date: $0.date) }
                }
            case .renewal:
                result += (dossier.sousLocation?.renouvellements ?? []).map { DocumentInstance(document: document, date: $0.dateEffet) }
            }
        }
        return result
    }

    /// The partnership documents (generated from the convention alone), in catalog order.
    public var partnershipDocuments: [String] {
        let available = Set(availableDocuments)
        return DocumentCatalog.order.filter { available.contains($0) && (try? template($0))?.audience == .partenaires }
    }
}

extension DocumentCatalog {
    /// The documents in the order a dossier lives them; any other template comes after, by name.
    public static let order = ["convention-cadre", "annexe-roles", "evaluation-vierge", "bail-principal", "sous-location",
                               "sous-location-facile", "convention-tripartite", "consentement", "consentement-facile", "evaluation",
                               "evaluation-facile", "avenant-renouvellement", "avenant-renouvellement-facile",
                               "evaluation-finale", "courrier-prefet", "prochaines-dates-facile"]

    /// How each document is asked for and what it is, in French, for `trame generate --help`.
    public static let summaries: [String: String] = [
        "convention-cadre": "--convention : convention cadre du partenariat",
        "annexe-roles": "--convention : annexe 1, rôles et responsabilités",
        "evaluation-vierge": "--convention : formulaire vierge d'évaluation",
        "bail-principal": "--dossier : bail du bailleur à l'association",
        "sous-location": "--dossier : sous-location à la personne",
        "convention-tripartite": "--dossier : bailleur, association, personne",
        "consentement": "--dossier : consentement au partage, retrait",
        "evaluation": "--dossier --date D [--audience A] : évaluation",
        "avenant-renouvellement": "--dossier --date D : avenant de renouvellement",
        "evaluation-finale": "--dossier [--audience A] : évaluation finale",
        "courrier-prefet": "--dossier : avis au préfet (CCH L442-8-3)",
        "sous-location-facile": "--dossier : la sous-location expliquée, facile à lire",
        "consentement-facile": "--dossier : le consentement expliqué, facile à lire",
        "evaluation-facile": "--dossier --date D : l'évaluation pour la personne, facile à lire",
        "avenant-renouvellement-facile": "--dossier --date D : le renouvellement expliqué, facile à lire",
        "prochaines-dates-facile": "--dossier [--as-of D] : mes prochaines dates, facile à lire",
    ]

    /// One line per document, in catalog order: `  sous-location   --dossier : …`.
    public static var listing: String {
        let width = (order.map(\.count).max() ?? 0) + 2
        return order.map { "  " + $0.padding(toLength: width, withPad: " ", startingAt: 0) + (summaries[$0] ?? "") }
            .joined(separator: "\n")
    }
}
