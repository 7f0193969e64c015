import Foundation
import TrameModel

/// Rebuilding a document from its manifest: same template and clause versions, same audience and
/// event, so that the bytes are identical when the data and the tool version are unchanged.
public struct Regeneration: Sendable {
    public enum Verdict: Sendable, Equatable {
        /// Same bytes as the original.
        case identical
        /// The data the document may see changed: these fields differ (paths only, never values).
        case dataChanged(changed: [String], added: [String], removed: [String])
        /// Same data, but the partners' logos heading the pages changed (the convention's files).
        case letterheadChanged
        /// Same data, but the style files differ (changed, or `--style` not given again).
        case styleChanged
        /// Same data, but another Trame version wrote the original.
        case otherToolVersion(original: String)
        /// Same data and version, different bytes: not reproducible (a defect to report).
        case notReproducible
    }

    public let manifest: Manifest
    public let regenerated: Manifest
    public let data: Data
    public let verdict: Verdict

    /// Rebuilds the document described by `manifest` from the given input files.
    public static func run(manifest: Manifest, dossierPath: String?, conventionPath: String?, stylePath: String? = nil,
                           generator: Generator) throws(Diagnostics) -> Regeneration {
        guard let file = manifest.fichier, let format = ProducedFormat(rawValue: file.format), format != .pdf else {
            throw Diagnostics(.error(.manifesteIncomplet, "ce manifeste ne décrit pas un fichier ODT, DOCX ou HTML reproductible (un PDF dépend de LibreOffice)"))
        }
        var request = GenerationRequest(
            document: manifest.document, dossierPath: dossierPath, conventionPath: conventionPath, draft: manifest.projet,
            audience: Audience(rawValue: manifest.destinataire), date: manifest.evenement.flatMap(CalendarDate.init(iso:)),
            templateVersion: manifest.gabarit.version,
            clauseVersions: Dictionary(manifest.clauses.map { ($0.id, $0.version) }, uniquingKeysWith: { a, _ in a }),
            asOf: manifest.date_acte.flatMap(CalendarDate.init(iso:)),
            today: nil)
        request.stylePath = stylePath
        let generated = try generator.generate(request)
        let (data, regenerated) = try generated.output(as: format, draft: manifest.projet)
        let verdict: Verdict
        if regenerated.fichier?.sha256 == file.sha256 {
            verdict = .identical
        } else if regenerated.donnees.sha256 != manifest.donnees.sha256 {
            let old = manifest.donnees.champs ?? [:], new = regenerated.donnees.champs ?? [:]
            verdict = .dataChanged(changed: old.keys.filter { new[$0] != nil && new[$0] != old[$0] }.sorted(),
                                   added: new.keys.filter { old[$0] == nil }.sorted(),
                                   removed: old.keys.filter { new[$0] == nil }.sorted())
        } else if regenerated.papier_en_tete != manifest.papier_en_tete {
            verdict = .letterheadChanged
        } else if regenerated.style != manifest.style {
            verdict = .styleChanged
        } else if regenerated.outil != manifest.outil {
            verdict = .otherToolVersion(original: manifest.outil)
        } else {
            verdict = .notReproducible
        }
        return Regeneration(manifest: manifest, regenerated: regenerated, data: data, verdict: verdict)
    }
}

/// Which generated documents hold an older version of a clause: from manifests found under folders
/// (and, through the workspace, from the archive).
public enum ClauseImpact {
    public struct Hit: Sendable, Hashable {
        public let clause: String
        public let version: Int
        public let document: String
        public let subject: String
        public let event: String?
        /// Where it was found: a manifest path or an archive reference.
        public let source: String
    }

    /// Every manifest (`*.manifest.json`) under `directories` that includes `clause` at a version
    /// lower than `below`.
    public static func scan(_ directories: [URL], clause: String, below: Int) -> [Hit] {
        var hits: [Hit] = []
        let fm = FileManager.default
        for directory in directories {
            guard let walker = fm.enumerator(at: directory, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles]) else { continue }
            for case let url as URL in walker where url.lastPathComponent.hasSuffix(".manifest.json") {
                guard let data = try? Data(contentsOf: url), let manifest = try? Manifest.read(data) else { continue }
                hits += matches(manifest, clause: clause, below: below, source: url.path)
            }
        }
        return hits.sorted { ($0.subject, $0.document, $0.source) < ($1.subject, $1.document, $1.source) }
    }

    /// The hit of one manifest, if it holds an older version of the clause.
    public static func matches(_ manifest: Manifest, clause: String, below: Int, source: String) -> [Hit] {
        manifest.clauses.filter { $0.id == clause && $0.version < below }.map {
            Hit(clause: clause, version: $0.version, document: manifest.document, subject: manifest.sujet, event: manifest.evenement, source: source)
        }
    }
}
