/// Text helpers for French documents: enumerations, capitalisation and typography.
public enum FrenchText {
    /// Joins items as French enumerates them: "A", "A et B", "A, B et C" (no Oxford comma).
    /// - Parameters:
    ///   - items: The items, in order.
    ///   - conjunction: The word before the last item, "et" by default ("ou" for alternatives).
    /// - Returns: The enumeration, or "" when `items` is empty.
    public static func joined(_ items: [String], conjunction: String = "et") -> String {
        guard let last = items.last else { return "" }
        guard items.count > 1 else { return last }
        return items.dropLast().joined(separator: ", ") + " " + conjunction + " " + last
    }

    /// French typography for template (author) text.
    ///
    /// - Collapses runs of ordinary spaces (U+0020) to one.
    /// - Before ; ! ? puts U+202F NARROW NO-BREAK SPACE, before : U+00A0 NO-BREAK SPACE: an ordinary
    ///   space there is replaced, a missing one is inserted. Nothing is inserted at the start of a line,
    ///   after whitespace or after another mark ("?!" stays together), nor in a time or ratio ("10:30":
    ///   a digit, ":" and a digit), nor before "://".
    /// - « text » gets U+00A0 inside the guillemets, inserted if missing, replacing ordinary spaces.
    /// - Tokens that look like URLs ("https://…", "www.…", "mailto:…") are left untouched.
    ///
    /// The result is stable: `typography(typography(x)) == typography(x)`.
    /// - Parameter text: The author's text.
    /// - Returns: The text with French spacing.
    public static func typography(_ text: String) -> String {
        TypographyFixer.needsWork(text) ? TypographyFixer(text, mode: .author).fixed() : text
    }

    /// Milder typography for user-entered data: only replaces an existing ordinary space before
    /// ; ! ? (U+202F), : and » (U+00A0), and after « (U+00A0), and collapses runs of ordinary spaces.
    /// It never inserts a character and never touches anything else.
    /// - Parameter text: The data value.
    /// - Returns: The value with its existing spaces made non-breaking where French requires.
    public static func typographyForData(_ text: String) -> String {
        TypographyFixer.needsWork(text) ? TypographyFixer(text, mode: .data).fixed() : text
    }

    /// Capitalises the first letter only: "madame" → "Madame", "été" → "Été", "jean-marc" → "Jean-marc".
    /// - Parameter text: The text.
    /// - Returns: The text with its first character upper-cased, the rest unchanged.
    public static func capitalizedFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
