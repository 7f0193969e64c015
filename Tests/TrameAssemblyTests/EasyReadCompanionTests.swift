import Foundation
import Testing
import TrameAssembly
import TrameDocument
import TrameModel
import TrameTemplates
import TrameTestSupport
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The easy-to-read companions (« facile à lire et à comprendre ») of every sample dossier pass
/// every rule as their reader gets them, say what the person pays, are written in the easy-to-read
/// style (sans-serif 14 pt, line spacing 1.5, flush left, no hyphenation); and each rule of
/// `EasyRead.check` can fire.
@Suite("Compagnons faciles à lire")
struct EasyReadCompanionTests {
    /// Every companion instance of every sample dossier, as the document set lists them.
    static func companions() throws -> [(dossier: String, instance: DocumentInstance)] {
        var result: [(String, DocumentInstance)] = []
        for id in Samples.dossiers {
            let files = try CaseFiles.load(dossierPath: Samples.dossier(id))
            let dossier = Dossier(checked: files.dossier!.root!)
            for instance in Samples.generator.documents(for: dossier) where instance.document.hasSuffix("-facile") {
                result.append((id, instance))
            }
        }
        return result
    }

    static func produce(_ document: String, dossier: String, date: String? = nil, asOf: String? = nil) throws(Diagnostics) -> ProducedDocument {
        try Samples.generator.generate(Samples.request(document, dossier: dossier, date: date, asOf: asOf))
    }

    /// The body text of a companion, read from its ODT and from its DOCX (both must say it).
    static func texts(_ produced: ProducedDocument) throws -> [String] {
        [try DocumentText(odt: produced.output(as: .odt, draft: false).data).flat,
         try DocumentText(docx: produced.output(as: .docx, draft: false).data).flat]
    }

    // MARK: The samples

    @Test func everyCompanionOfEverySamplePassesTheRules() throws {
        let companions = try Self.companions()
        // MJ-2019-002: sublease, consent, three evaluations (the final one included), one renewal, next dates;
        // MJ-2019-004: sublease, consent, two evaluations, next dates; MJ-2019-011: sublease, consent, next dates.
        let counts = Dictionary(grouping: companions, by: \.dossier).mapValues(\.count)
        #expect(counts == ["MJ-2019-002": 7, "MJ-2019-004": 5, "MJ-2019-011": 3])
        for name in ["sous-location-facile", "evaluation-facile", "consentement-facile", "avenant-renouvellement-facile", "prochaines-dates-facile"] {
            #expect(companions.contains { $0.instance.document == name }, "no sample has a \(name)")
        }
        for (id, instance) in companions {
            let produced: ProducedDocument
            do {
                produced = try Self.produce(instance.document, dossier: id, date: instance.date?.description)
            } catch {
                Issue.record("\(instance.document) \(id) \(instance.date?.description ?? ""): \(error.diagnostics.map(\.headline))")
                continue
            }
            let report = try #require(produced.easyRead, "\(produced.baseName) is not checked as an easy-to-read companion")
            #expect(report.passes == true, "\(produced.baseName): \(report.problems.map { "\($0.rule.rawValue) \($0.excerpt)" })")
            #expect(report.longest <= EasyRead.maximumWords && report.mean <= EasyRead.maximumMeanWords && report.sentences > 10,
                    "\(produced.baseName): \(report.sentences) phrases, la plus longue de \(report.longest) mots, \(report.mean) en moyenne")
        }
    }

    @Test func subleaseCompanionOfMJ2019004SaysWhatIsLeftToPay() throws {
        let produced = try Self.produce("sous-location-facile", dossier: "MJ-2019-004")
        for text in try Self.texts(produced) {
            #expect(text.contains("Il vous reste à payer 174,20 € chaque mois."))
        }
    }

    @Test func evaluationCompanionNeverCarriesTheCarePart() throws {
        for id in ["MJ-2019-002", "MJ-2019-004"] {
            let files = try CaseFiles.load(dossierPath: Samples.dossier(id))
            let evaluations = files.dossier!.root!["evaluations"]?.list ?? []
            let careNotes = evaluations.compactMap { $0["partie_soin"]?["observations"]?.text }
            #expect(!careNotes.isEmpty)
            for evaluation in evaluations {
                let date = try #require(evaluation["date"]?.date)
                let produced = try Self.produce("evaluation-facile", dossier: id, date: date.description)
                for text in try Self.texts(produced) {
                    for note in careNotes { #expect(!text.contains(note), "\(produced.baseName) prints « \(note) »") }
                    if let words = evaluation["avis_sous_locataire"]?.text {
                        #expect(text.contains("« \(words) »"), "\(produced.baseName) lacks the person's own words")
                    }
                }
            }
        }
    }

    @Test func finalEvaluationCompanionLeavesTheDecisionToTheCommission() throws {
        let produced = try Self.produce("evaluation-facile", dossier: "MJ-2019-002", date: "2020-08-06")
        for text in try Self.texts(produced) {
            #expect(text.contains("Les partenaires proposent que le bail passe à votre nom."))
            #expect(text.contains("Ce n'est pas automatique."))
            #expect(text.contains("La commission d'attribution du propriétaire décide."))
            #expect(text.contains("Votre dossier lui est envoyé le 20 août 2020."))
            #expect(!text.contains("Votre prochain bilan"))
        }
        let semiannual = try Self.produce("evaluation-facile", dossier: "MJ-2019-004", date: "2020-03-19")
        for text in try Self.texts(semiannual) {
            #expect(text.contains("Votre prochain bilan a lieu avant le 19 septembre 2020."))
            #expect(text.contains("vous deviez encore 120,40 € de loyer"))
        }
    }

    @Test func renewalCompanionGivesTheNewTerm() throws {
        let produced = try Self.produce("avenant-renouvellement-facile", dossier: "MJ-2019-002", date: "2020-03-01")
        for text in try Self.texts(produced) {
            #expect(text.contains("La nouvelle période commence le 1er mars 2020."))
            #expect(text.contains("Elle finit le 31 août 2020."))
            #expect(text.contains("Vous gardez le droit de rester dans le logement."))
        }
    }

    @Test func consentCompanionKeepsTheSlip() throws {
        let produced = try Self.produce("consentement-facile", dossier: "MJ-2019-004")
        let odt = try DocumentText(odt: produced.output(as: .odt, draft: false).data)
        let slip = try #require(odt.pageParts.last)
        #expect(odt.pageParts.count >= 2)
        #expect(slip.contains("Je change d'avis"))
        #expect(slip.contains("Habitat Mosellan Exemple (fictif) : la partie logement des bilans."))
        #expect(slip.contains("Signature du curateur"))
        #expect(odt.flat.contains("Vous avez donné cet accord le 20 mars 2019."))
        #expect(odt.flat.contains("Les informations sur votre santé restent à votre équipe de soins."))
    }

    @Test func nextDatesKeepOnlyTheDatesToCome() throws {
        let before = try Self.produce("prochaines-dates-facile", dossier: "MJ-2019-004", asOf: "2019-10-01")
        for text in try Self.texts(before) {
            #expect(text.contains("dates connues le 1er octobre 2019"))
            #expect(text.contains("Il a lieu avant le 26 mars 2020."))
            #expect(text.contains("La période en cours finit le 31 mars 2020."))
            #expect(text.contains("Votre assurance du logement est à renouveler avant le 31 mars 2020."))
        }
        let after = try Self.produce("prochaines-dates-facile", dossier: "MJ-2019-004", asOf: "2020-04-15")
        for text in try Self.texts(after) {
            #expect(text.contains("Il a lieu avant le 19 septembre 2020."))
            #expect(!text.contains("31 mars 2020"))
        }
        let ended = try Self.produce("prochaines-dates-facile", dossier: "MJ-2019-002", asOf: "2026-01-15")
        for text in try Self.texts(ended) {
            #expect(text.contains("Aucune date n'est prévue pour le moment."))
        }
        let planned = DocumentCatalog.nextDates(dossier: Dossier(checked: try CaseFiles.load(dossierPath: Samples.dossier("MJ-2019-011")).dossier!.root!),
                                                evaluationPeriod: 6, on: CalendarDate(iso: "2019-07-15")!)
        #expect(planned.start == CalendarDate(iso: "2019-08-01"))
        #expect(planned.evaluation == CalendarDate(iso: "2020-02-01") && planned.firstEvaluation)
        #expect(planned.termEnd == CalendarDate(iso: "2021-01-31") && planned.insurance == nil)
    }

    // MARK: The style, as written in the files

    /// The attributes (by qualified name) of the elements an XPath selects, merged in document order.
    static func attributes(_ xpath: String, in xml: Data) throws -> [String: String] {
        var merged: [String: String] = [:]
        for node in try XMLDocument(data: xml).nodes(forXPath: xpath) {
            for attribute in (node as? XMLElement)?.attributes ?? [] { merged[attribute.name ?? ""] = attribute.stringValue ?? "" }
        }
        return merged
    }

    /// An XPath step on a qualified element name, with attribute values: `*[name()='style:style'][@*[name()='style:name']='X']`.
    static func step(_ name: String, _ match: [String: String] = [:]) -> String {
        "*[name()='\(name)']" + match.sorted { $0.key < $1.key }.map { "[@*[name()='\($0.key)']='\($0.value)']" }.joined()
    }

    static func points(_ value: String?) -> Double? {
        guard let value, value.hasSuffix("pt") else { return nil }
        return Double(value.dropLast(2))
    }

    static func percent(_ value: String?) -> Double? {
        guard let value, value.hasSuffix("%") else { return nil }
        return Double(value.dropLast())
    }

    @Test func odtIsWrittenInTheEasyReadStyle() throws {
        let produced = try Self.produce("sous-location-facile", dossier: "MJ-2019-004")
        let parts = try DocumentText.unzip(produced.output(as: .odt, draft: false).data)
        let styles = try #require(parts["styles.xml"])
        let properties = "*[name()='style:paragraph-properties' or name()='style:text-properties']"
        let defaults = try Self.attributes("//" + Self.step("style:default-style", ["style:family": "paragraph"]) + "/" + properties, in: styles)
        let body = try Self.attributes("//" + Self.step("style:style", ["style:name": "Text_20_body"]) + "/" + properties, in: styles)
        #expect(!defaults.isEmpty && !body.isEmpty)
        // The body style inherits what it does not set from the default paragraph style.
        let effective = defaults.merging(body) { _, own in own }
        let font = try #require(effective["style:font-name"])
        let face = try Self.attributes("//" + Self.step("style:font-face", ["style:name": font]), in: styles)
        #expect(face["style:font-family-generic"] == "swiss", "\(font) is not a sans-serif face")
        #expect((Self.points(defaults["fo:font-size"]) ?? 0) >= 14, "default paragraph style: \(defaults["fo:font-size"] ?? "no size")")
        #expect((Self.points(effective["fo:font-size"]) ?? 0) >= 14)
        #expect(effective["fo:hyphenate"] == "false")
        #expect((Self.percent(effective["fo:line-height"]) ?? 0) >= 150, "body line height \(effective["fo:line-height"] ?? "none")")
        #expect(body["fo:text-align"] != "justify" && defaults["fo:text-align"] != "justify")
    }

    @Test func docxIsWrittenInTheEasyReadStyle() throws {
        let produced = try Self.produce("sous-location-facile", dossier: "MJ-2019-004")
        let parts = try DocumentText.unzip(produced.output(as: .docx, draft: false).data)
        let styles = try #require(parts["word/styles.xml"])
        let defaults = "//" + Self.step("w:docDefaults")
        let size = try Self.attributes(defaults + "//" + Self.step("w:sz"), in: styles)
        #expect((Int(size["w:val"] ?? "") ?? 0) >= 28, "docDefaults: \(size["w:val"] ?? "no size") half-points")
        #expect(try Self.attributes(defaults + "//" + Self.step("w:rFonts"), in: styles)["w:ascii"] == "Liberation Sans")
        #expect(try !XMLDocument(data: styles).nodes(forXPath: defaults + "//" + Self.step("w:suppressAutoHyphens")).isEmpty)
        // The default paragraph style: line spacing 1.5 (360 twentieths of a line), never justified.
        let normal = "//" + Self.step("w:style", ["w:type": "paragraph", "w:default": "1"])
        let spacing = try Self.attributes(normal + "//" + Self.step("w:spacing"), in: styles)
        #expect((Int(spacing["w:line"] ?? "") ?? 0) >= 360, "Normal line spacing \(spacing["w:line"] ?? "none")")
        #expect(try Self.attributes(normal + "//" + Self.step("w:jc"), in: styles)["w:val"] != "both")
    }

    // MARK: Each rule can fire

    static func image(_ byte: UInt8, _ text: String) -> Image {
        Image(data: Data([0x89, 0x50, 0x4E, 0x47, byte]), format: .png, width: .cm(1), height: .cm(1), alternativeText: text)
    }

    static let house = image(1, "Une maison")
    static let calendar = image(2, "Un calendrier")
    static let reading = image(3, "Deux personnes lisent une feuille")

    static func paragraph(_ text: String, _ style: TextStyle = []) -> Block {
        .paragraph(Paragraph([.text(text, style)], alignment: .left))
    }

    static func section(_ title: String, _ image: Image?) -> Block {
        .paragraph(Paragraph([.text(title)], alignment: .left, images: image.map { [$0] } ?? [], headingLevel: 1))
    }

    static let readTogether = Block.table(Table(headerRows: [[TableCell(text: "Date"), TableCell(text: "Lu avec"), TableCell(text: "Signature")]],
                                                rows: [[TableCell(text: ""), TableCell(text: ""), TableCell(text: "")]]))

    /// A companion that keeps every rule; `body` replaces the text of its first part.
    static func companion(preamble: Bool = true, body: [Block] = [paragraph("Vous payez le loyer chaque mois.")],
                          images: [Image] = [house, calendar, reading], readTable: Bool = true) -> Document {
        var blocks: [Block] = [.title([.text("Mon contrat")])]
        if preamble {
            blocks += [paragraph("Ce document explique votre contrat."), paragraph("Le contrat que vous signez est le seul qui compte.")]
        }
        blocks += [section("Votre logement", images[0])] + body
        blocks += [section("Les dates", images[1]), paragraph("Votre contrat commence le 1er avril 2019.")]
        blocks += [section("Nous avons lu ce document ensemble", images[2])]
        if readTable { blocks.append(readTogether) }
        return Document(metadata: DocumentMetadata(title: "Mon contrat", subject: "test", identifier: "TEST"), blocks: blocks)
    }

    static func rules(_ document: Document, style: DocumentStyle = .easyRead, names: [String] = []) -> Set<EasyRead.Rule> {
        Set(EasyRead.check(document, style: style, names: names).problems.map(\.rule))
    }

    @Test func theBaselineCompanionPasses() {
        let report = EasyRead.check(Self.companion(), style: .easyRead, names: [])
        #expect(report.passes, "\(report.problems.map { "\($0.rule.rawValue) \($0.excerpt)" })")
        #expect(report.sentences == 11 && report.longest == 10)
    }

    @Test(arguments: [
        ("Vous payez le loyer et les charges au début de chaque mois à l'association qui vous loue le logement.", EasyRead.Rule.sentenceLength),
        ("Vous payez le loyer (chaque mois).", .parenthesis),
        ("Lisez l'article 3 du contrat.", .legalReference),
        ("Le CCH vous protège.", .legalReference),
        ("Le CCH vous protège.", .abbreviation),
        ("Le loyer augmente de 10 % par an.", .percentage),
        ("Vous lisez le chapitre XIV.", .romanNumeral),
        ("Vous avez trois clés.", .numberInLetters),
        ("Vous arrivez le 01/03/2019.", .numericDate),
        ("Vous signez un bail.", .glossary),
    ])
    func aSentenceBreakingARuleIsCaught(_ sentence: String, _ rule: EasyRead.Rule) {
        let found = Self.rules(Self.companion(body: [Self.paragraph(sentence)]))
        #expect(found.contains(rule), "« \(sentence) » : \(found.map(\.rawValue))")
    }

    @Test func aNameKeepsItsParenthesesAndCountsAsOneWord() {
        let name = "Association Accès Logement Lorraine (fictif) du département de la Moselle et de Meurthe"
        let document = Self.companion(body: [Self.paragraph("\(name) vous loue le logement.")])
        #expect(Self.rules(document, names: [name]).isEmpty)
        #expect(Self.rules(document).isSuperset(of: [.parenthesis, .sentenceLength]))
    }

    @Test func aGlossaryWordIsExplainedInABoxWhereItFirstAppears() {
        let box = Block.table(Table(headerRows: [[TableCell(text: "Le mot « bail »")]], rows: [[TableCell(text: "Le bail est le contrat de location.")]]))
        #expect(Self.rules(Self.companion(body: [Self.paragraph("Vous signez un bail."), box])).isEmpty)
        // The box comes too late: after another block.
        let late = Self.companion(body: [Self.paragraph("Vous signez un bail."), Self.paragraph("Vous le lisez avant."), box])
        #expect(Self.rules(late) == [.glossary])
    }

    @Test func italicsAreCaught() {
        #expect(Self.rules(Self.companion(body: [Self.paragraph("Vous payez le loyer.", .italic)])) == [.italic])
    }

    @Test func aPartTitleWithoutPictogramIsCaught() {
        #expect(Self.rules(Self.companion(body: [.heading(level: 2, [.text("Une partie")]), Self.paragraph("Vous payez.")])) == [.pictogram])
        #expect(Self.rules(Self.companion(body: [Self.section("Une partie", nil), Self.paragraph("Vous payez.")])) == [.pictogram])
    }

    @Test func fewerThanThreeDistinctPictogramsAreCaught() {
        #expect(Self.rules(Self.companion(images: [Self.house, Self.calendar, Self.house])) == [.distinctImages])
        let unnamed = Self.image(4, " ")
        #expect(Self.rules(Self.companion(images: [Self.house, Self.calendar, unnamed])) == [.alternativeText])
    }

    @Test func aCompanionWithoutItsPreambleIsCaught() {
        #expect(Self.rules(Self.companion(preamble: false)) == [.preamble])
    }

    @Test func aCompanionWithoutTheReadTogetherTableIsCaught() {
        #expect(Self.rules(Self.companion(readTable: false)) == [.readTogether])
    }

    @Test func longSentencesOnAverageAndTextNotAddressedToThePersonAreCaught() {
        let long = (0..<30).map { _ in Self.paragraph("Vous payez le loyer et les charges à l'association au début de chaque mois.") }
        #expect(Self.rules(Self.companion(body: long)).contains(.meanLength))
        let blocks = Self.companion().blocks.map { block -> Block in
            guard case .paragraph(var p) = block, p.headingLevel == nil else { return block }
            p.inlines = [.text("Le contrat compte.")]
            return .paragraph(p)
        }
        let impersonal = Document(metadata: Self.companion().metadata, blocks: blocks)
        #expect(Self.rules(impersonal).contains(.personalAddress))
    }

    @Test func theActsStyleBreaksTheLayoutRules() {
        let found = Self.rules(Self.companion(), style: .standard)
        #expect(found.isSuperset(of: [.font, .size, .lineHeight]))
        var hyphenated = DocumentStyle.easyRead
        hyphenated.hyphenation = true
        #expect(Self.rules(Self.companion(), style: hyphenated) == [.hyphenation])
        var justified = DocumentStyle.easyRead
        justified.bodyAlignment = .justified
        let document = Self.companion(body: [.paragraph(Paragraph([.text("Vous payez le loyer.")], alignment: .justified))])
        #expect(Self.rules(document, style: justified) == [.justified])
    }
}
