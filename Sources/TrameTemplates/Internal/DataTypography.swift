import TrameFrench

/// French typography of data values, skipping the work when nothing can change.
enum DataTypography {
    static func apply(_ text: String) -> String {
        var previousSpace = false
        for s in text.unicodeScalars {
            switch s {
            case ";", "!", "?", ":", "«", "»": return FrenchText.typographyForData(text)
            case " ":
                if previousSpace { return FrenchText.typographyForData(text) }
                previousSpace = true
            default:
                previousSpace = false
            }
        }
        return text
    }
}
