import Testing
import TrameFrench

@Suite("FrenchArticle")
struct FrenchArticleTests {
    @Test("default article from the first word", arguments: [
        ("Service mandataire exemple (fictif)", FrenchArticle.le),
        ("Association Accès Logement Lorraine (fictif)", .elided),
        ("Centre hospitalier de Jury", .le),
        ("Direction départementale de la cohésion sociale de la Moselle", .la),
        ("Délégation interministérielle à l'hébergement et à l'accès au logement", .la),
        ("Office public de l'habitat de Metz", .elided),
        ("Établissement public de santé mentale", .elided),
        ("Hôpital de jour", .elided),
        ("Haut Conseil au logement", .le),
        ("Haute Autorité de santé", .la),
        ("SIAO de la Moselle", .le),
        ("UDAF de la Moselle", .elided),
        ("CAF de la Moselle", .la),
        ("Compagnons d'Emmaüs", .les),
        ("Habitat Mosellan Exemple (fictif)", FrenchArticle.none),
        ("Metz Métropole", .none),
        ("Logis Messin Exemple (fictif)", .none),
        ("Madame Anne Roux", .none),
        ("XYZ Conseil", .none),
        ("", .none),
    ] as [(String, FrenchArticle)])
    func defaults(name: String, expected: FrenchArticle) {
        #expect(FrenchArticle.defaultArticle(for: name) == expected)
    }

    @Test("contractions with à", arguments: [
        ("Service mandataire", FrenchArticle.le, "au Service mandataire"),
        ("Direction départementale", .la, "à la Direction départementale"),
        ("Association Accès Logement", .elided, "à l'Association Accès Logement"),
        ("Compagnons d'Emmaüs", .les, "aux Compagnons d'Emmaüs"),
        ("Habitat Mosellan", .none, "à Habitat Mosellan"),
    ] as [(String, FrenchArticle, String)])
    func withA(name: String, article: FrenchArticle, expected: String) {
        #expect(FrenchArticle.phrase(name, preposition: "à", article: article) == expected)
    }

    @Test("contractions with de", arguments: [
        ("Service mandataire", FrenchArticle.le, "du Service mandataire"),
        ("Direction départementale", .la, "de la Direction départementale"),
        ("Association Accès Logement", .elided, "de l'Association Accès Logement"),
        ("Compagnons d'Emmaüs", .les, "des Compagnons d'Emmaüs"),
        ("Metz Métropole", .none, "de Metz Métropole"),
        ("Habitat Mosellan", .none, "d'Habitat Mosellan"),
        ("Association X", .none, "d'Association X"),
    ] as [(String, FrenchArticle, String)])
    func withDe(name: String, article: FrenchArticle, expected: String) {
        #expect(FrenchArticle.phrase(name, preposition: "de", article: article) == expected)
    }

    @Test func otherPrepositions() {
        #expect(FrenchArticle.phrase("Service mandataire", preposition: "par") == "par le Service mandataire")
        #expect(FrenchArticle.phrase("Association A", preposition: "entre") == "entre l'Association A")
        #expect(FrenchArticle.phrase("Habitat Mosellan", preposition: "pour") == "pour Habitat Mosellan")
        #expect(FrenchArticle.phrase("Service mandataire", preposition: "") == "le Service mandataire")
        #expect(FrenchArticle.phrase("Association A", preposition: "") == "l'Association A")
        // A preposition ending in « à » or « de » contracts like them.
        #expect(FrenchArticle.phrase("Service S", preposition: "jusqu'à") == "jusqu'au Service S")
        #expect(FrenchArticle.phrase("Direction D", preposition: "auprès de") == "auprès de la Direction D")
        #expect(FrenchArticle.phrase("Service S", preposition: "auprès de") == "auprès du Service S")
        // A capital preposition at a sentence start keeps its capital.
        #expect(FrenchArticle.phrase("Service S", preposition: "À") == "Au Service S")
        #expect(FrenchArticle.phrase("Direction D", preposition: "À") == "À la Direction D")
    }

    @Test func definitePhrases() {
        #expect(FrenchArticle.phrase(definite: "le représentant", preposition: "de") == "du représentant")
        #expect(FrenchArticle.phrase(definite: "la sous-location", preposition: "de") == "de la sous-location")
        #expect(FrenchArticle.phrase(definite: "l'évaluation", preposition: "de") == "de l'évaluation")
        #expect(FrenchArticle.phrase(definite: "les renouvellements", preposition: "à") == "aux renouvellements")
        #expect(FrenchArticle.phrase(definite: "le logement", preposition: "à") == "au logement")
    }

    @Test func elision() {
        #expect(FrenchArticle.elides("Association"))
        #expect(FrenchArticle.elides("Habitat"))
        #expect(FrenchArticle.elides("UDAF"))
        #expect(FrenchArticle.elides("Œuvre"))
        #expect(!FrenchArticle.elides("Haut"))
        #expect(!FrenchArticle.elides("Hameau"))
        #expect(!FrenchArticle.elides("Service"))
        #expect(!FrenchArticle.elides("HLM"))
        #expect(!FrenchArticle.elides(""))
    }

    @Test func values() {
        #expect(FrenchArticle.values == ["le", "la", "l'", "les", "sans"])
        #expect(FrenchArticle(rawValue: "l'") == .elided)
    }
}

@Suite("Epicene forms")
struct EpiceneTests {
    @Test("neutral forms of a missing civilité", arguments: [
        ("dûment habilité", "dûment habilitée", "dûment habilité(e)"),
        ("né", "née", "né(e)"),
        ("l'intéressé", "l'intéressée", "l'intéressé(e)"),
        ("le sous-locataire", "la sous-locataire", "le ou la sous-locataire"),
        ("du sous-locataire", "de la sous-locataire", "du ou de la sous-locataire"),
        ("il", "elle", "il ou elle"),
        ("lui", "elle", "lui ou elle"),
        ("locataire", "locataire", "locataire"),
        ("Monsieur", "Madame", "Monsieur ou Madame"),
    ] as [(String, String, String)])
    func epicene(masculine: String, feminine: String, expected: String) {
        #expect(FrenchGender.epicene(masculine, feminine) == expected)
    }

    @Test func formKeys() {
        #expect(FrenchGender.neutralForm("ne") == "né(e)")
        #expect(FrenchGender.neutralForm("sous-locataire") == "le ou la sous-locataire")
        #expect(FrenchGender.neutralForm("assiste") == "assisté(e)")
        #expect(FrenchGender.neutralForm("inconnu") == nil)
    }
}

@Suite("Ordinal runs")
struct OrdinalRunTests {
    private func runs(_ text: String) -> [String] {
        FrenchNumber.ordinalRuns(text).map { $0.isSuffix ? "^" + $0.text : String($0.text) }
    }

    @Test func dates() {
        #expect(runs("1er juillet 2018") == ["1", "^er", " juillet 2018"])
        #expect(runs("le 1er avril 2019, le 1er mai") == ["le 1", "^er", " avril 2019, le 1", "^er", " mai"])
        #expect(runs("21 mars 2020") == ["21 mars 2020"])
    }

    @Test func ordinals() {
        #expect(runs("Article 1er") == ["Article 1", "^er"])
        #expect(runs("2e étage") == ["2", "^e", " étage"])
        #expect(runs("1re chambre") == ["1", "^re", " chambre"])
        #expect(runs("3es") == ["3", "^es"])
    }

    @Test func notOrdinals() {
        #expect(runs("2eme") == ["2eme"])
        #expect(runs("A1e") == ["A1e"])
        #expect(runs("1erement") == ["1erement"])
        #expect(runs("") == [""])
        #expect(runs("T2") == ["T2"])
    }
}
