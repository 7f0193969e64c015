import Foundation
import Hummingbird
import TrameAccounts
import TrameArchive
import TrameAssembly
import TrameModel

/// `POST …/signe`: archives a signed PDF or scan as a new version of the document, with its
/// signatories and date, through the archive's own checks (`Workspace.addSigned`).
enum SignedUpload {
    static func archive(_ page: DocumentPage, form: FormBody, services: WebServices) throws -> Response {
        let session = page.opened.session
        guard let kind = DocumentKind(rawValue: page.instance.document) else {
            throw WebError.badRequest("Ce document ne s'archive pas (formulaire vierge).")
        }
        let audience = page.audience(form["destinataire"])
        if let asked = form["destinataire"], !asked.isEmpty, audience.rawValue != asked {
            try services.journal(session, "acces-refuse", dossier: page.opened.dossier.id, subject: page.instance.document)
            throw WebError.forbidden("Votre rôle ne permet pas d'archiver ce document pour ce destinataire.")
        }
        var errors: [(field: String, message: String)] = []
        let upload = form.file("fichier")
        if upload == nil { errors.append(("fichier", "Choisissez le fichier signé (PDF, PNG, JPEG ou TIFF).")) }
        // The date picker sends 2020-03-14; typed as the pages show it, 14/03/2020.
        let signedOn = form["signe_le"].flatMap { CalendarDate(iso: FrenchInput.date($0.trimmingCharacters(in: .whitespaces))) }
        if signedOn == nil { errors.append(("signe_le", "Date de signature : une date existante est attendue (par exemple 14/03/2020).")) }
        let signatories = (form["signataires"] ?? "").split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if signatories.isEmpty { errors.append(("signataires", "Indiquez au moins un signataire (un par ligne : « Prénom Nom (qualité) »).")) }
        guard let upload, let signedOn, errors.isEmpty else {
            return try page.render(audience: audience, fieldErrors: errors, status: .unprocessableContent)
        }
        let reason = form["motif"].flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        let generated = form["genere"].flatMap { $0.isEmpty ? nil : $0 }
        let workspace = try services.workspace(for: session.account)
        if let generated {
            let visible = try ArchiveView(opened: page.opened, workspace: workspace, today: services.today).generated(kind: kind)
            guard visible.contains(where: { $0.sha256 == generated }) else { throw WebError.forbidden("Document généré inconnu ou non accessible.") }
        }
        let request = SignedDocumentRequest(ownerID: page.opened.dossier.id, documentKind: kind, signedOn: signedOn,
                                            signatories: signatories, reason: reason, generated: generated,
                                            evaluationDate: kind.isEvaluation ? page.instance.date : nil, audience: audience)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trame-web-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(UploadName.safe(upload.fileName, fallback: "document-signe"))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try upload.data.write(to: file)
        let result: SignedAddResult
        do {
            result = try workspace.addSigned(fileURL: file, request: request)
        } catch let error as Diagnostic {
            try services.journal(session, "archive-signe-refuse", dossier: page.opened.dossier.id, subject: kind.rawValue, detail: ["code": error.code.rawValue])
            // The archive names the version already holding these bytes: it may be another
            // landlord's dossier or another audience's scan, which the partner must not learn.
            let message = error.code == .dejaArchive
                ? "Ce fichier est déjà archivé pour un autre document : un même fichier ne s'archive qu'une fois. Vérifiez que vous avez choisi le bon fichier."
                : error.message
            return try page.render(audience: audience, errors: [message], status: .unprocessableContent)
        }
        try services.journal(session, "archive-signe", dossier: page.opened.dossier.id, subject: result.version.ref,
                             detail: ["signe_le": signedOn.description, "nouvelle": result.isNew ? "oui" : "non"])
        return Pages.redirect(page.href + (page.href.contains("?") ? "&" : "?") + "signe=\(result.version.sha256)")
    }
}
