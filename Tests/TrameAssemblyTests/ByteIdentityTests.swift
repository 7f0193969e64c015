import Foundation
import Testing
import TrameAssembly
import TrameModel

/// Every act of every sample, generated; then later events appended to a copy of the dossier; every
/// act generated again: the same bytes in ODT, DOCX and HTML (issue 12, "done when").
@Suite("Later events never change an act")
struct ByteIdentityTests {
    /// One act: the request that makes it, as `trame demo` asks for it.
    struct Act: CustomStringConvertible {
        let document: String
        let date: CalendarDate?
        let audience: Audience?
        var description: String { "\(document) \(date?.description ?? "") \(audience?.rawValue ?? "")" }
    }

    static let formats: [ProducedFormat] = [.odt, .docx, .html]

    /// The acts of a dossier: every document instance, for each audience it allows. « Mes prochaines
    /// dates » is dated the day it is made, not an act of a past day: a later event rightly changes it.
    static func acts(of dossierPath: String) throws -> [Act] {
        let files = try CaseFiles.load(dossierPath: dossierPath)
        let dossier = Dossier(checked: files.dossier!.root!)
        return Samples.generator.documents(for: dossier).filter { !DocumentCatalog.rule(for: $0.document).datedToday }.flatMap { instance in
            ((DocumentCatalog.rule(for: instance.document).audiences).map { $0.map(Optional.some) } ?? [nil]).map { Act(document: instance.document, date: instance.date, audience: $0) }
        }
    }

    /// The bytes of each act in each format (nil when refused, with the code why).
    static func generate(_ acts: [Act], dossierPath: String) -> [String: Result<Data, Diagnostics>] {
        var out: [String: Result<Data, Diagnostics>] = [:]
        for act in acts {
            // Drafts where values are missing, as `trame demo` does.
            let draft = (try? Samples.generator.generate(request(act, dossierPath, draft: false))) == nil
            for format in formats {
                let key = "\(act) \(format.rawValue)"
                do {
                    let produced = try Samples.generator.generate(request(act, dossierPath, draft: draft))
                    out[key] = .success(try produced.output(as: format, draft: draft).data)
                } catch {
                    out[key] = .failure(error)
                }
            }
        }
        return out
    }

    static func request(_ act: Act, _ dossierPath: String, draft: Bool) -> GenerationRequest {
        GenerationRequest(document: act.document, dossierPath: dossierPath, conventionPath: Samples.convention, draft: draft,
                          audience: act.audience, date: act.date, today: Samples.today)
    }

    /// Later events, as text edits of a sample file (the samples' own layout).
    enum Event: String, CaseIterable {
        case evaluation, renewal, consent, withdrawal

        /// - Parameter renewal: The day after the current term, when a renewal can follow it.
        func apply(to yaml: String, renewal: CalendarDate?) -> String? {
            switch self {
            case .evaluation:
                return ByteIdentityTests.insert(into: yaml, list: "evaluations", item: """
                      - date: 2025-06-12
                        type: semestrielle
                        presents: [ch-jury, association, sous_locataire]
                        partie_partagee: { paiement_loyer: regulier, dette_locative: 0.00, assurance: a_jour, entretien_logement: satisfaisant, voisinage: sans_incident, accompagnement: en_place, budget_autonomie: autonome }
                        avis_sous_locataire: Un événement ajouté bien après les actes.
                        objectifs: [Rien]
                        partie_soin: { observations: Ajout du test. }
                    """)
            case .consent:
                return ByteIdentityTests.insert(into: yaml, list: "consentements",
                                                item: "  - { date: 2025-05-02, destinataire: association, perimetre: social }")
            case .withdrawal:
                guard yaml.contains("perimetre: partage }") else { return nil }
                return yaml.replacingOccurrences(of: "perimetre: partage }", with: "perimetre: partage, retrait: 2025-05-02 }")
            case .renewal:
                guard let renewal else { return nil }
                if let range = yaml.range(of: #"renouvellements: \[(.*)\]"#, options: .regularExpression) {
                    let existing = String(yaml[range]).dropFirst("renouvellements: [".count).dropLast()
                    return yaml.replacingCharacters(in: range, with: "renouvellements: [\(existing), { date_effet: \(renewal), duree_mois: 6 }]")
                }
                guard let range = yaml.range(of: "  renouvelable: true\n") else { return nil }
                return yaml.replacingCharacters(in: range, with: "  renouvelable: true\n  renouvellements: [{ date_effet: \(renewal), duree_mois: 6 }]\n")
            }
        }
    }

    /// Adds an item at the end of a top-level block list (`key:` or `key: []`).
    static func insert(into yaml: String, list key: String, item: String) -> String {
        var lines = yaml.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix("\(key):") }) else { return yaml }
        if lines[start].hasPrefix("\(key): []") {
            lines[start] = "\(key):"
            lines.insert(item, at: start + 1)
            return lines.joined(separator: "\n")
        }
        var end = start + 1
        while end < lines.count, lines[end].isEmpty || lines[end].hasPrefix(" ") || lines[end].hasPrefix("#") { end += 1 }
        while end > start + 1, lines[end - 1].trimmingCharacters(in: .whitespaces).isEmpty { end -= 1 }
        lines.insert(item, at: end)
        return lines.joined(separator: "\n")
    }

    @Test(arguments: Samples.dossiers)
    func appendingLaterEventsLeavesEveryActUnchanged(dossier id: String) throws {
        let original = Samples.dossier(id)
        let acts = try Self.acts(of: original)
        #expect(!acts.isEmpty)
        let before = Self.generate(acts, dossierPath: original)
        #expect(before.values.contains { if case .success = $0 { true } else { false } })

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trame-identite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let yaml = try String(contentsOfFile: original, encoding: .utf8)
        // A renewal follows the current term, and comes after every act (else it is not a later event).
        let dossier = Dossier(checked: try CaseFiles.load(dossierPath: original).dossier!.root!)
        let lastAct = acts.compactMap(\.date).max()
        let renewal = dossier.sousLocation.map { $0.currentTerm.fin.adding(days: 1) }.flatMap { next in
            lastAct.map { next > $0 } ?? true ? next : nil
        }
        var applied = 0
        for event in Event.allCases {
            guard let changed = event.apply(to: yaml, renewal: renewal) else { continue }
            let path = folder.appendingPathComponent("dossier-\(id)-\(event.rawValue).yaml").path
            try changed.write(toFile: path, atomically: true, encoding: .utf8)
            do {
                _ = try CaseFiles.load(dossierPath: path, conventionOverride: Samples.convention)
            } catch {
                Issue.record("\(id) + \(event.rawValue): the changed dossier does not load: \(error.rendered)")
                continue
            }
            applied += 1
            let after = Self.generate(acts, dossierPath: path)
            for (key, old) in before {
                switch (old, after[key]) {
                case (.success(let a), .success(let b)?):
                    #expect(a == b, "\(id) + \(event.rawValue): \(key) changed")
                case (.success, .failure(let error)?):
                    // A withdrawn consent stops new landlord copies (today): a refusal, never other bytes.
                    let refused = event == .withdrawal && key.contains("bailleur") && error.diagnostics.contains { $0.code == .consentementAbsent }
                    #expect(refused, "\(id) + \(event.rawValue): \(key) no longer generated: \(error.diagnostics.first?.message ?? "")")
                case (.failure, .success?):
                    Issue.record("\(id) + \(event.rawValue): \(key) was refused, now generated")
                default:
                    break
                }
            }
        }
        #expect(applied >= 2, "\(id): later events applied")
    }
}
