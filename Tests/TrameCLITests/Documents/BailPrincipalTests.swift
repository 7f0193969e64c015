import Foundation
import Testing
import TrameTestSupport

/// `trame generate bail-principal`: the main lease landlord → association (Code civil lease,
/// CCH L442-8-1), for every sample dossier.
@Suite("bail-principal, end to end", .serialized)
struct BailPrincipalTests {
    static let bundle = TrameProcess.repository.appendingPathComponent("Conventions/metz-jury-2018")
    static let dossiers = ["MJ-2019-002", "MJ-2019-004", "MJ-2019-011"]
    static func dossier(_ id: String) -> String { bundle.appendingPathComponent("dossier-\(id).yaml").path }

    @Test func everySampleValidatesAndHoldsTheKeyClauses() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var files: [URL] = []
        for id in Self.dossiers {
            for format in DocumentTexts.formats {
                let r = try TrameProcess.run(["generate", "bail-principal", "--dossier", Self.dossier(id), "--format", format, "--output", dir.path + "/"])
                #expect(r.status == 0, "\(r.stderr)")
                files.append(dir.appendingPathComponent("bail-principal-\(id).\(format)"))
            }
        }
        try DocumentTexts.validateIfPossible(files)
        let texts = try DocumentTexts.read(files)
        for file in files {
            let name = file.lastPathComponent
            let text = try #require(texts[file])
            let flat = text.flat
            DocumentTexts.expectPageNumbers(text, file)
            let numbers = DocumentTexts.articleNumbers(text)
            #expect(numbers == Array(1...max(numbers.count, 1)), "articles numbered without gaps in \(name): \(numbers)")
            for key in [
                // Code civil lease, L442-8-1, L114, the décret 2015-587 order.
                "Article 1er – Objet", "en vue de sa sous-location à titre temporaire",
                "article L. 114 du code de l'action sociale et des familles", "du I de l'article L. 442-8-1",
                "bail de droit commun régi par les articles 1709 et suivants du code civil", "décret n° 2015-587 du 29 mai 2015",
                "l'association agissant en qualité d'organisme ayant pour objet de sous-louer",
                "association inscrite au registre des associations du tribunal judiciaire de Metz",
                "agrément relatif à l'intermédiation locative et à la gestion locative sociale prévu à l'article L. 365-4",
                // Authorisation to sublet, duration, renewal, notice.
                "autorise expressément l'association à sous-louer le logement",
                "pour une durée de trente-six (36) mois", "renouvelé par tacite reconduction", "– Congé", "moyennant un préavis de trois mois",
                // Money, EDL, insurance, works.
                "– Révision du loyer", "indice de référence des loyers (IRL)", "– Charges récupérables", "décret n° 82-955",
                "– Dépôt de garantie", "décret n° 2016-382 du 30 mars 2016", "– Assurance", "– Travaux, entretien et réparations",
                // Glissement: criteria agreed from the start, CAL decision, never automatic, end of the main lease.
                "– Glissement du bail", "le paiement régulier du loyer et des charges", "l'entretien du logement",
                "la souscription et le renouvellement de l'assurance", "l'occupation paisible des lieux", "l'autonomie dans la gestion du budget",
                "Le glissement du bail n'est jamais automatique", "commission d'attribution des logements et d'examen de l'occupation des logements",
                "article L. 441-2", "Le présent bail prend fin de plein droit, pour le logement, à la date de prise d'effet de ce bail",
                "Ni l'existence ni le contenu d'un suivi de soins ne constituent une condition du glissement",
                // Unpaid rent, termination, the sub-tenant's fate, confidentiality, disputes.
                "– Procédure en cas d'impayé", "plan d'apurement", "– Résiliation", "commandement de payer",
                "– Situation de la personne sous-locataire à la fin du bail principal", "article L. 442-8-2",
                "bénéficie du droit au maintien dans les lieux", "le refus d'une offre de relogement définitif",
                "l'expiration du présent bail à l'échéance du contrat de sous-location",
                "le fait de ne plus remplir les conditions pour être logée par l'association",
                "– Confidentialité et partage des informations", "devant la juridiction compétente du lieu de situation du logement.",
                "– Pièces annexées", "l'état des lieux d'entrée",
                "Fait à Metz, le", "en deux exemplaires originaux",
            ] {
                #expect(flat.contains(key), "\(name) lacks « \(key) »")
            }
            // The main lease is about the flat and the association: no person, no health or social data.
            for absent in ["Lefèvre-N'Diaye", "Anne-Sophie", "Da Silva", "Öztürk", "Jean-Baptiste", "curatelle", "curateur",
                           "Suivi régulier au CMP", "Stable.", "ambulatoire", "consultation d'urgence", "Allocation aux adultes handicapés",
                           "971,37", "Prime d'activité", "06 12 34 56 78", "PROJET", "[à compléter", "{{", "{%", "%}", "}}",
                           " de le ", " à le ", " de les sous", " à les "] {
                #expect(!flat.contains(absent), "\(name) contains « \(absent) »")
            }
            switch file.deletingPathExtension().lastPathComponent {
            case "bail-principal-MJ-2019-004":
                #expect(flat.contains("Le présent bail prend effet le 1er avril 2019 pour une durée de trente-six (36) mois, soit jusqu'au 31 mars 2022 inclus"))
                #expect(flat.contains("trois cent cinquante et un euros et vingt centimes (351,20 €), hors charges"))
                #expect(flat.contains("soixante-huit euros (68 €)"))
                #expect(flat.contains("type T2, d'une surface habitable de 44,5 m², est situé 12 rue de l'Exemple, 57000 Metz (quartier Sablon), au 2e étage"))
                #expect(flat.contains("cave n° 12"))
                #expect(flat.contains("Il est loué non meublé"))
                #expect(!flat.contains("Mobilier et inventaire"))
                #expect(flat.contains("– Convention tripartite"))
                #expect(flat.contains("article L. 442-8-3"))
                #expect(flat.contains("Habitat Mosellan Exemple (fictif)") && flat.contains("Monsieur Paul Durand (fictif)") && flat.contains("dûment habilité à l'effet"))
                #expect(flat.contains("Madame Claire Martin (fictif), présidente, dûment habilitée"))
            case "bail-principal-MJ-2019-011":
                #expect(flat.contains("Logis Messin Exemple (fictif), société anonyme d'habitations à loyer modéré"))
                #expect(flat.contains("Madame Sophie Leroy (fictif), directrice de la gestion locative, dûment habilitée"))
                #expect(flat.contains("deux cent soixante-huit euros et soixante-quinze centimes (268,75 €)"))
                #expect(flat.contains("au rez-de-chaussée de l'immeuble"))
                #expect(flat.contains("Il est loué meublé"))
                #expect(flat.contains("– Mobilier et inventaire"))
                #expect(flat.contains("Réfrigérateur avec compartiment congélation"))
                #expect(flat.contains("l'état des lieux d'entrée et l'inventaire du mobilier"))
                #expect(!flat.contains("– Convention tripartite"), "no L442-8-3 convention for this dossier")
                #expect(flat.contains("soit jusqu'au 31 juillet 2022 inclus"))
            default:
                #expect(flat.contains("deux cent soixante-dix-neuf euros et quatre-vingt-dix centimes (279,90 €)"))
                #expect(flat.contains("57155 Marly, au 1er étage"))
                #expect(flat.contains("– Convention tripartite"))
                #expect(flat.contains("le 1er mars 2019"))
            }
        }
    }

    @Test func clauseConditionsFollowTheDossier() throws {
        func included(_ id: String) throws -> [String: Bool] {
            let r = try TrameProcess.run(["clauses", "bail-principal", "--dossier", Self.dossier(id), "--json"])
            #expect(r.status == 0, "\(r.stderr)")
            let rows = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
            return Dictionary(uniqueKeysWithValues: rows.compactMap { row in
                (row["id"] as? String).flatMap { id in (row["inclus"] as? Bool).map { (id, $0) } }
            })
        }
        let (a, b, c) = (try included("MJ-2019-002"), try included("MJ-2019-004"), try included("MJ-2019-011"))
        #expect(a["bail-principal.mobilier"] == false && b["bail-principal.mobilier"] == false && c["bail-principal.mobilier"] == true)
        #expect(a["bail-principal.convention-tripartite"] == true && b["bail-principal.convention-tripartite"] == true)
        #expect(c["bail-principal.convention-tripartite"] == false)
        #expect(b["bail-principal.glissement"] == true && b["bail-principal.sort-sous-locataire"] == true && b["commun.confidentialite"] == true)
        #expect(b["bail-principal.depot-garantie"] == true)
    }
}
