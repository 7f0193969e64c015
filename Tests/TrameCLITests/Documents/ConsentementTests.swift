import Foundation
import Testing
import TrameTestSupport

/// `trame generate consentement --dossier F`: the person's consent to information sharing, in
/// plain words, with a detachable withdrawal form. MJ-2019-011 has no consent recorded: the
/// document is then a form to tick, for the dossier's landlord and the association.
@Suite("consentement, end to end", .serialized)
struct ConsentementTests {
    typealias E = EvaluationDocuments
    static let dossiers = ["MJ-2019-002", "MJ-2019-004", "MJ-2019-011"]

    /// MJ-2019-004 after withdrawing the landlord's consent on 1 December 2019.
    static func withdrawn() throws -> (dir: URL, dossier: String) {
        try E.modifiedDossier("MJ-2019-004", [
            ("- { date: 2019-03-20, destinataire: bailleur-exemple-1, perimetre: partage }",
             "- { date: 2019-03-20, destinataire: bailleur-exemple-1, perimetre: partage, retrait: 2019-12-01 }"),
        ])
    }

    @Test(.requires(.conformance))
    func everySampleValidates() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for id in Self.dossiers {
            for format in ["odt", "docx"] {
                let file = try #require(try E.generate(["consentement", "--dossier", E.dossier(id), "--format", format, "--output", dir.path + "/"]))
                try DocumentTexts.expectConformant([file])
            }
        }
    }

    @Test func everySampleSaysItInPlainWords() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var files: [(URL, String)] = []
        for id in Self.dossiers {
            for file in try E.generateAllFormats(["consentement", "--dossier", E.dossier(id)], in: dir) {
                #expect(file.deletingPathExtension().lastPathComponent == "consentement-\(id)")
                files.append((file, id))
            }
        }
        let (variantDir, variant) = try Self.withdrawn()
        defer { try? FileManager.default.removeItem(at: variantDir) }
        let withdrawn = try E.generateAllFormats(["consentement", "--dossier", variant, "--as-of", "2019-12-01"], in: variantDir)

        let texts = try DocumentTexts.read(files.map(\.0) + withdrawn)
        for (file, id) in files {
            let name = file.lastPathComponent
            let text = try #require(texts[file])
            let flat = text.flat
            E.expectClean(text, file)
            E.expect(flat, has: [
                "Votre accord pour partager des informations", "Pourquoi ce document ?", "C'est l'évaluation partagée.",
                "seulement si vous êtes d'accord", "quelles informations, avec qui, pourquoi et pendant combien de temps",
                // The review in two parts (issue 13, point 6): the landlord attends and receives the
                // housing part only, with the person's consent; never the support part.
                "Elle a deux parties", "le volet logement : le loyer, l'assurance, l'entretien du logement, les voisins",
                "Le bailleur y vient seulement si vous êtes d'accord", "le volet accompagnement : l'aide de l'association et votre budget",
                "Le bailleur n'y vient jamais", "si le loyer est payé", "si votre assurance du logement est à jour",
                "si le logement est entretenu", "problèmes avec les voisins", "le volet accompagnement (l'aide de l'association, votre budget)",
                "sa commission pourra décider si le bail peut être mis à votre nom",
                // What the landlord keeps, and loses, when the person refuses or withdraws.
                "Pour le bailleur, cela veut dire :", "il ne vient plus au volet logement des évaluations",
                "il ne reçoit plus aucun compte rendu d'évaluation", "il garde seulement ce qu'il sait lui-même comme propriétaire",
                "cela ne peut pas vous faire perdre votre logement",
                // Care stays with the care team.
                "Ce qui n'est jamais partagé", "restent à l'équipe de soins", "C'est le secret médical.", "Le bailleur ne les reçoit jamais.",
                "Votre logement ne dépend pas de vos soins.", "Article L. 1110-4 du code de la santé publique",
                // For how long, refusing or withdrawing changes nothing, how to withdraw.
                "Pendant combien de temps ?", "Votre accord vaut pendant votre sous-location", "Fin de la période en cours : le",
                "Vous pouvez dire non, et changer d'avis", "vous gardez votre logement", "votre contrat de sous-location ne change pas",
                "vos soins continuent de la même façon", "l'accompagnement continue",
                "Comment retirer votre accord ?", "Écrivez à l'association", "3 place de l'Exemple, 57000 Metz",
                "Votre retrait compte pour l'avenir", "Vos droits sur vos informations", "CNIL",
                "Signatures", "Fait à Metz, le", "exemplaires originaux",
                "Formulaire de retrait de votre accord", "retire mon accord pour le partage d'informations avec :",
                "☐ Autre :", "ce retrait ne change rien à mon logement", "Cadre réservé à l'association",
            ], name)
            // Never health information, never amounts of resources.
            E.expect(flat, lacks: ["Allocation aux adultes handicapés", "971,37", "860,00", "ESAT", "CMP"] + E.allObservations, name)
            switch id {
            case "MJ-2019-004":
                E.expect(flat, has: [
                    "Ce document est pour vous, Madame Anne-Sophie Lefèvre-N'Diaye.", "Les accords que vous avez donnés",
                    "Avec Habitat Mosellan Exemple (fictif)", "Avec Association Accès Logement Lorraine (fictif)",
                    "Votre accord : donné le 20 mars 2019.", "Début de votre sous-location : le 1er avril 2019.",
                    "Vous êtes sous curatelle simple. C'est vous qui décidez", "Votre curateur, Service mandataire exemple (fictif)",
                    "en trois exemplaires originaux : un pour vous, un pour votre curateur, un pour l'association, qui signe pour prendre acte de votre accord.",
                    "La sous-locataire, assistée de son", "Madame Claire Martin (fictif)",
                    "Je soussignée, Madame Anne-Sophie Lefèvre-N'Diaye, logée au 12 rue de l'Exemple, 57000 Metz",
                    "☐ Habitat Mosellan Exemple (fictif) — le volet logement des évaluations (accord du 20 mars 2019)",
                    "Signature du curateur, Service mandataire exemple (fictif) :",
                ], name)
                E.expect(flat, lacks: ["Votre choix", "Vous l'avez retiré"], name)
            case "MJ-2019-002":
                E.expect(flat, has: [
                    "Ce document est pour vous, Monsieur Rui Da Silva.", "Votre accord : donné le 20 février 2019.",
                    "Vous êtes sous curatelle renforcée.", "Fin de la période en cours : le 29 février 2020.",
                    "Je soussigné, Monsieur Rui Da Silva, logé au 7 rue de l'Exemple, 57155 Marly",
                    "en trois exemplaires originaux", "Le sous-locataire, assisté de son",
                ], name)
                E.expect(flat, lacks: ["Votre choix"], name)
            default:
                // No consent recorded: a form to tick, for this dossier's landlord and the association only.
                E.expect(flat, has: [
                    "Ce document est pour vous, Monsieur Jean-Baptiste Öztürk.", "Votre choix",
                    "Vous n'avez pas encore donné votre accord.", "Avec Logis Messin Exemple (fictif), votre bailleur",
                    "Avec Association Accès Logement Lorraine (fictif)", "Ce qui serait partagé :",
                    "Début de votre sous-location : le 1er août 2019.", "Fin de la période en cours : le 31 janvier 2021.",
                    "en deux exemplaires originaux : un pour vous, un pour l'association, qui signe pour prendre acte de votre accord.",
                    "Je soussigné, Monsieur Jean-Baptiste Öztürk, logé au 4 allée de l'Exemple, 57950 Montigny-lès-Metz",
                    "☐ Logis Messin Exemple (fictif), mon bailleur — le volet logement des évaluations",
                    "☐ Association Accès Logement Lorraine (fictif) — les informations sociales",
                ], name)
                #expect(flat.components(separatedBy: "☐ J'accepte ☐ Je refuse").count == 3, "\(name): one choice per recipient")
                E.expect(flat, lacks: ["Les accords que vous avez donnés", "donné le", "Habitat Mosellan", "curateur", "tuteur",
                                       "Votre mesure de protection"], name)
            }
            // The withdrawal form is a page of its own, the last one: a page break comes before it.
            #expect(text.pageParts.count >= 2, "\(name): no page break before the withdrawal form")
            let last = try #require(text.pageParts.last)
            E.expect(last, has: ["Formulaire de retrait de votre accord", "Cadre réservé à l'association"], name + " (dernière page)")
            E.expect(last, lacks: ["Pourquoi ce document ?", "Fait à Metz"], name + " (dernière page)")
        }
        // A withdrawn consent is shown as such and is no longer offered for withdrawal.
        for file in withdrawn {
            let flat = try #require(texts[file]).flat
            E.expect(flat, has: [
                "Votre accord : donné le 20 mars 2019. Vous l'avez retiré le 1er décembre 2019 : depuis, ces informations ne sont plus partagées avec Habitat Mosellan Exemple (fictif).",
                "☐ Association Accès Logement Lorraine (fictif) — les informations sociales (accord du 20 mars 2019)",
            ], file.lastPathComponent)
            E.expect(flat, lacks: ["☐ Habitat Mosellan Exemple (fictif) — le volet logement"], file.lastPathComponent)
        }
    }

    @Test func aTutelleAndASauvegardeChangeWhoSigns() throws {
        for (measure, expected, absent) in [
            ("tutelle", ["Vous êtes sous tutelle.", "Votre tuteur", "Signature du tuteur, Service mandataire exemple (fictif) :",
                         "un pour votre tuteur"], ["curateur"]),
            ("sauvegarde", ["Vous êtes sous sauvegarde de justice. Cela ne change rien : vous signez seule ce document.",
                            "en deux exemplaires originaux"], ["curateur", "tuteur"]),
        ] {
            let (dir, dossier) = try E.modifiedDossier("MJ-2019-004", [("mesure_protection: curatelle_simple", "mesure_protection: \(measure)")])
            defer { try? FileManager.default.removeItem(at: dir) }
            let file = try #require(try E.generate(["consentement", "--dossier", dossier, "--format", "html", "--output", dir.path + "/"]))
            let text = try DocumentText(contentsOf: file).flat
            E.expect(text, has: expected, "\(measure)")
            // The point awaiting counsel is a note in the sheet beside the act, never in the act.
            E.expect(text, lacks: absent + ["à faire valider"], "\(measure)")
        }
    }
}
