import TrameFrench
import TrameModel

extension Renderer {
    /// The first `date_reference` path present in the data. When none is, the date is a missing
    /// value (an error in a final document) and the latest clause versions are used.
    mutating func readReferenceDate() -> CalendarDate? {
        for ref in template.referenceDate {
            if case .value(let node) = resolve(ref), let date = node.date { return date }
        }
        if let first = template.referenceDate.first { _ = recordMissing(first) }
        return nil
    }

    /// Chooses the version of a clause, decides whether it applies, records why, and renders it.
    mutating func renderClause(_ clause: ClauseNode) {
        guard let version = chooseVersion(clause) else { return }
        let included: Bool
        let reason: String
        if let condition = version.condition {
            (included, reason) = ConditionExplainer.explain(condition, &self)
        } else {
            (included, reason) = (true, "toujours (clause sans condition)")
        }
        clauseUses.append(ClauseUse(id: clause.id, version: version.version, title: version.title,
                                    effectiveDate: version.effectiveDate.description, included: included,
                                    reason: reason, sha256: version.sha256))
        if included { render(version.body) }
    }

    /// The pinned version, else the latest one in force on the reference date, else (no date) the latest.
    private mutating func chooseVersion(_ clause: ClauseNode) -> ClauseVersionNode? {
        if let pinned = options.clauseVersions[clause.id] {
            if let version = clause.versions.first(where: { $0.version == pinned }) { return version }
            diagnostics.append(.error(TemplateCode.clauseVersion, "la version \(pinned) de la clause « \(clause.id) » n'existe pas (versions : "
                + clause.versions.map { String($0.version) }.joined(separator: ", ") + ")", at: clause.location))
            return nil
        }
        guard let date = referenceDate else { return clause.versions.last }
        if let version = clause.versions.last(where: { $0.effectiveDate <= date }) { return version }
        let first = clause.versions[0].effectiveDate
        diagnostics.append(.error(TemplateCode.clauseVersion,
            "aucune version de la clause « \(clause.id) » n'était en vigueur le \(FrenchDate.short(year: date.year, month: date.month, day: date.day)) (première version en vigueur le \(FrenchDate.short(year: first.year, month: first.month, day: first.day)))",
            at: clause.location))
        return nil
    }
}
