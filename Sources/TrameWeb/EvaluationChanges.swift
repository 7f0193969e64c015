import Foundation
import TrameArchive
import TrameModel

/// What happened to an evaluation after one of its archived documents was made (issue 16): a
/// later version of the dossier corrected it, or it was withdrawn. Read from the dossier's own
/// versions in the archive (so a correction made with the CLI counts too), never from the clock.
struct EvaluationChanges {
    struct Step {
        let version: RecordVersion
        /// The evaluation in this version, without its withdrawal (nil: absent from the version).
        let content: YAMLNode?
        let withdrawn: Bool
    }

    /// Every version of the dossier, oldest first.
    let steps: [Step]
    /// The withdrawal as the current version records it.
    let withdrawal: Dossier.Withdrawal?

    /// The changes of the evaluation of `date`, for a document of `kind` (nil unless an evaluation's).
    init?(opened: OpenedDossier, date: CalendarDate?, kind: DocumentKind?, workspace: Workspace) throws {
        guard let date, kind?.isEvaluation == true else { return nil }
        let id = opened.dossier.id
        steps = try workspace.recordVersions(.dossier, id: id).map { version in
            let root = version.version == opened.stored.version.version ? opened.stored.file.root
                : (try? opened.cases.dossier(id, version: version.version))?.file.root
            let node = root?["evaluations"]?.list?.first { $0["date"]?.date == date }
            return Step(version: version, content: node.map { YAMLNode($0).removingKey("retrait") }, withdrawn: node?.isWithdrawnEvaluation ?? false)
        }
        withdrawal = opened.dossier.withdrawnEvaluations.first { $0.date == date }?.retrait
    }

    /// The version current at `moment` (for a signed scan not linked to a generated document).
    func version(at moment: Date) -> Int? {
        (steps.last { $0.version.addedAt <= moment } ?? steps.first)?.version.version
    }

    /// The first later version whose evaluation differs from the one in `version`.
    func correction(after version: Int) -> RecordVersion? {
        guard let base = steps.first(where: { $0.version.version == version }) else { return nil }
        return steps.first { $0.version.version > version && $0.content != nil && $0.content != base.content }?.version
    }

    /// What the page says about a document made from dossier version `version`; nil when nothing changed.
    func note(forVersion version: Int?, signed: Bool) -> String? {
        guard let version else { return nil }
        var parts: [String] = []
        if let corrected = correction(after: version) {
            parts.append("évaluation corrigée le \(WebDates.local(corrected.addedAt)) (version v\(corrected.version) du dossier), après ce document")
        }
        if let withdrawal, steps.first(where: { $0.version.version == version })?.withdrawn == false {
            parts.append("évaluation retirée le \(DataView.french(withdrawal.date)), après ce document")
        }
        guard !parts.isEmpty else { return nil }
        let text = parts.joined(separator: " ; ")
        return signed ? "La version signée ne correspond plus aux données : \(text)." : text.prefix(1).uppercased() + text.dropFirst() + "."
    }

    /// Adds `change` (and `hasChange`) to the rows of the document page's archive tables.
    func annotate(generated rows: inout [[String: Any]], _ documents: [GeneratedDocument],
                  signed signedRows: inout [[String: Any]], _ versions: [SignedVersion]) {
        for (i, document) in documents.enumerated() where rows.indices.contains(i) {
            let note = self.note(forVersion: document.sourceVersion, signed: false)
            rows[i]["change"] = note ?? ""
            rows[i]["hasChange"] = note != nil
        }
        for (i, signed) in versions.enumerated() where signedRows.indices.contains(i) {
            let source = signed.generatedSHA256.flatMap { sha in documents.first { $0.sha256 == sha }?.sourceVersion } ?? version(at: signed.addedAt)
            let note = self.note(forVersion: source, signed: true)
            signedRows[i]["change"] = note ?? ""
            signedRows[i]["hasChange"] = note != nil
        }
    }
}

extension YAMLNode {
    /// A mapping without `key` (any other node as it is).
    func removingKey(_ key: String) -> YAMLNode {
        guard case .map(let entries) = self else { return self }
        return .map(entries.filter { $0.0 != key })
    }
}
