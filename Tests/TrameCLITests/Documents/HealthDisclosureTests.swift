import Foundation
import Testing
import TrameAssembly
import TrameModel
import TrameTestSupport

/// Issue 13, point 5: indirect health information. Being followed in psychiatry is health data
/// (RGPD art. 9): a document about a person that reaches the landlord or the préfet never names the
/// health establishment, its team or its staff, nor the protection measure beyond what the act
/// itself needs. Every landlord and préfet copy of every sample — the project's demo copies and the
/// shared examples, at every date — is generated in ODT, DOCX and HTML and read from its own markup
/// (`DocumentText`), header, body, footer and every XML part of the package.
@Suite("Indirect health information never reaches the landlord or the préfet")
struct HealthDisclosureTests {
    static let repository = TrameProcess.repository
    static let generator = Generator(templatesDirectory: repository.appendingPathComponent("Templates"))
    /// A fixed "today" for landlord copies (consents are checked on it): tests never read the clock.
    static let today = CalendarDate(iso: "2026-01-15")!
    static let formats: [ProducedFormat] = [.odt, .docx, .html]

    /// A sample bundle: a convention and its dossiers.
    struct Bundle: Sendable, CustomStringConvertible {
        let name: String
        let convention: URL
        let dossiers: [URL]
        var description: String { name }
    }

    /// The project's demo copies, and the shared examples when present (they lack `intitule_public`
    /// and `garanties`: the neutral default title stands in).
    static let bundles: [Bundle] = {
        var result: [Bundle] = []
        for (name, folder) in [("Conventions/metz-jury-2018", repository.appendingPathComponent("Conventions/metz-jury-2018")),
                               ("../shared/exemples", repository.deletingLastPathComponent().appendingPathComponent("shared/exemples"))] {
            guard let files = try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil) else { continue }
            let yaml = files.filter { $0.pathExtension == "yaml" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
            guard let convention = yaml.first(where: { $0.lastPathComponent.hasPrefix("convention-") }) else { continue }
            result.append(Bundle(name: name, convention: convention, dossiers: yaml.filter { $0.lastPathComponent.hasPrefix("dossier-") }))
        }
        return result
    }()

    /// One copy outside the circle of support, in the three formats.
    struct Copy {
        let label: String
        let audience: Audience
        let document: String
        let texts: [String]
    }

    /// Every landlord and préfet copy of a bundle: each act of each dossier, for each audience it
    /// allows, kept when it is produced for `bailleur` or `prefet`; a final act when it can be made,
    /// else a draft (as `trame demo`); a copy refused (no consent in force) does not exist.
    static func copies(of bundle: Bundle) throws -> [Copy] {
        var copies: [Copy] = []
        for path in bundle.dossiers {
            let files = try CaseFiles.load(dossierPath: path.path, conventionOverride: bundle.convention.path)
            let dossier = Dossier(checked: try #require(files.dossier?.root))
            for instance in generator.documents(for: dossier) {
                let audiences: [Audience?] = DocumentCatalog.rule(for: instance.document).audiences.map { $0.map(Optional.some) } ?? [nil]
                for audience in audiences {
                    func request(draft: Bool) -> GenerationRequest {
                        GenerationRequest(document: instance.document, dossierPath: path.path, conventionPath: bundle.convention.path,
                                          draft: draft, audience: audience, date: instance.date, today: today)
                    }
                    let draft = (try? generator.generate(request(draft: false))) == nil
                    guard let produced = try? generator.generate(request(draft: draft)),
                          produced.audience == .bailleur || produced.audience == .prefet else { continue }
                    var texts: [String] = []
                    for format in formats {
                        let data = try produced.output(as: format, draft: draft).data
                        let text: DocumentText
                        switch format {
                        case .odt: text = try DocumentText(odt: data)
                        case .docx: text = try DocumentText(docx: data)
                        default: text = try DocumentText(html: data)
                        }
                        texts.append(text.flat)
                        if format != .html {
                            // Every part of the package (metadata, settings, styles): tags dropped, entities decoded.
                            for (_, part) in try DocumentText.unzip(data) {
                                texts.append(Self.xmlText(String(decoding: part, as: UTF8.self)))
                            }
                        }
                    }
                    let label = "\(bundle) \(path.lastPathComponent) \(instance.document) \(instance.date?.description ?? "") \(produced.audience.rawValue)\(draft ? " (projet)" : "")"
                    copies.append(Copy(label: label, audience: produced.audience, document: instance.document, texts: texts))
                }
            }
        }
        return copies
    }

    static func xmlText(_ xml: String) -> String {
        var text = xml.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'"), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return DocumentText.normalise(text)
    }

    /// Case, accents and spacing ignored.
    static func fold(_ text: String) -> String {
        DocumentText.normalise(text).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .replacingOccurrences(of: "’", with: "'")
    }

    /// A name as written in the samples, without the « (fictif) » mark.
    static func bare(_ name: String) -> String {
        name.replacingOccurrences(of: "(fictif)", with: "").trimmingCharacters(in: .whitespaces)
    }

    /// Words that point to a care referent or to psychiatric or hospital care.
    static let careWords = ["référent soin", "référente soin", "référent de soins", "référent santé", "référent de l'équipe de soins",
                            "référente de l'équipe de soins", "équipe de soins", "infirmier", "infirmière", "soignant", "psychiatr",
                            "psychique", "hospitalier", "hospitalière", "hôpital", "établissement de santé", "CMP"]

    /// What the copies of a bundle must never hold: the health establishment's denomination, its
    /// proper nouns (« Jury »), its team, its staff and their telephone numbers, its on-call line,
    /// each dossier's care referent, and the care words.
    static func forbidden(in bundle: Bundle) throws -> [String] {
        let convention = Convention(checked: try #require(ModelLoader.read(path: bundle.convention.path).root))
        var terms = careWords
        for party in convention.parties(withRole: "etablissement_sante") {
            terms.append(party.denomination)
            terms += party.denomination.split(separator: " ").dropFirst().map(String.init).filter { $0.count >= 3 && $0.first!.isUppercase }
            terms += [party.equipe, party.astreinte].compactMap { $0 }
            for contact in party.contacts { terms += [contact.nom.map(bare), contact.telephone, contact.courriel].compactMap { $0 } }
        }
        for path in bundle.dossiers {
            let dossier = Dossier(checked: try #require(ModelLoader.read(path: path.path).root))
            if let care = dossier.accompagnement?.referentSoin {
                terms += [bare(care.nom), care.telephone, care.courriel].compactMap { $0 }
            }
            // The care team's own observations, word for word.
            terms += dossier.data["evaluations"]?.list?.compactMap { $0["partie_soin"]?["observations"]?.text } ?? []
        }
        return Array(Set(terms.filter { !$0.isEmpty })).sorted()
    }

    @Test(arguments: bundles)
    func noLandlordOrPrefetCopyNamesTheCareTeam(bundle: Bundle) throws {
        let copies = try Self.copies(of: bundle)
        // The scan cannot pass vacuously: the leases, tripartite conventions, landlord copies of
        // every evaluation with consent, and the préfet letter are all there.
        for document in ["bail-principal", "convention-tripartite", "evaluation", "evaluation-finale", "courrier-prefet"] {
            #expect(copies.contains { $0.document == document }, "\(bundle): aucun exemplaire « \(document) » du bailleur ou du préfet")
        }
        #expect(copies.count >= 10, "\(bundle): \(copies.count) exemplaires seulement")
        let terms = try Self.forbidden(in: bundle)
        #expect(terms.contains("ERAH") && terms.contains("Jury") && terms.contains("Marc Petit"), "\(terms)")
        for copy in copies {
            let texts = copy.texts.map(Self.fold)
            for term in terms {
                let needle = Self.fold(term)
                // Short abbreviations only as whole words (« CMP »).
                let found = texts.contains { text in
                    needle.count <= 4 ? text.range(of: "\\b\(NSRegularExpression.escapedPattern(for: needle))\\b", options: .regularExpression) != nil
                        : text.contains(needle)
                }
                #expect(!found, "\(copy.label) : « \(term) »")
            }
        }
    }

    /// The protection measure appears where the act needs it — the tripartite convention the
    /// curator co-signs — and nowhere else a landlord or the préfet reads: not in a review's landlord
    /// copy, not in the préfet letter.
    @Test(arguments: bundles)
    func theProtectionMeasureOnlyWhereTheActNeedsIt(bundle: Bundle) throws {
        var words = ["curatelle", "curateur", "tutelle", "tuteur", "sauvegarde de justice", "mesure de protection"]
        for path in bundle.dossiers {
            let dossier = Dossier(checked: try #require(ModelLoader.read(path: path.path).root))
            if let protector = dossier.sousLocataire.protecteur { words.append(protector.denomination) }
        }
        let copies = try Self.copies(of: bundle).filter { ["evaluation", "evaluation-finale", "courrier-prefet"].contains($0.document) }
        #expect(!copies.isEmpty)
        for copy in copies {
            let texts = copy.texts.map(Self.fold)
            for word in words {
                #expect(!texts.contains { $0.contains(Self.fold(word)) }, "\(copy.label) : « \(word) »")
            }
        }
    }

    /// The tripartite convention, which the landlord holds, names the measure only as far as the act
    /// needs it: the curator who co-signs, not « renforcée » nor who manages the income; under
    /// sauvegarde de justice, which changes nothing to who signs, not at all. The sublease keeps it all.
    @Test func theTripartiteConventionNamesTheMeasureOnlyAsFarAsTheSignatureNeedsIt() throws {
        let bundle = try #require(Self.bundles.first)
        func flat(_ document: String, _ dossier: URL, convention: URL = bundle.convention) throws -> String {
            let produced = try Self.generator.generate(GenerationRequest(document: document, dossierPath: dossier.path,
                                                                         conventionPath: convention.path, draft: true, today: Self.today))
            return try DocumentText(html: try produced.output(as: .html, draft: true).data).flat
        }
        let renforcee = try #require(bundle.dossiers.first { $0.lastPathComponent == "dossier-MJ-2019-002.yaml" })
        let tripartite = try flat("convention-tripartite", renforcee)
        #expect(tripartite.contains("fait l'objet d'une mesure de curatelle confiée"))
        #expect(tripartite.contains("assisté de son curateur, qui la contresigne"))
        #expect(!tripartite.contains("renforcée") && !tripartite.contains("perçoit les revenus"))
        let sublease = try flat("sous-location", renforcee)
        #expect(sublease.contains("curatelle renforcée") && sublease.contains("perçoit les revenus"), "the person's own contract keeps it")

        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let convention = dir.appendingPathComponent("convention-metz-jury-2018.yaml")
        try FileManager.default.copyItem(at: bundle.convention, to: convention)
        try TrameProcess.copyConventionFiles(to: dir)
        let text = try String(contentsOf: bundle.convention.deletingLastPathComponent().appendingPathComponent("dossier-MJ-2019-004.yaml"), encoding: .utf8)
        let sauvegarde = dir.appendingPathComponent("dossier-MJ-2019-004.yaml")
        try text.replacingOccurrences(of: "mesure_protection: curatelle_simple", with: "mesure_protection: sauvegarde")
            .write(to: sauvegarde, atomically: true, encoding: .utf8)
        let underSauvegarde = try flat("convention-tripartite", sauvegarde, convention: convention)
        #expect(!underSauvegarde.contains("sauvegarde") && !underSauvegarde.contains("Mesure de protection"))
        #expect(try flat("sous-location", sauvegarde, convention: convention).contains("mesure de sauvegarde de justice"))
    }

    /// The scan finds what it looks for: the association's copy of the same review names the care
    /// team and its referent (they take part in the support part).
    @Test func theScanSeesTheCareTeamWhereItBelongs() throws {
        let bundle = try #require(Self.bundles.first)
        let dossier = try #require(bundle.dossiers.first { $0.lastPathComponent == "dossier-MJ-2019-004.yaml" })
        let produced = try Self.generator.generate(GenerationRequest(document: "evaluation", dossierPath: dossier.path,
                                                                     conventionPath: bundle.convention.path, draft: false,
                                                                     audience: .association, date: CalendarDate(iso: "2019-09-26"), today: Self.today))
        let text = Self.fold(try DocumentText(html: try produced.output(as: .html, draft: false).data).flat)
        #expect(text.contains(Self.fold("Centre hospitalier de Jury, équipe ERAH")))
        #expect(text.contains(Self.fold("Marc Petit")))
        #expect(text.contains(Self.fold("Volet accompagnement")))
    }
}
