import Foundation
import Hummingbird
import TrameAccounts
import TrameArchive
import TrameAssembly
import TrameModel

/// `GET /convention` and `POST /convention/:id/documents/:document/generer`: the partnership's own
/// documents (audience `partenaires`: every role), generated from the workspace's convention.
enum ConventionRoutes {
    static func register(on router: Router<WebContext>, services: WebServices) {
        router.get("/convention") { request, context -> Response in
            let session = try context.requireSession()
            let cases = try services.cases(for: session.account)
            let workspace = try services.workspace(for: session.account)
            let documents = services.generator.partnershipDocuments.filter { doc in
                services.documents.audiences(doc).contains { session.account.clearance.mayReceive($0) }
            }
            let blocks = try cases.conventions.keys.sorted().map { id -> [String: Any] in
                let convention = cases.conventions[id]!.file.root.map(Convention.init(checked:))
                let generated = try workspace.generatedDocuments(ownerID: id).filter { session.account.clearance.mayReceive($0.audience) }
                let signed = try workspace.signedVersions(ownerID: id).filter { session.account.clearance.mayReceive($0.audience) }
                return [
                    "id": id, "title": convention?.intitule ?? id, "territory": convention?.territoire ?? "",
                    "needs": convention?.besoinsIdentifies ?? 0, "draft": convention?.dateSignature == nil,
                    "parties": convention?.parties.map { ["id": $0.id, "name": $0.denomination, "role": PlainWords.roleLabel($0.role)] } ?? [],
                    "documents": documents.map { ["name": DocumentService.name($0), "action": "/convention/\(Paths.escape(id))/documents/\($0)/generer",
                                                   "key": "document-\(id)-\($0)"] },
                    "generated": generated.map { ["ref": $0.ref, "document": $0.documentKind.french, "format": $0.format.uppercased(),
                                                  "name": "\(WebDates.capitalized($0.documentKind.french)) (\($0.format.uppercased()))",
                                                  "at": WebDates.local($0.addedAt), "href": "/fichiers/\($0.sha256)"] },
                    "signed": signed.map { ["ref": $0.ref, "signedOn": WebDates.day($0.signedOn), "href": "/fichiers/\($0.sha256)",
                                            "name": "\(WebDates.capitalized($0.documentKind.french)), version signée \($0.version) (\($0.mediaType.french))"] },
                ]
            }
            try services.journal(session, "consultation", subject: "convention")
            let notice = request.uri.queryParameters["genere"] != nil ? "Document généré et enregistré dans l'archive." : nil
            return services.pages.page("convention", title: "Convention et documents du partenariat", session: session, data: [
                "conventions": blocks, "empty": blocks.isEmpty, "csrf": session.csrfToken,
                "formats": ProducedFormat.deliverable.map { ["value": $0.rawValue, "label": $0.rawValue.uppercased()] },
            ], notice: notice)
        }
        router.post("/convention/:id/documents/:document/generer") { request, context -> Response in
            let session = try context.requireSession()
            let form = try await FormBody.read(request, context: context)
            try form.checkToken(of: session, request: request)
            let id = try context.parameters.require("id"), document = try context.parameters.require("document")
            return try await services.offloadDocuments {
                let cases = try services.cases(for: session.account)
                guard cases.conventions[id] != nil, services.generator.partnershipDocuments.contains(document),
                      services.documents.audiences(document).allSatisfy({ session.account.clearance.mayReceive($0) }) else {
                    throw WebError.notFound("Document ou convention introuvable.")
                }
                guard let format = form["format"].flatMap(ProducedFormat.init(rawValue:)), ProducedFormat.deliverable.contains(format) else {
                    throw WebError.badRequest("Format inconnu.")
                }
                let draft = form["projet"] != nil
                do {
                    let produced = try services.generator.generate(GenerationRequest(document: document, conventionPath: cases.conventionPath(id), draft: draft,
                                                                                                     today: services.today))
                    let workspace = try services.workspace(for: session.account)
                    let (data, recorded) = try services.documents.record(produced, format: format, draft: draft, ownerID: id,
                                                                         sourceSHA256: nil, workspace: workspace)
                    try services.journal(session, "generation", subject: recorded?.ref ?? document, detail: ["document": document, "format": format.rawValue])
                    if let recorded { return Pages.redirect("/convention?genere=\(recorded.sha256)") }
                    return Pages.download(data, name: "\(produced.baseName).\(format.fileExtension)", type: MediaType.forGenerated(format: format.rawValue).value)
                } catch let failure as Diagnostics {
                    let message = failure.category == .unavailable ? "LibreOffice (soffice) n'est pas installé : le PDF est indisponible."
                        : failure.diagnostics.map(\.headline).joined(separator: " ; ")
                    throw WebError(status: HTTPResponse.Status(code: failure.category.httpStatus), title: "Génération impossible", message: message)
                }
            }
        }
    }
}
