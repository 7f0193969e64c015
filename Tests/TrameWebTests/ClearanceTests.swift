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
        let seen = Self.paths(Clearance(role: .bailleur, landlord: "bailleur-exemple-1").visibleData(of: dossier, today: Self.today))
        #expect(seen.contains("logement.reference"))
        #expect(seen.contains("evaluations.partie_partagee.budget_autonomie"))
        #expect(!seen.contains { $0.hasPrefix("evaluations.partie_soin") })
        #expect(!seen.contains("etape"))
        #expect(!seen.contains { $0.hasPrefix("ressources_mensuelles") || $0.hasPrefix("criteres") || $0.hasPrefix("parcours") })
        #expect(!seen.contains("sous_locataire.telephone"))
        #expect(!seen.contains("evaluations.avis_sous_locataire"))
    }

    @Test func withdrawnConsentHidesTheSharedPart() throws {
        var dossier = try Self.dossier("dossier-MJ-2019-004.yaml")
        dossier.consentements[0].retrait = CalendarDate(year: 2020, month: 1, day: 1)
        let seen = Self.paths(Clearance(role: .bailleur, landlord: "bailleur-exemple-1").visibleData(of: dossier, today: Self.today))
        #expect(!seen.contains { $0.hasPrefix("evaluations.partie_partagee") })
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
        let seen = Self.paths(Clearance(role: role, landlord: nil).visibleData(of: dossier, today: Self.today))
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
