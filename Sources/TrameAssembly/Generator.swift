import Foundation
import TrameDocument
import TrameFrench
import TrameModel
import TrameTemplates

/// Produces documents from the templates of a `Templates/` folder.
public struct Generator: Sendable {
    public let templatesDirectory: URL
    private let cache = TemplateCache()

    public init(templatesDirectory: URL) { self.templatesDirectory = templatesDirectory }

    /// The document names available: the folders of `Templates/` holding `<name>.v<N>.trame`.
    public var availableDocuments: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: templatesDirectory.path)) ?? []
        return names.filter { !$0.hasPrefix("_") && !$0.hasPrefix(".") && !templateVersions($0).isEmpty }.sorted()
    }

    /// The versions of a document's template, oldest first.
    public func templateVersions(_ document: String) -> [(version: Int, path: String)] {
        let folder = templatesDirectory.appendingPathComponent(document)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.compactMap { file -> (Int, String)? in
            let prefix = "\(document).v"
            guard file.hasPrefix(prefix), file.hasSuffix(".trame"),
                  let version = Int(file.dropFirst(prefix.count).dropLast(".trame".count)) else { return nil }
            return (version, folder.appendingPathComponent(file).path)
        }.sorted { $0.0 < $1.0 }
    }

    /// Loads one version of a document's template (the latest by default).
    public func template(_ document: String, version: Int? = nil) throws(Diagnostics) -> CompiledTemplate {
        let versions = templateVersions(document)
        guard !versions.isEmpty else {
            var message = "document « \(document) » inconnu"
            if let near = Suggestions.nearest(to: document, among: availableDocuments) { message += " ; vouliez-vous dire « \(near) » ?" }
            message += " ; documents disponibles : " + availableDocuments.joined(separator: ", ")
            throw Diagnostics(.error(.documentInconnu, message))
        }
        guard let chosen = version.map({ v in versions.first { $0.version == v } }) ?? versions.last else {
            throw Diagnostics(.error(.versionGabarit, "la version \(version ?? 0) du gabarit « \(document) » n'existe pas (versions : "
                                  + versions.map { String($0.version) }.joined(separator: ", ") + ")"))
        }
        return try cache.template(at: chosen.path) { () throws(Diagnostics) -> CompiledTemplate in try Self.compile(chosen.path) }
    }

    /// The version of a document's template whose legal period (`en_vigueur` … `jusqu_au`) covers
    /// `date`: the highest such version. None is an error, never the latest by default.
    public func templateInForce(_ document: String, on date: CalendarDate) throws(Diagnostics) -> CompiledTemplate {
        let versions = templateVersions(document)
        var loaded: [CompiledTemplate] = []
        for candidate in versions { loaded.append(try template(document, version: candidate.version)) }
        let periods = LegalPeriod.periods(loaded.map { ($0.effectiveDate ?? CalendarDate(year: 1, month: 1, day: 1)!, $0.until, $0.source) })
        guard let index = LegalPeriod.choose(on: date, among: periods) else {
            let known = zip(loaded, periods).map { "version \($0.version) \($1.french)" }.joined(separator: " ; ")
            throw Diagnostics(.error(.horsVigueur, "aucune version du gabarit « \(document) » n'était en vigueur le \(FrenchDate.long(year: date.year, month: date.month, day: date.day)) (\(known))",
                                     at: SourceLocation(file: versions[0].path, line: 1, column: 1)))
        }
        return loaded[index]
    }

    /// Reads and checks a template file; its problems become located diagnostics.
    static func compile(_ path: String) throws(Diagnostics) -> CompiledTemplate {
        do {
            return try TemplateLoader.load(path: path)
        } catch {
            throw Diagnostics(error.diagnostics, sources: sources(of: error.diagnostics))
        }
    }

    /// Renders a document from its input files.
    public func generate(_ request: GenerationRequest) throws(Diagnostics) -> ProducedDocument {
        var request = request
        let rule = DocumentCatalog.rule(for: request.document)
        if request.blank {
            guard let form = rule.blankForm else {
                throw Diagnostics(.error(.formulaireInconnu, "--blank ne s'applique qu'aux évaluations (evaluation, evaluation-finale)"))
            }
            request.document = form
        }
        let latest = try template(request.document, version: request.templateVersion)
        let audience = try chooseAudience(request, latest, rule: request.blank ? DocumentRule() : rule)
        if latest.audience == .partenaires {
            guard let conventionPath = request.conventionPath else {
                throw Diagnostics(.error(.conventionRequise, "le document « \(request.document) » porte sur le partenariat : indiquez --convention FICHIER"))
            }
            let files = try CaseFiles.load(conventionPath: conventionPath)
            let actDate = request.asOf ?? DocumentCatalog.actDate(ofConvention: files.convention.root!)
            let context = ContextBuilder.conventionContext(convention: Self.convention(files, on: actDate), audience: audience, draft: request.draft)
            return try render(request, latest, context: context, audience: audience, files: files,
                              subject: files.convention.root?["identifiant"]?.text ?? "convention", event: nil, actDate: actDate)
        }
        guard let dossierPath = request.dossierPath else {
            throw Diagnostics(.error(.dossierRequis, "le document « \(request.document) » porte sur un ménage : indiquez --dossier FICHIER"))
        }
        let files = try CaseFiles.load(dossierPath: dossierPath, conventionOverride: request.conventionPath)
        // A withdrawn evaluation (`retrait`) is not held: no document about it, and no document
        // reads it (deadlines, the préfet's letter, the stage). It stays in the file and the archive.
        let fileRoot = files.dossier!.root!
        if case .evaluation = rule.selection, let date = request.date,
           let withdrawn = (fileRoot["evaluations"]?.list ?? []).first(where: { $0.isWithdrawnEvaluation && $0["date"]?.date == date }) {
            // `if let`, not `.date.map { … }`: Swift 6.3.1's CopyPropagation aborts on that closure in release builds.
            var when = ""
            if let withdrawnOn = withdrawn["retrait"]?["date"]?.date { when = " le \(withdrawnOn)" }
            var sources: [String: SourceText] = [:]
            if let d = files.dossier { sources[d.path] = d.source }
            throw Diagnostics(Diagnostics(.error(.evaluationRetiree, path: withdrawn["retrait"]?.path,
                "l'évaluation du \(date) a été retirée\(when) : aucun document ne peut plus en être produit ; les documents déjà archivés restent consultables",
                at: withdrawn["retrait"]?.location)).diagnostics, sources: sources)
        }
        let dossierRoot = fileRoot.withoutWithdrawnEvaluations()
        let dossier = Dossier(checked: dossierRoot)
        if rule.requiresTripartite, dossier.sousLocation?.conventionTripartite != true {
            throw Diagnostics(.error(.sansConventionTripartite, "le document « \(request.document) » ne concerne que les sous-locations avec convention tripartite (CCH L442-8-3) ; le dossier \(dossier.id) n'en prévoit pas (sous_location.convention_tripartite: false)"))
        }
        // The act's date comes from the dossier as recorded in full (a later event never moves it);
        // everything else from the dossier as recorded by that date.
        var letter: DocumentCatalog.PrefectLetterDates?
        if request.document == "courrier-prefet" {
            // The letter is dated (--date, --as-of, the recorded notice, else the final evaluation's day), never before the evaluation it reports.
            do {
                letter = try DocumentCatalog.prefectLetter(dossier: dossier, date: request.date, asOf: request.asOf)
            } catch {
                var sources: [String: SourceText] = [:]
                if let d = files.dossier { sources[d.path] = d.source }
                throw Diagnostics(error.diagnostics, sources: sources)
            }
        }
        let fullEvent: CalendarDate?
        if let letter { fullEvent = letter.evaluation } else {
            fullEvent = try select(rule.selection, date: request.date, in: dossier, document: request.document).1
        }
        let actDate = request.asOf ?? letter?.date ?? (rule.datedToday ? request.today : nil) ?? DocumentCatalog.actDate(for: request.document, dossier: dossier, event: fullEvent)
        var dossierData = actDate.map { Self.recorded(dossierRoot, asOf: $0) } ?? dossierRoot
        let asRecorded = Dossier(checked: dossierData)
        if let event = fullEvent, let actDate, event > actDate {
            let what = rule.selection == .renewal ? "le renouvellement" : "l'évaluation"
            throw Diagnostics(.error(rule.selection == .renewal ? .renouvellementIntrouvable : .evaluationIntrouvable,
                                     "\(what) du \(event) est postérieur\(rule.selection == .renewal ? "" : "e") à la date de l'acte (\(actDate)) : il n'était pas encore enregistré ce jour-là"))
        }
        let (selection, event) = try select(rule.selection, date: fullEvent, in: asRecorded, document: request.document)
        if audience == .bailleur {
            // The one disclosure rule: the consent for this landlord in force on the evaluation's
            // date and still on the day of the copy; the shared part of only the evaluations it covers.
            let evaluationEvent: CalendarDate? = if case .evaluation = rule.selection { event } else { nil }
            let decision = DisclosurePolicy.decide(dossier, data: dossierData, documentFor: .bailleur, recipient: .bailleur,
                                                   event: evaluationEvent, today: request.today)
            guard decision.isAllowed, let visible = decision.data else {
                throw Diagnostics(.error(.consentementAbsent, decision.reason ?? "copie pour le bailleur refusée"))
            }
            dossierData = visible
        }
        // The reasons of a final review reach the landlord and the préfet: a copy for them is refused,
        // draft or final, while they speak of care (RGPD art. 9); `check` warns of it (MOTIFS_SANTE).
        if DisclosurePolicy.isOutsideSupportCircle(audience), let event,
           let review = asRecorded.data["evaluations"]?.list?.first(where: { $0["date"]?.date == event }),
           let motifs = review["motifs"], let text = motifs.text,
           let word = CareWords.first(in: text, convention: files.convention.root) {
            var sources: [String: SourceText] = [:]
            if let d = files.dossier { sources[d.path] = d.source }
            throw Diagnostics(Diagnostics(.error(.motifsSante, path: motifs.path,
                "les motifs de l'évaluation contiennent « \(word) » : une information de santé ne parvient jamais au bailleur ni au préfet (RGPD art. 9) ; reformulez-les sur le logement et l'accompagnement avant de produire ce document",
                at: motifs.location)).diagnostics, sources: sources)
        }
        var context = ContextBuilder.dossierContext(dossier: dossierData, convention: Self.convention(files, on: actDate), audience: audience,
                                                    draft: request.draft, selection: selection)
        if let letter {
            context = ContextBuilder.addingPrefectLetter(.init(date: letter.date, periodEnd: letter.period?.end, due: letter.period?.noticeDue), to: context)
        }
        if rule.datedToday, let actDate {
            // « Mes prochaines dates »: what is still to come on the day the sheet is made.
            let period = files.convention.root?["sous_location"]?["periodicite_evaluation_mois"]?.integer ?? 6
            context = ContextBuilder.addingNextDates(DocumentCatalog.nextDates(dossier: asRecorded, evaluationPeriod: period, on: actDate), to: context)
        }
        return try render(request, latest, context: context, audience: audience, files: files, subject: dossier.id, event: event, actDate: actDate)
    }

    private func chooseAudience(_ request: GenerationRequest, _ template: CompiledTemplate, rule: DocumentRule) throws(Diagnostics) -> Audience {
        let defaultAudience = template.audience ?? .partenaires
        guard let asked = request.audience, asked != defaultAudience else { return defaultAudience }
        guard let allowed = rule.audiences, allowed.contains(asked) else {
            let possible = (rule.audiences ?? [defaultAudience]).map(\.rawValue).joined(separator: ", ")
            throw Diagnostics(.error(.destinataireRefuse, "le document « \(request.document) » ne peut pas être produit pour « \(asked.rawValue) » ; destinataires possibles : \(possible)"))
        }
        return asked
    }

    /// The convention as in force on the act's date (its guarantees of that day); whole without a date.
    static func convention(_ files: CaseFiles, on day: CalendarDate?) -> DataNode {
        let root = files.convention.root!
        return day.map { root.conventionInForce(on: $0) } ?? root
    }

    /// The dossier as recorded and in force on `day`: what an act of that day could know.
    /// An optional list the cut left empty (`sous_location.renouvellements`) is removed, so that a
    /// file that never wrote it and one whose entries all came later give the same act, byte for byte.
    static func recorded(_ dossier: DataNode, asOf day: CalendarDate) -> DataNode {
        var cut = dossier.recorded(asOf: day)
        guard case .object(var root) = cut.value, var sublease = root["sous_location"], case .object(var entries) = sublease.value,
              let renewals = entries["renouvellements"], renewals.list?.isEmpty == true else { return cut }
        entries.entries.removeAll { $0.key == "renouvellements" }
        sublease.value = .object(entries)
        root.set("sous_location", sublease)
        cut.value = .object(root)
        return cut
    }

    private func select(_ selection: DocumentRule.Selection, date: CalendarDate?, in dossier: Dossier,
                        document: String) throws(Diagnostics) -> (ContextBuilder.Selection, CalendarDate?) {
        switch selection {
        case .none:
            return (.none, nil)
        case .evaluation(let defaultFinal):
            let dates = dossier.evaluations.map(\.date)
            let listed = dates.isEmpty ? "le dossier \(dossier.id) n'en compte aucune" : "évaluations du dossier : " + dates.map(\.description).joined(separator: ", ")
            if let date {
                guard let chosen = dossier.evaluations.first(where: { $0.date == date }) else {
                    throw Diagnostics(.error(.evaluationIntrouvable, "aucune évaluation le \(date) ; \(listed)"))
                }
                // A document about the final review cannot be made from a six-monthly one.
                if defaultFinal, !chosen.isFinal {
                    throw Diagnostics(.error(.evaluationNonFinale, "le document « \(document) » porte sur l'évaluation finale ; celle du \(date) est semestrielle"))
                }
                return (.evaluation(date), date)
            }
            if defaultFinal, let final = dossier.evaluations.last(where: \.isFinal) { return (.evaluation(final.date), final.date) }
            throw Diagnostics(.error(.evaluationIntrouvable, defaultFinal ? "aucune évaluation finale dans le dossier \(dossier.id) ; \(listed)"
                                  : "indiquez l'évaluation par sa date : --date AAAA-MM-JJ ; \(listed)"))
        case .renewal:
            let dates = dossier.sousLocation?.renouvellements.map(\.dateEffet) ?? []
            let listed = dates.isEmpty ? "le dossier \(dossier.id) n'enregistre aucun renouvellement" : "renouvellements : " + dates.map(\.description).joined(separator: ", ")
            guard let date else {
                throw Diagnostics(.error(.renouvellementIntrouvable, "indiquez le renouvellement par sa date d'effet : --date AAAA-MM-JJ ; \(listed)"))
            }
            guard dates.contains(date) else {
                throw Diagnostics(.error(.renouvellementIntrouvable, "aucun renouvellement ne commence le \(date) ; \(listed)"))
            }
            return (.renewal(date), date)
        }
    }

    /// Picks the template version in force on the act date (unless one is asked), then renders with
    /// the clause versions in force on that date.
    private func render(_ request: GenerationRequest, _ latest: CompiledTemplate, context: DataNode, audience: Audience,
                        files: CaseFiles, subject: String, event: CalendarDate?, actDate: CalendarDate?) throws(Diagnostics) -> ProducedDocument {
        let date = actDate ?? latest.referenceDatePaths.lazy.compactMap({ context.node(at: FieldPath(parsing: $0))?.date }).first
        var template = latest
        if request.templateVersion == nil, let date {
            template = try templateInForce(request.document, on: date)
        }
        let options = RenderOptions(draft: request.draft, audience: audience, clauseVersions: request.clauseVersions, referenceDate: date)
        let result = template.render(context: context, options: options)
        guard let document = result.document, !result.diagnostics.hasErrors else {
            var diagnostics = result.diagnostics
            if !request.draft, result.diagnostics.contains(where: { $0.code == .valeurManquante || $0.code == .mentionObligatoireAbsente }) {
                diagnostics.append(.warning(.projetPossible, "des valeurs ou des mentions obligatoires manquent : relancez avec --draft pour produire un projet marqué « PROJET » qui les nomme", at: nil))
            }
            var sources = Self.sources(of: diagnostics)
            if let d = files.dossier { sources[d.path] = d.source }
            sources[files.convention.path] = files.convention.source
            throw Diagnostics(diagnostics, sources: sources)
        }
        // An easy-to-read companion is checked against the easy-to-read rules, as its reader gets it.
        var easyRead: EasyRead.Report?
        var easyReadWarnings: [Diagnostic] = []
        if template.style == .easyRead {
            let report = EasyRead.check(document, style: template.style, names: EasyRead.names(in: context))
            let problems = report.problems.map { problem in
                Diagnostic(request.draft ? .warning : .error, .facileALire,
                           "règle du « facile à lire » non respectée (\(problem.rule.rawValue)) : \(problem.rule.french)\(problem.excerpt.isEmpty ? "" : " — \(problem.excerpt)")",
                           at: SourceLocation(file: template.name, line: 1, column: 1))
            }
            if !request.draft, !problems.isEmpty { throw Diagnostics(problems, sources: Self.sources(of: problems)) }
            easyReadWarnings = problems
            easyRead = report
        }
        var produced = ProducedDocument(document: document, template: template, audience: audience, subjectID: subject, eventDate: event,
                                 missingValues: result.missingValues, warnings: files.warnings + result.diagnostics + easyReadWarnings,
                                 clauses: result.clauses, referenceDate: result.referenceDate,
                                 visibleData: DataPruning.visible(context, for: audience), readPaths: result.readPaths,
                                 mentions: result.mentions, draftingNotes: result.draftingNotes, style: template.style)
        produced.easyRead = easyRead
        try Letterheads.apply(to: &produced, files: files, context: context)
        try Self.applyHouseStyle(request, files: files, to: &produced)
        return produced
    }

    /// The text of the template files the diagnostics point into.
    static func sources(of diagnostics: [Diagnostic]) -> [String: SourceText] {
        var sources: [String: SourceText] = [:]
        for file in Set(diagnostics.compactMap { $0.location?.file }) where file.hasSuffix(".trame") {
            if let text = try? String(contentsOfFile: file, encoding: .utf8) { sources[file] = SourceText(name: file, text: text) }
        }
        return sources
    }
}
