import Testing
import TrameDocument
import TrameModel
import TrameTemplates

@Suite("Filters")
struct FilterTests {
    /// The text of `{{ expression }}` rendered on dossier `dossier`.
    func out(_ expression: String, dossier: String = "MJ-2019-004") throws -> String {
        let blocks = try Fixtures.blocks("{{ \(expression) }}", dossier: dossier)
        return Plain.text(blocks)
    }

    @Test("dates", arguments: [
        ("2019-04-01 | date", "1er avril 2019"), ("2020-02-29 | date", "29 février 2020"),
        ("2019-04-01 | date_courte", "01/04/2019"), ("2019-12-31 | mois_annee", "décembre 2019"),
        ("sous_locataire.date_naissance | date", "14 mars 1986"),
        ("2019-01-31 | plus_mois(1) | date", "28 février 2019"), ("2020-01-31 | plus_mois(1) | date", "29 février 2020"),
        ("2019-04-01 | fin_terme(12) | date", "31 mars 2020"), ("2019-01-31 | fin_terme(1) | date", "27 février 2019"),
        ("sous_location.date_effet | plus_mois(convention.sous_location.periodicite_evaluation_mois) | date_courte", "01/10/2019"),
        ("2019-04-01", "1er avril 2019"),
    ])
    func dates(expression: String, expected: String) throws {
        #expect(try out(expression) == expected)
    }

    @Test("amounts", arguments: [
        ("351.20 | montant", "trois cent cinquante et un euros et vingt centimes (351,20\u{00A0}€)"),
        ("sous_location.loyer_mensuel | montant", "trois cent cinquante et un euros et vingt centimes (351,20\u{00A0}€)"),
        ("1000000 | montant", "un million d'euros (1\u{202F}000\u{202F}000\u{00A0}€)"),
        ("0 | montant", "zéro euro (0\u{00A0}€)"),
        ("5000 | montant_chiffres", "5\u{202F}000\u{00A0}€"), ("0.5 | montant_chiffres", "0,50\u{00A0}€"),
        ("80 | montant_lettres", "quatre-vingts euros"), ("1.01 | montant_lettres", "un euro et un centime"),
    ])
    func amounts(expression: String, expected: String) throws {
        #expect(try out(expression) == expected)
    }

    @Test("numbers", arguments: [
        ("21 | en_lettres", "vingt et un"), ("21 | en_lettres(\"f\")", "vingt et une"), ("71 | en_lettres", "soixante et onze"),
        ("80 | en_lettres", "quatre-vingts"), ("sous_location.duree_mois | en_lettres", "douze"),
        ("1 | ordinal", "1er"), ("1 | ordinal(\"f\")", "1re"), ("2 | ordinal", "2e"),
        ("1234567 | nombre", "1\u{202F}234\u{202F}567"), ("44.5 | nombre", "44,5"), ("1234.5 | nombre", "1\u{202F}234,5"),
        ("logement.surface_habitable_m2 | nombre", "44,5"),
        ("0 | etage", "rez-de-chaussée"), ("1 | etage", "1er étage"), ("2 | etage", "2e étage"), ("-1 | etage", "1er sous-sol"),
        ("logement.etage | etage", "2e étage"),
    ])
    func numbers(expression: String, expected: String) throws {
        #expect(try out(expression) == expected)
    }

    @Test("texts and lists", arguments: [
        ("convention.communes | liste", "Metz (Sablon), Montigny-lès-Metz et Marly"),
        ("convention.communes | liste(\"ou\")", "Metz (Sablon), Montigny-lès-Metz ou Marly"),
        ("logement.annexes | liste", "cave n° 12"),
        ("\"été\" | majuscule", "Été"), ("sous_locataire.nom | majuscules", "LEFÈVRE-N'DIAYE"),
        ("logement.meuble | oui_non", "non"), ("vrai | oui_non", "oui"),
        ("convention.communes | taille", "3"),
        ("sous_locataire.mesure_protection | libelle", "curatelle simple"),
        ("\"curatelle_renforcee\" | libelle", "curatelle renforcée"), ("\"sous_location\" | libelle", "sous-location"),
        ("\"a_jour\" | libelle", "à jour"), ("\"glissement_bail\" | libelle", "glissement du bail"),
        ("logement.typologie | libelle", "T2"), ("bail_principal.indexation | libelle", "indice de référence des loyers (IRL)"),
        ("\"etablissement_sante\" | libelle", "établissement de santé"), ("\"residence_accueil\" | libelle", "résidence accueil"),
        ("\"valeur_inconnue\" | libelle", "valeur_inconnue"),
        ("sous_locataire.civilite | accord(\"né\", \"née\")", "née"),
        ("sous_locataire.civilite | genre(\"sous-locataire\")", "la sous-locataire"),
        ("sous_locataire.civilite | genre(\"sous-locataire\") | majuscule", "La sous-locataire"),
        ("sous_locataire.courriel | defaut(\"aucun courriel\")", "aucun courriel"),
        ("sous_locataire.telephone | defaut(\"aucun\")", "06 12 34 56 78"),
        ("sous_locataire.courriel | majuscules | defaut(\"—\")", "—"),
    ])
    func texts(expression: String, expected: String) throws {
        #expect(try out(expression) == expected)
    }

    @Test func masculineAgreementAndEmptyListDefault() throws {
        #expect(try out("sous_locataire.civilite | accord(\"né\", \"née\")", dossier: "MJ-2019-002") == "né")
        #expect(try out("sous_locataire.civilite | genre(\"sous-locataire\")", dossier: "MJ-2019-002") == "le sous-locataire")
        #expect(try out("logement.annexes | liste | defaut(\"aucune\")", dossier: "MJ-2019-002") == "aucune")
    }

    @Test func everyEnumeratedValueOfTheFormatHasALabel() {
        func values(_ type: FieldType) -> [String] {
            switch type {
            case .enumeration(let v): return v
            case .list(let inner): return values(inner)
            case .object(let fields): return fields.flatMap { values($0.type) }
            default: return []
            }
        }
        let all = (FormatSchemas.dossier.root + FormatSchemas.convention.root).flatMap { values($0.type) }
        #expect(!all.isEmpty)
        for value in all { #expect(ValueLabels.label(for: value) != nil, "no label for \(value)") }
    }

    @Test func civiliteFilterOnAnotherTextFailsAtRenderTime() throws {
        let result = try Fixtures.render("{{ \"Mme\" | accord(\"né\", \"née\") }}")
        #expect(result.document == nil)
        #expect(result.diagnostics.map(\.code.rawValue) == ["FILTRE_VALEUR"])
    }

    @Test("load-time filter errors", arguments: [
        ("{{ logement.etage | etag }}", "FILTRE_INCONNU", 21, "vouliez-vous dire « etage »"),
        ("{{ sous_locataire.nom | date }}", "FILTRE_TYPE", 25, "attend une date"),
        ("{{ sous_locataire.civilite | accord(\"né\") }}", "FILTRE_ARGUMENTS", 30, "attend 2 argument"),
        ("{{ sous_locataire.civilite | genre(\"sous_locatair\") }}", "FILTRE_ARGUMENTS", 30, "forme inconnue"),
        ("{{ 12 | en_lettres(\"x\") }}", "FILTRE_ARGUMENTS", 9, "\"f\""),
        ("{{ 2019-04-01 | plus_mois(sous_locataire.nom) }}", "FILTRE_ARGUMENTS", 17, "nombre entier de mois"),
        ("{{ logement.annexes }}", "FILTRE_TYPE", 4, "liste"),
    ])
    func loadErrors(source: String, code: String, column: Int, fragment: String) {
        let errors = Fixtures.loadErrors(source)
        #expect(errors.count == 1, "\(errors.map(\.headline))")
        #expect(errors.first?.code.rawValue == code)
        #expect(errors.first?.location == SourceLocation(file: "test.trame", line: 1, column: column))
        #expect(errors.first?.message.contains(fragment) == true, "\(errors.first?.message ?? "")")
    }
}
