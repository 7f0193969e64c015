import Foundation
import Hummingbird
import TrameAccounts
import TrameArchive
import TrameAssembly
import TrameDocument
import TrameModel
import TrameProcedure
import TrameTemplates

/// `GET /dossiers/:id`: the data by section as the role may see it, the documents and their
/// archive, the dossier's versions and its deadlines.
enum DossierPageRoutes {
    static let notices = [
        "cree": "Dossier créé : version 1 enregistrée.", "enregistre": "Modifications enregistrées : nouvelle version du dossier.",
        "identique": "Aucune modification : la version en vigueur est inchangée.",
        "importe": "Fichier importé et enregistré tel quel comme nouvelle version.",
        "deja": "Ce fichier est identique à la version en vigueur : rien n'a été enregistré.",
    ]

    static func register(on router: Router<WebContext>, services: WebServices) {
        router.get("/dossiers/:id") { request, context -> Response in
            try await services.offload {
                let session = try context.requireSession()
                let opened = try services.open(try context.parameters.require("id"), session: session)
                try services.journal(session, "consultation", dossier: opened.dossier.id, subject: "v\(opened.stored.version.version)")
                let notice = request.uri.queryParameters["ok"].flatMap { notices[String($0)] }
                let person = "\(opened.dossier.sousLocataire.prenom) \(opened.dossier.sousLocataire.nom)"
                // The archive as it stands (its rows and the state of their files on disk) is read at every
                // view; the rest of the page is rendered again only when the dossier, the conventions, the
                // role, the day or that archive changed: a save of another dossier costs this page nothing.
                let archive = ArchiveView(opened: opened, workspace: try services.workspace(for: session.account), today: services.today)
                let signed = try archive.signed(), generated = try archive.generated()
                let archiveKey = (signed.map { "s\($0.sha256) \(archive.integrity(.signed($0)).text)" }
                    + generated.map { "g\($0.sha256) \(archive.integrity(.generated($0)).text)" }).joined(separator: ",")
                let account = session.account
                let base = ["dossier", opened.dossier.id, account.role.rawValue, account.landlord ?? "", services.today.description]
                    .joined(separator: "|")
                let index = [opened.stored.version.sha256, String(opened.stored.version.version),
                             String(opened.cases.snapshot.versionCounts[opened.dossier.id] ?? 0), opened.cases.conventionsKey, archiveKey]
                    .joined(separator: "|")
                let body = try services.dossierPages.body(base, index: index) {
                    services.pages.body("dossier", for: account, try page(opened, services: services, archive: archive, signed: signed, generated: generated))
                }
                return services.pages.page(body: body, title: "Dossier \(opened.dossier.id) — \(person)", session: session, notice: notice)
            }
        }
    }

    /// The page's values, with the archive already read (`archive.signed()`, `archive.generated()`).
    static func page(_ opened: OpenedDossier, services: WebServices, archive: ArchiveView, signed: [SignedVersion],
                     generated: [GeneratedDocument]) throws -> [String: Any] {
        let today = services.today, clearance = opened.clearance, dossier = opened.dossier
        let account = opened.session.account
        let workspace = archive.workspace
        let convention = opened.stored.convention
        // Parties and the convention by name; a landlord never gets the health establishment's.
        let words = PlainWords(conventions: convention.map { [$0] } ?? [], clearance: clearance)
        let names = words.parties.merging(words.conventions) { party, _ in party }
        let visible = clearance.visibleData(of: dossier, today: today, careParties: convention.map(DisclosurePolicy.careParties(of:)))
        let view = DataView(parties: names, evaluationLinks: EvaluationLinks(opened)).items(visible)
        let id = Paths.escape(dossier.id)

        let allowed = services.documents.documents(of: dossier, for: clearance, today: today)
        let documents = allowed.map { entry -> [String: Any] in
            // No rendering here: the clauses of a document are on its own page (issue 16: one dossier
            // page used to render every document of the dossier).
            let date = entry.instance.date.map { "?date=\($0)" } ?? ""
            return ["name": DocumentService.name(entry.instance.document) + (entry.instance.date.map { " du \(DataView.french($0))" } ?? ""),
                    "href": "/dossiers/\(id)/documents/\(entry.instance.document)\(date)",
                    "audiences": entry.audiences.map(PlainWords.audience).joined(separator: ", "), "audience": entry.audiences[0].rawValue]
        }
        let mayExport = clearance.mayReadAll(of: dossier, today: today)
        let versions = try workspace.recordVersions(.dossier, id: dossier.id).reversed().map { v -> [String: Any] in
            ["version": v.version, "file": v.fileName, "by": WebDates.actor(v.addedBy), "at": WebDates.local(v.addedAt), "sha": v.sha256,
             "export": mayExport, "href": "/dossiers/\(id)/export?version=\(v.version)", "first": v.version == 1]
        }
        let programme = Access.mayViewProgramme(account)
        let due = programme ? services.deadlines(of: opened.stored, cases: opened.cases, on: today) : []
        let deadlines: [[String: Any]] = due.map {
            ["date": DataView.french($0.date), "label": $0.label, "status": $0.status.text, "late": $0.status.isLate]
        }
        let summary = DossierSummary.data(
            opened, programme: programme, deadlines: due, today: today,
            documents: allowed.map { entry in
                (entry.instance.document, entry.instance.date,
                 "/dossiers/\(id)/documents/\(entry.instance.document)" + (entry.instance.date.map { "?date=\($0)" } ?? ""))
            },
            generated: generated.map { ($0, archive.evaluationDate(of: $0)) }, signed: signed)
        let diagnostics = Access.mayManageDossiers(account) ? opened.stored.diagnostics.map { $0.shown(to: clearance, words: words) } : []
        let technical = Access.showsTechnicalDetails(account) ? opened.stored.diagnostics.map(\.technical) : []
        return [
            "id": dossier.id, "items": view.items, "sections": view.sections, "documents": documents, "hasDocuments": !documents.isEmpty,
            "signed": archive.rows(signed: signed), "generated": archive.rows(generated: generated), "summary": summary,
            "versions": versions, "export": mayExport, "exportHref": "/dossiers/\(id)/export",
            "edit": Access.mayManageDossiers(account), "editHref": "/dossiers/\(id)/modifier",
            "programme": programme, "deadlines": deadlines, "noDeadline": deadlines.isEmpty,
            "diagnostics": diagnostics, "hasDiagnostics": !diagnostics.isEmpty,
            "technicalDiagnostics": technical, "hasTechnicalDiagnostics": !technical.isEmpty,
            "partial": !clearance.mayReadAll(of: dossier, today: today), "role": account.role.label,
        ]
    }

    /// The clauses a document holds for `audience`, and why (`trame clauses`): a draft rendering,
    /// so that the trace is there even while values are missing.
    /// What a draft rendering tells about a document: its clauses and why, its mandatory mentions
    /// (required, present) with their sources, and the notes for counsel its clauses carry.
    struct Trace {
        var clauses: [[String: Any]] = []
        var mentions: [[String: Any]] = []
        var notes: [[String: Any]] = []
        var errors: [String] = []
    }

    static func clauseTrace(_ opened: OpenedDossier, _ instance: DocumentInstance, audience: Audience,
                            services: WebServices) -> Trace {
        do {
            let produced = try services.documents.generate(opened.stored, cases: opened.cases, document: instance.document,
                                                           date: instance.date, audience: audience, draft: true,
                                                           today: services.today)
            return Trace(
                clauses: produced.clauses.map { ["id": $0.id, "version": $0.version, "title": $0.title, "included": $0.included, "reason": $0.reason] },
                mentions: produced.mentions.filter(\.required).map { ["label": $0.label, "source": $0.source, "present": $0.present] },
                notes: produced.draftingNotes.map { note in
                    ["place": note.article.map(Document.articleLabel) ?? "En tête du document", "text": note.text]
                })
        } catch {
            return Trace(errors: error.diagnostics.map { $0.shown(to: opened.clearance) })
        }
    }
}
