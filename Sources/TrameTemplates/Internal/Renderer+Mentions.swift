import TrameDocument
import TrameFrench
import TrameModel

extension Renderer {
    /// Decides, for the act's date and audience, which mandatory mentions the act requires and
    /// whether a clause carrying each one was included. A final document missing one is refused
    /// (an error naming it and its source); a draft lists it at the top (`insertMissingMentions`).
    mutating func checkMentions() {
        for mention in template.mentions {
            var required = true
            var reason = "toujours exigée"
            if let audiences = mention.audiences, !audiences.contains(options.audience) {
                required = false
                reason = "exigée seulement pour : " + audiences.map(\.rawValue).joined(separator: ", ")
            } else if let condition = mention.condition {
                let (holds, why) = ConditionExplainer.explain(condition, &self)
                required = holds
                reason = holds ? "exigée : \(why)" : "non exigée : \(why)"
            }
            let present = clauseUses.contains { $0.included && mention.clauses.contains($0.id) }
            let check = MentionCheck(id: mention.id, label: mention.label, source: mention.source, clauses: mention.clauses,
                                     required: required, present: present, reason: reason)
            mentionChecks.append(check)
            if check.isMissing, !options.draft {
                diagnostics.append(.error(.mentionObligatoireAbsente,
                    "mention obligatoire absente : \(mention.label) (\(mention.source)) — portée par la clause \(mention.clauses.joined(separator: " ou ")), qui ne s'applique pas à ce dossier",
                    at: mention.location))
            }
        }
    }

    /// A draft names the mandatory mentions it lacks, right after its title.
    static func insertMissingMentions(_ checks: [MentionCheck], into blocks: inout [Block]) {
        let missing = checks.filter(\.isMissing)
        guard !missing.isEmpty else { return }
        var index = 0
        while index < blocks.count {
            if case .title = blocks[index] { index += 1; continue }
            if case .subtitle = blocks[index] { index += 1; continue }
            break
        }
        let heading = "[Projet incomplet — \(missing.count == 1 ? "mention obligatoire absente" : "mentions obligatoires absentes") :]"
        var notice: [Block] = [.paragraph(Paragraph([.placeholder(FrenchText.typography(heading))], isNote: true))]
        notice.append(.list(ListBlock(ordered: false, items: missing.map { ListItem([.placeholder(FrenchText.typography("[\($0.label) — \($0.source)]"))]) })))
        blocks.insert(contentsOf: notice, at: index)
    }
}
