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

extension FrenchGender {
    /// The form of a common lease form (`form(_:)` key) when the civilité is unknown: epicene where
    /// French has one (« né(e) », « l'intéressé(e) », « le ou la sous-locataire », « il ou elle »).
    /// - Parameter key: A key of `form(_:)`.
    /// - Returns: The neutral form, or nil for an unknown key.
    public static func neutralForm(_ key: String) -> String? {
        guard let pair = forms[key] else { return nil }
        return epicene(pair.masculine, pair.feminine)
    }

    /// One form standing for both genders, for a text whose civilité is unknown.
    ///
    /// - Same forms: that form (« locataire »).
    /// - The feminine adds at most three letters to the masculine: the addition in brackets
    ///   (« né » / « née » → « né(e) », « dûment habilité » / « dûment habilitée » → « dûment habilité(e) »).
    /// - The forms share their last words: both heads joined by « ou » before them
    ///   (« le sous-locataire » / « la sous-locataire » → « le ou la sous-locataire »,
    ///   « du sous-locataire » / « de la sous-locataire » → « du ou de la sous-locataire »).
    /// - Otherwise both forms joined by « ou » (« il ou elle », « Monsieur ou Madame »).
    /// - Parameters:
    ///   - masculine: The masculine form.
    ///   - feminine: The feminine form.
    /// - Returns: The epicene form.
    public static func epicene(_ masculine: String, _ feminine: String) -> String {
        if masculine == feminine { return masculine }
        if feminine.hasPrefix(masculine), feminine.count - masculine.count <= 3,
           !feminine.dropFirst(masculine.count).contains(" ") {
            return masculine + "(" + feminine.dropFirst(masculine.count) + ")"
        }
        let m = masculine.split(separator: " ", omittingEmptySubsequences: false)
        let f = feminine.split(separator: " ", omittingEmptySubsequences: false)
        var shared = 0
        while shared < min(m.count, f.count) - 1, m[m.count - 1 - shared] == f[f.count - 1 - shared] { shared += 1 }
        if shared > 0 {
            let tail = m.suffix(shared).joined(separator: " ")
            return m.dropLast(shared).joined(separator: " ") + " ou " + f.dropLast(shared).joined(separator: " ") + " " + tail
        }
        return masculine + " ou " + feminine
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
