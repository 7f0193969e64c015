import Foundation
import TrameModel
import ZIPFoundation

/// What `export` wrote.
public struct ExportSummary: Sendable, Codable, Hashable {
    public let output: String
    public let ownerID: String
    /// The recipient the bundle was filtered for; nil: every document (internal use).
    public let audience: Audience?
    /// The versions in the bundle (current and superseded).
    public let documents: [String]
}

extension Workspace {
    /// Writes a ZIP bundle of a dossier's (or convention's) signed documents: every version, current
    /// and superseded, under `documents/`, with `index.json`, a French `index.txt` and `SHA256SUMS`.
    ///
    /// With an `audience`, the bundle holds only the documents that recipient may receive
    /// (`Audience.mayReceive`): a landlord bundle never holds a care, association or person's document.
    /// Each file's hash is checked as it is copied; the bundle is written atomically.
    /// - Throws: `Diagnostic` `DOSSIER_INCONNU`, `RIEN_A_EXPORTER`, `FICHIER_MODIFIE`, `FICHIER_EXISTANT`.
    public func export(ownerID: String, audience: Audience?, to output: URL, overwrite: Bool) throws -> ExportSummary {
        let all = try signedVersions(ownerID: ownerID)
        guard try currentRecord(.dossier, id: ownerID) != nil || currentRecord(.convention, id: ownerID) != nil else {
            throw Diagnostic.error(.dossierInconnu, "dossier ou convention « \(ownerID) » absent de l'espace de travail")
        }
        let chosen = all.filter { audience?.mayReceive($0.audience) ?? true }
        guard !chosen.isEmpty else {
            throw Diagnostic.error(.rienAExporter, "aucun document signé de « \(ownerID) » \(audience.map { "destiné à « \($0.rawValue) »" } ?? "n'est archivé")")
        }
        // The current version of each chain and audience: copies for different audiences never supersede one another.
        let currentByKey = Dictionary(grouping: all, by: { "\($0.key)|\($0.audience.rawValue)" }).mapValues { $0.map(\.version).max() ?? 0 }
        let entries = chosen.map { ExportEntry(version: $0, path: Workspace.exportPath($0),
                                               current: currentByKey["\($0.key)|\($0.audience.rawValue)"] == $0.version) }
        let index = ExportIndex(ownerID: ownerID, audience: audience?.rawValue ?? "tous", exportedAt: Timestamp.string(now),
                                exportedBy: actor, documents: entries.map(ExportIndex.Document.init))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let indexJSON = try encoder.encode(index)
        let indexText = Data(ExportIndex.french(index, entries: entries, today: today).utf8)
        let add = try beginAdd(.export)
        defer { abandon(add) }
        try writeAtomically(to: output, overwrite: overwrite, for: add) { temporary in
            let archive: Archive
            do { archive = try Archive(url: temporary, accessMode: .create) } catch {
                throw Diagnostic.io("création du fichier ZIP impossible", subject: output.path, underlying: error)
            }
            var sums: [String] = []
            for entry in entries {
                let sha = try ZipWriting.addStoredFile(archive, path: entry.path, source: store.url(for: entry.version.sha256),
                                                       modified: Date(timeIntervalSince1970: 946_684_800))
                guard sha == entry.version.sha256 else {
                    throw Diagnostic.error(.fichierModifie, "le fichier archivé de \(entry.version.ref) a été altéré : export refusé ; lancez « trame archive verify »",
                                            subject: ContentStore.relativePath(entry.version.sha256))
                }
                sums.append("\(sha)  \(entry.path)")
            }
            for (name, data) in [("index.json", indexJSON), ("index.txt", indexText)] {
                sums.append("\(try ZipWriting.addData(archive, path: name, data: data))  \(name)")
            }
            _ = try ZipWriting.addData(archive, path: "SHA256SUMS", data: Data((sums.joined(separator: "\n") + "\n").utf8))
        }
        try audit("export", owner: ownerID, detail: ExportAudit(destinataire: audience?.rawValue ?? "tous", fichier: output.path,
                                                                 references: entries.map(\.version.ref), empreintes: entries.map(\.version.sha256)))
        add.steps.step("audit-logged")
        return ExportSummary(output: output.path, ownerID: ownerID, audience: audience, documents: entries.map(\.version.ref))
    }

    /// `documents/sous-location/v2.pdf`, `documents/evaluation-2019-09-26/v1.pdf`.
    static func exportPath(_ v: SignedVersion) -> String {
        let folder = [v.documentKind.rawValue, v.evaluationDate].compactMap { $0 }.joined(separator: "-")
        return "documents/\(folder)/v\(v.version).\(v.mediaType.fileExtension)"
    }
}

private struct ExportAudit: Encodable, Sendable {
    let destinataire: String
    let fichier: String
    let references: [String]
    let empreintes: [String]
}

struct ExportEntry {
    let version: SignedVersion
    let path: String
    let current: Bool
}
