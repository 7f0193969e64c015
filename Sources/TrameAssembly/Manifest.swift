import Foundation
import TrameDocument
import TrameModel
import TrameTemplates

/// What a generated document is made of, so that it can be rebuilt and its clauses traced:
/// the document template version, every included clause version with its text hash, the hash of
/// the data its audience may see (never anything above that), the audience, draft or final, the
/// tool version. Embedded in the file and written beside it as `NAME.manifest.json`.
public struct Manifest: Codable, Sendable, Equatable {
    public struct TemplateRef: Codable, Sendable, Equatable {
        public var version: Int
        public var sha256: String
    }

    public struct ClauseRef: Codable, Sendable, Equatable {
        public var id: String
        public var version: Int
        public var sha256: String
        /// The legal period of this version as its locked file states it (`en_vigueur`, `jusqu_au`
        /// when written) and the legal text it reflects: why it was chosen for the act's date.
        public var en_vigueur: String?
        public var jusqu_au: String?
        public var source: String?
    }

    public struct DataRef: Codable, Sendable, Equatable {
        /// SHA-256 of the canonical JSON of the data the document may see.
        public var sha256: String
        /// One hash per field the document read (sidecar only), to tell which fields changed.
        public var champs: [String: String]?
    }

    /// A mandatory mention the act required, with its legal source and whether it is present.
    public struct MentionRef: Codable, Sendable, Equatable {
        public var id: String
        public var source: String
        public var presente: Bool
    }

    /// A logo of the letterhead: its partner and the SHA-256 of its file (of the SVG, then « + » and
    /// of its PNG rendering).
    public struct LogoRef: Codable, Sendable, Equatable {
        public var partie: String
        public var sha256: String
    }

    /// A style file applied to the document: where it came from (`convention`, `option` for
    /// `--style`) and the SHA-256 of its bytes (then « + » and its header image's, if it names one).
    public struct StyleRef: Codable, Sendable, Equatable {
        public var origine: String
        public var sha256: String
    }

    public struct FileRef: Codable, Sendable, Equatable {
        public var format: String
        public var sha256: String
        public var octets: Int
    }

    public var format = "trame-manifeste/1"
    public var document: String
    public var gabarit: TemplateRef
    /// The dossier id, or the convention id for partnership documents.
    public var sujet: String
    /// The evaluation or renewal date the document is about.
    public var evenement: String?
    /// The date that chose the clause versions.
    public var date_reference: String?
    /// The act's date: the dossier as recorded that day and the law then in force made the
    /// document; `trame regenerate` generates as of it again.
    public var date_acte: String?
    public var destinataire: String
    public var projet: Bool
    public var clauses: [ClauseRef]
    /// The mandatory mentions the act required (template `mentions:`); absent when it declares none.
    public var mentions_obligatoires: [MentionRef]?
    /// How many notes for counsel the document's clauses carry (in the « notes de rédaction » sheet).
    public var notes_redaction: Int?
    /// The partners' logos heading the pages (absent when there are none): the layout's data.
    public var papier_en_tete: [LogoRef]?
    /// The partnership's style files applied, in order (absent: Trame's default style).
    public var style: [StyleRef]?
    public var donnees: DataRef
    public var outil: String
    /// The written file (sidecar only: a file cannot hold its own hash).
    public var fichier: FileRef?

    /// The manifest of a generated document (without the file part).
    public init(_ generated: ProducedDocument, draft: Bool, toolVersion: String) {
        document = generated.template.documentID
        gabarit = TemplateRef(version: generated.template.version, sha256: generated.template.sha256)
        sujet = generated.subjectID
        evenement = generated.eventDate?.description
        date_reference = generated.referenceDate?.description
        date_acte = generated.referenceDate?.description
        destinataire = generated.audience.rawValue
        projet = draft
        clauses = generated.clauses.filter(\.included).map {
            ClauseRef(id: $0.id, version: $0.version, sha256: $0.sha256, en_vigueur: $0.effectiveDate, jusqu_au: $0.declaredUntil, source: $0.source)
        }
        let required = generated.mentions.filter(\.required)
        mentions_obligatoires = required.isEmpty ? nil : required.map { MentionRef(id: $0.id, source: $0.source, presente: $0.present) }
        notes_redaction = generated.draftingNotes.isEmpty ? nil : generated.draftingNotes.count
        papier_en_tete = generated.letterheadLogos.isEmpty ? nil : generated.letterheadLogos
        style = generated.styleFiles.isEmpty ? nil : generated.styleFiles
        // One hash per field the document read (and what lies under a list or object it read): a hash of a
        // short value can be reversed by trying values, so fields the document does not use are not hashed.
        let read = generated.readPaths
        let fields = CanonicalData.fieldHashes(generated.visibleData).filter { path, _ in
            read.contains(path) || read.contains { path.hasPrefix($0 + ".") || path.hasPrefix($0 + "[") }
        }
        donnees = DataRef(sha256: CanonicalData.sha256(generated.visibleData), champs: fields)
        outil = "trame \(toolVersion)"
    }

    /// The embedded form: compact, without per-field hashes or file part.
    public var embedded: Manifest {
        var copy = self
        copy.donnees.champs = nil
        copy.fichier = nil
        return copy
    }

    /// Stable JSON (sorted keys), pretty for the sidecar.
    public func json(pretty: Bool) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data()
    }

    public static func read(_ data: Data) throws -> Manifest { try JSONDecoder().decode(Manifest.self, from: data) }

    /// `contrat.odt` → `contrat.odt.manifest.json`, beside it (one per file, so that the ODT and
    /// the DOCX of the same document keep their own).
    public static func sidecar(for file: URL) -> URL {
        file.deletingLastPathComponent().appendingPathComponent(file.lastPathComponent + ".manifest.json")
    }

    /// The custom properties carrying the manifest inside the file.
    public var properties: [CustomProperty] {
        [
            CustomProperty(name: "trame:manifeste", value: String(decoding: embedded.json(pretty: false), as: UTF8.self)),
            CustomProperty(name: "trame:donnees-sha256", value: donnees.sha256),
            CustomProperty(name: "trame:clauses", value: clauses.map { "\($0.id)@\($0.version)" }.joined(separator: " ")),
            CustomProperty(name: "trame:outil", value: outil),
        ]
    }
}

extension ProducedDocument {
    /// The document with its manifest embedded in the metadata, and the manifest itself.
    public func withManifest(draft: Bool, toolVersion: String) -> (Document, Manifest) {
        let manifest = Manifest(self, draft: draft, toolVersion: toolVersion)
        var document = self.document
        document.metadata.customProperties += manifest.properties
        return (document, manifest)
    }
}
