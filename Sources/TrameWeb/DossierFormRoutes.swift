import Foundation
import Hummingbird
import TrameAccounts
import TrameArchive
import TrameModel

/// The dossier form: `GET|POST /dossiers/nouveau`, `GET|POST /dossiers/:id/modifier`.
///
/// A submitted form is written as a dossier file, checked by the code of `trame check`, and
/// recorded as a new version only without errors; otherwise the form comes back with everything
/// typed and each diagnostic next to its field.
enum DossierFormRoutes {
    static func register(on router: Router<WebContext>, services: WebServices) {
        router.get("/dossiers/nouveau") { _, context -> Response in
            let session = try context.requireSession()
            try services.requireManager(session)
            let cases = try services.cases(for: session.account)
            var values: [String: String] = ["etape": "proposition"]
            if cases.conventions.count == 1, let id = cases.conventions.keys.first { values["convention"] = id }
            try services.journal(session, "formulaire", subject: "nouveau dossier")
            if let kept = services.pendingForms.take(token: session.token, path: "/dossiers/nouveau") {
                return formPage(services, session: session, cases: cases, values: typed(kept), diagnostics: [], existing: nil,
                                status: .ok, notice: resumedNotice)
            }
            return formPage(services, session: session, cases: cases, values: values, diagnostics: [], existing: nil, status: .ok)
        }
        router.post("/dossiers/nouveau") { request, context -> Response in
            let session = try context.requireSession()
            try services.requireManager(session)
            let form = try await FormBody.read(request, context: context)
            try form.checkToken(of: session, request: request)
            return try await services.offload { try save(services, session: session, form: form, existing: nil) }
        }
        router.get("/dossiers/:id/modifier") { _, context -> Response in
            let session = try context.requireSession()
            try services.requireManager(session)
            let opened = try services.open(try context.parameters.require("id"), session: session)
            try services.journal(session, "formulaire", dossier: opened.dossier.id, subject: "v\(opened.stored.version.version)")
            let path = "/dossiers/\(Paths.escape(opened.dossier.id))/modifier"
            if let kept = services.pendingForms.take(token: session.token, path: path) {
                return formPage(services, session: session, cases: opened.cases, values: typed(kept), diagnostics: [], existing: opened,
                                status: .ok, notice: resumedNotice, base: kept.first { $0.name == "_base" }?.value)
            }
            return formPage(services, session: session, cases: opened.cases, values: DossierForm.values(of: opened.dossier.data),
                            diagnostics: opened.stored.diagnostics, existing: opened, status: .ok)
        }
        router.post("/dossiers/:id/modifier") { request, context -> Response in
            let session = try context.requireSession()
            try services.requireManager(session)
            let id = try context.parameters.require("id")
            let form = try await FormBody.read(request, context: context)
            try form.checkToken(of: session, request: request)
            return try await services.offload {
                try save(services, session: session, form: form, existing: try services.open(id, session: session))
            }
        }
    }

    /// Checks and records a submitted form, or shows it again with its diagnostics.
    static func save(_ services: WebServices, session: Session, form: FormBody, existing: OpenedDossier?) throws -> Response {
        var values = typed(form.fields)
        if let existing { values["dossier"] = existing.dossier.id }
        let cases = try existing?.cases ?? services.cases(for: session.account)
        let submission = DossierSubmission(clearance: session.account.clearance, values: values, original: existing?.dossier.data)
        let data = submission.file()
        let id = (values["dossier"] ?? "").trimmingCharacters(in: .whitespaces)
        let fileName = "dossier-\(safeName(String(id.prefix(WebLimits.identifierCharacters)))).yaml"
        let oversized = WebLimits.check(form: values)
        let checked = oversized.isEmpty ? cases.check(data: data, name: fileName) : nil
        var diagnostics = checked?.diagnostics ?? oversized
        if oversized.isEmpty, data.count > WebLimits.dossierFileBytes {
            diagnostics.append(.error(.tropVolumineux, "le dossier dépasserait \(WebLimits.dossierFileBytes / 1_000_000) Mo : raccourcissez les textes", at: nil))
        }
        let workspace = try services.workspace(for: session.account)
        if existing == nil, !id.isEmpty, try workspace.currentRecord(.dossier, id: id) != nil {
            diagnostics.append(.error(.identifiantPris, path: FieldPath(parsing: "dossier"), "un dossier porte déjà le numéro « \(id) »", at: nil))
        }
        if let existing, form["_base"] != existing.stored.version.sha256 {
            diagnostics.append(.error(.versionDepassee, "le dossier a été modifié par quelqu'un d'autre depuis l'ouverture du formulaire (version \(existing.stored.version.version)) : rechargez-le ; vos saisies sont conservées ci-dessous", at: nil))
        }
        if diagnostics.hasErrors {
            try services.journal(session, "enregistrement-refuse", dossier: id.isEmpty ? nil : id,
                                 detail: ["erreurs": String(diagnostics.filter { $0.severity == .error }.count)])
            return formPage(services, session: session, cases: cases, values: values, diagnostics: diagnostics, existing: existing,
                            status: .unprocessableContent)
        }
        let result: RecordAddResult
        do {
            result = try workspace.addRecord(data: data, fileName: fileName)
        } catch let error as Diagnostic {
            diagnostics.append(.error(error.code, path: FieldPath(parsing: "dossier"), error.message, at: nil))
            return formPage(services, session: session, cases: cases, values: values, diagnostics: diagnostics, existing: existing,
                            status: .unprocessableContent)
        }
        // The checks just run are those of the new version: the next page reads it from the cache.
        if let checked { cases.remember(checked, data: data, as: result.version) }
        try services.journal(session, existing == nil ? "creation" : "enregistrement", dossier: id,
                             subject: "v\(result.version.version)", detail: ["nouvelle": result.isNew ? "oui" : "non"])
        let notice = existing == nil ? "cree" : result.isNew ? "enregistre" : "identique"
        return Pages.redirect("/dossiers/\(Paths.escape(id))?ok=\(notice)")
    }

    static let resumedNotice = "Votre session avait expiré : voici ce que vous aviez saisi. Vérifiez-le, puis enregistrez."

    /// The typed values of a form (hidden fields aside, line ends as a browser sends them). A list
    /// field sent several times (the checkboxes of the people present) is one value per line, as
    /// its text area sends it (scripts may still post `ch-jury%0Aassociation`).
    static func typed(_ fields: [(name: String, value: String)]) -> [String: String] {
        var values: [String: String] = [:]
        for (name, value) in fields where !name.hasPrefix("_") {
            let value = value.replacingOccurrences(of: "\r\n", with: "\n")
            if let earlier = values[name], isList(name) {
                values[name] = [earlier, value].filter { !$0.isEmpty }.joined(separator: "\n")
            } else {
                values[name] = value
            }
        }
        return values
    }

    /// Whether a form field holds a list of values (`evaluations[0].presents`).
    private static func isList(_ name: String) -> Bool {
        if case .list = FormatSchemas.dossier.field(at: FieldPath(parsing: name).schemaPath)?.spec.type { return true }
        return false
    }

    static func formPage(_ services: WebServices, session: Session, cases: CaseStore, values: [String: String],
                         diagnostics: [Diagnostic], existing: OpenedDossier?, status: HTTPResponse.Status,
                         notice: String? = nil, base: String? = nil) -> Response {
        let words = PlainWords(cases: cases, clearance: session.account.clearance)
        let form = DossierForm(clearance: session.account.clearance, values: values, isNew: existing == nil, diagnostics: diagnostics,
                               words: words, choices: words)
        var data = form.view()
        // Each item is rendered once per content: a form opened again after a save renders the changed fields only.
        let items = data["items"] as? [[String: Any]] ?? []
        data["itemsHTML"] = items.map { row in
            services.formItems.value(FragmentKey.of(row)) { services.pages.body("formulaire-element", row) }
        }.joined()
        data["items"] = nil
        let parties = words.partyList.map { ["id": $0.id, "name": $0.name] } + [["id": PlainWords.person.id, "name": PlainWords.person.name]]
        let errors = diagnostics.filter { $0.severity == .error }.count
        data["parties"] = parties
        data["csrf"] = session.csrfToken
        data["base"] = base ?? existing?.stored.version.sha256 ?? ""
        data["action"] = existing.map { "/dossiers/\(Paths.escape($0.dossier.id))/modifier" } ?? "/dossiers/nouveau"
        data["cancel"] = existing.map { "/dossiers/\(Paths.escape($0.dossier.id))" } ?? "/dossiers"
        data["isNew"] = existing == nil
        data["errorCount"] = errors
        data["hasErrors"] = errors > 0
        data["partial"] = existing.map { !session.account.clearance.mayReadAll(of: $0.dossier, today: services.today) } ?? false
        let title = existing.map { "Modifier le dossier \($0.dossier.id)" } ?? "Nouveau dossier"
        return services.pages.page("formulaire", title: title, session: session, data: data, status: status, notice: notice)
    }

    /// A dossier id as part of a file name.
    static func safeName(_ id: String) -> String {
        let kept = String(id.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) && $0.isASCII || "-_.".unicodeScalars.contains($0) })
        return kept.isEmpty ? "nouveau" : kept
    }
}
