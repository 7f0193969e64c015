/// The custom properties as every writer exports them (ODT `meta:user-defined`, DOCX
/// `docProps/custom.xml`, HTML `<meta name="trame:…">`).
extension DocumentMetadata {
    /// The name under which the identifier is exported among the custom properties.
    static let identifierPropertyName = "identifier"

    /// The identifier first (unless a custom property already has its name), then the custom
    /// properties in order; properties with an empty or already used name are left out, since
    /// Word refuses duplicate custom property names.
    var propertiesWithIdentifier: [CustomProperty] {
        var seen: Set<String> = []
        var result: [CustomProperty] = []
        let identifier = CustomProperty(name: Self.identifierPropertyName, value: self.identifier)
        let hasOwn = customProperties.contains { $0.name == Self.identifierPropertyName }
        for property in (hasOwn ? [] : [identifier]) + customProperties
        where !property.name.isEmpty && seen.insert(property.name).inserted {
            result.append(property)
        }
        return result
    }
}
