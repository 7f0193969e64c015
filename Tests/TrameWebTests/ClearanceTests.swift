import Foundation
import Testing
import TrameAccounts
import TrameModel

/// What each role may read, derived from the field levels, the audiences and the consent.
@Suite struct ClearanceTests {
    static func dossier(_ name: String) throws -> Dossier {
        let file = ModelLoader.read(path: TestWorkspace.examples.appendingPathComponent(name).path)
        return Dossier(checked: try #require(file.root))
    }

    static let today = CalendarDate(year: 2020, month: 6, day: 1)!

    /// The sample convention's care parties (the health establishment).
    static func careParties() throws -> Set<String> {
        let file = ModelLoader.read(path: TestWorkspace.examples.appendingPathComponent("convention-metz-jury-2018.yaml").path)
        return DisclosurePolicy.careParties(of: Convention(checked: try #require(file.root)))
    }

    /// Every leaf path of a tree, without list indices.
    static func paths(_ node: DataNode) -> Set<String> {
        switch node.value {
        case .object(let o): return o.entries.reduce(into: Set<String>()) { $0.formUnion(paths($1.node)) }
        case .list(let items): return items.reduce(into: Set<String>([node.path.schemaPath])) { $0.formUnion(paths($1)) }
        default: return [node.path.schemaPath]
        }
    }

    @Test func landlordSeesPartnersDataAndSharedPartWithConsentOnly() throws {
        let dossier = try Self.dossier("dossier-MJ-2019-004.yaml")
        let seen = Self.paths(Clearance(role: .bailleur, landlord: "bailleur-exemple-1").visibleData(of: dossier, today: Self.today,
                                                                                                       careParties: try Self.careParties()))
        #expect(seen.contains("logement.reference"))
        // The housing part of each review, with the consent…
        #expect(seen.contains("evaluations.partie_partagee.paiement_loyer"))
        #expect(seen.contains("evaluations.partie_partagee.voisinage"))
        // …never its support part, held without the landlord (issue 13, point 6)…
        #expect(!seen.contains("evaluations.partie_partagee.budget_autonomie"))
        #expect(!seen.contains("evaluations.partie_partagee.accompagnement"))
        // …nor the care team's referent (issue 13, point 5).
        #expect(!seen.contains { $0.hasPrefix("accompagnement.referent_soin") })
        #expect(!seen.contains("accompagnement.astreinte"), "the support's on-call line is the care team's")
        #expect(seen.contains("accompagnement.referent_social.nom"))
        #expect(!seen.contains { $0.hasPrefix("evaluations.partie_soin") })
        #expect(!seen.contains("etape"))
        #expect(!seen.contains { $0.hasPrefix("ressources_mensuelles") || $0.hasPrefix("criteres") || $0.hasPrefix("parcours") })
        #expect(!seen.contains("sous_locataire.telephone"))
        #expect(!seen.contains("evaluations.avis_sous_locataire"))
    }

    @Test func withdrawnConsentHidesTheSharedPart() throws {
        var dossier = try Self.dossier("dossier-MJ-2019-004.yaml")
        dossier.consentements[0].retrait = CalendarDate(year: 2020, month: 1, day: 1)
        let seen = Self.paths(Clearance(role: .bailleur, landlord: "bailleur-exemple-1").visibleData(of: dossier, today: Self.today,
                                                                                                       careParties: try Self.careParties()))
        #expect(!seen.contains { $0.hasPrefix("evaluations.partie_partagee") })
    }

    /// Indirect health information (issue 13, point 5): a landlord never sees the health
    /// establishment among the people present at a review; the association does.
    @Test func landlordNeverSeesTheCareTeamAmongThePeoplePresent() throws {
        let dossier = try Self.dossier("dossier-MJ-2019-004.yaml")
        let care = try Self.careParties()
        #expect(care == ["ch-jury"])
        func presents(_ clearance: Clearance, _ care: Set<String>?) -> [[String]] {
            (clearance.visibleData(of: dossier, today: Self.today, careParties: care)["evaluations"]?.list ?? [])
                .map { ($0["presents"]?.list ?? []).compactMap(\.text) }
        }
        let landlord = Clearance(role: .bailleur, landlord: "bailleur-exemple-1")
        let seen = presents(landlord, care)
        #expect(seen.count == 2)
        #expect(seen.allSatisfy { !$0.contains("ch-jury") && $0.contains("bailleur-exemple-1") && $0.contains("sous_locataire") })
        // Convention unknown: no list of people present at all for the landlord.
        #expect(presents(landlord, nil).allSatisfy { $0.isEmpty })
        // The association and the care team still see who attended the support part.
        for role in [Role.association, .coordination, .soin] {
            #expect(presents(Clearance(role: role, landlord: nil), care).allSatisfy { $0.contains("ch-jury") }, "\(role)")
        }
    }

    /// The support part of a review (accompaniment, budget autonomy) is level `social` (issue 13,
    /// point 6): the association reads it, the landlord never does, with or without consent.
    @Test func theSupportPartOfAReviewIsSocial() {
        for path in ["evaluations.partie_partagee.accompagnement", "evaluations.partie_partagee.budget_autonomie",
                     "accompagnement.referent_soin.nom"] {
            #expect(FormatSchemas.dossier.field(at: path)?.sensitivity == .social, "\(path)")
            #expect(!Clearance(role: .bailleur, landlord: "bailleur-exemple-1").mayRead(field: FieldPath(parsing: path), consented: true))
            #expect(Clearance(role: .association, landlord: nil).mayRead(field: FieldPath(parsing: path)))
        }
        for path in ["evaluations.partie_partagee.paiement_loyer", "evaluations.partie_partagee.dette_locative",
                     "evaluations.partie_partagee.assurance", "evaluations.partie_partagee.entretien_logement",
                     "evaluations.partie_partagee.voisinage"] {
            #expect(FormatSchemas.dossier.field(at: path)?.sensitivity == .partage, "\(path)")
            #expect(Clearance(role: .bailleur, landlord: "bailleur-exemple-1").mayRead(field: FieldPath(parsing: path), consented: true))
        }
    }

    @Test func landlordOpensOnlyItsOwnFlatsDossiers() throws {
        let other = Clearance(role: .bailleur, landlord: "bailleur-exemple-2")
        #expect(!other.mayOpen(try Self.dossier("dossier-MJ-2019-004.yaml")))
        #expect(other.mayOpen(try Self.dossier("dossier-MJ-2019-011.yaml")))
    }

    /// Medical secrecy: the care level reaches the `soin` role only, never the coordination.
    @Test(arguments: [(Role.coordination, true, false), (.soin, true, true), (.association, true, false)])
    func rolesSeeTheirLevels(role: Role, social: Bool, care: Bool) throws {
        let dossier = try Self.dossier("dossier-MJ-2019-004.yaml")
        let seen = Self.paths(Clearance(role: role, landlord: nil).visibleData(of: dossier, today: Self.today, careParties: try Self.careParties()))
        #expect(seen.contains("ressources_mensuelles.montant") == social)
        #expect(seen.contains("evaluations.partie_soin.observations") == care)
    }

    @Test func documentsFollowTheAudienceRules() throws {
        let dossier = try Self.dossier("dossier-MJ-2019-004.yaml")
        let landlord = Clearance(role: .bailleur, landlord: "bailleur-exemple-1")
        let evaluation = CalendarDate(year: 2019, month: 9, day: 26)!
        #expect(landlord.mayReceive(.bailleur, of: dossier, event: evaluation, today: Self.today))
        #expect(!landlord.mayReceive(.soin, of: dossier, event: evaluation, today: Self.today))
        #expect(!landlord.mayReceive(.sousLocataire, of: dossier, event: nil, today: Self.today))
        #expect(!landlord.mayReceive(.bailleur, of: dossier, event: CalendarDate(year: 2019, month: 1, day: 1)!, today: Self.today))
        #expect(!Clearance(role: .association, landlord: nil).mayReceive(.soin, of: dossier, event: evaluation, today: Self.today))
        #expect(!Clearance(role: .association, landlord: nil).mayReadAll(of: dossier, today: Self.today))
        #expect(Clearance(role: .soin, landlord: nil).mayReadAll(of: dossier, today: Self.today))
    }
}
