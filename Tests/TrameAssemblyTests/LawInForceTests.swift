import Foundation
import Testing
import TrameAssembly
import TrameModel
import TrameTemplates

/// Each act is written under the law in force on its own date (issue 12, point 3): the clause
/// versions of the bundled templates carry legal periods, and the act's date picks among them.
@Suite("The law in force on the act's date")
struct LawInForceTests {
    @Test func theConventionCadreOf5November2018DoesNotCiteLoiELANAsInForce() throws {
        let produced = try Samples.generator.generate(Samples.request("convention-cadre", draft: true))
        #expect(produced.referenceDate == CalendarDate(iso: "2018-11-05"))
        let text = try Samples.text(Samples.request("convention-cadre", draft: true))
        #expect(!text.contains("2018-1021"), "ELAN (23 November 2018) was not in force on 5 November 2018")
        #expect(!text.contains("examen de l'occupation des logements"))
        #expect(text.contains("commission d'attribution des logements du bailleur (CAL)"))
        let parcours = try #require(produced.clauses.first { $0.id == "convention-cadre.parcours" })
        // Version 4 corrects the wording of version 2 for the same period (the grid name became a note for counsel).
        #expect(parcours.version == 4 && parcours.until == "2018-12-31")
        // The same convention as of 2019: the CALEOL of loi ELAN.
        let later = try Samples.text(Samples.request("convention-cadre", asOf: "2019-01-01", draft: true))
        #expect(later.contains("commission d'attribution des logements et d'examen de l'occupation des logements du bailleur (CALEOL"))
    }

    @Test func theBlankEvaluationFormOfThePartnershipNamesTheCommissionOfItsDay() throws {
        let text = try Samples.text(Samples.request("evaluation-vierge", draft: true))
        #expect(!text.contains("examen de l'occupation des logements"))
        #expect(try Samples.text(Samples.request("evaluation-vierge", asOf: "2019-06-01", draft: true)).contains("examen de l'occupation des logements"))
    }

    @Test(arguments: Samples.dossiers)
    func a2019SubleaseSpeaksOfHuissierNotCommissaireDeJustice(dossier: String) throws {
        let request = Samples.request("sous-location", dossier: dossier, draft: true)
        let text = try Samples.text(request)
        #expect(!text.contains("commissaire de justice"), "commissaires de justice exist since 1 July 2022")
        #expect(text.contains("acte d'huissier de justice"))
        #expect(!text.contains("six semaines"))
        let use = try #require(try Samples.generator.generate(request).clauses.first { $0.id == "sous-location.resiliation" })
        #expect(use.version == 8 && use.source?.contains("huissier") == true)
    }

    @Test func aSubleaseAsOfJuly2022AndAugust2023FollowsTheLawOfItsDay() throws {
        let july2022 = try Samples.text(Samples.request("sous-location", dossier: "MJ-2019-004", asOf: "2022-07-01"))
        #expect(july2022.contains("acte de commissaire de justice") && !july2022.contains("huissier"))
        #expect(!july2022.contains("six semaines"), "the delay of loi n° 2023-668 reaches only contracts concluded after it")
        let august2023 = try Samples.text(Samples.request("sous-location", dossier: "MJ-2019-004", asOf: "2023-08-01"))
        #expect(august2023.contains("six semaines après un commandement de payer demeuré infructueux"))
        #expect(august2023.contains("loi n° 2023-668 du 27 juillet 2023"))
    }

    @Test func theLetterToThePrefetNamesTheServicesOfItsDay() throws {
        let letter = try Samples.text(Samples.request("courrier-prefet", dossier: "MJ-2019-002", draft: true))
        #expect(letter.contains("Direction départementale de la cohésion sociale de la Moselle"))
        let after = try Samples.text(Samples.request("courrier-prefet", dossier: "MJ-2019-002", asOf: "2021-04-01", draft: true))
        #expect(after.contains("Direction départementale de l'emploi, du travail et des solidarités de la Moselle"))
        #expect(!after.contains("cohésion sociale"))
    }

    @Test func theManifestRecordsTheActDateAndThePeriodOfEachClause() throws {
        let produced = try Samples.generator.generate(Samples.request("sous-location", dossier: "MJ-2019-004"))
        let (_, manifest) = try produced.output(as: .odt, draft: false)
        #expect(manifest.date_acte == "2019-04-01")
        let resiliation = try #require(manifest.clauses.first { $0.id == "sous-location.resiliation" })
        #expect(resiliation.version == 8 && resiliation.en_vigueur == "2018-01-01" && resiliation.jusqu_au == "2022-06-30")
        // Only what the locked file states: v1 of the deposit clause writes no end, so none is recorded.
        #expect(manifest.clauses.first { $0.id == "sous-location.depot-garantie" }?.jusqu_au == nil)
        #expect(resiliation.source?.contains("n° 89-462") == true)
    }

    @Test func noVersionInForceOnTheActDateIsAnErrorNotTheLatest() throws {
        // The partnership's templates start on 1 January 2018: nothing was in force in 2017.
        #expect {
            _ = try Samples.generator.generate(Samples.request("convention-cadre", asOf: "2017-06-01", draft: true))
        } throws: { error in
            (error as? Diagnostics)?.diagnostics.contains { $0.code == .horsVigueur } == true
        }
    }
}
