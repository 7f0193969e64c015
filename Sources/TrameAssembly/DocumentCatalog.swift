import TrameModel

/// What the document set requires of each document beyond its template: which event it is about
/// (`--date`), to which dossiers it applies, who may receive it, and the landlord consent rule.
public struct DocumentRule: Sendable {
    public enum Selection: Sendable, Equatable {
        case none
        /// One evaluation, chosen by `--date`; `defaultFinal`: without `--date`, the final one.
        case evaluation(defaultFinal: Bool)
        /// One recorded renewal, chosen by `--date` (its start).
        case renewal
    }

    public var selection: Selection = .none
    /// Only for dossiers whose sublease has a tripartite convention (CCH L442-8-3).
    public var requiresTripartite = false
    /// The audiences `--audience` may choose (nil: only the template's own).
    public var audiences: [Audience]?
    /// The document a `--blank` request produces instead (a form to fill by hand).
    public var blankForm: String?
    /// With `.evaluation(defaultFinal: false)`: one instance per evaluation, the final one included.
    public var everyEvaluation = false
    /// Dated the day it is made (`--as-of`, else today): « Mes prochaines dates ».
    public var datedToday = false
}

/// The rules of the partnership's document set (FORMAT.md audiences, DOMAIN.md §5).
public enum DocumentCatalog {
    static let evaluationAudiences: [Audience] = [.bailleur, .association, .soin]

    public static func rule(for document: String) -> DocumentRule {
        switch document {
        case "convention-tripartite":
            return DocumentRule(requiresTripartite: true)
        case "courrier-prefet":
            return DocumentRule(selection: .evaluation(defaultFinal: true), requiresTripartite: true)
        case "evaluation":
            return DocumentRule(selection: .evaluation(defaultFinal: false), audiences: evaluationAudiences, blankForm: "evaluation-vierge")
        case "evaluation-finale":
            return DocumentRule(selection: .evaluation(defaultFinal: true), audiences: evaluationAudiences, blankForm: "evaluation-vierge")
        case "avenant-renouvellement", "avenant-renouvellement-facile":
            return DocumentRule(selection: .renewal)
        case "evaluation-facile":
            return DocumentRule(selection: .evaluation(defaultFinal: false), everyEvaluation: true)
        case "prochaines-dates-facile":
            return DocumentRule(datedToday: true)
        default:
            return DocumentRule()
        }
    }
}
