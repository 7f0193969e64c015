import Testing
import TrameFrench

@Suite("FrenchText")
struct FrenchTextTests {
    @Test("joined", arguments: [
        ([], "et", ""), (["A"], "et", "A"), (["A", "B"], "et", "A et B"), (["A", "B", "C"], "et", "A, B et C"),
        (["A", "B", "C", "D"], "ou", "A, B, C ou D"), (["Metz", "Nancy"], "ou", "Metz ou Nancy"),
    ] as [([String], String, String)])
    func joined(items: [String], conjunction: String, expected: String) {
        #expect(FrenchText.joined(items, conjunction: conjunction) == expected)
    }

    @Test func joinedDefaultsToEt() {
        #expect(FrenchText.joined(["le bailleur", "le locataire"]) == "le bailleur et le locataire")
    }

    @Test("capitalizedFirst", arguments: [
        ("madame", "Madame"), ("été", "Été"), ("", ""), ("Monsieur", "Monsieur"),
        ("jean-marc dupont", "Jean-marc dupont"), ("1er étage", "1er étage"), ("élodie ÉTÉ", "Élodie ÉTÉ"),
    ])
    func capitalizedFirst(text: String, expected: String) {
        #expect(FrenchText.capitalizedFirst(text) == expected)
    }
}
