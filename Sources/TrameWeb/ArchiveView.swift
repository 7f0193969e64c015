import Foundation
import TrameAccounts
import TrameArchive
import TrameAssembly
import TrameModel

/// The archive of a dossier as a partner may see it: signed versions and generated documents of
/// the audiences its role may receive, each with the state of its stored file.
struct ArchiveView {
    let opened: OpenedDossier
    let workspace: Workspace
    let today: CalendarDate

    /// Whether the partner may have an archived document of `kind` produced for `audience`
    /// (`DisclosurePolicy`, through the clearance). A document about an evaluation needs, for a
    /// landlord, the consent in force on the evaluation's date and still today; when that date is
    /// unknown, the document is refused to a landlord rather than judged by today's consent.
    func mayReceive(kind: DocumentKind, audience: Audience, evaluationDate: String?) -> Bool {
        let event = evaluationDate.flatMap(CalendarDate.init(iso:))
        if kind.isEvaluation || kind == .courrierPrefet, event == nil, opened.clearance.role == .bailleur { return false }
        return opened.clearance.mayReceive(audience, of: opened.dossier, event: event, today: today)
    }

    /// The evaluation a generated document is about, as its stored manifest records it.
    func evaluationDate(of document: GeneratedDocument) -> String? {
        guard document.documentKind.isEvaluation || document.documentKind == .courrierPrefet,
              let data = workspace.manifestData(of: document), let manifest = try? Manifest.read(data) else { return nil }
        return manifest.evenement
    }

    func signed(kind: DocumentKind? = nil) throws -> [SignedVersion] {
        try workspace.signedVersions(ownerID: opened.dossier.id).filter {
            (kind == nil || $0.documentKind == kind) && mayReceive(kind: $0.documentKind, audience: $0.audience, evaluationDate: $0.evaluationDate)
        }
    }

    func generated(kind: DocumentKind? = nil) throws -> [GeneratedDocument] {
        try workspace.generatedDocuments(ownerID: opened.dossier.id).filter {
            (kind == nil || $0.documentKind == kind) && mayReceive(kind: $0.documentKind, audience: $0.audience, evaluationDate: evaluationDate(of: $0))
        }
    }

    /// « intègre », « altéré » or « manquant »: the stored file hashed again — once per state of the
    /// file on disk (size and modification date), not at every page view (a 25 Mo scan hashed per
    /// view slowed every dossier page: issue 16). `trame archive verify` still hashes everything.
    func integrity(_ item: ArchivedItem) -> (text: String, ok: Bool) {
        let url = workspace.storedFileURL(item)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path) else { return ("fichier manquant", false) }
        let stamp = "\(url.path)|\(item.sha256)|\((attributes[.size] as? NSNumber)?.int64Value ?? -1)|"
            + "\((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1)"
        if let known = Self.verified.value(stamp) { return known ? Self.intact : Self.altered }
        guard let data = try? Data(contentsOf: url) else { return ("fichier manquant", false) }
        let ok = CanonicalData.sha256(of: data) == item.sha256
        Self.verified.keep(stamp, ok)
        return ok ? Self.intact : Self.altered
    }

    private static let intact = (text: "intègre (empreinte vérifiée)", ok: true)
    private static let altered = (text: "altéré : empreinte différente", ok: false)
    /// Files hashed by this process, by path, hash expected, size and modification date.
    private static let verified = VerifiedFiles()

    func rows(signed versions: [SignedVersion]) -> [[String: Any]] {
        versions.map { v in
            let state = integrity(.signed(v))
            // The link names the file (« Contrat de sous-location, version signée 2 (PDF) »); its URL
            // keeps the fingerprint (issue 16).
            return ["ref": v.ref, "document": v.documentKind.french, "version": v.version, "signedOn": WebDates.day(v.signedOn),
                    "evaluation": v.evaluationDate ?? "", "signatories": v.signatories.joined(separator: " ; "),
                    "reason": v.reason ?? "", "audience": PlainWords.audience(v.audience), "generated": v.generatedRef ?? "",
                    "state": state.text, "ok": state.ok, "href": "/fichiers/\(v.sha256)", "type": v.mediaType.french,
                    "name": "\(WebDates.capitalized(v.documentKind.french)), version signée \(v.version) (\(v.mediaType.french))",
                    "addedBy": WebDates.actor(v.addedBy), "addedAt": WebDates.local(v.addedAt), "sha": v.sha256]
        }
    }

    func rows(generated documents: [GeneratedDocument]) -> [[String: Any]] {
        documents.map { g in
            let state = integrity(.generated(g))
            return ["ref": g.ref, "document": g.documentKind.french, "audience": PlainWords.audience(g.audience), "format": g.format.uppercased(),
                    "source": g.sourceVersion.map { "\($0)" } ?? "?", "state": state.text, "ok": state.ok,
                    "name": "\(WebDates.capitalized(g.documentKind.french)) pour \(PlainWords.audience(g.audience)) (\(g.format.uppercased()))",
                    "href": "/fichiers/\(g.sha256)", "sha": g.sha256, "addedBy": WebDates.actor(g.addedBy), "addedAt": WebDates.local(g.addedAt)]
        }
    }
}

/// Dates and times for people.
enum WebDates {
    /// `02/03/2025 14:05` (with `seconds`, `02/03/2025 14:05:09`), local time.
    static func local(_ date: Date, seconds: Bool = false) -> String {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: date)
        func pad(_ n: Int?) -> String { n.map { $0 < 10 ? "0\($0)" : String($0) } ?? "??" }
        return "\(pad(c.day))/\(pad(c.month))/\(c.year ?? 0) \(pad(c.hour)):\(pad(c.minute))" + (seconds ? ":\(pad(c.second))" : "")
    }

    /// `2019-04-01` → `01/04/2019` (a text that is no date, as it is).
    static func day(_ iso: String) -> String {
        CalendarDate(iso: iso).map(DataView.french) ?? iso
    }

    /// Who added a version: `web:n.haddad` → `n.haddad` (the CLI's actors as they are).
    static func actor(_ actor: String) -> String {
        actor.hasPrefix("web:") ? String(actor.dropFirst(4)) : actor
    }

    /// « contrat de sous-location » → « Contrat de sous-location ».
    static func capitalized(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}

/// The outcome of hashing a stored file, by the file's state on disk (bounded).
private final class VerifiedFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: Bool] = [:]

    func value(_ key: String) -> Bool? { lock.withLock { entries[key] } }

    func keep(_ key: String, _ ok: Bool) {
        lock.withLock {
            if entries.count >= 10_000 { entries.removeAll() }
            entries[key] = ok
        }
    }
}
