import Foundation

/// French wording of the parser's (libyaml's) English problem descriptions.
public enum SyntaxMessages {
    private static let table: [(String, String)] = [
        ("mapping values are not allowed in this context", "« : » inattendu ici (valeur mal indentée, ou texte contenant « : » à mettre entre guillemets)"),
        ("did not find expected key", "clé attendue introuvable (indentation incohérente ?)"),
        ("did not find expected node content", "valeur attendue introuvable"),
        ("did not find expected ',' or ']'", "« , » ou « ] » attendu"),
        ("did not find expected ',' or '}'", "« , » ou « } » attendu"),
        ("did not find expected '-' indicator", "« - » attendu (élément de liste mal indenté ?)"),
        ("found character that cannot start any token", "caractère qui ne peut pas commencer une valeur (tabulation ?)"),
        ("found unexpected end of stream", "fin de fichier inattendue"),
        ("found undefined alias", "alias YAML non défini"),
        ("could not find expected ':'", "« : » attendu après la clé"),
        ("found a tab character that violate indentation", "tabulation dans l'indentation (utilisez des espaces)"),
        ("found a tab character where an indentation space is expected", "tabulation dans l'indentation (utilisez des espaces)"),
        ("found unknown escape character", "séquence d'échappement inconnue"),
        ("block sequence entries are not allowed in this context", "élément de liste « - » inattendu ici"),
        ("found unexpected ':'", "« : » inattendu"),
        ("while scanning a quoted scalar", "dans un texte entre guillemets"),
        ("while scanning a simple key", "en lisant une clé"),
        ("while parsing a block mapping", "dans le bloc commencé"),
        ("while parsing a block collection", "dans la liste commencée"),
        ("while parsing a flow sequence", "dans la liste [ ] commencée"),
        ("while parsing a flow mapping", "dans le bloc { } commencé"),
        ("while scanning a plain scalar", "en lisant une valeur"),
        ("while parsing a flow node", "en lisant une valeur"),
        ("while parsing a block node", "en lisant une valeur"),
        ("while scanning an anchor", "en lisant une ancre YAML"),
        ("while scanning an alias", "en lisant un alias YAML"),
        ("while scanning a tag", "en lisant une étiquette YAML"),
        ("while scanning a directive", "en lisant une directive YAML"),
        ("while scanning a block scalar", "en lisant un texte multiligne"),
        ("while parsing a node", "en lisant une valeur"),
        ("control characters are not allowed", "caractère de contrôle interdit"),
    ]

    public static func french(_ problem: String) -> String {
        let trimmed = problem.trimmingCharacters(in: .whitespacesAndNewlines)
        for (english, french) in table where trimmed.hasPrefix(english) { return french }
        return trimmed
    }
}
