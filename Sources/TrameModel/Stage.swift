/// The stage of a dossier on the convention's pathway:
/// proposition → enregistrement → orientation → attribution → sous_location → glissement | reorientation | sortie.
public enum Stage: String, Sendable, CaseIterable, Comparable {
    case proposition, enregistrement, orientation, attribution
    case sousLocation = "sous_location"
    case glissement, reorientation, sortie

    /// Position on the pathway; the three outcomes share the last rank.
    public var rank: Int {
        switch self {
        case .proposition: return 0
        case .enregistrement: return 1
        case .orientation: return 2
        case .attribution: return 3
        case .sousLocation: return 4
        case .glissement, .reorientation, .sortie: return 5
        }
    }

    public static func < (a: Stage, b: Stage) -> Bool { a.rank < b.rank }

    /// Whether the leases and housing must be known: from `attribution` on, and after a glissement.
    /// A reorientation or an exit may happen before any flat was attributed, so it does not require them.
    public var requiresHousing: Bool {
        switch self {
        case .attribution, .sousLocation, .glissement: return true
        default: return false
        }
    }

    /// The French label shown to users ("sous-location").
    public var label: String {
        switch self {
        case .sousLocation: return "sous-location"
        case .reorientation: return "réorientation"
        default: return rawValue
        }
    }
}
