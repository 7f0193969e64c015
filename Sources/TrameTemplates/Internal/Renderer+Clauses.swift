import TrameFrench
import TrameModel

extension Renderer {
    /// The act date given by the caller, else the first `date_reference` path present in the data.
    /// When none is, the date is a missing value (an error in a final document).
    mutating func readReferenceDate() -> CalendarDate? {
        if let date = options.referenceDate { return date }
        for ref in template.referenceDate {
            if case .value(let node) = resolve(ref), let date = node.date { return date }
        }
        if let first = template.referenceDate.first { _ = recordMissing(first) }
        return nil
    }

    /// Chooses the version of a clause, decides whether it applies, records why, and renders it.
    mutating func renderClause(_ clause: ClauseNode) {
        guard let (index, selection) = chooseVersion(clause) else { return }
        let version = clause.versions[index]
        let period = clause.periods[index]
        let included: Bool
        let reason: String
        if let condition = version.condition {
            (included, reason) = ConditionExplainer.explain(condition, &self)
        } else {
            (included, reason) = (true, "toujours (clause sans condition)")
        }
        clauseUses.append(ClauseUse(id: clause.id, version: version.version, title: version.title,
                                    effectiveDate: version.effectiveDate.description, until: period.until?.description,
                                    declaredUntil: version.until?.description,
                                    source: period.source, selection: selection, included: included,
                                    reason: reason, sha256: version.sha256))
        if included {
            clauseStack.append((clause.id, version.version))
            render(version.body)
            clauseStack.removeLast()
        }
    }

    /// The pinned version, else the one whose legal period covers the act date, else (a template
    /// without any date: tests, drafts lacking the date) the latest, saying so. Returns its index
    /// and why it was chosen.
    private mutating func chooseVersion(_ clause: ClauseNode) -> (Int, String)? {
        if let pinned = options.clauseVersions[clause.id] {
            if let index = clause.versions.firstIndex(where: { $0.version == pinned }) {
                return (index, "version \(pinned) imposée par le manifeste du document d'origine")
            }
            diagnostics.append(.error(TemplateCode.clauseVersion, "la version \(pinned) de la clause « \(clause.id) » n'existe pas (versions : "
                + clause.versions.map { String($0.version) }.joined(separator: ", ") + ")", at: clause.location))
            return nil
        }
        guard let date = referenceDate else {
            return (clause.versions.count - 1, "aucune date d'acte : version la plus récente")
        }
        if let index = LegalPeriod.choose(on: date, among: clause.periods) {
            return (index, "acte du \(LegalPeriod.long(date)) : version \(clause.versions[index].version) \(clause.periods[index].french)")
        }
        let known = zip(clause.versions, clause.periods).map { "version \($0.version) \($1.french)" }.joined(separator: " ; ")
        diagnostics.append(.error(TemplateCode.notInForce,
            "aucune version de la clause « \(clause.id) » n'était en vigueur le \(FrenchDate.short(year: date.year, month: date.month, day: date.day)) (\(known))",
            at: clause.location))
        return nil
    }
}
