import Testing
import TrameFrench

@Suite("FrenchText typography")
struct FrenchTypographyTests {
    static let authorCases: [(String, String)] = [
        ("Article 1 : objet", "Article 1\u{00A0}: objet"),
        ("Article 1: objet", "Article 1\u{00A0}: objet"),
        ("Article 1er – Objet", "Article 1er – Objet"),
        ("Pourquoi ?", "Pourquoi\u{202F}?"),
        ("Pourquoi?", "Pourquoi\u{202F}?"),
        ("Attention !", "Attention\u{202F}!"),
        ("Attention!", "Attention\u{202F}!"),
        ("le bailleur ; le locataire", "le bailleur\u{202F}; le locataire"),
        ("le bailleur; le locataire", "le bailleur\u{202F}; le locataire"),
        ("Vraiment ?!", "Vraiment\u{202F}?!"),
        ("https://x", "https://x"),
        ("Voir https://exemple.fr/page?id=3 !", "Voir https://exemple.fr/page?id=3\u{202F}!"),
        ("Écrire à mailto:a@b.fr", "Écrire à mailto:a@b.fr"),
        ("Site : www.metz.fr/a?b", "Site\u{00A0}: www.metz.fr/a?b"),
        ("10:30", "10:30"),
        ("Rendez-vous à 10:30 : salle B", "Rendez-vous à 10:30\u{00A0}: salle B"),
        ("« Logement d'abord »", "«\u{00A0}Logement d'abord\u{00A0}»"),
        ("«Logement d'abord»", "«\u{00A0}Logement d'abord\u{00A0}»"),
        ("«  Logement d'abord   »", "«\u{00A0}Logement d'abord\u{00A0}»"),
        ("le programme « Logement d'abord » : objet", "le programme «\u{00A0}Logement d'abord\u{00A0}»\u{00A0}: objet"),
        ("deux  espaces   ici", "deux espaces ici"),
        ("Fait à Metz ,  le", "Fait à Metz , le"),
        (":début", ":début"),
        ("ligne\n: suite", "ligne\n: suite"),
        ("(voir ci-dessous):", "(voir ci-dessous)\u{00A0}:"),
        ("", ""),
        ("déjà\u{202F}; correct\u{00A0}: «\u{00A0}oui\u{00A0}»\u{202F}!", "déjà\u{202F}; correct\u{00A0}: «\u{00A0}oui\u{00A0}»\u{202F}!"),
    ]

    @Test("author text", arguments: authorCases)
    func typography(text: String, expected: String) {
        #expect(FrenchText.typography(text) == expected)
    }

    @Test("author text is idempotent", arguments: authorCases)
    func idempotent(text: String, expected: String) {
        let once = FrenchText.typography(text)
        #expect(FrenchText.typography(once) == once)
    }

    @Test("user data", arguments: [
        ("Pourquoi ?", "Pourquoi\u{202F}?"),
        ("Pourquoi?", "Pourquoi?"),
        ("Article 1 : objet", "Article 1\u{00A0}: objet"),
        ("Article 1: objet", "Article 1: objet"),
        ("a ; b ! c", "a\u{202F}; b\u{202F}! c"),
        ("« Logement d'abord »", "«\u{00A0}Logement d'abord\u{00A0}»"),
        ("«Logement d'abord»", "«Logement d'abord»"),
        ("12  rue   des Allemands", "12 rue des Allemands"),
        ("https://x.fr/?a=1", "https://x.fr/?a=1"),
        ("10:30", "10:30"),
        ("l'Été, 57000 Metz", "l'Été, 57000 Metz"),
    ])
    func typographyForData(text: String, expected: String) {
        #expect(FrenchText.typographyForData(text) == expected)
    }

    @Test func dataVariantIsIdempotent() {
        let once = FrenchText.typographyForData("« a »  :  b ?")
        #expect(once == "«\u{00A0}a\u{00A0}»\u{00A0}: b\u{202F}?")
        #expect(FrenchText.typographyForData(once) == once)
    }
}
