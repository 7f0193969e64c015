/// A checked BCP 47 language tag, so that schema-typed attributes (`fo:language`, `dc:language`,
/// `w:lang`, `lang`) always get a valid value; anything else falls back to `fr-FR`.
struct LanguageTag {
    let language: String
    let country: String?

    init(_ tag: String) {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: "_", omittingEmptySubsequences: false) }
        func isAlpha(_ part: Substring) -> Bool {
            (1...8).contains(part.count) && part.unicodeScalars.allSatisfy { $0.isASCII && $0.properties.isAlphabetic }
        }
        if let first = parts.first, isAlpha(first) {
            language = first.lowercased()
            country = parts.dropFirst().first { $0.count == 2 && isAlpha($0) }.map { $0.uppercased() }
        } else {
            language = "fr"
            country = "FR"
        }
    }

    /// `fr-FR`, or `fr` without a country.
    var tag: String { country.map { "\(language)-\($0)" } ?? language }
}
