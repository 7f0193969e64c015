import Foundation
import Hummingbird
import TrameAccounts
import TrameArchive
import TrameAssembly
import TrameModel
import TrameTemplates

/// One document of a dossier as a partner may have it: its clause trace, generation, archive.
struct DocumentPage {
    let opened: OpenedDossier
    let instance: DocumentInstance
    /// The audiences the partner may have it for (never empty).
    let audiences: [Audience]
    let services: WebServices
    /// The withdrawal of the evaluation the document is about, when withdrawn: its page stays, for
    /// the archived documents, but nothing more can be produced (issue 16).
    let withdrawal: Dossier.Withdrawal?

    /// Finds the document `document` (for the event `date`) among the dossier's documents the
    /// partner may have, or a document of a withdrawn evaluation; otherwise « introuvable ».
    init(opened: OpenedDossier, document: String, date: String?, services: WebServices) throws {
        let day = date.flatMap { $0.isEmpty ? nil : CalendarDate(iso: $0) }
        let entries = services.documents.documents(of: opened.dossier, for: opened.clearance, today: services.today)
        let withdrawn = opened.dossier.withdrawnEvaluations.first { $0.date == day && day != nil }
        self.withdrawal = withdrawn?.retrait
        guard let entry = entries.first(where: { $0.instance.document == document && $0.instance.date == day })
                ?? withdrawn.flatMap({ Self.withdrawnEntry(document, $0, opened: opened, services: services) }) else {
            try services.journal(opened.session, "acces-refuse", dossier: opened.dossier.id, subject: document)
            throw WebError.notFound("Ce document n'existe pas pour ce dossier, ou votre rôle ne permet pas de l'obtenir.")
        }
        self.opened = opened
        self.instance = entry.instance
        self.audiences = entry.audiences
        self.services = services
    }

    /// The page of a document about a withdrawn evaluation, for the audiences the partner may have.
    private static func withdrawnEntry(_ document: String, _ evaluation: Dossier.Evaluation, opened: OpenedDossier,
                                       services: WebServices) -> (instance: DocumentInstance, audiences: [Audience])? {
        guard document == "evaluation" || (document == "evaluation-finale" && evaluation.isFinal) else { return nil }
        let instance = DocumentInstance(document: document, date: evaluation.date)
        let audiences = services.documents.allowedAudiences(instance, of: opened.dossier, for: opened.clearance, today: services.today)
        return audiences.isEmpty ? nil : (instance, audiences)
    }

    private var base: String { "/dossiers/\(Paths.escape(opened.dossier.id))/documents/\(instance.document)" }
    private var query: String { instance.date.map { "?date=\($0)" } ?? "" }
    var href: String { base + query }

    var title: String {
        "\(DocumentService.name(instance.document).prefix(1).uppercased())\(DocumentService.name(instance.document).dropFirst())"
            + (instance.date.map { " du \(DataView.french($0))" } ?? "") + " — dossier \(opened.dossier.id)"
    }

    /// The audience asked for, if the partner may have it; else the first allowed.
    func audience(_ asked: String?) -> Audience {
        asked.flatMap(Audience.init(rawValue:)).flatMap { audiences.contains($0) ? $0 : nil } ?? audiences[0]
    }

    /// The page, with the clause trace for `audience` (a draft rendering: the trace is wanted even
    /// when values are missing) and the messages of a failed action.
    /// `fieldErrors`: the sign form's errors, by field id (`signe_le`), linked from the error summary.
    func render(audience: Audience, notice: String? = nil, link: String? = nil, errors: [String] = [],
                fieldErrors: [(field: String, message: String)] = [], status: HTTPResponse.Status = .ok) throws -> Response {
        let workspace = try services.workspace(for: opened.session.account)
        let trace = DossierPageRoutes.clauseTrace(opened, instance, audience: audience, services: services)
        let (clauses, traceErrors) = (trace.clauses, trace.errors)
        let kind = DocumentKind(rawValue: instance.document)
        let archive = ArchiveView(opened: opened, workspace: workspace, today: services.today)
        let generated = try kind.map { try archive.generated(kind: $0) } ?? []
        let signed = try kind.map { k in try archive.signed(kind: k).filter { $0.evaluationDate == instance.date?.description } } ?? []
        var generatedRows = archive.rows(generated: generated), signedRows = archive.rows(signed: signed)
        try EvaluationChanges(opened: opened, date: instance.date, kind: kind, workspace: workspace)?
            .annotate(generated: &generatedRows, generated, signed: &signedRows, signed)
        let withdrawnText = withdrawal.map { "Cette évaluation a été retirée le \(DataView.french($0.date)) : aucun document ne peut plus en être produit. Les documents déjà archivés restent consultables ci-dessous." }
        let data: [String: Any] = [
            "action": base + "/generer" + query, "href": href, "signAction": base + "/signe" + query, "date": instance.date?.description ?? "",
            "csrf": opened.session.csrfToken, "audience": audience.rawValue, "dossierHref": "/dossiers/\(Paths.escape(opened.dossier.id))",
            "audiences": audiences.map { ["value": $0.rawValue, "label": PlainWords.audience($0), "selected": $0 == audience] as [String: Any] },
            "audienceLabel": PlainWords.audience(audience),
            "formats": ProducedFormat.deliverable.map { ["value": $0.rawValue, "label": $0.rawValue.uppercased()] },
            "clauses": clauses, "hasClauses": !clauses.isEmpty, "traceErrors": traceErrors,
            "mentions": trace.mentions, "hasMentions": !trace.mentions.isEmpty,
            "missingMentions": trace.mentions.filter { $0["present"] as? Bool == false }.count,
            "hasMissingMentions": trace.mentions.contains { $0["present"] as? Bool == false },
            "notes": trace.notes, "hasNotes": !trace.notes.isEmpty,
            "generated": generatedRows, "hasGenerated": !generated.isEmpty,
            "signed": signedRows, "hasSigned": !signed.isEmpty,
            "previewAction": base + "/apercu", "hasDate": instance.date != nil,
            "withdrawn": withdrawal != nil, "withdrawnText": withdrawnText ?? "",
            "archivable": kind != nil, "evaluation": kind?.isEvaluation ?? false,
            "errors": errors.map { ["text": $0, "hasField": false, "field": ""] } + fieldErrors.map { ["text": $0.message, "hasField": true, "field": $0.field] },
            "hasErrors": !errors.isEmpty || !fieldErrors.isEmpty, "errorCount": errors.count + fieldErrors.count, "isForm": !fieldErrors.isEmpty,
            "invalid": Dictionary(fieldErrors.map { ($0.field, $0.message) }) { first, _ in first },
            "link": link ?? "", "hasLink": link != nil,
            "today": services.today.description,
        ]
        return services.pages.page("document", title: title, session: opened.session, data: data, status: status, notice: notice)
    }
}
