import Foundation
import Testing
import TrameModel

/// Issue 13: the convention's neutral public title (point 5) and its financial guarantees
/// (point 7), as data, checked by `trame check`.
@Suite("Convention: public title and financial guarantees")
struct ConventionGuaranteesAndTitleTests {
    static func check(_ text: String) -> [Diagnostic] {
        ModelLoader.read(data: Data(text.utf8), name: "convention-metz-jury-2018.yaml").diagnostics
    }

    /// The sample convention without the two new keys (the shape of ../shared/exemples).
    static let withoutNewKeys: String = {
        var lines: [Substring] = []
        var skipping = false
        for line in Samples.conventionText.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("intitule_public:") || line.hasPrefix("garanties:") { skipping = true; continue }
            if skipping, line.hasPrefix(" ") || line.hasPrefix("#") { continue }
            skipping = false
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }()

    @Test func theDemoConventionStatesItsPublicTitleAndGuarantees() throws {
        let d = Self.check(Samples.conventionText)
        #expect(!d.contains { [.intitulePublic, .garantiesManquantes, .garantiePeriode].contains($0.code) }, "\(d.map(\.message))")
        let convention = Convention(checked: try #require(Samples.convention.root))
        let title = try #require(convention.intitulePublic)
        #expect(convention.publicTitle == title)
        #expect(!title.contains("Jury") && !title.contains("ERAH") && !title.lowercased().contains("hospitalier"))
        #expect(convention.intitule.contains("CH de Jury"), "the sample's own title names the hospital: the reason for the public one")
        #expect(Set(convention.garanties.map(\.nature)) == ["reserve_association", "fsl", "visale", "engagement_bailleur_vacance"])
        #expect(convention.garanties.first { $0.nature == "reserve_association" }?.montant == Decimal(string: "6000.00"))
    }

    @Test func withoutThemCheckWarnsAndANeutralTitleStandsIn() throws {
        let text = Self.withoutNewKeys
        #expect(!text.contains("intitule_public") && !text.contains("garanties:"))
        let d = Self.check(text)
        #expect(!d.hasErrors)
        let title = try #require(d.first { $0.code == .intitulePublic })
        #expect(title.severity == .warning)
        #expect(title.path?.description == "intitule_public")
        #expect(title.location?.line == Samples.line(of: "intitule: >-", in: text))
        let guarantees = try #require(d.first { $0.code == .garantiesManquantes })
        #expect(guarantees.severity == .warning)
        #expect(guarantees.message.contains("seule redevable"))
        let convention = Convention(checked: try #require(ModelLoader.read(data: Data(text.utf8), name: "c.yaml").root))
        #expect(convention.intitulePublic == nil)
        #expect(convention.publicTitle == "Convention de partenariat pour l'accès au logement accompagné dans le parc locatif social (Metz Métropole)")
        #expect(convention.garanties.isEmpty)
    }

    @Test func aPublicTitleThatNamesTheHospitalOrItsTeamIsAWarning() {
        for name in ["du CH de Jury", "avec l'équipe ERAH", "avec le centre hospitalier de jury", "de Jury", "en santé mentale",
                     "de patients psychiatriques", "suivies à l'hôpital"] {
            let text = Samples.replacing(Samples.conventionText, "  dans le parc locatif social de Metz Métropole\n",
                                         "  dans le parc locatif social de Metz Métropole \(name)\n")
            let d = Self.check(text).filter { $0.code == .intitulePublic }
            #expect(d.count == 1, "\(name)")
            #expect(d.first?.severity == .warning)
        }
        // Neutral words pass: « logement accompagné », the territory, « Metz ».
        #expect(!Self.check(Samples.conventionText).contains { $0.code == .intitulePublic })
        // The team's name is data: the check reads it from the convention's parties.
        let team = Samples.replacing(Samples.conventionText, "  dans le parc locatif social de Metz Métropole\n",
                                     "  dans le parc locatif social de Metz Métropole (ERAH)\n")
        #expect(Self.check(team).first { $0.code == .intitulePublic }?.message.contains("« ERAH »") == true)
    }

    @Test func guaranteesAreCheckedLikeAnyData() {
        let inverted = Samples.replacing(Samples.conventionText, "    depuis: 2019-07-01 ",
                                         "    depuis: 2019-07-01\n    jusqu_au: 2019-06-30 ")
        #expect(Self.check(inverted).filter { $0.severity == .error }.map(\.code) == [.garantiePeriode])
        let unknownParty = Samples.replacing(Samples.conventionText, "    partie: bailleur-exemple-2\n", "    partie: bailleur-exemple-3\n")
        #expect(Self.check(unknownParty).filter { $0.severity == .error }.map(\.code) == [.partieInconnue])
        let unknownNature = Samples.replacing(Samples.conventionText, "  - nature: visale\n", "  - nature: caution\n")
        #expect(Self.check(unknownNature).filter { $0.severity == .error }.map(\.code) == [.valeurInconnue])
        let noDescription = Samples.replacing(Samples.conventionText, "  - nature: fsl\n    organisme: Fonds de solidarité pour le logement de la Moselle\n    description: >-\n",
                                              "  - nature: fsl\n    organisme: Fonds de solidarité pour le logement de la Moselle\n    commentaire: >-\n")
        #expect(Self.check(noDescription).filter { $0.severity == .error }.map(\.code).contains(.champManquant))
    }

    @Test func eachActPrintsTheGuaranteesOfItsOwnDate() throws {
        let root = try #require(Samples.convention.root)
        let convention = Convention(checked: root)
        let signed = try #require(CalendarDate(iso: "2018-11-05")), later = try #require(CalendarDate(iso: "2019-08-01"))
        // bailleur-exemple-2 committed on vacancy from 2019-07-01 (avenant): not in the convention as signed.
        #expect(convention.guarantees(inForceOn: signed).count == 4)
        #expect(convention.guarantees(inForceOn: later).count == 5)
        #expect(convention.guarantees(inForceOn: nil).count == 5)
        #expect(root.conventionInForce(on: signed)["garanties"]?.list?.count == 4)
        #expect(root.conventionInForce(on: later)["garanties"]?.list?.count == 5)
        #expect(root.conventionInForce(on: signed)["parties"] == root["parties"])
    }
}

/// Issue 13, point 5: the reasons of a review reach the landlord and the préfet; `check` warns
/// when they speak of care or name the health establishment.
@Suite("Reasons that reach the landlord and the préfet")
struct ReasonsWithoutCareTests {
    @Test func reasonsThatSpeakOfCareAreAWarning() throws {
        let sample = Samples.dossier002
        #expect(!Samples.check(dossier: sample).contains { $0.code == .motifsSante }, "the sample's reasons are about the housing")
        let original = "    motifs: Paiement régulier depuis l'entrée, logement bien entretenu, autonomie budgétaire acquise.\n"
        for (reasons, word) in [("Suivi régulier au CMP, paiement régulier.", "CMP"), ("Traitement bien suivi ; loyer payé.", "Traitement"),
                                ("Soutien de l'équipe ERAH ; loyer payé.", "ERAH"), ("Aucune hospitalisation ; loyer payé.", "hospitalisation"),
                                ("Accompagné par le centre hospitalier de Jury.", "Centre hospitalier de Jury")] {
            let text = Samples.replacing(sample, original, "    motifs: \(reasons)\n")
            let d = Samples.check(dossier: text).filter { $0.code == .motifsSante }
            #expect(d.count == 1, "\(reasons)")
            #expect(d.first?.severity == .warning)
            #expect(d.first?.message.contains("« \(word) »") == true, "\(d.first?.message ?? "")")
            #expect(d.first?.path?.description == "evaluations[2].motifs")
        }
        // « besoin » is not « soin »: whole words only.
        let needs = Samples.replacing(sample, original, "    motifs: Les besoins du ménage sont couverts ; loyer payé.\n")
        #expect(!Samples.check(dossier: needs).contains { $0.code == .motifsSante })
    }
}
