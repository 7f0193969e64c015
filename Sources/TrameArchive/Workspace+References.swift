import Foundation
import TrameFiles
import GRDB
import TrameDiagnostics

/// Something `trame archive show` and `get` can point at.
public enum ArchivedItem: Sendable, Hashable {
    case signed(SignedVersion)
    case generated(GeneratedDocument)

    public var ref: String {
        switch self {
        case .signed(let v): return v.ref
        case .generated(let g): return g.ref
        }
    }

    public var sha256: String {
        switch self {
        case .signed(let v): return v.sha256
        case .generated(let g): return g.sha256
        }
    }

    public var ownerID: String {
        switch self {
        case .signed(let v): return v.ownerID
        case .generated(let g): return g.ownerID
        }
    }
}

extension Workspace {
    /// Finds an archived item by reference:
    /// `MJ-2019-004/sous-location/v2`, `MJ-2019-004/sous-location` (the current version),
    /// `MJ-2019-004/evaluation/2019-09-26/v1`, `G12` (a generated document), or a SHA-256
    /// (whole, or its first 8 characters or more when they are unambiguous).
    /// - Throws: `Diagnostic` `REFERENCE_INCONNUE` or `REFERENCE_AMBIGUE`.
    public func resolve(_ ref: String) throws -> ArchivedItem {
        if let id = GeneratedDocument.id(fromRef: ref) {
            if let g = try generatedDocument(id: id) { return .generated(g) }
            throw unknown(ref)
        }
        let lower = ref.lowercased()
        if lower.count >= 8, lower.count <= 64, lower.allSatisfy(\.isHexDigit) {
            return try resolveHash(lower, ref: ref)
        }
        var parts = ref.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var version: Int?
        if let last = parts.last, last.hasPrefix("v"), let n = Int(last.dropFirst()) {
            version = n
            parts.removeLast()
        }
        guard parts.count == 2 || parts.count == 3 else { throw unknown(ref) }
        let chain = try signedVersions(ownerID: parts[0]).filter { $0.key == parts.joined(separator: "/") }
        guard let found = version.map({ n in chain.first { $0.version == n } }) ?? chain.last else { throw unknown(ref) }
        return .signed(found)
    }

    private func resolveHash(_ prefix: String, ref: String) throws -> ArchivedItem {
        let pattern = prefix + "%"
        let (signed, generated) = try read { db in
            (try Row.fetchAll(db, sql: SignedVersion.select + " WHERE s.sha256 LIKE ? ORDER BY s.id", arguments: [pattern]).map(SignedVersion.init(row:)),
             try Row.fetchAll(db, sql: GeneratedDocument.select + " WHERE g.sha256 LIKE ? ORDER BY g.id", arguments: [pattern]).map(GeneratedDocument.init(row:)))
        }
        let items = signed.map(ArchivedItem.signed) + generated.map(ArchivedItem.generated)
        guard let first = items.first else { throw unknown(ref) }
        guard Set(items.map(\.sha256)).count == 1 else {
            throw Diagnostic.error(.referenceAmbigue, "l'empreinte « \(ref) » désigne plusieurs fichiers : \(items.map(\.ref).joined(separator: ", ")) ; donnez-en davantage de caractères")
        }
        return first
    }

    private func unknown(_ ref: String) -> Diagnostic {
        Diagnostic.error(.referenceInconnue, "« \(ref) » ne désigne aucun document archivé (voir « trame archive log ») ; "
                              + "forme attendue : DOSSIER/DOCUMENT[/DATE]/vN, G12 ou une empreinte SHA-256")
    }

    /// Where the item's bytes are stored (read-only).
    public func storedFileURL(_ item: ArchivedItem) -> URL { store.url(for: item.sha256) }

    /// Where the stored file with this SHA-256 is (it may be missing: check its hash when reading).
    public func storedFileURL(sha256: String) -> URL { store.url(for: sha256) }

    /// Copies an archived file to `output`, checking its hash on the way.
    ///
    /// The file is written under a temporary name in the target directory, flushed, then renamed:
    /// `output` is complete or absent. An existing `output` is kept unless `overwrite`.
    /// - Throws: `Diagnostic` `FICHIER_EXISTANT`, `FICHIER_MODIFIE`, `FICHIER_MANQUANT`.
    public func extract(_ item: ArchivedItem, to output: URL, overwrite: Bool) throws {
        let add = try beginAdd(.extract)
        defer { abandon(add) }
        try writeAtomically(to: output, overwrite: overwrite, for: add) { temporary in
            let source = store.url(for: item.sha256)
            guard FileManager.default.fileExists(atPath: source.path) else {
                throw Diagnostic.error(.fichierManquant, "fichier archivé introuvable ; lancez « trame archive verify »", subject: ContentStore.relativePath(item.sha256))
            }
            let copied = try ContentStore.copy(from: source, to: temporary).sha256
            guard copied == item.sha256 else {
                throw Diagnostic.error(.fichierModifie, "le fichier archivé a été altéré (empreinte \(copied.prefix(12))… au lieu de \(item.sha256.prefix(12))…) ; lancez « trame archive verify »",
                                        subject: ContentStore.relativePath(item.sha256))
            }
        }
        try audit("extraction", owner: item.ownerID, subject: item.ref, sha256: item.sha256, detail: ["vers": output.path])
        add.steps.step("audit-logged")
    }

    /// Runs `body` on a temporary file beside `output`, then moves it into place.
    ///
    /// With `add` (a backup, an export, an extraction), the temporary's path is noted in `tmp/<token>.sortie` first, so that the
    /// recovery removes it if the process dies before the rename, and the steps are named.
    func writeAtomically(to output: URL, overwrite: Bool, for add: PendingAdd? = nil, _ body: (URL) throws -> Void) throws {
        let note = add.map { store.outputNoteURL($0.token) }
        defer { if let note { POSIXFile.remove(note) } }
        try AtomicFile.write(to: output, replacing: overwrite, prepare: { temporary in
            guard let add, let note else { return }
            try store.noteOutput(temporary, in: note)
            add.steps.step("output-noted")
        }, step: { reached in
            switch reached {
            case "written": add?.steps.step("output-written")
            case "synced": add?.steps.step("output-synced")
            case "renamed": add?.steps.step("output-renamed")
            default: add?.steps.step("output-dir-synced")
            }
        }, body)
    }
}
