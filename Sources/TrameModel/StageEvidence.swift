import Foundation

/// The stage a dossier's dated evidence supports (docs/format.md § 10), for the dossier as of a day.
///
/// The main line is cumulative: `enregistrement` needs `parcours.enregistrement_siao`,
/// `orientation` adds `parcours.orientation_association`, `attribution` adds the commission's date
/// and its favourable decision, `sous_location` adds both leases begun by the day. A glissement
/// needs a recorded `issue` of that nature, or the final evaluation recommending it with its
/// referral to the commission; a reorientation or an exit needs its `issue`.
public enum StageEvidence {
    /// The latest stage the tree's evidence supports on `day`, never later than `recorded`.
    /// - Parameters:
    ///   - root: The dossier's entries, already cut to the day.
    ///   - recorded: The stage the tree records (`etape`).
    ///   - day: The day, for the leases' start dates (a planned start is kept in the tree).
    public static func stage(of root: DataObject, recorded: Stage, on day: CalendarDate) -> Stage {
        switch recorded {
        case .reorientation, .sortie:
            if root["issue"]?["nature"]?.text == recorded.rawValue { return recorded }
        case .glissement:
            if root["issue"]?["nature"]?.text == "glissement" { return recorded }
            let finals = root["evaluations"]?.list?.filter { $0["type"]?.text == "finale" && !$0.isWithdrawnEvaluation } ?? []
            if let last = finals.last, last["recommandation"]?.text == "glissement_bail",
               let referral = last["transmission_commission_attribution"]?.date, referral <= day { return recorded }
        default:
            break
        }
        return mainLine(root, cap: min(recorded, .sousLocation), on: day)
    }

    private static func mainLine(_ root: DataObject, cap: Stage, on day: CalendarDate) -> Stage {
        let pathway = root["parcours"]
        var stage = Stage.proposition
        if pathway?["enregistrement_siao"]?.date != nil { stage = .enregistrement } else { return min(stage, cap) }
        if pathway?["orientation_association"]?.date != nil { stage = .orientation } else { return min(stage, cap) }
        if pathway?["commission_attribution"]?.date != nil, pathway?["decision_commission"]?.text == "favorable",
           root["logement"] != nil, root["sous_location"] != nil {
            stage = .attribution
        } else { return min(stage, cap) }
        if hasBegun(root["bail_principal"], by: day), hasBegun(root["sous_location"], by: day) { stage = .sousLocation }
        return min(stage, cap)
    }

    /// Whether a lease's `date_effet` is on or before `day`. (A plain function, not a closure nested
    /// in `mainLine`: Swift 6.3.1's optimiser crashes on that closure in release builds.)
    private static func hasBegun(_ lease: DataNode?, by day: CalendarDate) -> Bool {
        guard let start = lease?["date_effet"]?.date else { return false }
        return start <= day
    }
}
