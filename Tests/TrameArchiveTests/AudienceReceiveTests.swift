import Testing
import TrameArchive
import TrameModel

@Suite("Who may receive which copy")
struct AudienceReceiveTests {
    @Test func prefetReceivesOnlyItsOwnAndPartnershipDocuments() {
        #expect(Audience.prefet.mayReceive(.prefet))
        #expect(Audience.prefet.mayReceive(.partenaires))
        for other in [Audience.bailleur, .association, .sousLocataire, .soin] { #expect(!Audience.prefet.mayReceive(other), "\(other)") }
    }

    @Test func landlordNeverReceivesCareAssociationOrPersonCopies() {
        #expect(Audience.bailleur.mayReceive(.bailleur))
        for other in [Audience.association, .sousLocataire, .soin] { #expect(!Audience.bailleur.mayReceive(other), "\(other)") }
    }

    @Test func prefetClearanceIsNarrowedByField() {
        #expect(Audience.prefet.mayContain(.partage, field: "recommandation"))
        #expect(Audience.prefet.mayContain(.partage, field: "motifs"))
        #expect(!Audience.prefet.mayContain(.partage, field: "dette_locative"))
        #expect(!Audience.prefet.mayContain(.partage, field: "partie_partagee"))
        #expect(Audience.bailleur.mayContain(.partage, field: "dette_locative"))
    }
}
