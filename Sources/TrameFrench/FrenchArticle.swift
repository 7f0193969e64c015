/// The definite article an organisation's name takes in a sentence, and its contraction with
/// « à » and « de »: « confiée au Service mandataire… », « loué à l'Association… », « du Centre
/// hospitalier… », but « à Habitat Mosellan… » for a name used without an article.
public enum FrenchArticle: String, Sendable, CaseIterable {
    /// « le Service… » (au, du).
    case le
    /// « la Direction… » (à la, de la).
    case la
    /// « l'Association… », « l'UDAF » (à l', de l').
    case elided = "l'"
    /// « les Compagnons… » (aux, des).
    case les
    /// No article: a proper name (« Habitat Mosellan », « Metz Métropole ») or a person.
    case none = "sans"

    /// The values a data file may give (`parties[].article`): `le`, `la`, `l'`, `les`, `sans` (no article).
    public static var values: [String] { allCases.map(\.rawValue) }

    /// The article a name takes when the data does not say: from its first word.
    ///
    /// A common noun of an organisation (« Association », « Service », « Centre », « Direction »,
    /// « Office »…) or a known acronym (« SIAO », « CAF », « UDAF ») takes its definite article,
    /// elided before a vowel or a mute h (« l'Association », « l'Hôpital », but « le Haut
    /// Conseil »); anything else (a proper name, a brand, « Madame … ») takes none.
    /// - Parameter name: The name as written (« Service mandataire exemple (fictif) »).
    /// - Returns: The article, `.none` when unsure.
    public static func defaultArticle(for name: String) -> FrenchArticle {
        let word = firstWord(of: name)
        guard !word.isEmpty else { return .none }
        let folded = fold(word)
        let gender: Character?
        if isAcronym(word) {
            gender = acronyms[word]
        } else if let known = nouns[folded] {
            gender = known
        } else if let adjective = adjectives[folded], nouns[fold(secondWord(of: name))] != nil {
            // « Haut Conseil », « Haute Autorité »: the adjective's gender, the noun makes it an organisation.
            gender = adjective
        } else {
            gender = nil
        }
        guard let gender else { return .none }
        if gender == "p" { return .les }
        if elides(word) { return .elided }
        return gender == "f" ? .la : .le
    }

    /// The name preceded by a preposition and its article, contracted as French requires:
    /// « à » + le → « au », + les → « aux » ; « de » + le → « du », + les → « des », and « de »
    /// elided before a vowel without article (« d'Habitat Mosellan »). Any other preposition
    /// (« par », « pour », « avec », « entre ») is followed by the article as is. A preposition
    /// ending in « à » or « de » (« jusqu'à », « auprès de ») contracts the same way. An empty
    /// preposition gives the article and the name (« le Service… »).
    /// - Parameters:
    ///   - name: The name.
    ///   - preposition: « à », « de », « par »…, or "".
    ///   - article: The article the data gives; nil for ``defaultArticle(for:)``.
    /// - Returns: « au Service mandataire exemple (fictif) », « à l'Association… ».
    public static func phrase(_ name: String, preposition: String = "", article: FrenchArticle? = nil) -> String {
        let article = article ?? defaultArticle(for: name)
        let trimmed = preposition.trimmingWhitespace()
        var head = trimmed
        var last = trimmed
        if let space = trimmed.lastIndex(where: { $0 == " " || $0 == "'" || $0 == "’" }) {
            head = String(trimmed[...space])
            last = String(trimmed[trimmed.index(after: space)...])
        } else {
            head = ""
        }
        let lower = last.lowercased()
        let joined: String
        switch (lower, article) {
        case ("à", .le): joined = "au " + name
        case ("à", .les): joined = "aux " + name
        case ("de", .le): joined = "du " + name
        case ("de", .les): joined = "des " + name
        case ("de", .none) where elides(firstWord(of: name)): joined = "d'" + name
        default:
            let articleText: String
            switch article {
            case .le: articleText = "le "
            case .la: articleText = "la "
            case .elided: articleText = "l'"
            case .les: articleText = "les "
            case .none: articleText = ""
            }
            joined = (last.isEmpty ? "" : last + " ") + articleText + name
        }
        guard !last.isEmpty else { return joined }
        // Keep the preposition's own capital letter (« Au Service… » at a sentence start).
        let first = lower == last ? joined : FrenchText.capitalizedFirst(joined)
        return head + first
    }

    /// A noun phrase written with its definite article (« le représentant », « la sous-location »,
    /// « l'évaluation ») after a preposition: « du représentant », « de la sous-location »,
    /// « à l'évaluation ». A phrase without article is taken as a name (``phrase(_:preposition:article:)``).
    /// - Parameters:
    ///   - definite: The phrase with its article.
    ///   - preposition: « à », « de », « par »…
    /// - Returns: The contracted phrase.
    public static func phrase(definite: String, preposition: String) -> String {
        for (prefix, article) in [("le ", FrenchArticle.le), ("la ", .la), ("les ", .les), ("l'", .elided), ("l’", .elided)]
        where definite.hasPrefix(prefix) {
            return phrase(String(definite.dropFirst(prefix.count)), preposition: preposition, article: article)
        }
        return phrase(definite, preposition: preposition, article: FrenchArticle.none)
    }

    /// Whether a word is pronounced with a vowel at its start, so that « le », « la » and « de »
    /// elide: a vowel, or an h that is mute (« Habitat », « Hôpital ») rather than aspirated
    /// (« Haut », « Hameau »). For an acronym, its first letter (« l'UDAF »).
    /// - Parameter word: The word.
    public static func elides(_ word: String) -> Bool {
        guard let first = word.first else { return false }
        let folded = fold(String(first)).first ?? first
        if "aeiou".contains(folded) { return true }
        if folded == "h" {
            if isAcronym(word) { return false }
            return !aspiratedH.contains(where: { fold(word).hasPrefix($0) })
        }
        return false
    }

    /// The first word of a name: its letters up to a space, a hyphen, an apostrophe or a bracket.
    static func firstWord(of name: String) -> String {
        let trimmed = name.trimmingWhitespace()
        return String(trimmed.prefix { !" -'’(,.".contains($0) })
    }

    /// The word after the first (« Conseil » in « Haut Conseil au logement »).
    static func secondWord(of name: String) -> String {
        let trimmed = name.trimmingWhitespace()
        guard let space = trimmed.firstIndex(of: " ") else { return "" }
        return firstWord(of: String(trimmed[trimmed.index(after: space)...]))
    }

    /// Adjectives that may open an organisation's name before its noun, with their gender.
    private static let adjectives: [String: Character] = [
        "haut": "m", "haute": "f", "grand": "m", "grande": "f", "nouveau": "m", "nouvelle": "f",
    ]

    /// Two or more letters, all capitals (« SIAO », « CH », « UDAF »).
    static func isAcronym(_ word: String) -> Bool {
        word.count >= 2 && word.allSatisfy { $0.isLetter && $0.isUppercase }
    }

    /// Lower case without accents (« Établissement » → « etablissement »).
    static func fold(_ text: String) -> String {
        var result = ""
        for character in text.lowercased() {
            switch character {
            case "à", "â", "ä": result.append("a")
            case "é", "è", "ê", "ë": result.append("e")
            case "î", "ï": result.append("i")
            case "ô", "ö": result.append("o")
            case "ù", "û", "ü": result.append("u")
            case "ç": result.append("c")
            case "œ": result += "oe"
            default: result.append(character)
            }
        }
        return result
    }

    /// Words that start with an aspirated h: no elision (« le Haut Conseil », « la Halle »).
    private static let aspiratedH = ["haut", "hameau", "halle", "hall", "handicap", "hangar", "hasard", "heros", "honte", "hutte"]

    /// Common nouns naming an organisation, folded, with their gender: m, f, or p (plural).
    private static let nouns: [String: Character] = [
        "agence": "f", "association": "f", "autorite": "f", "caisse": "f", "cellule": "f", "chambre": "f", "clinique": "f",
        "collectivite": "f", "commission": "f", "communaute": "f", "confederation": "f", "cooperative": "f",
        "coordination": "f", "delegation": "f", "direction": "f", "entreprise": "f", "equipe": "f",
        "federation": "f", "fondation": "f", "maison": "f", "mairie": "f", "mission": "f", "mutuelle": "f",
        "plateforme": "f", "prefecture": "f", "regie": "f", "residence": "f", "societe": "f", "sous-prefecture": "f",
        "structure": "f", "union": "f", "unite": "f", "ville": "f",
        "bailleur": "m", "bureau": "m", "cabinet": "m", "centre": "m", "collectif": "m", "comite": "m",
        "conseil": "m", "departement": "m", "etablissement": "m", "fonds": "m", "foyer": "m", "groupement": "m",
        "hopital": "m", "institut": "m", "ministere": "m", "observatoire": "m", "office": "m", "organisme": "m",
        "pole": "m", "reseau": "m", "secours": "m", "secretariat": "m", "service": "m", "syndicat": "m",
        "tribunal": "m",
        "amis": "p", "compagnons": "p", "petits": "p",
    ]

    /// Acronyms of the sector with their gender (as their expansion reads).
    private static let acronyms: [String: Character] = [
        "ADIL": "f", "ANIL": "f", "ARS": "f", "CAF": "f", "CCAPEX": "f", "CPAM": "f", "DDCS": "f", "DDETS": "f",
        "DIHAL": "f", "DREETS": "f", "MDPH": "f", "UDAF": "f",
        "CCAS": "m", "CH": "m", "CHRS": "m", "CHS": "m", "CHU": "m", "CIAS": "m", "CMP": "m", "EPCI": "m",
        "ESAT": "m", "FSL": "m", "GEM": "m", "GIP": "m", "OPH": "m", "SAMSAH": "m", "SAVS": "m", "SIAO": "m",
    ]
}
