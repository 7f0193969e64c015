import Testing
import TrameModel
import TrameTemplates

@Suite("Conditions")
struct ConditionTests {
    let here = SourceLocation(file: "clause.yaml", line: 3, column: 10)

    func parse(_ text: String) throws -> Condition {
        try Condition.parse(text, at: here, schema: .dossierDocument)
    }

    func explain(_ text: String, _ dossier: String) throws -> (Bool, String) {
        let result = try parse(text).explain(in: Fixtures.context(dossier))
        return (result.value, result.reason)
    }

    @Test func barePathExplainsWithOuiNon() throws {
        #expect(try explain("logement.meuble", "MJ-2019-011") == (true, "logement.meuble = oui"))
        #expect(try explain("logement.meuble", "MJ-2019-004") == (false, "logement.meuble = non"))
        #expect(try explain("non logement.meuble", "MJ-2019-004") == (true, "logement.meuble = non"))
    }

    @Test func membershipExplainsTheList() throws {
        let condition = "sous_locataire.mesure_protection dans [\"tutelle\", \"curatelle_simple\", \"curatelle_renforcee\"]"
        #expect(try explain(condition, "MJ-2019-004")
            == (true, "sous_locataire.mesure_protection = curatelle_simple (dans tutelle, curatelle_simple, curatelle_renforcee)"))
        #expect(try explain(condition, "MJ-2019-011").0 == false)
        #expect(try explain("\"Marly\" dans convention.communes", "MJ-2019-004").0)
    }

    @Test func absentValues() throws {
        #expect(try explain("existe(sous_locataire.protecteur)", "MJ-2019-011") == (false, "sous_locataire.protecteur absent"))
        #expect(try explain("sous_locataire.protecteur", "MJ-2019-011") == (false, "sous_locataire.protecteur absent"))
        #expect(try explain("existe(sous_locataire.protecteur)", "MJ-2019-004") == (true, "sous_locataire.protecteur présent"))
        // An absent value in a comparison makes it false.
        #expect(try explain("sous_locataire.courriel = 'x'", "MJ-2019-004") == (false, "sous_locataire.courriel absent"))
    }

    @Test("comparisons", arguments: [
        ("sous_location.depot_garantie > 0", "MJ-2019-004", true), ("sous_location.depot_garantie > 0", "MJ-2019-011", false),
        ("sous_location.depot_garantie = 0", "MJ-2019-011", true), ("sous_location.loyer_mensuel <= logement.loyer_plafond_apl", "MJ-2019-004", true),
        ("sous_location.loyer_mensuel = 351.2", "MJ-2019-004", true), ("sous_location.loyer_mensuel != 351.20", "MJ-2019-004", false),
        ("sous_location.date_effet >= 2019-04-01", "MJ-2019-004", true), ("sous_location.date_effet < 2019-04-01", "MJ-2019-002", true),
        ("logement.etage = 0 ou logement.ascenseur", "MJ-2019-011", true), ("non logement.meuble et (logement.etage > 1 ou logement.ascenseur)", "MJ-2019-004", true),
        ("taille(logement.annexes) = 1", "MJ-2019-004", true), ("taille(logement.annexes) > 0", "MJ-2019-002", false),
        ("logement.annexes", "MJ-2019-002", false), ("sous_locataire.civilite = 'Madame'", "MJ-2019-004", true),
        ("logement.meuble = vrai", "MJ-2019-011", true), ("sous_location.duree_mois >= convention.sous_location.duree_minimale_mois", "MJ-2019-011", true),
        ("sous_location.date_fin = 2020-08-31", "MJ-2019-002", true),
    ] as [(String, String, Bool)])
    func comparisons(text: String, dossier: String, expected: Bool) throws {
        #expect(try parse(text).evaluate(in: Fixtures.context(dossier)) == expected)
    }

    @Test func comparisonExplanation() throws {
        #expect(try explain("sous_location.depot_garantie > 0", "MJ-2019-011") == (false, "sous_location.depot_garantie = 0 (> 0)"))
        #expect(try explain("sous_locataire.mesure_protection != \"aucune\"", "MJ-2019-004")
            == (true, "sous_locataire.mesure_protection = curatelle_simple (!= aucune)"))
        #expect(try explain("logement.meuble et logement.ascenseur", "MJ-2019-011") == (false, "logement.ascenseur = non"))
        #expect(try explain("logement.meuble ou logement.ascenseur", "MJ-2019-004") == (false, "logement.meuble = non, logement.ascenseur = non"))
    }

    @Test func pathsAreListed() throws {
        #expect(try parse("logement.meuble et taille(logement.annexes) > 0").paths == ["logement.meuble", "logement.annexes"])
    }

    @Test("errors are located and explained", arguments: [
        ("logement.etag = 2", "VARIABLE_INCONNUE", 10, "vouliez-vous dire « logement.etage »"),
        ("sous_locataire.mesure_protection = \"curatelle\"", "VALEUR_INCONNUE", 43, "valeurs possibles"),
        ("sous_location.date_effet > 12", "TYPE_COMPARAISON", 35, "une date et un nombre entier"),
        ("logement.meuble et", "SYNTAXE_GABARIT", 28, "valeur attendue"),
        ("(logement.meuble", "SYNTAXE_GABARIT", 26, "« ) » attendu"),
        ("logement.inventaire.element = 'x'", "VARIABLE_INCONNUE", 10, "est une liste"),
        ("logement = 2", "TYPE_COMPARAISON", 19, "ensemble de champs"),
    ] as [(String, String, Int, String)])
    func errors(text: String, code: String, column: Int, fragment: String) {
        do {
            _ = try parse(text)
            Issue.record("\(text) should not parse")
        } catch let error as Diagnostics {
            #expect(error.diagnostics.first?.code.rawValue == code, "\(error.diagnostics.map(\.headline))")
            #expect(error.diagnostics.first?.location == SourceLocation(file: "clause.yaml", line: 3, column: column))
            #expect(error.diagnostics.first?.message.contains(fragment) == true, "\(error.diagnostics.first?.message ?? "")")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
