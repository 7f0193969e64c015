import Testing
import TrameFrench

@Suite("FrenchGender")
struct FrenchGenderTests {
    @Test("civilité", arguments: [
        ("Madame", FrenchGender.feminine), ("Monsieur", .masculine), (" madame ", .feminine),
        ("MONSIEUR", .masculine),
    ] as [(String, FrenchGender)])
    func fromCivilite(civilite: String, expected: FrenchGender) {
        #expect(FrenchGender(civilite: civilite) == expected)
    }

    @Test("unknown civilité", arguments: ["", "Mademoiselle", "Mme", "Docteur"])
    func unknownCivilite(civilite: String) {
        #expect(FrenchGender(civilite: civilite) == nil)
    }

    @Test func agree() {
        #expect(FrenchGender.feminine.agree("né", "née") == "née")
        #expect(FrenchGender.masculine.agree("né", "née") == "né")
    }

    @Test("forms", arguments: [
        ("ne", "né", "née"), ("le", "le", "la"), ("il", "il", "elle"), ("civilite", "Monsieur", "Madame"),
        ("sous-locataire", "le sous-locataire", "la sous-locataire"), ("locataire", "locataire", "locataire"),
        ("assiste", "assisté", "assistée"), ("represente", "représenté", "représentée"),
        ("domicilie", "domicilié", "domiciliée"), ("interesse", "l'intéressé", "l'intéressée"),
        ("seul", "seul", "seule"), ("pret", "prêt", "prête"),
    ])
    func form(key: String, masculine: String, feminine: String) {
        #expect(FrenchGender.masculine.form(key) == masculine)
        #expect(FrenchGender.feminine.form(key) == feminine)
    }

    @Test func unknownFormIsNil() {
        #expect(FrenchGender.feminine.form("née") == nil)
        #expect(FrenchGender.masculine.form("") == nil)
        #expect(FrenchGender.formKeys.count == 12)
    }

    @Test func rawValues() {
        #expect(FrenchGender(rawValue: "feminine") == .feminine)
        #expect(FrenchGender.masculine.rawValue == "masculine")
    }
}
