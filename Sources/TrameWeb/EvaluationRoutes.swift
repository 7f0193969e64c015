import Foundation
import Hummingbird
import TrameAccounts
import TrameArchive
import TrameModel

/// Correcting or withdrawing a shared evaluation (issue 16): `GET|POST /dossiers/:id/evaluations/:date/corriger`
/// and `…/retirer`.
///
/// An evaluation is never deleted. Each correction or withdrawal is a new version of the dossier
/// (earlier versions stay in the archive), with its reason, author and time in the archive's audit
/// log (`evaluation-correction`, `evaluation-retrait`, written in the same transaction as the
/// version) and in the application's journal; the history page shows them. The roles that edit
/// dossiers may do it (`Access.mayManageDossiers`), each on the fields its clearance reads: the
/// care part only for `soin`, the others keep it as recorded. The evaluation's date is its identity
/// in the archive (signed versions, documents): it is not corrected.
enum EvaluationRoutes {
    static func register(on router: Router<WebContext>, services: WebServices) {
        router.get("/dossiers/:id/evaluations/:date/corriger") { _, context -> Response in
            let session = try context.requireSession()
            try services.requireManager(session)
            return try await services.offload {
                let target = try EvaluationTarget(context, session: session, services: services)
                try target.refuseWithdrawn()
                try services.journal(session, "formulaire", dossier: target.opened.dossier.id, subject: "evaluation \(target.date)")
                return correctionPage(target, values: DossierForm.values(of: target.opened.dossier.data), reason: "",
                                      diagnostics: [], reasonError: nil, base: target.opened.stored.version.sha256,
                                      services: services, status: .ok)
            }
        }
        router.get("/dossiers/:id/evaluations/:date/retirer") { _, context -> Response in
            let session = try context.requireSession()
            try services.requireManager(session)
            return try await services.offload {
                let target = try EvaluationTarget(context, session: session, services: services)
                try target.refuseWithdrawn()
                try services.journal(session, "formulaire", dossier: target.opened.dossier.id, subject: "retrait evaluation \(target.date)")
                return withdrawalPage(target, reason: "", error: nil, base: target.opened.stored.version.sha256, services: services, status: .ok)
            }
        }
        // Sending the correction or the withdrawal: the same checks, then each its own action.
        for (action, record) in [("corriger", correct), ("retirer", withdraw)] as [(String, @Sendable (EvaluationTarget, FormBody, WebServices) throws -> Response)] {
            router.post("/dossiers/:id/evaluations/:date/\(action)") { request, context -> Response in
                let session = try context.requireSession()
                try services.requireManager(session)
                let form = try await FormBody.read(request, context: context)
                try form.checkToken(of: session, request: request)
                return try await services.offload {
                    let target = try EvaluationTarget(context, session: session, services: services)
                    try target.refuseWithdrawn()
                    return try record(target, form, services)
                }
            }
        }
        DossierHistoryRoutes.register(on: router, services: services)
    }

    // MARK: correction

    /// Records the corrected evaluation as a new version, or shows the form again with what was typed.
    static func correct(_ target: EvaluationTarget, form: FormBody, services: WebServices) throws -> Response {
        let session = target.opened.session
        let reason = (form["motif"] ?? "").trimmingCharacters(in: DossierSubmission.blank)
        // The dossier's values as recorded, with the evaluation's fields as typed (its date and
        // withdrawal kept as recorded: they are not corrected here).
        var values = DossierForm.values(of: target.opened.dossier.data)
        let prefix = target.prefix + "."
        let kept = [prefix + "date"]
        for key in values.keys where key.hasPrefix(prefix) && !kept.contains(key) { values[key] = nil }
        // As the dossier form reads them: the people present, one checkbox each, are one value per line.
        let corrected = DossierFormRoutes.typed(form.fields.filter { field in
            field.name.hasPrefix(prefix) && !kept.contains(field.name) && !field.name.hasPrefix(prefix + "retrait")
        })
        for (name, value) in corrected { values[name] = value }
        var typed = values
        typed["motif"] = nil
        let oversized = WebLimits.check(form: values.filter { $0.key.hasPrefix(prefix) })
        let reasonError = reasonProblem(reason)
        guard oversized.isEmpty, reasonError == nil else {
            return correctionPage(target, values: typed, reason: reason, diagnostics: oversized, reasonError: reasonError,
                                  base: form["_base"] ?? "", services: services, status: .unprocessableContent)
        }
        let submitted = DossierSubmission(clearance: session.account.clearance, values: values, original: target.opened.dossier.data).tree()
        guard let corrected = submitted.evaluation(at: target.index) else {
            throw WebError.server("La correction n'a pas pu être lue : rien n'a été enregistré.")
        }
        let original = YAMLNode(target.node)
        let tree = YAMLNode(target.opened.dossier.data).replacingEvaluation(at: target.index, with: corrected)
        let fields = original.changedPaths(to: corrected)
        if fields.isEmpty {
            return correctionPage(target, values: typed, reason: reason, diagnostics: [], reasonError: nil, base: form["_base"] ?? "",
                                  services: services, status: .ok, notice: "Aucune modification : rien n'a été enregistré.")
        }
        let change = RecordChange(action: "evaluation-correction",
                                  detail: ["evaluation": target.date.description, "motif": reason, "champs": fields.joined(separator: ", ")])
        switch try record(target, tree: tree, change: change, base: form["_base"], services: services) {
        case .recorded(let version):
            try services.journal(session, "evaluation-correction", dossier: target.opened.dossier.id, subject: "v\(version)",
                                 detail: change.detail)
            return Pages.redirect("/dossiers/\(Paths.escape(target.opened.dossier.id))/historique?ok=corrigee")
        case .refused(let diagnostics):
            try services.journal(session, "enregistrement-refuse", dossier: target.opened.dossier.id, subject: "evaluation \(target.date)")
            return correctionPage(target, values: typed, reason: reason, diagnostics: diagnostics, reasonError: nil,
                                  base: form["_base"] ?? "", services: services, status: .unprocessableContent)
        }
    }

    static func correctionPage(_ target: EvaluationTarget, values: [String: String], reason: String, diagnostics: [Diagnostic],
                               reasonError: String?, base: String, services: WebServices, status: HTTPResponse.Status,
                               notice: String? = nil) -> Response {
        let session = target.opened.session
        // Names, not identifiers: the people present chosen by name, as in the dossier form.
        let words = PlainWords(cases: target.opened.cases, clearance: session.account.clearance)
        let form = DossierForm(clearance: session.account.clearance, values: values, isNew: false, diagnostics: diagnostics,
                               words: words, choices: words)
        var view = form.view()
        // Only this evaluation's fields, without its date (shown, not corrected) nor its withdrawal.
        let rowPath = target.prefix
        let items = (view["items"] as? [[String: Any]] ?? []).filter { item in
            guard let name = item["name"] as? String else { return false }
            return (name == rowPath && item["extra"] as? Bool != true) || (name.hasPrefix(rowPath + ".") && name != rowPath + ".date"
                                                                            && !name.hasPrefix(rowPath + ".retrait"))
        }
        view["items"] = items.map { item -> [String: Any] in
            var item = item
            if item["name"] as? String == rowPath { item["legend"] = "Évaluation du \(DataView.french(target.date))" }
            return item
        }
        let shown = Set(items.compactMap { $0["name"] as? String })
        let general = diagnostics.filter { d in d.path.map { !shown.contains($0.description) } ?? true }.map { $0.shown(to: target.opened.clearance) }
        let errors = diagnostics.filter { $0.severity == .error }.count + (reasonError == nil ? 0 : 1)
        var data = view
        data["general"] = general
        data["hasGeneral"] = !general.isEmpty
        data["csrf"] = session.csrfToken
        data["base"] = base
        data["action"] = target.href + "/corriger"
        data["cancel"] = target.dossierHref
        data["reason"] = reason
        data["reasonError"] = reasonError ?? ""
        data["hasReasonError"] = reasonError != nil
        data["errorCount"] = errors
        data["hasErrors"] = errors > 0
        data["date"] = DataView.french(target.date)
        data["reasonLimit"] = WebLimits.reasonCharacters
        data["careHidden"] = !target.opened.clearance.mayRead(.soin)
        let signed = (try? target.signedVersions(services)) ?? []
        data["signed"] = signed.map { ["ref": $0.ref, "signedOn": $0.signedOn, "audience": $0.audience.rawValue] }
        data["hasSigned"] = !signed.isEmpty
        return services.pages.page("evaluation-correction", title: "Corriger l'évaluation du \(DataView.french(target.date)) — dossier \(target.opened.dossier.id)",
                                   session: session, data: data, status: status, notice: notice)
    }

    // MARK: withdrawal

    static func withdraw(_ target: EvaluationTarget, form: FormBody, services: WebServices) throws -> Response {
        let reason = (form["motif"] ?? "").trimmingCharacters(in: DossierSubmission.blank)
        if let problem = reasonProblem(reason) {
            return withdrawalPage(target, reason: reason, error: problem, base: form["_base"] ?? "", services: services, status: .unprocessableContent)
        }
        let withdrawal = YAMLNode.map([("date", .word(services.today.description)), ("motif", .text(reason))])
        guard case .map(var entries) = YAMLNode(target.node) else { throw WebError.server("Évaluation illisible : rien n'a été enregistré.") }
        entries.append(("retrait", withdrawal))
        let tree = YAMLNode(target.opened.dossier.data).replacingEvaluation(at: target.index, with: .map(entries))
        let change = RecordChange(action: "evaluation-retrait", detail: ["evaluation": target.date.description, "motif": reason])
        switch try record(target, tree: tree, change: change, base: form["_base"], services: services) {
        case .recorded(let version):
            try services.journal(target.opened.session, "evaluation-retrait", dossier: target.opened.dossier.id, subject: "v\(version)",
                                 detail: change.detail)
            return Pages.redirect("/dossiers/\(Paths.escape(target.opened.dossier.id))/historique?ok=retiree")
        case .refused(let diagnostics):
            let text = diagnostics.filter { $0.severity == .error }.map { $0.shown(to: target.opened.clearance) }.joined(separator: " ; ")
            return withdrawalPage(target, reason: reason, error: "le retrait n'a pas été enregistré : \(text)", base: form["_base"] ?? "",
                                  services: services, status: .unprocessableContent)
        }
    }

    static func withdrawalPage(_ target: EvaluationTarget, reason: String, error: String?, base: String, services: WebServices,
                               status: HTTPResponse.Status) -> Response {
        let session = target.opened.session
        let signed = (try? target.signedVersions(services)) ?? []
        let data: [String: Any] = [
            "action": target.href + "/retirer", "cancel": target.dossierHref, "csrf": session.csrfToken, "base": base,
            "date": DataView.french(target.date), "type": ValueLabelsText.type(target.node["type"]?.text),
            "reason": reason, "error": error ?? "", "hasError": error != nil, "today": DataView.french(services.today),
            "reasonLimit": WebLimits.reasonCharacters,
            "signed": signed.map { ["ref": $0.ref, "signedOn": $0.signedOn, "audience": $0.audience.rawValue] }, "hasSigned": !signed.isEmpty,
        ]
        return services.pages.page("evaluation-retrait", title: "Retirer l'évaluation du \(DataView.french(target.date)) — dossier \(target.opened.dossier.id)",
                                   session: session, data: data, status: status)
    }

    // MARK: shared

    /// A reason is required, and at most `WebLimits.reasonCharacters` long.
    static func reasonProblem(_ reason: String) -> String? {
        if reason.isEmpty { return "Indiquez le motif : il est consigné au journal et dans l'historique du dossier." }
        if reason.count > WebLimits.reasonCharacters {
            return "Motif trop long : \(reason.count) caractères, \(WebLimits.reasonCharacters) au plus."
        }
        return nil
    }

    enum Outcome {
        case recorded(version: Int)
        case refused([Diagnostic])
    }

    /// Writes the tree as the dossier's new version (the checks of `trame check` first, the version
    /// the form was opened on still current), with the change in the audit log.
    static func record(_ target: EvaluationTarget, tree: YAMLNode, change: RecordChange, base: String?,
                       services: WebServices) throws -> Outcome {
        let opened = target.opened
        if base != opened.stored.version.sha256 {
            return .refused([.error(.versionDepassee, "le dossier a été modifié par quelqu'un d'autre depuis l'ouverture du formulaire (version \(opened.stored.version.version)) : rechargez-le ; vos saisies sont conservées ci-dessous", at: nil)])
        }
        let data = YAMLWriter.document(tree, header: """
            Dossier d'un ménage en sous-location accompagnée, enregistré par l'application web de Trame.
            Format : docs/format.md de Trame (dates AAAA-MM-JJ, montants en euros avec un point décimal).
            """)
        let fileName = "dossier-\(DossierFormRoutes.safeName(opened.dossier.id)).yaml"
        var diagnostics = opened.cases.check(data: data, name: fileName).diagnostics
        if data.count > WebLimits.dossierFileBytes {
            diagnostics.append(.error(.tropVolumineux, "le dossier dépasserait \(WebLimits.dossierFileBytes / 1_000_000) Mo : raccourcissez les textes", at: nil))
        }
        if diagnostics.hasErrors { return .refused(diagnostics) }
        let workspace = try services.workspace(for: opened.session.account)
        do {
            let result = try workspace.addRecord(data: data, fileName: fileName, change: change)
            return .recorded(version: result.version.version)
        } catch let error as Diagnostic {
            return .refused([error])
        }
    }
}

/// One evaluation of a dossier, found by its date, as a partner who edits dossiers opened it.
struct EvaluationTarget {
    let opened: OpenedDossier
    let date: CalendarDate
    /// Its index in the file's `evaluations[]`.
    let index: Int
    /// The evaluation as recorded (every field, whatever the role: only what it may read is shown).
    let node: DataNode

    init(_ context: WebContext, session: Session, services: WebServices) throws {
        let opened = try services.open(try context.parameters.require("id"), session: session)
        let text = try context.parameters.require("date")
        guard let date = CalendarDate(iso: text) else {
            throw WebError.notFound("Ce dossier n'a pas d'évaluation à cette date.")
        }
        let list = opened.dossier.data["evaluations"]?.list ?? []
        guard let index = list.firstIndex(where: { $0["date"]?.date == date }) else {
            throw WebError.notFound("Ce dossier n'a pas d'évaluation le \(DataView.french(date)).")
        }
        self.opened = opened
        self.date = date
        self.index = index
        node = list[index]
    }

    var prefix: String { "evaluations[\(index)]" }
    var dossierHref: String { "/dossiers/\(Paths.escape(opened.dossier.id))" }
    var href: String { "\(dossierHref)/evaluations/\(date)" }

    /// A withdrawn evaluation is neither corrected nor withdrawn again.
    func refuseWithdrawn() throws {
        guard let withdrawal = node["retrait"] else { return }
        // `if let`, not `.date.map { … }`: Swift 6.3.1's CopyPropagation aborts on that closure in release builds.
        var day = ""
        if let withdrawnOn = withdrawal["date"]?.date { day = " le \(DataView.french(withdrawnOn))" }
        throw WebError(status: .conflict, title: "Évaluation retirée",
                       message: "L'évaluation du \(DataView.french(date)) a été retirée\(day) : elle n'est plus ni corrigée ni retirée. Son historique reste consultable sur la page « Historique » du dossier.")
    }

    /// The signed versions of this evaluation in the archive (every audience: their existence, never their content).
    func signedVersions(_ services: WebServices) throws -> [SignedVersion] {
        try services.workspace(for: opened.session.account).signedVersions(ownerID: opened.dossier.id)
            .filter { $0.documentKind.isEvaluation && $0.evaluationDate == date.description }
    }
}

/// The French label of an evaluation type.
enum ValueLabelsText {
    static func type(_ value: String?) -> String {
        switch value {
        case "finale": return "évaluation finale"
        case "semestrielle": return "évaluation semestrielle"
        default: return "évaluation"
        }
    }
}

extension YAMLNode {
    /// The evaluation at `index` of a dossier tree.
    func evaluation(at index: Int) -> YAMLNode? {
        guard case .map(let entries) = self, let list = entries.first(where: { $0.0 == "evaluations" })?.1,
              case .list(let items) = list, items.indices.contains(index) else { return nil }
        return items[index]
    }

    /// The dossier tree with the evaluation at `index` replaced (everything else as it was).
    func replacingEvaluation(at index: Int, with evaluation: YAMLNode) -> YAMLNode {
        guard case .map(var entries) = self, let position = entries.firstIndex(where: { $0.0 == "evaluations" }),
              case .list(var items) = entries[position].1, items.indices.contains(index) else { return self }
        items[index] = evaluation
        entries[position].1 = .list(items)
        return .map(entries)
    }

    /// The leaf paths whose values differ between two trees (`partie_partagee.assurance`), in order.
    func changedPaths(to other: YAMLNode) -> [String] {
        let a = leaves(), b = other.leaves()
        var keys: [String] = []
        for key in a.map(\.0) + b.map(\.0) where !keys.contains(key) { keys.append(key) }
        let x = Dictionary(a, uniquingKeysWith: { first, _ in first }), y = Dictionary(b, uniquingKeysWith: { first, _ in first })
        return keys.filter { !Self.sameValue(x[$0], y[$0]) }
    }

    /// Equal texts, or the same number written two ways (« 0 » recorded, « 0.00 » typed as « 0,00 »):
    /// an amount the person did not touch is not a correction.
    static func sameValue(_ a: String?, _ b: String?) -> Bool {
        if a == b { return true }
        guard let a, let b, a.wholeMatch(of: /-?[0-9]+(\.[0-9]+)?/) != nil, b.wholeMatch(of: /-?[0-9]+(\.[0-9]+)?/) != nil else { return false }
        return Decimal(string: a, locale: Locale(identifier: "en_US_POSIX")) == Decimal(string: b, locale: Locale(identifier: "en_US_POSIX"))
    }

    private func leaves(_ path: String = "") -> [(String, String)] {
        switch self {
        case .scalar(let s, _): return [(path, s)]
        case .list(let items):
            if items.allSatisfy({ if case .scalar = $0 { return true }; return false }) {
                return [(path, items.map { if case .scalar(let s, _) = $0 { return s }; return "" }.joined(separator: "\n"))]
            }
            return items.enumerated().flatMap { $0.element.leaves("\(path)[\($0.offset)]") }
        case .map(let entries):
            return entries.flatMap { $0.1.leaves(path.isEmpty ? $0.0 : "\(path).\($0.0)") }
        }
    }
}
