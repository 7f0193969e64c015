import Foundation
import Hummingbird
import TrameAccounts
import TrameArchive
import TrameModel

/// The YAML file of a dossier: `POST /dossiers/importer` records an uploaded file as it is (its
/// first version keeps its bytes and comments); `GET /dossiers/:id/export` hands back a version's
/// original bytes to a role that may read every field it holds.
enum DossierFileRoutes {
    static func register(on router: Router<WebContext>, services: WebServices) {
        router.post("/dossiers/importer") { request, context -> Response in
            let session = try context.requireSession()
            try services.requireManager(session)
            let form = try await FormBody.read(request, context: context)
            try form.checkToken(of: session, request: request)
            guard let upload = form.file("fichier") else { throw WebError.badRequest("Choisissez un fichier YAML ou JSON à importer.") }
            return try await services.offloadDocuments { try importFile(upload, services: services, session: session) }
        }
        router.get("/dossiers/:id/export") { request, context -> Response in
            let session = try context.requireSession()
            var version: Int?
            if let asked = request.uri.queryParameters["version"] {
                // A version that is not a number is an error, never the current version in disguise.
                guard let number = Int(String(asked)), number >= 1 else {
                    throw WebError.notFound("Version « \(String(asked).prefix(20)) » inconnue : indiquez un numéro de version (1, 2…).")
                }
                version = number
            }
            let opened = try services.open(try context.parameters.require("id"), session: session, version: version)
            guard opened.clearance.mayReadAll(of: opened.dossier, today: services.today) else {
                try services.journal(session, "acces-refuse", dossier: opened.dossier.id, subject: "export")
                throw WebError.forbidden("Ce fichier contient des rubriques que votre rôle ne peut pas lire : il ne peut pas vous être remis.")
            }
            let v = opened.stored.version
            try services.journal(session, "export", dossier: v.id, subject: "v\(v.version)", detail: ["sha256": v.sha256])
            let type = v.fileName.lowercased().hasSuffix(".json") ? "application/json" : "application/yaml; charset=utf-8"
            return Pages.download(opened.stored.bytes, name: v.fileName, type: type)
        }
    }

    static func importFile(_ upload: MultipartPart, services: WebServices, session: Session) throws -> Response {
        let cases = try services.cases(for: session.account)
        guard upload.data.count <= WebLimits.dossierFileBytes else {
            try services.journal(session, "import-refuse", detail: ["octets": String(upload.data.count)])
            throw WebLimits.fileTooLarge(upload.data.count)
        }
        let name = UploadName.safe(upload.fileName, fallback: "dossier.yaml")
        let checked = cases.check(data: upload.data, name: name)
        let clearance = session.account.clearance
        var problems = checked.diagnostics + (checked.file.root.map(WebLimits.check(tree:)) ?? [])
        if checked.file.kind != .dossier, !problems.hasErrors {
            problems.append(.error(.typeFichier, "ce fichier n'est pas un dossier (clé « dossier » absente)", at: nil))
        }
        let id = checked.file.root?["dossier"]?.text ?? ""
        let workspace = try services.workspace(for: session.account)
        if !problems.hasErrors, let current = try cases.dossier(id), let dossier = current.dossier,
           !clearance.mayReadAll(of: dossier, today: services.today) {
            try services.journal(session, "acces-refuse", dossier: id, subject: "import")
            throw WebError.forbidden("Le dossier \(id) contient des rubriques que votre rôle ne voit pas : une nouvelle version importée pourrait les effacer. Modifiez-le avec le formulaire, ou demandez l'import à la coordination.")
        }
        if problems.hasErrors {
            try services.journal(session, "import-refuse", dossier: id.isEmpty ? nil : id, detail: ["fichier": name])
            let sorted = problems.sorted { ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0) }
            let rendered = sorted.map { $0.rendered(source: checked.file.source) }
            // In plain French for the partner, by line; the checks' own output (codes, source lines)
            // for the coordination's « Détails techniques » (issue 16).
            let words = PlainWords(cases: cases, clearance: clearance)
            let plain = sorted.map { d -> [String: Any] in
                ["text": d.shown(to: clearance, words: words), "line": d.location.map { "Ligne \($0.line) : " } ?? ""]
            }
            return services.pages.page("import", title: "Import refusé", session: session,
                                       data: ["file": name, "diagnostics": rendered, "problems": plain,
                                              "count": problems.filter { $0.severity == .error }.count],
                                       status: .unprocessableContent)
        }
        let result: RecordAddResult
        do {
            result = try workspace.addRecord(data: upload.data, fileName: name)
        } catch let error as Diagnostic {
            throw WebError(error, title: "Import refusé")
        }
        try services.journal(session, "import", dossier: id, subject: "v\(result.version.version)",
                             detail: ["fichier": name, "sha256": result.version.sha256])
        return Pages.redirect("/dossiers/\(Paths.escape(id))?ok=\(result.isNew ? "importe" : "deja")")
    }
}
