import ArgumentParser
import Foundation
import TrameArchive
import TrameAssembly
import TrameModel
import TrameProcedure
import TrameTemplates

extension TrameCommand {
    /// `trame clauses …`: which clauses a document holds and why; impact of a clause change; the lock.
    struct Clauses: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Les clauses des documents : lesquelles s'appliquent et pourquoi, impact d'une modification, empreintes.",
            subcommands: [List.self, Impact.self, Lock.self],
            defaultSubcommand: List.self
        )
    }
}

extension TrameCommand.Clauses {
    /// `trame clauses [DOCUMENT] --dossier FILE [--json]`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Liste, dans l'ordre, chaque clause que le document considère : version, incluse ou non, et la raison.",
            discussion: """
                Sans DOCUMENT : toutes les pièces du dossier (une par évaluation, par renouvellement…).
                La raison cite la condition et les valeurs qui l'ont décidée (logement.meuble = oui).
                Avec --mentions : les mentions obligatoires du document, chacune avec sa source juridique, \
                la clause qui la porte et, pour le dossier, si l'acte l'exige et si elle y figure. \
                Sans --dossier ni --convention, --mentions liste les mentions que le gabarit déclare.
                """
        )

        @Argument(help: "Le document (par défaut : tous les documents du dossier).")
        var document: String?

        @Option(help: "Le dossier du ménage.")
        var dossier: String?

        @Option(help: "La convention (documents du partenariat, ou pour imposer celle du dossier).")
        var convention: String?

        @Option(help: "Date de l'évaluation ou du renouvellement (AAAA-MM-JJ).")
        var date: CalendarDate?

        @Option(help: "Destinataire.")
        var audience: Audience?

        @Option(name: .customLong("as-of"), help: "Les clauses en vigueur ce jour-là (AAAA-MM-JJ) plutôt qu'à la date de chaque acte.")
        var asOf: CalendarDate?

        @Flag(help: "Liste les mentions obligatoires du document et leurs sources plutôt que ses clauses.")
        var mentions = false

        @Flag(help: "Sortie JSON : un tableau d'objets id, version, inclus, raison.")
        var json = false

        func validate() throws {
            if mentions, document != nil { return }
            if dossier == nil && convention == nil { throw ValidationError("indiquez --dossier FICHIER ou --convention FICHIER") }
        }

        func run() throws {
            let generator = Generator(templatesDirectory: try Resources.templates())
            if mentions { return try listMentions(generator) }
            let rows: [ClauseTable.Row]
            do {
                rows = try collect(generator)
            } catch {
                throw error
            }
            if json { return MachineOutput.print(ClauseTable.json(rows, withDocument: document == nil)) }
            print(ClauseTable.text(rows))
        }

        /// `--mentions`: for a dossier, what each act requires and holds; without one, what the template declares.
        private func listMentions(_ generator: Generator) throws {
            var rows: [MentionTable.Row] = []
            if dossier == nil && convention == nil, let document {
                let template = try generator.template(document)
                rows = template.mentions.map { m in
                    let when = [m.conditionText.map { "quand \($0)" }, m.audiences.map { "pour " + $0.map(\.rawValue).joined(separator: ", ") }].compactMap { $0 }
                    return MentionTable.Row(document: document, date: nil,
                                            check: MentionCheck(id: m.id, label: m.label, source: m.source, clauses: m.clauses, required: true, present: false,
                                                                reason: when.isEmpty ? "toujours" : when.joined(separator: " ; ")),
                                            declaredOnly: true)
                }
            } else {
                for instance in try instances(generator) {
                    let request = GenerationRequest(document: instance.document, dossierPath: dossier, conventionPath: convention,
                                                    draft: true, audience: audience, date: instance.date, asOf: asOf, today: nil)
                    let produced = try generator.generate(request)
                    rows += produced.mentions.map { MentionTable.Row(document: instance.document, date: instance.date, check: $0, declaredOnly: false) }
                }
            }
            if json { return MachineOutput.print(MentionTable.json(rows)) }
            print(MentionTable.text(rows))
        }

        private func instances(_ generator: Generator) throws(Diagnostics) -> [DocumentInstance] {
            if let document { return [DocumentInstance(document: document, date: date)] }
            if let dossier {
                let files = try CaseFiles.load(dossierPath: dossier, conventionOverride: convention)
                return generator.documents(for: Dossier(checked: files.dossier!.root!))
            }
            return generator.partnershipDocuments.map { DocumentInstance(document: $0, date: nil) }
        }

        /// Renders each document as a draft (the trace is wanted even when values are missing) and keeps its clauses.
        private func collect(_ generator: Generator) throws(Diagnostics) -> [ClauseTable.Row] {
            let instances: [DocumentInstance]
            if let document {
                instances = [DocumentInstance(document: document, date: date)]
            } else if let dossier {
                let files = try CaseFiles.load(dossierPath: dossier, conventionOverride: convention)
                instances = generator.documents(for: Dossier(checked: files.dossier!.root!))
            } else {
                instances = generator.partnershipDocuments.map { DocumentInstance(document: $0, date: nil) }
            }
            var rows: [ClauseTable.Row] = []
            for instance in instances {
                let request = GenerationRequest(document: instance.document, dossierPath: dossier, conventionPath: convention,
                                                draft: true, audience: audience, date: instance.date, asOf: asOf, today: nil)
                let produced = try generator.generate(request)
                rows += produced.clauses.map { ClauseTable.Row(document: instance.document, date: instance.date, use: $0) }
            }
            return rows
        }
    }

    /// `trame clauses impact CLAUSE-ID [--since VERSION] [--in DIR…]`.

    struct Impact: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Liste les documents générés qui contiennent une version antérieure d'une clause (avenants à prévoir).",
            discussion: """
                Cherche les manifestes (*.manifest.json) sous les dossiers indiqués (par défaut : le dossier courant) et, \
                avec --archive, les documents générés enregistrés dans l'espace de travail.
                """
        )

        @Argument(help: "L'identifiant de la clause (sous-location.depot-garantie).")
        var clause: String

        @Option(name: .customLong("since"), help: "Version de référence : sont listés les documents qui tiennent une version antérieure (par défaut : la dernière).")
        var since: Int?

        @Option(name: .customLong("in"), help: "Dossier où chercher les manifestes (répétable).")
        var directories: [String] = []

        /// Without `--in`, the current folder is searched unless only the archive was asked for.
        var roots: [URL] {
            if directories.isEmpty { return searchArchive ? [] : [URL(fileURLWithPath: ".")] }
            return directories.map { URL(fileURLWithPath: $0) }
        }

        @Flag(help: "Sortie JSON.")
        var json = false

        @Flag(name: .customLong("archive"), help: "Cherche aussi parmi les documents générés enregistrés dans l'espace de travail.")
        var searchArchive = false

        @OptionGroup var workspaceOptions: WorkspaceOptions

        func run() throws {
            let templates = try Resources.templates()
            let versions = ClauseResolver.directory(templates.path).versions(of: clause)
            guard let latest = versions.last?.version else {
                var message = "clause inconnue « \(clause) »"
                let ids = Set(ClauseResolver.all(in: templates.path).map(\.id)).sorted()
                if let near = Suggestions.nearest(to: clause, among: ids) { message += " ; vouliez-vous dire « \(near) » ?" }
                throw Diagnostic.error(.clauseInconnue, message)
            }
            let below = since ?? latest
            var hits = ClauseImpact.scan(roots, clause: clause, below: below)
            if searchArchive {
                let workspace = try workspaceOptions.open()
                let documents = try workspace.generatedDocuments()
                for document in documents {
                    guard let data = workspace.manifestData(of: document), let manifest = try? Manifest.read(data) else { continue }
                    hits += ClauseImpact.matches(manifest, clause: clause, below: below, source: "archive \(document.ref)")
                }
            }
            if json {
                return MachineOutput.print(.array(hits.map { hit in
                    .object([("clause", .string(hit.clause)), ("version", .int(hit.version)), ("document", .string(hit.document)),
                             ("sujet", .string(hit.subject)), ("evenement", .optional(hit.event)), ("source", .string(hit.source))])
                }))
            }
            print("Clause \(clause) : version actuelle \(latest) ; documents tenant une version antérieure à \(below) : \(hits.count)")
            for hit in hits {
                print("  \(hit.subject)  \(hit.document)\(hit.event.map { " (\($0))" } ?? "")  version \(hit.version)  \(hit.source)")
            }
        }
    }

    /// `trame clauses lock`: records the hashes of new clause versions.
    struct Lock: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lock",
            abstract: "Enregistre dans Templates/clauses.lock l'empreinte des nouvelles versions de clauses (sans jamais modifier une ligne existante)."
        )

        func run() throws {
            let templates = try Resources.templates()
            var lock = ClauseLock(templatesDirectory: templates)
            let sources = ClauseResolver.all(in: templates.path)
            let problems = lock.problems(with: sources)
            let refused = problems.compactMap { problem -> Diagnostic? in
                switch problem {
                case .changed(let r):
                    return .error(.clauseModifiee, "le texte d'une version verrouillée a changé ; rétablissez-le et écrivez une nouvelle version", subject: "\(r)")
                case .missing(let r):
                    return .error(.clauseDisparue, "une version verrouillée a disparu ; rétablissez son fichier", subject: "\(r)")
                case .unlocked: return nil
                }
            }
            guard refused.isEmpty else { throw Diagnostics(refused) }
            let added = try lock.lockNewVersions(sources)
            print(added.isEmpty ? "rien de nouveau : \(lock.entries.count) versions déjà verrouillées"
                                : "verrouillé : " + added.joined(separator: ", "))
        }
    }
}

/// The mandatory mentions as an aligned table or JSON.
enum MentionTable {
    struct Row {
        let document: String
        let date: CalendarDate?
        let check: MentionCheck
        /// Listed from the template alone (no dossier): nothing was checked.
        let declaredOnly: Bool
    }

    static func text(_ rows: [Row]) -> String {
        guard !rows.isEmpty else { return "aucune mention obligatoire déclarée" }
        let checked = !(rows.first?.declaredOnly ?? true)
        let header = ["Document", "Mention", "Source", "Clause"] + (checked ? ["Exigée", "Présente"] : []) + [checked ? "Raison" : "Exigée"]
        let cells = rows.map { row in
            [row.document + (row.date.map { " (\($0))" } ?? ""), row.check.label, row.check.source, row.check.clauses.joined(separator: " ou ")]
                + (checked ? [row.check.required ? "oui" : "non", row.check.present ? "oui" : (row.check.isMissing ? "NON — manquante" : "non")] : [])
                + [row.check.reason]
        }
        var table = TextTable(header: header)
        cells.forEach { table.add($0) }
        var lines = [String(table.render().dropLast())]
        let missing = rows.filter { !$0.declaredOnly && $0.check.isMissing }.count
        if checked { lines.append(missing == 0 ? "Toutes les mentions exigées sont présentes." : "\(missing) mention\(missing > 1 ? "s" : "") exigée\(missing > 1 ? "s" : "") absente\(missing > 1 ? "s" : "") : le document définitif sera refusé.") }
        return lines.joined(separator: "\n")
    }

    /// One object per mention: `document`, `date`, `id`, `libelle`, `source`, `clauses`, and when a
    /// dossier was given `exigee`, `presente`, `raison` (else `condition`: when it is required).
    static func json(_ rows: [Row]) -> JSONValue {
        .array(rows.map { row in
            var fields: [(String, JSONValue)] = [("document", .string(row.document)), ("date", .date(row.date)), ("id", .string(row.check.id)),
                                                 ("libelle", .string(row.check.label)), ("source", .string(row.check.source)),
                                                 ("clauses", .array(row.check.clauses.map { .string($0) }))]
            if row.declaredOnly {
                fields.append(("condition", .string(row.check.reason)))
            } else {
                fields += [("exigee", .bool(row.check.required)), ("presente", .bool(row.check.present)), ("raison", .string(row.check.reason))]
            }
            return .object(fields)
        })
    }
}

/// The clause listing as an aligned table or JSON.
enum ClauseTable {
    struct Row {
        let document: String
        let date: CalendarDate?
        let use: ClauseUse
    }

    static func text(_ rows: [Row]) -> String {
        let header = ["Document", "Clause", "Version", "Incluse", "En vigueur", "Raison"]
        let cells = rows.map { row in
            [row.document + (row.date.map { " (\($0))" } ?? ""), row.use.id, String(row.use.version), row.use.included ? "oui" : "non",
             row.use.effectiveDate + " → " + (row.use.until ?? "…"), row.use.reason]
        }
        var table = TextTable(header: header)
        cells.forEach { table.add($0) }
        return String(table.render().dropLast())
    }

    /// One object per clause: `document` and `date` (null when the document has none) when every
    /// document is listed, then `id`, `version`, `inclus`, `raison`, and the legal period that chose
    /// the version: `en_vigueur`, `jusqu_au`, `source`, `choix`.
    static func json(_ rows: [Row], withDocument: Bool) -> JSONValue {
        .array(rows.map { row in
            let use: [(String, JSONValue)] = [("id", .string(row.use.id)), ("version", .int(row.use.version)),
                                              ("inclus", .bool(row.use.included)), ("raison", .string(row.use.reason)),
                                              ("en_vigueur", .string(row.use.effectiveDate)), ("jusqu_au", .optional(row.use.until)),
                                              ("source", .optional(row.use.source)), ("choix", .string(row.use.selection))]
            return .object((withDocument ? [("document", .string(row.document)), ("date", .date(row.date))] : []) + use)
        })
    }
}
