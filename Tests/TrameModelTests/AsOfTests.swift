import Foundation
import Testing
import TrameModel

/// `DataNode.recorded(asOf:)` and `Dossier.asOf(_:)`: the dossier as recorded and in force on a day.
@Suite struct AsOfTests {
    static func dossier(_ text: String) -> Dossier {
        let file = ModelLoader.read(data: Data(text.utf8), name: "dossier.yaml")
        return Dossier(checked: file.root!)
    }

    static func day(_ s: String) -> CalendarDate { CalendarDate(iso: s)! }

    @Test func glissementBeforeItsEvidenceIsStillASublease() {
        let d = Self.dossier(Samples.dossier002).asOf(Self.day("2020-01-15"))
        #expect(d.etape == .sousLocation)
        #expect(d.evaluations.map(\.date) == [Self.day("2019-08-29")])
        #expect(d.sousLocation?.renouvellements.isEmpty == true)
        #expect(d.consentements.count == 2)
    }

    @Test func glissementOnceReferredToTheCommission() {
        let d = Self.dossier(Samples.dossier002)
        #expect(d.asOf(Self.day("2020-08-19")).etape == .sousLocation)
        #expect(d.asOf(Self.day("2020-08-20")).etape == .glissement)
        #expect(d.asOf(Self.day("2020-03-01")).sousLocation?.renouvellements.count == 1)
    }

    @Test func stagesFollowThePathwayDates() {
        let d = Self.dossier(Samples.dossier004)
        #expect(d.asOf(Self.day("2019-01-10")).etape == .proposition)
        #expect(d.asOf(Self.day("2019-01-21")).etape == .enregistrement)
        #expect(d.asOf(Self.day("2019-02-01")).etape == .orientation)
        #expect(d.asOf(Self.day("2019-02-01")).logement == nil)
        #expect(d.asOf(Self.day("2019-02-01")).sousLocation == nil)
        #expect(d.asOf(Self.day("2019-03-05")).etape == .attribution)
        #expect(d.asOf(Self.day("2019-03-31")).etape == .attribution)
        #expect(d.asOf(Self.day("2019-04-01")).etape == .sousLocation)
        #expect(!d.isOpen(on: Self.day("2019-01-09")))
    }

    @Test func consentsAndWithdrawalsAfterTheDayAreNotRecordedYet() {
        let text = Samples.replacing(Samples.dossier004, "- { date: 2019-03-20, destinataire: bailleur-exemple-1, perimetre: partage }",
                                     "- { date: 2019-03-20, destinataire: bailleur-exemple-1, perimetre: partage, retrait: 2019-12-01 }")
        let d = Self.dossier(text)
        #expect(d.asOf(Self.day("2019-03-19")).consentements.isEmpty)
        #expect(d.asOf(Self.day("2019-11-30")).consentements.first?.retrait == nil)
        #expect(d.asOf(Self.day("2019-12-01")).consentements.first?.retrait == Self.day("2019-12-01"))
    }

    @Test func cuttingIsIdempotentAndLeavesAValidFile() {
        for text in [Samples.dossier002, Samples.dossier004, Samples.dossier011] {
            let root = ModelLoader.read(data: Data(text.utf8), name: "dossier.yaml").root!
            var day = Self.day("2018-12-01")
            while day < Self.day("2023-01-01") {
                let cut = root.recorded(asOf: day)
                #expect(cut.recorded(asOf: day) == cut, "\(day)")
                day = day.adding(months: 1)
            }
        }
    }
}
