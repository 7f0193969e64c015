/// Grammatical gender agreement driven by the `civilite` of a person (Madame / Monsieur).
public enum FrenchGender: String, Sendable, CaseIterable {
    /// Agreement with "Madame".
    case feminine
    /// Agreement with "Monsieur".
    case masculine

    /// The forms used in leases, keyed by a plain-ASCII name: (masculine, feminine).
    private static let forms: [String: (masculine: String, feminine: String)] = [
        "ne": ("né", "née"),
        "le": ("le", "la"),
        "il": ("il", "elle"),
        "civilite": ("Monsieur", "Madame"),
        "sous-locataire": ("le sous-locataire", "la sous-locataire"),
        "locataire": ("locataire", "locataire"),
        "assiste": ("assisté", "assistée"),
        "represente": ("représenté", "représentée"),
        "domicilie": ("domicilié", "domiciliée"),
        "interesse": ("l'intéressé", "l'intéressée"),
        "seul": ("seul", "seule"),
        "pret": ("prêt", "prête"),
    ]

    /// The keys accepted by `form(_:)`, sorted.
    public static var formKeys: [String] { forms.keys.sorted() }

    /// The gender of a civilité: "Madame" → `.feminine`, "Monsieur" → `.masculine`, nil otherwise.
    /// Surrounding whitespace and letter case are ignored ("madame" is accepted).
    /// - Parameter civilite: The civilité as entered in the data.
    public init?(civilite: String) {
        switch civilite.trimmingWhitespace().lowercased() {
        case "madame": self = .feminine
        case "monsieur": self = .masculine
        default: return nil
        }
    }

    /// Picks the form that agrees with this gender: `agree("né", "née")`.
    /// - Parameters:
    ///   - masculine: The masculine form.
    ///   - feminine: The feminine form.
    /// - Returns: `masculine` or `feminine`.
    public func agree(_ masculine: String, _ feminine: String) -> String {
        self == .feminine ? feminine : masculine
    }

    /// A common lease form by key: "ne" (né/née), "le" (le/la), "il" (il/elle),
    /// "civilite" (Monsieur/Madame), "sous-locataire" (le/la sous-locataire), "locataire" (same),
    /// "assiste", "represente", "domicilie", "interesse" (l'intéressé/l'intéressée), "seul", "pret".
    /// - Parameter key: The key, exactly as listed.
    /// - Returns: The agreeing form, or nil for an unknown key.
    public func form(_ key: String) -> String? {
        guard let pair = Self.forms[key] else { return nil }
        return agree(pair.masculine, pair.feminine)
    }
}

extension String {
    /// The string without leading and trailing whitespace or newlines (Foundation-free).
    func trimmingWhitespace() -> String {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return String(self[start..<end])
    }
}
