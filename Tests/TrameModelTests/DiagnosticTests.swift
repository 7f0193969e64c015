import Foundation
import Testing
import TrameModel

/// Each error class of `trame check`, fed as a real broken file: code, position, path and message.
@Suite("Diagnostics of broken dossiers and conventions")
struct DiagnosticTests {
    /// Expects exactly one diagnostic with `code`, on the line containing `lineNeedle`.
    func expectOne(_ diagnostics: [Diagnostic], code: String, severity: Diagnostic.Severity = .error,
                   on lineNeedle: String, in text: String, column: Int? = nil, path: String? = nil,
                   message: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let matching = diagnostics.filter { $0.code.rawValue == code }
        #expect(matching.count == 1, "expected one \(code), got \(diagnostics.map(\.headline))", sourceLocation: sourceLocation)
        guard let d = matching.first else { return }
        #expect(d.severity == severity, sourceLocation: sourceLocation)
        #expect(d.location?.line == Samples.line(of: lineNeedle, in: text), "\(d.headline)", sourceLocation: sourceLocation)
        if let column { #expect(d.location?.column == column, "\(d.headline)", sourceLocation: sourceLocation) }
        if let path { #expect(d.path?.description == path, sourceLocation: sourceLocation) }
        #expect(d.message.contains(message), "« \(d.message) » lacks « \(message) »", sourceLocation: sourceLocation)
    }

    @Test func yamlSyntaxErrorHasItsPosition() {
        let text = Samples.replacing(Samples.dossier004, "  reference: LGT-0457-02-12", "  reference: [LGT-0457")
        let d = Samples.check(dossier: text)
        #expect(d.count == 1)
        #expect(d.first?.code == .syntaxe)
        #expect(d.first?.message.contains("syntaxe YAML/JSON invalide") == true)
        #expect((d.first?.location?.line ?? 0) >= Samples.line(of: "reference: [LGT", in: text))
    }

    @Test func jsonSyntaxErrorHasItsPosition() {
        let text = "{\n  \"dossier\": \"MJ-1\",\n  \"etape\": \"proposition\"\n  \"convention\": \"x\"\n}\n"
        let d = ModelLoader.read(data: Data(text.utf8), name: "d.json").diagnostics
        #expect(d.map(\.code.rawValue) == ["SYNTAXE"])
        #expect(d.first?.location?.line == 4)
    }

    @Test func wrongType() {
        let text = Samples.replacing(Samples.dossier004, "  duree_mois: 12", "  duree_mois: douze")
        expectOne(Samples.check(dossier: text), code: "TYPE", on: "duree_mois: douze", in: text, column: 15,
                  path: "sous_location.duree_mois", message: "un nombre entier est attendu, pas « douze »")
    }

    @Test func objectWhereTextExpected() {
        let text = Samples.replacing(Samples.dossier004, "  commune: Metz", "  commune: [Metz]")
        expectOne(Samples.check(dossier: text), code: "TYPE", on: "commune: [Metz]", in: text, path: "logement.commune",
                  message: "un texte est attendu, pas une liste")
    }

    @Test func impossibleDate() {
        let text = Samples.replacing(Samples.dossier004, "date_naissance: 1986-03-14", "date_naissance: 2019-02-30")
        expectOne(Samples.check(dossier: text), code: "DATE_INVALIDE", on: "date_naissance", in: text, column: 19,
                  path: "sous_locataire.date_naissance", message: "la date « 2019-02-30 » n'existe pas")
    }

    @Test func malformedDate() {
        let text = Samples.replacing(Samples.dossier004, "proposition_ch_jury: 2019-01-10", "proposition_ch_jury: 10/01/2019")
        expectOne(Samples.check(dossier: text), code: "DATE_INVALIDE", on: "proposition_ch_jury", in: text,
                  path: "parcours.proposition_ch_jury", message: "format AAAA-MM-JJ")
    }

    @Test func negativeAmount() {
        let text = Samples.replacing(Samples.dossier004, "  provision_charges: 68.00\n  depot_garantie: 351.20\n  apl", "  provision_charges: -68.00\n  depot_garantie: 351.20\n  apl")
        expectOne(Samples.check(dossier: text), code: "MONTANT_NEGATIF", on: "provision_charges: -68.00", in: text, column: 22,
                  path: "sous_location.provision_charges", message: "négatif")
    }

    @Test(arguments: ["trois cents", "\"351.20\"", "351,20", "1e3"])
    func nonNumericAmount(value: String) {
        let text = Samples.replacing(Samples.dossier004, "  loyer_plafond_apl: 380.00", "  loyer_plafond_apl: \(value)")
        expectOne(Samples.check(dossier: text), code: "MONTANT_INVALIDE", on: "loyer_plafond_apl", in: text,
                  path: "logement.loyer_plafond_apl", message: value == "351,20" ? "utilisez le point décimal" : "montant en euros")
    }

    @Test func missingRequiredField() {
        let text = Samples.replacing(Samples.dossier004, "  prenom: Anne-Sophie\n", "")
        expectOne(Samples.check(dossier: text), code: "CHAMP_MANQUANT", on: "civilite: Madame", in: text,
                  path: "sous_locataire.prenom", message: "champ obligatoire « prenom » absent")
    }

    @Test func housingRequiredFromAttributionOnly() {
        let start = Samples.dossier004.range(of: "\nlogement:")!.lowerBound
        let end = Samples.dossier004.range(of: "\nbail_principal:")!.lowerBound
        let withoutHousing = Samples.dossier004.replacingCharacters(in: start..<end, with: "")
        #expect(Samples.check(dossier: withoutHousing).contains { $0.code == .champManquant && $0.path?.description == "logement" })
        let atOrientation = Samples.replacing(withoutHousing, "etape: sous_location", "etape: orientation")
        #expect(!Samples.check(dossier: atOrientation).contains { $0.code == .champManquant })
    }

    @Test func unknownKeyWithSuggestion() {
        let text = Samples.replacing(Samples.dossier004, "  surface_habitable_m2: 44.5", "  surface_habitabe_m2: 44.5")
        let d = Samples.check(dossier: text)
        expectOne(d, code: "CLE_INCONNUE", on: "surface_habitabe_m2", in: text, column: 3,
                  path: "logement.surface_habitabe_m2", message: "vouliez-vous dire « surface_habitable_m2 » ?")
        #expect(d.contains { $0.code == .champManquant && $0.path?.description == "logement.surface_habitable_m2" })
    }

    @Test func accentedKeyIsReportedWithTheAsciiKey() {
        let text = Samples.replacing(Samples.dossier004, "  quartier: Sablon", "  quartiér: Sablon")
        expectOne(Samples.check(dossier: text), code: "CLE_INCONNUE", on: "quartiér", in: text,
                  message: "vouliez-vous dire « quartier » ?")
    }

    @Test func unknownKeyWithoutNearKeyListsTheKeys() {
        let text = Samples.replacing(Samples.dossier004, "menage: { adultes: 1, enfants: 0 }", "menage: { adultes: 1, enfants: 0, chats: 2 }")
        expectOne(Samples.check(dossier: text), code: "CLE_INCONNUE", on: "chats: 2", in: text,
                  message: "clés possibles ici : adultes, enfants")
    }

    @Test func enumeratedValueOutOfItsSet() {
        let text = Samples.replacing(Samples.dossier004, "  typologie: T2", "  typologie: T7")
        expectOne(Samples.check(dossier: text), code: "VALEUR_INCONNUE", on: "typologie: T7", in: text, column: 14,
                  path: "logement.typologie", message: "valeurs possibles : T1, T2, T3, T4, T5")
    }

    @Test func landlordMustBeASocialLandlordOfTheConvention() {
        let text = Samples.replacing(Samples.dossier004, "  bailleur: bailleur-exemple-1", "  bailleur: siao")
        expectOne(Samples.check(dossier: text), code: "BAILLEUR_INCONNU", on: "bailleur: siao", in: text, column: 13,
                  path: "logement.bailleur", message: "n'est pas un bailleur social (rôle « siao »)")
        let unknown = Samples.replacing(Samples.dossier004, "  bailleur: bailleur-exemple-1", "  bailleur: bailleur-exemple-9")
        expectOne(Samples.check(dossier: unknown), code: "BAILLEUR_INCONNU", on: "bailleur-exemple-9", in: unknown,
                  message: "n'est pas une partie de la convention")
    }

    @Test func pathwayDatesOutOfOrder() {
        let text = Samples.replacing(Samples.dossier004, "orientation_association: 2019-01-28", "orientation_association: 2019-01-15")
        expectOne(Samples.check(dossier: text), code: "DATES_PARCOURS", on: "orientation_association", in: text,
                  path: "parcours.orientation_association", message: "précède « enregistrement_siao » (2019-01-21)")
    }

    @Test func duplicateKey() {
        let text = Samples.replacing(Samples.dossier004, "  quartier: Sablon", "  quartier: Sablon\n  commune: Metz")
        let d = Samples.check(dossier: text)
        #expect(d.map(\.code.rawValue) == ["CLE_DUPLIQUEE"])
        #expect(d.first?.message.contains("« commune »") == true)
    }
}
