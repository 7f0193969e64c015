import Foundation
import Testing
import TrameAssembly
import TrameModel

/// Each act is generated as of its own date (issue 12, point 2): the dossier as recorded that day,
/// never its latest state.
@Suite("Each act as of its own date")
struct ActDateTests {
    @Test func theTripartiteConventionOf002PrintsTheFirstReviewPeriodItFixed() throws {
        // Signed with the twelve-month sublease of 1 March 2019; renewed on 1 March 2020 for six months.
        let request = Samples.request("convention-tripartite", dossier: "MJ-2019-002")
        let text = Samples.flat(try Samples.text(request))
        #expect(text.contains("qui s'achève le 29 février 2020"))
        #expect(text.contains("au plus tard le 29 décembre 2019"))
        #expect(!text.contains("31 août 2020") && !text.contains("30 juin 2020"), "the 2020 renewal did not exist in March 2019")
        #expect(try Samples.generator.generate(request).referenceDate == CalendarDate(iso: "2019-03-01"))
        // As of the renewal, the period in force is the renewed one.
        let renewed = Samples.flat(try Samples.text(Samples.request("convention-tripartite", dossier: "MJ-2019-002", asOf: "2020-03-01")))
        #expect(renewed.contains("qui s'achève le 31 août 2020") && renewed.contains("au plus tard le 30 juin 2020"))
    }

    @Test func theConsentFormOf002PrintsThePeriodInForceWhenItWasSigned() throws {
        let text = Samples.flat(try Samples.text(Samples.request("consentement", dossier: "MJ-2019-002")))
        #expect(text.contains("Fin de la période en cours : le 29 février 2020."))
        #expect(!text.contains("31 août 2020"))
        #expect(try Samples.generator.generate(Samples.request("consentement", dossier: "MJ-2019-002")).referenceDate == CalendarDate(iso: "2019-02-20"))
    }

    @Test(arguments: [("bail-principal", "MJ-2019-004", nil, "2019-04-01"), ("sous-location", "MJ-2019-002", nil, "2019-03-01"),
                      ("convention-tripartite", "MJ-2019-004", nil, "2019-04-01"), ("evaluation", "MJ-2019-002", "2019-08-29", "2019-08-29"),
                      ("avenant-renouvellement", "MJ-2019-002", "2020-03-01", "2020-03-01"), ("evaluation-finale", "MJ-2019-002", nil, "2020-08-06"),
                      ("courrier-prefet", "MJ-2019-002", nil, "2020-08-06")])
    func eachActHasItsOwnDate(document: String, dossier: String, date: String?, expected: String) throws {
        let produced = try Samples.generator.generate(Samples.request(document, dossier: dossier, date: date, draft: true))
        #expect(produced.referenceDate == CalendarDate(iso: expected))
        let (_, manifest) = try produced.output(as: .html, draft: true)
        #expect(manifest.date_acte == expected)
    }

    @Test func anEvaluationAfterTheAskedDayIsRefused() throws {
        #expect {
            _ = try Samples.generator.generate(Samples.request("evaluation", dossier: "MJ-2019-002", date: "2020-02-13", asOf: "2019-12-31"))
        } throws: { error in
            (error as? Diagnostics)?.diagnostics.contains { $0.code == .evaluationIntrouvable && $0.message.contains("postérieure à la date de l'acte") } == true
        }
    }

    @Test func regenerateUsesTheActDateOfTheManifest() throws {
        // Generated as of the renewal, then rebuilt from its manifest alone: identical bytes.
        let produced = try Samples.generator.generate(Samples.request("convention-tripartite", dossier: "MJ-2019-002", asOf: "2020-03-01"))
        let (_, manifest) = try produced.output(as: .odt, draft: false)
        #expect(manifest.date_acte == "2020-03-01")
        let result = try Regeneration.run(manifest: manifest, dossierPath: Samples.dossier("MJ-2019-002"), conventionPath: nil,
                                          generator: Samples.generator)
        #expect(result.verdict == .identical)
    }
}
