import Foundation

/// A dossier's tree as it was recorded and in force on a given day (docs/format.md § 3, « Le dossier à une date »).
///
/// The file holds the dossier's latest state; every dated entry tells when it happened. Cutting
/// the tree at day D keeps what had happened by D, and nothing the file records afterwards:
///
/// - the pathway dates (`parcours.*`) after D, and the commission's decision with its date;
/// - evaluations held after D (one held by D is kept whole, with the referral date it fixed), and
///   withdrawn evaluations (`retrait`), whatever the day: a withdrawn review was never held;
/// - renewals starting after D; a préfet notice (`avis_prefet`) sent after D;
/// - consents given after D, and a withdrawal (`retrait`) after D;
/// - the `issue` decided after D (and its `decision_commission` after D);
/// - the flat, the leases and the support while the attribution commission had not met by D;
/// - the tripartite convention while it was not signed by D (`convention_tripartite: false`);
/// - for `logement`, `sous_locataire` and `menage`, the values of their `historique[]` in force
///   on D (each entry gives the values that differed, from its `depuis` date).
///
/// The stage (`etape`) is then derived from the evidence left (docs/format.md § 10): never later
/// than the file's stage, and never one whose evidence is dated after D. Cutting is idempotent:
/// `t.recorded(asOf: d).recorded(asOf: d) == t.recorded(asOf: d)`. Nothing here reads the clock.
extension DataNode {
    /// The dossier tree cut to what was recorded and in force on `day`.
    /// - Parameter day: The day D; entries dated after D are removed.
    /// - Returns: A tree of the same format: a valid dossier stays valid once cut.
    public func recorded(asOf day: CalendarDate) -> DataNode {
        guard case .object(var root) = value else { return self }
        var cut = DossierCut(day: day)
        cut.apply(&root)
        var copy = self
        copy.value = .object(root)
        return copy
    }

    /// The dossier tree without its withdrawn evaluations (`evaluations[].retrait`): what documents,
    /// deadlines and stage rules read. A withdrawn evaluation stays in the file and the archive.
    public func withoutWithdrawnEvaluations() -> DataNode {
        guard case .object(var root) = value, var list = root["evaluations"], let items = list.list,
              items.contains(where: \.isWithdrawnEvaluation) else { return self }
        list.value = .list(items.filter { !$0.isWithdrawnEvaluation })
        root.set("evaluations", list)
        var copy = self
        copy.value = .object(root)
        return copy
    }

    /// Whether this node is an evaluation that was withdrawn (it has a `retrait`).
    public var isWithdrawnEvaluation: Bool { self["retrait"] != nil }

    /// The earliest date the dossier records: the CH Jury proposal (or nil when absent).
    public var openingDate: CalendarDate? { self["parcours"]?["proposition_ch_jury"]?.date }
}

/// The cutting of one dossier tree at a day.
struct DossierCut {
    let day: CalendarDate

    /// Whether a dated entry had happened by the day.
    func happened(_ node: DataNode?) -> Bool {
        guard let date = node?.date else { return false }
        return date <= day
    }

    mutating func apply(_ root: inout DataObject) {
        cutHistory(&root, key: "sous_locataire")
        cutHistory(&root, key: "menage")
        cutHistory(&root, key: "logement")
        cutPathway(&root)
        if removedCommission {
            // Before the attribution commission met, no flat was attributed: no leases yet.
            for key in ["logement", "bail_principal", "sous_location", "accompagnement"] { remove(&root, key) }
        }
        cutSublease(&root)
        cutList(&root, "consentements") { consent in
            guard happened(consent["date"]) else { return nil }
            return removing(consent, keys: ["retrait"]) { !happened($0) }
        }
        cutList(&root, "evaluations") { evaluation in
            // An evaluation held by D is kept whole: the referral date it fixes for the attribution
            // commission (`transmission_commission_attribution`) is a decision of that meeting,
            // recorded in its minutes, even when the referral itself comes later.
            happened(evaluation["date"]) && !evaluation.isWithdrawnEvaluation ? evaluation : nil
        }
        if let issue = root["issue"] {
            if happened(issue["date"]) {
                root.set("issue", removing(issue, keys: ["decision_commission"]) { !happened($0) })
            } else {
                remove(&root, "issue")
            }
        }
        deriveStage(&root)
    }

    /// Whether cutting the pathway removed the commission (it met after the day).
    var removedCommission = false

    private mutating func cutPathway(_ root: inout DataObject) {
        guard var pathway = root["parcours"], case .object(var entries) = pathway.value else { return }
        for key in ["enregistrement_siao", "orientation_association", "commission_attribution"] {
            if let node = entries[key], !happened(node) {
                remove(&entries, key)
                if key == "commission_attribution" { removedCommission = true }
            }
        }
        if entries["commission_attribution"] == nil, entries["decision_commission"] != nil {
            remove(&entries, "decision_commission")
        }
        pathway.value = .object(entries)
        root.set("parcours", pathway)
    }

    private func cutSublease(_ root: inout DataObject) {
        guard var sublease = root["sous_location"], case .object(var entries) = sublease.value else { return }
        cutList(&entries, "renouvellements") { renewal in
            guard happened(renewal["date_effet"]) else { return nil }
            return removing(renewal, keys: ["avis_prefet"]) { !happened($0) }
        }
        if let notice = entries["avis_prefet"], !happened(notice) { remove(&entries, "avis_prefet") }
        if let signed = entries["date_convention_tripartite"], !happened(signed) {
            remove(&entries, "date_convention_tripartite")
            if let flag = entries["convention_tripartite"] {
                var off = flag
                off.value = .boolean(false)
                entries.set("convention_tripartite", off)
            }
        }
        sublease.value = .object(entries)
        root.set("sous_location", sublease)
    }

    /// Replaces a block by its values in force on the day, from its `historique[]`.
    private func cutHistory(_ root: inout DataObject, key: String) {
        guard let block = root[key], let resolved = DatedHistory.resolve(block, on: day) else { return }
        root.set(key, resolved)
    }

    /// The stage the evidence left in the tree supports, never later than the recorded one.
    private func deriveStage(_ root: inout DataObject) {
        guard let node = root["etape"], let recorded = node.text.flatMap(Stage.init(rawValue:)) else { return }
        let stage = StageEvidence.stage(of: root, recorded: recorded, on: day)
        guard stage != recorded else { return }
        var copy = node
        copy.value = .text(stage.rawValue)
        root.set("etape", copy)
    }

    // MARK: - Helpers

    private func cutList(_ object: inout DataObject, _ key: String, _ transform: (DataNode) -> DataNode?) {
        guard var list = object[key], case .list(let items) = list.value else { return }
        list.value = .list(items.compactMap(transform))
        object.set(key, list)
    }

    private func removing(_ node: DataNode, keys: [String], when drop: (DataNode) -> Bool) -> DataNode {
        guard case .object(var entries) = node.value else { return node }
        for key in keys { if let child = entries[key], drop(child) { remove(&entries, key) } }
        var copy = node
        copy.value = .object(entries)
        return copy
    }

    private func remove(_ object: inout DataObject, _ key: String) {
        object.entries.removeAll { $0.key == key }
    }
}
