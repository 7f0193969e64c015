import Foundation
import Testing
import TrameModel

/// A diagnostic in machine outputs (`check --json`, `archive verify --json`): one shape, French keys.
@Suite("Diagnostic JSON")
struct DiagnosticJSONTests {
    @Test func diagnosticsWriteEveryFrenchKey() throws {
        let d = Diagnostic.error(.valeurInconnue, path: FieldPath(parsing: "logement.typologie"), "valeur « T7 » inconnue",
                                 at: SourceLocation(file: "d.yaml", line: 42, column: 14))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(d.json.rendered.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["gravite", "code", "categorie", "champ", "message", "fichier", "ligne", "colonne", "sujet"])
        #expect(object["code"] as? String == "VALEUR_INCONNUE")
        #expect(object["categorie"] as? String == "donnees")
        #expect(object["champ"] as? String == "logement.typologie")
        #expect(object["ligne"] as? Int == 42 && object["colonne"] as? Int == 14)
        #expect(object["sujet"] is NSNull)
        let subject = try #require(try JSONSerialization.jsonObject(with: Data(Diagnostic.error(.fichierManquant, "absent", subject: "objets/ab").json.rendered.utf8)) as? [String: Any])
        #expect(subject["sujet"] as? String == "objets/ab")
        #expect(subject["fichier"] is NSNull && subject["ligne"] is NSNull)
    }
}
