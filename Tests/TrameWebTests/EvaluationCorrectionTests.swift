import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TrameAccounts
import TrameArchive
import TrameModel
import TrameWeb

/// Correcting and withdrawing an evaluation through the pages (issue 16): a new version each time,
/// the earlier one kept, the reason in the audit log and the history, never deleted.
@Suite struct EvaluationCorrectionTests {
    static let dossier = "/dossiers/MJ-2019-004"
    static let correct = "\(dossier)/evaluations/2019-09-26/corriger"
    static let withdraw = "\(dossier)/evaluations/2019-09-26/retirer"

    static func french(_ date: CalendarDate) -> String {
        let d = date.description.split(separator: "-")
        return "\(d[2])/\(d[1])/\(d[0])"
    }

    static func current(_ test: TestWorkspace) throws -> RecordVersion {
        try #require(try test.workspace().currentRecord(.dossier, id: "MJ-2019-004"))
    }

    static func evaluation(_ test: TestWorkspace, version: Int, index: Int = 0) throws -> DataNode {
        let (_, url) = try test.workspace().recordFile(.dossier, id: "MJ-2019-004", version: version)
        let root = try #require(ModelLoader.read(data: try Data(contentsOf: url), name: "dossier.yaml").root)
        return try #require(root["evaluations"]?.list?[index])
    }

    @Test func aCorrectionIsVersionNPlusOneAndKeepsVersionN() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let asso = try test.session("asso")
        let before = try Self.current(test)
        try await test.withApp { client in
            let page = try await client.get("\(Self.dossier)", asso)
            #expect(FormScraper.unescape(page.text).contains("href=\"\(Self.correct)\"") && FormScraper.unescape(page.text).contains("href=\"\(Self.withdraw)\""))
            #expect(FormScraper.unescape(page.text).contains("href=\"\(Self.dossier)/historique\""))

            let form = try await client.get(Self.correct, asso)
            #expect(form.status == .ok)
            var fields = FormScraper.fields(form.text)
            #expect(fields.contains { $0.0 == "evaluations[0].partie_partagee.paiement_loyer" && $0.1 == "regulier" }, "pre-filled")
            #expect(!fields.contains { $0.0.hasPrefix("evaluations[1]") }, "only this evaluation")
            #expect(!fields.contains { $0.0.contains("partie_soin") }, "the care part only for soin")
            #expect(!fields.contains { $0.0 == "evaluations[0].date" }, "the date identifies the evaluation: not corrected")
            fields = fields.filter { $0.0 != "motif" }.map { $0.0 == "evaluations[0].partie_partagee.paiement_loyer" ? ($0.0, "retards") : $0 }

            let withoutReason = try await client.post(Self.correct, asso, fields + [("_base", before.sha256), ("motif", "  ")])
            #expect(withoutReason.status == .unprocessableContent)
            #expect(FormScraper.unescape(withoutReason.text).contains("Indiquez le motif"))
            #expect(try Self.current(test).version == before.version, "nothing recorded without a reason")

            let saved = try await client.post(Self.correct, asso, fields + [("_base", before.sha256), ("motif", "loyer de juillet payé en retard, noté à tort régulier")])
            #expect(saved.status == .seeOther)
            #expect(saved.headers[.location] == "\(Self.dossier)/historique?ok=corrigee")

            let history = try await client.get("\(Self.dossier)/historique", asso)
            #expect(FormScraper.unescape(history.text).contains("Correction de l'évaluation du 26/09/2019"))
            #expect(FormScraper.unescape(history.text).contains("loyer de juillet payé en retard"))
            #expect(FormScraper.unescape(history.text).contains("v\(before.version + 1)") && FormScraper.unescape(history.text).contains("v\(before.version)"))
        }
        let after = try Self.current(test)
        #expect(after.version == before.version + 1)
        #expect(try Self.evaluation(test, version: after.version)["partie_partagee"]?["paiement_loyer"]?.text == "retards")
        #expect(try Self.evaluation(test, version: before.version)["partie_partagee"]?["paiement_loyer"]?.text == "regulier", "version N kept")
        #expect(try Self.evaluation(test, version: after.version)["partie_soin"]?["observations"]?.text?.hasPrefix("Suivi ambulatoire") == true,
                "the care part the association cannot see is kept")
        #expect(try Self.evaluation(test, version: after.version, index: 1)["partie_partagee"]?["dette_locative"]?.decimal == Decimal(string: "120.40"),
                "the other evaluation untouched")
        let audit = try test.workspace().auditEvents(ownerID: "MJ-2019-004").last
        #expect(audit?.action == "evaluation-correction" && audit?.actor == "web:asso")
        #expect(audit?.detail.contains("loyer de juillet") == true && audit?.detail.contains("paiement_loyer") == true)
        #expect(audit?.subject == "dossier/MJ-2019-004/v\(before.version + 1)")
    }

    @Test func theCareTeamCorrectsTheCarePartCoordinationNeverSeesIt() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let care = try test.session("soin"), coordination = try test.session("coord")
        try await test.withApp { client in
            let coordinationForm = try await client.get(Self.correct, coordination)
            #expect(coordinationForm.status == .ok && !FormScraper.unescape(coordinationForm.text).contains("Suivi ambulatoire") && !FormScraper.unescape(coordinationForm.text).contains("partie_soin"))
            let form = try await client.get(Self.correct, care)
            var fields = FormScraper.fields(form.text)
            #expect(fields.contains { $0.0 == "evaluations[0].partie_soin.observations" })
            fields = fields.filter { $0.0 != "motif" }.map { $0.0 == "evaluations[0].partie_soin.observations" ? ($0.0, "Suivi ambulatoire mensuel.") : $0 }
            let base = try Self.current(test).sha256
            let saved = try await client.post(Self.correct, care, fields + [("_base", base), ("motif", "fréquence du suivi précisée")])
            #expect(saved.status == .seeOther)
            let history = try await client.get("\(Self.dossier)/historique", coordination)
            #expect(FormScraper.unescape(history.text).contains("Correction de l'évaluation du 26/09/2019"))
            #expect(!FormScraper.unescape(history.text).contains("Observations de l'équipe de soins"), "coordination is not told which care field changed")
        }
        let version = try Self.current(test).version
        #expect(try Self.evaluation(test, version: version)["partie_soin"]?["observations"]?.text == "Suivi ambulatoire mensuel.")
    }

    @Test func aWithdrawalNeedsAReasonAndIsNeverADeletion() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let asso = try test.session("asso"), landlord = try test.session("bailleur1")
        let before = try Self.current(test)
        let today = test.configuration.today
        try await test.withApp { client in
            // A document archived before the withdrawal.
            let generated = try await client.post("/dossiers/MJ-2019-004/documents/evaluation/generer?date=2019-09-26", asso,
                                                  [("destinataire", "association"), ("format", "html")])
            #expect(generated.status == .seeOther)

            let form = try await client.get(Self.withdraw, asso)
            #expect(form.status == .ok && FormScraper.unescape(form.text).contains("name=\"motif\""))
            let empty = try await client.post(Self.withdraw, asso, [("_base", before.sha256), ("motif", "")])
            #expect(empty.status == .unprocessableContent && FormScraper.unescape(empty.text).contains("Indiquez le motif"))
            let tooLong = try await client.post(Self.withdraw, asso, [("_base", before.sha256), ("motif", String(repeating: "x", count: 2_001))])
            #expect(tooLong.status == .unprocessableContent)
            #expect(try Self.current(test).version == before.version)

            let done = try await client.post(Self.withdraw, asso, [("_base", before.sha256), ("motif", "réunion annulée, saisie par erreur")])
            #expect(done.status == .seeOther)

            let page = try await client.get(Self.dossier, asso)
            #expect(FormScraper.unescape(page.text).contains("(retirée le \(Self.french(today)))"))
            #expect(!FormScraper.unescape(page.text).contains("href=\"\(Self.correct)\""), "a withdrawn evaluation is no longer corrected")
            let notCorrected = try await client.get(Self.correct, asso)
            #expect(notCorrected.status == .conflict && FormScraper.unescape(notCorrected.text).contains("a été retirée le \(Self.french(today)) : elle n'est plus ni corrigée"))

            let documentPage = try await client.get("/dossiers/MJ-2019-004/documents/evaluation?date=2019-09-26", asso)
            #expect(documentPage.status == .ok, "the archived documents stay reachable")
            #expect(FormScraper.unescape(documentPage.text).contains("Cette évaluation a été retirée le"))
            #expect(FormScraper.unescape(documentPage.text).contains("Évaluation retirée le \(Self.french(today)), après ce document"))
            #expect(!FormScraper.unescape(documentPage.text).contains("Prévisualiser"))
            let refused = try await client.post("/dossiers/MJ-2019-004/documents/evaluation/generer?date=2019-09-26", asso,
                                                [("destinataire", "association"), ("format", "odt")])
            #expect(refused.status == .unprocessableContent)
            #expect(FormScraper.unescape(refused.text).contains("a été retirée le \(Self.french(today)) : aucun document ne peut plus en être produit ;"), "the generator's own message, with its day")

            let history = try await client.get("\(Self.dossier)/historique", asso)
            #expect(FormScraper.unescape(history.text).contains("Retrait de l'évaluation du 26/09/2019") && FormScraper.unescape(history.text).contains("réunion annulée"))
            let landlordHistory = try await client.get("\(Self.dossier)/historique", landlord)
            #expect(landlordHistory.status == .ok)
        }
        let after = try Self.current(test)
        #expect(after.version == before.version + 1)
        let withdrawn = try Self.evaluation(test, version: after.version)
        #expect(withdrawn["retrait"]?["motif"]?.text == "réunion annulée, saisie par erreur")
        #expect(withdrawn["retrait"]?["date"]?.date == today)
        #expect(withdrawn["partie_partagee"]?["paiement_loyer"]?.text == "regulier", "the evaluation itself is kept")
        #expect(try Self.evaluation(test, version: before.version)["retrait"] == nil)
        #expect(try test.workspace().generatedDocuments(ownerID: "MJ-2019-004").count == 1, "archived documents stay archived")
        let audit = try test.workspace().auditEvents(ownerID: "MJ-2019-004").filter { $0.action == "evaluation-retrait" }
        #expect(audit.count == 1 && audit[0].detail.contains("réunion annulée"))
    }

    @Test func aCorrectedSignedEvaluationWarnsThatTheSignedVersionNoLongerMatches() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let care = try test.session("soin")
        test.clock.advance(60)   // the scan is archived after the dossier's first version
        try await test.withApp { client in
            let signed = try await client.postFile("/dossiers/MJ-2019-004/documents/evaluation/signe?date=2019-09-26", care,
                                                   fields: [("destinataire", "soin"), ("signe_le", "2019-09-27"), ("signataires", "Claire Exemple (association)")],
                                                   file: ("fichier", "evaluation-signee.pdf", DocumentTests.pdf))
            #expect(signed.status == .seeOther)
            test.clock.advance(60)   // the correction comes after the scan
            let form = try await client.get(Self.correct, care)
            #expect(FormScraper.unescape(form.text).contains("Cette évaluation a une version signée dans l'archive"))
            let fields = FormScraper.fields(form.text).filter { $0.0 != "motif" }
                .map { $0.0 == "evaluations[0].partie_partagee.assurance" ? ($0.0, "a_renouveler") : $0 }
            let saved = try await client.post(Self.correct, care, fields + [("_base", try Self.current(test).sha256), ("motif", "assurance à renouveler")])
            #expect(saved.status == .seeOther)
            let page = try await client.get("/dossiers/MJ-2019-004/documents/evaluation?date=2019-09-26&destinataire=soin", care)
            #expect(FormScraper.unescape(page.text).contains("La version signée ne correspond plus aux données : évaluation corrigée le"))
        }
    }

    @Test func formsWithoutTheTokenOrTheRightAreRefused() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let asso = try test.session("asso"), landlord = try test.session("bailleur1")
        let before = try Self.current(test)
        try await test.withApp { client in
            for uri in [Self.correct, Self.withdraw] {
                let forged = try await client.post(uri, asso, [("_base", before.sha256), ("motif", "x")], token: "faux")
                #expect(forged.status == .forbidden && FormScraper.unescape(forged.text).contains("jeton de sécurité"))
                let noToken = try await client.post(uri, asso, [("_base", before.sha256), ("motif", "x")], token: "")
                #expect(noToken.status == .forbidden)
                #expect(try await client.get(uri, landlord).status == .forbidden)
                let byLandlord = try await client.post(uri, landlord, [("_base", before.sha256), ("motif", "x")])
                #expect(byLandlord.status == .forbidden)
            }
            #expect(try await client.get("\(Self.dossier)/evaluations/2021-01-01/corriger", asso).status == .notFound)
            let stale = try await client.post(Self.withdraw, asso, [("_base", String(repeating: "0", count: 64)), ("motif", "x")])
            #expect(stale.status == .unprocessableContent && FormScraper.unescape(stale.text).contains("modifié par quelqu'un d'autre"))
        }
        #expect(try Self.current(test).version == before.version)
        #expect(try test.workspace().auditEvents(ownerID: "MJ-2019-004").allSatisfy { !$0.action.hasPrefix("evaluation-") })
    }
}
