import Foundation
import Testing
import TrameTestSupport

/// `trame generate evaluation-finale [--date D] --audience bailleur|association|soin`: the final
/// review (recommendation, reasons, attribution commission, préfet notice, signatures). Only
/// MJ-2019-002 has a final evaluation.
@Suite("evaluation-finale, end to end", .serialized)
struct EvaluationFinaleTests {
    typealias E = EvaluationDocuments
    static let final = E.samples.first { $0.isFinal }!

    /// The variant: orientation to a résidence accueil, no referral date, no tripartite convention.
    static func variant() throws -> (dir: URL, dossier: String) {
        try E.modifiedDossier("MJ-2019-002", [
            ("recommandation: glissement_bail", "recommandation: residence_accueil"),
            ("    transmission_commission_attribution: 2020-08-20\n", ""),
            ("convention_tripartite: true", "convention_tripartite: false"),
            ("etape: glissement", "etape: sous_location"),
        ])
    }

    @Test(.requires(.conformance))
    func theFinalReviewValidatesForEachAudience() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for audience in E.audiences {
            for format in ["odt", "docx"] {
                let file = try #require(try E.generate(["evaluation-finale", "--dossier", E.dossier("MJ-2019-002"), "--audience", audience,
                                                        "--format", format, "--output", dir.path + "/"]))
                try DocumentTexts.expectConformant([file])
            }
        }
        let (variantDir, variant) = try Self.variant()
        defer { try? FileManager.default.removeItem(at: variantDir) }
        let other = try #require(try E.generate(["evaluation-finale", "--dossier", variant, "--audience", "bailleur",
                                                 "--format", "odt", "--output", variantDir.path + "/"]))
        try DocumentTexts.expectConformant([other])
    }

    @Test func theFinalReviewHoldsTheKeyClausesForEachAudience() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var files: [(URL, String)] = []
        for audience in E.audiences {
            // No --date: the final evaluation is chosen.
            for file in try E.generateAllFormats(["evaluation-finale", "--dossier", E.dossier("MJ-2019-002"), "--audience", audience], in: dir) {
                let suffix = audience == "association" ? "" : "-\(audience)"
                #expect(file.deletingPathExtension().lastPathComponent == "evaluation-finale-MJ-2019-002-2020-08-06\(suffix)")
                files.append((file, audience))
            }
        }
        let (variantDir, variant) = try Self.variant()
        defer { try? FileManager.default.removeItem(at: variantDir) }
        let others = try E.generateAllFormats(["evaluation-finale", "--dossier", variant, "--audience", "bailleur"], in: variantDir)

        let texts = try DocumentTexts.read(files.map(\.0) + others)
        let careHeading = "Partie réservée à l'équipe de soins — confidentielle"
        for (file, audience) in files {
            let name = file.lastPathComponent
            let text = try #require(texts[file])
            let flat = text.flat
            E.expectClean(text, file)
            E.expect(flat, has: [
                // Person, housing (with the renewal), review, people present, housing part (issue 13, point 6).
                "Évaluation finale partagée", "Terme de la sous-location — réunion du 6 août 2020",
                "Monsieur Rui Da Silva, le sous-locataire",
                "T1 de 31 m², 7 rue de l'Exemple, 57155 Marly, 1er étage",
                "renouvelée à compter du 1er mars 2020 pour six mois, jusqu'au 31 août 2020",
                "L'évaluation finale s'est tenue le 6 août 2020.", "Volet logement — étaient présents :",
                "Habitat Mosellan Exemple (fictif), bailleur du logement",
                "Paiement du loyer et des charges Régulier", "Annexe — grille d'évaluation : définitions",
                // Recommendation, reasons, CAL referral: never automatic.
                "Recommandation des partenaires", "les partenaires présents recommandent : glissement du bail.",
                "aux fins de signature d'un bail à son nom", "Ce glissement du bail n'est pas automatique",
                "commission d'attribution des logements et d'examen de l'occupation des logements du bailleur, Habitat Mosellan Exemple (fictif)",
                "article L. 441-2", "Motifs : Paiement régulier depuis l'entrée, logement bien entretenu, autonomie budgétaire acquise.",
                "Saisine de la commission d'attribution", "est fixée au 20 août 2020",
                "un bail est conclu directement entre Habitat Mosellan Exemple (fictif) et le sous-locataire",
                "rechercher avec lui une autre solution",
                // Préfet (L442-8-3), two months before the end of the review period; late-review warning.
                "Information du préfet", "article L. 442-8-3", "au plus tard le 30 juin 2020",
                "qui s'achève le 31 août 2020", "s'assure que l'information du préfet a bien été adressée",
                // Consent reference and signatures.
                "Diffusion du présent compte rendu", "Signatures des participants",
            ], name)
            E.expect(flat, lacks: ["Prochaine évaluation", "Allocation aux adultes handicapés", "860,00", "ESAT"], name)
            switch audience {
            case "bailleur":
                E.expect(flat, has: ["Exemplaire du bailleur", "la recommandation des partenaires et ses motifs",
                                     "Il est transmis avec le consentement de Monsieur Rui Da Silva, recueilli le 20 février 2019"], name)
                // Neither the support part nor the care team nor the protection measure (issue 13, points 5 and 6).
                E.expect(flat, lacks: [Self.final.opinion, "Avis de Monsieur", careHeading, Self.final.observations,
                                       "Volet accompagnement", "Autonomie dans la gestion du budget Autonome", "Centre hospitalier de Jury",
                                       "ERAH", "Marc Petit", "Curatelle renforcée", "Service mandataire"], name)
            case "association":
                E.expect(flat, has: ["Curatelle renforcée — Service mandataire exemple (fictif)", "Volet accompagnement",
                                     "Autonomie dans la gestion du budget Autonome (appréciation, sans montant)",
                                     "Centre hospitalier de Jury, équipe ERAH, avec l'accord de la personne",
                                     "sa commission d'attribution se prononce au vu des seules informations qu'il détient"], name)
                E.expect(flat, has: ["Exemplaire de l'association", "Avis de Monsieur Rui Da Silva", Self.final.opinion,
                                     "au partage de ses informations sociales avec l'association a été recueilli le 20 février 2019"], name)
                E.expect(flat, lacks: [careHeading, Self.final.observations], name)
            default:
                E.expect(flat, has: [Self.final.opinion], name)
                #expect(text.pageParts.count >= 2, "\(name): no page break before the care part")
                let last = try #require(text.pageParts.last)
                E.expect(last, has: [careHeading, "article L. 1110-4", Self.final.observations], name + " (dernière page)")
                E.expect(last, lacks: ["Recommandation des partenaires", "Signatures des participants"], name + " (dernière page)")
            }
        }
        // The variant: no CAL section (no glissement, no referral), no préfet notice, right to stay kept.
        for other in others {
            let flat = try #require(texts[other]).flat
            E.expect(flat, has: [
                "les partenaires présents recommandent : résidence accueil.", "vers une résidence accueil",
                "service intégré d'accueil et d'orientation", "conserve le droit au maintien dans les lieux prévu à l'article L. 442-8-2",
            ], other.lastPathComponent)
            E.expect(flat, lacks: ["Saisine de la commission d'attribution", "Information du préfet", "Oui, annexée au contrat de sous-location"],
                     other.lastPathComponent)
        }
    }

    @Test func theDefaultIsTheFinalEvaluationAndOtherDossiersAreRefused() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let implicit = try #require(try E.generate(["evaluation-finale", "--dossier", E.dossier("MJ-2019-002"), "--format", "html",
                                                    "--output", dir.appendingPathComponent("a.html").path]))
        let explicit = try #require(try E.generate(["evaluation-finale", "--dossier", E.dossier("MJ-2019-002"), "--date", "2020-08-06",
                                                    "--format", "html", "--output", dir.appendingPathComponent("b.html").path]))
        #expect(try Data(contentsOf: implicit) == Data(contentsOf: explicit))
        for id in ["MJ-2019-004", "MJ-2019-011"] {
            let r = try TrameProcess.run(["generate", "evaluation-finale", "--dossier", E.dossier(id), "--output", dir.path + "/"])
            #expect(r.status != 0, "\(id) has no final evaluation")
            #expect(r.stderr.contains("EVALUATION_INTROUVABLE"), "\(r.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".odt") }.isEmpty)
    }

    @Test func theLandlordCopyNeedsTheConsent() throws {
        let (dir, dossier) = try E.modifiedDossier("MJ-2019-002", [
            ("  - { date: 2019-02-20, destinataire: bailleur-exemple-1, perimetre: partage }\n", ""),
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let refused = try TrameProcess.run(["generate", "evaluation-finale", "--dossier", dossier, "--audience", "bailleur",
                                            "--output", dir.appendingPathComponent("x.odt").path])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("CONSENTEMENT"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.odt").path))
    }
}
