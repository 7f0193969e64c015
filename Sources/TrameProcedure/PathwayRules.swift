import Foundation
import TrameModel

/// The evidence each stage of the pathway requires (`trame check`, code `ETAPE_SANS_PREUVE`).
///
/// Stages on the main line are cumulative: a dossier at `sous_location` needs the evidence of
/// `enregistrement`, `orientation` and `attribution` too.
///
/// | stage | evidence |
/// |---|---|
/// | `proposition` | `parcours.proposition_ch_jury` (already required by the format) |
/// | `enregistrement` | `parcours.enregistrement_siao` |
/// | `orientation` | `parcours.orientation_association` |
/// | `attribution` | `parcours.commission_attribution` and `parcours.decision_commission: favorable` |
/// | `sous_location` | the attribution evidence, `bail_principal.date_effet` and `sous_location.date_effet` |
/// | `glissement` | all of the above, and a final evaluation (`type: finale`) recommending `glissement_bail` with its `transmission_commission_attribution` date: a glissement is an attribution, never automatic |
/// | `reorientation`, `sortie` | an `issue` of that `nature` with its `date`; the earlier stages are not required (a person may be reoriented or leave before any flat is attributed) |
///
/// An `issue` whose nature differs from the stage is reported too (`ISSUE_ETAPE`). A glissement
/// needs no `issue` (the samples record it through the final evaluation only); when one is
/// recorded its nature must be `glissement`. The rules compare values of the file with each other
/// and never read the clock.
public enum PathwayRules {
    /// The pathway diagnostics of a dossier tree, located at its `etape` value.
    /// - Parameters:
    ///   - root: The dossier's checked tree.
    ///   - convention: The convention's tree, when found. The evidence does not depend on it: even a
    ///     convention that says `glissement_automatique: true` does not exempt a glissement from
    ///     its final evaluation and commission referral.
    /// - Returns: Error diagnostics, one per missing piece of evidence.
    public static func check(root: DataNode, convention: DataNode?) -> [Diagnostic] {
        guard let stageNode = root["etape"], let stage = stageNode.text.flatMap(Stage.init(rawValue:)) else { return [] }
        var out: [Diagnostic] = []
        func missing(_ path: String, _ what: String) {
            out.append(.error(.etapeSansPreuve, path: FieldPath(parsing: path),
                              "l'étape « \(stage.rawValue) » exige \(what) (« \(path) »)", at: stageNode.location ?? root.location))
        }
        let pathway = root["parcours"]
        if [.enregistrement, .orientation, .attribution, .sousLocation, .glissement].contains(stage) {
            if pathway?.day("enregistrement_siao") == nil { missing("parcours.enregistrement_siao", "la date d'enregistrement par le SIAO") }
        }
        if [.orientation, .attribution, .sousLocation, .glissement].contains(stage) {
            if pathway?.day("orientation_association") == nil { missing("parcours.orientation_association", "la date d'orientation vers l'association") }
        }
        if [.attribution, .sousLocation, .glissement].contains(stage) {
            if pathway?.day("commission_attribution") == nil { missing("parcours.commission_attribution", "la date de la commission d'attribution") }
            switch pathway?.string("decision_commission") {
            case "favorable": break
            case let decision?: missing("parcours.decision_commission", "une décision favorable de la commission d'attribution, or elle est « \(decision) »")
            case nil: missing("parcours.decision_commission", "la décision favorable de la commission d'attribution")
            }
        }
        if [.sousLocation, .glissement].contains(stage) {
            if root["bail_principal"]?.day("date_effet") == nil { missing("bail_principal.date_effet", "la date d'effet du bail principal") }
            if root["sous_location"]?.day("date_effet") == nil { missing("sous_location.date_effet", "la date d'effet de la sous-location") }
        }
        if stage == .glissement { checkGlissement(root, missing: missing) }
        if stage == .reorientation || stage == .sortie {
            if root["issue"] == nil { missing("issue", "une issue de nature « \(stage.rawValue) », datée") }
        }
        out += checkIssue(root, stage: stage, stageNode: stageNode)
        return out
    }

    /// A glissement needs a final evaluation recommending it and the date it went to the commission.
    private static func checkGlissement(_ root: DataNode, missing: (String, String) -> Void) {
        let evaluations = root.items("evaluations")
        // A withdrawn final evaluation (`retrait`) was not held: it never justifies a glissement.
        guard let index = evaluations.lastIndex(where: { $0.string("type") == "finale" && !$0.isWithdrawnEvaluation }) else {
            missing("evaluations", "une évaluation finale (« type: finale ») recommandant le glissement du bail : il n'est jamais automatique")
            return
        }
        let final = evaluations[index]
        let prefix = "evaluations[\(index)]"
        if final.string("recommandation") != "glissement_bail" {
            let actual = final.string("recommandation").map { ", or elle recommande « \($0) »" } ?? ""
            missing("\(prefix).recommandation", "une évaluation finale recommandant « glissement_bail »\(actual)")
        }
        if final.day("transmission_commission_attribution") == nil {
            missing("\(prefix).transmission_commission_attribution", "la date de transmission à la commission d'attribution : le glissement est une attribution")
        }
    }

    /// An `issue` must agree with the stage.
    private static func checkIssue(_ root: DataNode, stage: Stage, stageNode: DataNode) -> [Diagnostic] {
        guard let issue = root["issue"], let natureNode = issue["nature"], let nature = natureNode.text else { return [] }
        if nature == stage.rawValue { return [] }
        return [.error(.issueEtape, path: natureNode.path,
                       "l'issue enregistrée est « \(nature) », mais l'étape est « \(stage.rawValue) » : l'étape doit être « \(nature) »",
                       at: stageNode.location ?? root.location)]
    }
}
