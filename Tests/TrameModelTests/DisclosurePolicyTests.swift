import Foundation
import Testing
import TrameModel

/// The one disclosure rule: clearance, dated consent, pruning.
@Suite("Disclosure policy")
struct DisclosurePolicyTests {
    static func dossier(_ text: String) throws -> Dossier {
        let file = ModelLoader.read(data: Data(text.utf8), name: "dossier.yaml")
        #expect(!(file.diagnostics + ModelLoader.checkDossier(file, convention: Samples.convention)).hasErrors)
        return Dossier(checked: try #require(file.root))
    }

    static func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    /// MJ-2019-004 whose flat passed to bailleur-exemple-2 in 2020, the person consenting to share
    /// with that landlord on 2020-04-01 only.
    static let takenOver = Samples.replacing(
        Samples.replacing(Samples.dossier004, "  bailleur: bailleur-exemple-1", "  bailleur: bailleur-exemple-2"),
        "  - { date: 2019-03-20, destinataire: association, perimetre: social }",
        "  - { date: 2019-03-20, destinataire: association, perimetre: social }\n  - { date: 2020-04-01, destinataire: bailleur-exemple-2, perimetre: partage }")

    @Test func aLandlordNeverReceivesAnotherAudiencesCopy() {
        for audience in [Audience.soin, .association, .sousLocataire] {
            #expect(!DisclosurePolicy.mayReceive(.bailleur, documentFor: audience), "\(audience)")
        }
        #expect(DisclosurePolicy.mayReceive(.bailleur, documentFor: .bailleur))
        #expect(DisclosurePolicy.mayReceive(.bailleur, documentFor: .partenaires))
        #expect(!DisclosurePolicy.mayReceive(.prefet, documentFor: .bailleur))
        #expect(DisclosurePolicy.mayReceive(.prefet, documentFor: .prefet))
        #expect(!DisclosurePolicy.mayReceive(.association, documentFor: .soin))
        #expect(DisclosurePolicy.mayReceive(.soin, documentFor: .association))
    }

    @Test func consentMustCoverTheEvaluationDateAndStillHoldToday() throws {
        let d = try Self.dossier(Samples.dossier004)
        let ok = DisclosurePolicy.decide(d, documentFor: .bailleur, recipient: .bailleur, event: Self.day("2019-09-26"),
                                         today: Self.day("2020-01-01"))
        #expect(ok.isAllowed)
        // An evaluation before the consent was given is never the landlord's.
        let before = DisclosurePolicy.decide(d, documentFor: .bailleur, recipient: .bailleur, event: Self.day("2019-03-19"),
                                             today: Self.day("2020-01-01"))
        #expect(!before.isAllowed)
        #expect(before.reason?.contains("consentement") == true)
        // A withdrawal stops every new copy, even of an evaluation the consent covered.
        let withdrawn = try Self.dossier(Samples.replacing(Samples.dossier004,
            "  - { date: 2019-03-20, destinataire: bailleur-exemple-1, perimetre: partage }",
            "  - { date: 2019-03-20, destinataire: bailleur-exemple-1, perimetre: partage, retrait: 2019-12-01 }"))
        #expect(!DisclosurePolicy.decide(withdrawn, documentFor: .bailleur, recipient: .bailleur, event: Self.day("2019-09-26"),
                                         today: Self.day("2020-01-01")).isAllowed)
        // Rebuilding an already transmitted copy proves bytes: only the event date counts.
        #expect(DisclosurePolicy.decide(withdrawn, documentFor: .bailleur, recipient: .bailleur, event: Self.day("2019-09-26"),
                                        today: nil).isAllowed)
    }

    @Test func aLandlordTakingOverAFlatDoesNotSeeReviewsMadeBeforeItsConsent() throws {
        let d = try Self.dossier(Self.takenOver)
        let old = DisclosurePolicy.decide(d, documentFor: .bailleur, recipient: .bailleur, recipientLandlord: "bailleur-exemple-2",
                                          event: Self.day("2019-09-26"), today: Self.day("2020-06-01"))
        #expect(!old.isAllowed, "l'évaluation du 26 septembre 2019 précède le consentement pour ce bailleur")
        // The former landlord no longer receives anything about this dossier.
        let former = DisclosurePolicy.decide(d, documentFor: .bailleur, recipient: .bailleur, recipientLandlord: "bailleur-exemple-1",
                                             event: Self.day("2019-09-26"), today: Self.day("2020-06-01"))
        #expect(!former.isAllowed)
        // The new landlord's own lease, with no event, is allowed — but pruned of every review's shared part.
        let lease = DisclosurePolicy.decide(d, data: d.data, documentFor: .bailleur, recipient: .bailleur,
                                            recipientLandlord: "bailleur-exemple-2", event: nil, today: Self.day("2020-06-01"))
        #expect(lease.isAllowed)
        let evaluations = try #require(lease.data?["evaluations"]?.list)
        #expect(evaluations.count == 2)
        for evaluation in evaluations {
            #expect(evaluation["partie_partagee"] == nil, "partie partagée d'une évaluation sans consentement pour ce bailleur")
            #expect(evaluation["partie_soin"] == nil)
            #expect(evaluation["date"] != nil)
        }
    }

    @Test func aLandlordCopyKeepsOnlyTheSharedPartTheConsentCovers() throws {
        let d = try Self.dossier(Samples.dossier004)
        let decision = DisclosurePolicy.decide(d, data: d.data, documentFor: .bailleur, recipient: .bailleur,
                                               event: Self.day("2020-03-19"), today: Self.day("2020-04-01"))
        let data = try #require(decision.data)
        let evaluations = try #require(data["evaluations"]?.list)
        #expect(evaluations.allSatisfy { $0["partie_partagee"] != nil })
        #expect(evaluations.allSatisfy { $0["partie_soin"] == nil && $0["avis_sous_locataire"] == nil })
        #expect(data["accompagnement"] == nil || data["accompagnement"]?.sensitivity ?? .soin <= .partage)
    }

    @Test func noAudienceButTheCareTeamEverHoldsTheCarePart() throws {
        let d = try Self.dossier(Samples.dossier004)
        for audience in Audience.allCases where audience != .soin {
            let decision = DisclosurePolicy.decide(d, data: d.data, documentFor: audience, recipient: audience,
                                                   event: Self.day("2019-09-26"), today: Self.day("2020-01-01"))
            for evaluation in decision.data?["evaluations"]?.list ?? [] {
                #expect(evaluation["partie_soin"] == nil, "\(audience)")
            }
        }
    }

    /// Issue 13, point 6: reviews are two-part; the landlord's copy holds the housing part only —
    /// never the support part (accompaniment, budget autonomy), even with the consent.
    @Test func aLandlordCopyHoldsTheHousingPartOnly() throws {
        let d = try Self.dossier(Samples.dossier004)
        let decision = DisclosurePolicy.decide(d, data: d.data, documentFor: .bailleur, recipient: .bailleur,
                                               event: Self.day("2019-09-26"), today: Self.day("2020-01-01"))
        let data = try #require(decision.data)
        for evaluation in try #require(data["evaluations"]?.list) {
            let part = try #require(evaluation["partie_partagee"])
            for key in ["paiement_loyer", "dette_locative", "assurance", "entretien_logement", "voisinage"] {
                #expect(part[key] != nil, "\(key) belongs to the housing part")
            }
            #expect(part["accompagnement"] == nil)
            #expect(part["budget_autonomie"] == nil)
        }
        // Issue 13, point 5: the care team's referent never reaches the landlord; the association's does.
        #expect(data["accompagnement"]?["referent_soin"] == nil)
        #expect(data["accompagnement"]?["referent_social"]?["nom"] != nil)
        // The association keeps both parts and both referents.
        let association = try #require(DisclosurePolicy.decide(d, data: d.data, documentFor: .association, recipient: .association,
                                                               event: Self.day("2019-09-26"), today: Self.day("2020-01-01")).data)
        #expect(association["evaluations"]?.list?.first?["partie_partagee"]?["budget_autonomie"] != nil)
        #expect(association["accompagnement"]?["referent_soin"]?["nom"] != nil)
    }

    /// Issue 13, point 5: the health establishment is a care party; the landlord and the préfet
    /// stand outside the circle of support and never see it among the people present.
    @Test func careIdentityNeverReachesARecipientOutsideTheSupportCircle() throws {
        let d = try Self.dossier(Samples.dossier004)
        let care = DisclosurePolicy.careParties(in: try #require(Samples.convention.root))
        #expect(care == ["ch-jury"])
        #expect(DisclosurePolicy.careParties(of: Convention(checked: try #require(Samples.convention.root))) == care)
        #expect(DisclosurePolicy.isOutsideSupportCircle(.bailleur) && DisclosurePolicy.isOutsideSupportCircle(.prefet))
        for audience in [Audience.association, .soin, .sousLocataire] { #expect(!DisclosurePolicy.isOutsideSupportCircle(audience)) }
        let pruned = DisclosurePolicy.withoutCareParties(d.data, careParties: care)
        let presents = (pruned["evaluations"]?.list ?? []).map { ($0["presents"]?.list ?? []).compactMap(\.text) }
        #expect(presents == [["association", "bailleur-exemple-1", "sous_locataire"], ["association", "bailleur-exemple-1", "sous_locataire"]])
        // Convention unknown: the lists go entirely.
        #expect((DisclosurePolicy.withoutCareParties(d.data, careParties: nil)["evaluations"]?.list ?? []).allSatisfy { $0["presents"] == nil })
        // Nothing else changes.
        #expect(pruned["evaluations"]?.list?.first?["partie_partagee"] == d.data["evaluations"]?.list?.first?["partie_partagee"])
    }
}
