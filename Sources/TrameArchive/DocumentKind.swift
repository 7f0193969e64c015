import TrameModel

/// The documents the partnership signs and archives.
public enum DocumentKind: String, Sendable, CaseIterable, Codable {
    case conventionCadre = "convention-cadre"
    case annexeRoles = "annexe-roles"
    case bailPrincipal = "bail-principal"
    case sousLocation = "sous-location"
    case conventionTripartite = "convention-tripartite"
    case evaluation
    case evaluationFinale = "evaluation-finale"
    case courrierPrefet = "courrier-prefet"
    case consentement
    case avenantRenouvellement = "avenant-renouvellement"
    /// An avenant to the convention.
    case avenant
    /// The easy-to-read companions the person receives with each act (never signed: read together).
    case sousLocationFacile = "sous-location-facile"
    case evaluationFacile = "evaluation-facile"
    case consentementFacile = "consentement-facile"
    case avenantRenouvellementFacile = "avenant-renouvellement-facile"
    case prochainesDatesFacile = "prochaines-dates-facile"

    /// Whether the document is an easy-to-read companion of an act.
    public var isEasyRead: Bool { rawValue.hasSuffix("-facile") }

    /// Parses a kind given on the command line, with a French message listing the values.
    public static func parse(_ text: String) throws -> DocumentKind {
        if let kind = DocumentKind(rawValue: text) { return kind }
        throw Diagnostic.error(.documentInconnu,
                                 "type de document « \(text) » inconnu ; valeurs possibles : "
                                     + allCases.map(\.rawValue).joined(separator: ", "))
    }

    /// Whether the document is about the whole partnership: archived under the convention's id.
    public var isPartnershipDocument: Bool {
        switch self {
        case .conventionCadre, .annexeRoles, .avenant: return true
        default: return false
        }
    }

    /// Whether versions are kept per evaluation date.
    public var isEvaluation: Bool { self == .evaluation || self == .evaluationFinale }

    /// The audience of the document when none is given (FORMAT.md's audience table); nil for
    /// evaluations, whose audience must be given.
    public var defaultAudience: Audience? {
        switch self {
        case .conventionCadre, .annexeRoles, .avenant: return .partenaires
        case .bailPrincipal, .conventionTripartite: return .bailleur
        // The consent form is the person's own document (its template's audience), not the landlord's.
        case .sousLocation, .avenantRenouvellement, .consentement: return .sousLocataire
        case .sousLocationFacile, .evaluationFacile, .consentementFacile, .avenantRenouvellementFacile, .prochainesDatesFacile: return .sousLocataire
        case .courrierPrefet: return .prefet
        case .evaluation, .evaluationFinale: return nil
        }
    }

    /// The audiences an evaluation may be archived for.
    public static let evaluationAudiences: [Audience] = [.bailleur, .association, .soin]

    /// The French name, for listings and indexes.
    public var french: String {
        switch self {
        case .conventionCadre: return "convention cadre"
        case .annexeRoles: return "annexe des rôles"
        case .bailPrincipal: return "bail principal"
        case .sousLocation: return "contrat de sous-location"
        case .conventionTripartite: return "convention tripartite"
        case .evaluation: return "évaluation partagée"
        case .evaluationFinale: return "évaluation finale"
        case .courrierPrefet: return "courrier au préfet"
        case .consentement: return "consentement au partage"
        case .avenantRenouvellement: return "avenant de renouvellement"
        case .avenant: return "avenant à la convention"
        case .sousLocationFacile: return "contrat de sous-location, version facile à lire"
        case .evaluationFacile: return "évaluation, version facile à lire"
        case .consentementFacile: return "consentement, version facile à lire"
        case .avenantRenouvellementFacile: return "renouvellement, version facile à lire"
        case .prochainesDatesFacile: return "mes prochaines dates, version facile à lire"
        }
    }
}
