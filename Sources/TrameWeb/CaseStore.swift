import Crypto
import Foundation
import TrameArchive
import TrameAssembly
import TrameModel
import TrameProcedure

/// A dossier of the workspace (its current version), read and checked exactly as `trame check` does.
struct StoredDossier {
    let version: RecordVersion
    /// The original bytes of the version.
    let bytes: Data
    let file: LoadedFile
    /// The diagnostics of `trame check`: the file's own, then those needing its convention.
    let diagnostics: [Diagnostic]
    /// The dossier, when the file passes the format checks.
    let dossier: Dossier?
    /// Its convention, when found and without errors.
    let convention: Convention?

    var id: String { version.id }
    var hasErrors: Bool { diagnostics.hasErrors }

    /// The dossier with its convention, as `trame deadlines` and `trame status` use it (none with errors).
    var `case`: Case? {
        guard !hasErrors, let dossier, let convention else { return nil }
        return Case(dossier: dossier, convention: convention, path: version.fileName)
    }
}

/// The dossiers and conventions of a workspace, and the checks of `trame check` on any dossier bytes.
///
/// A dossier's convention is the workspace's current version of it, else the one bundled with
/// Trame (`Conventions/<id>/`), as `trame dossier add` looks for it.
///
/// What is current comes from the shared `IndexSnapshot`, read again only when the workspace's
/// table of versions has changed (by anyone: the CLI writes the same table): a request costs one
/// small read of the database, not a read and a check of every dossier (issue 16).
struct CaseStore {
    let workspace: Workspace
    /// The current versions, read and checked.
    let snapshot: IndexSnapshot
    /// Parsed files by content, shared by every request.
    let cache: CheckedCache

    /// The workspace's conventions (current versions), by id.
    var conventions: [String: (file: LoadedFile, url: URL)] { snapshot.conventions }
    /// The SHA-256 of the conventions in use: checked dossiers are cached for this set only.
    var conventionsKey: String { snapshot.conventionsKey }

    /// The current snapshot of `workspace` from `index` (read again when the versions changed).
    init(workspace: Workspace, index: WorkspaceIndex, cache: CheckedCache) throws {
        self.workspace = workspace
        self.cache = cache
        snapshot = try index.snapshot(of: workspace, cache: cache)
    }

    /// A key that changes whenever a dossier or convention gets a new current version (by anyone:
    /// the CLI writes the same table): what cached pages of several dossiers are valid for.
    func indexKey() -> String { snapshot.changes.records }

    /// Every dossier of the workspace, by id (current versions, read in place: no audit entry).
    func all() -> [StoredDossier] { snapshot.dossiers }

    /// One dossier (current or given version), from the cache when its bytes were read before.
    ///
    /// Page views are logged in the application's journal (`comptes.sqlite`, with the partner's
    /// login), not in the archive's audit log: a read never waits for the archive's write lock,
    /// which a partner saving a dossier holds while its file reaches the disk (issue 16).
    func dossier(_ id: String, version: Int? = nil) throws -> StoredDossier? {
        if let current = snapshot.dossier(id), version == nil || version == current.version.version { return current }
        // Another version, or one the snapshot left out because its file cannot be read as recorded
        // (then « trame archive verify » is named, not « introuvable »).
        guard snapshot.dossier(id) != nil || !snapshot.complete, try workspace.currentRecord(.dossier, id: id) != nil else { return nil }
        let (chosen, url) = try workspace.recordFile(.dossier, id: id, version: version)
        if let checked = cache.dossier(chosen.sha256, conventions: conventionsKey) { return checked.stored(as: chosen) }
        let data = try Data(contentsOf: url)
        guard CanonicalData.sha256(of: data) == chosen.sha256 else {
            throw Diagnostic.error(.fichierModifie, "le fichier de \(chosen.ref) ne correspond plus à son empreinte : lancez « trame archive verify »")
        }
        return IndexSnapshot.stored(chosen, data, conventions: conventions, key: conventionsKey, cache: cache)
    }

    /// The checks of `trame check` on the bytes of a dossier file.
    func check(data: Data, name: String) -> (file: LoadedFile, diagnostics: [Diagnostic], convention: Convention?) {
        IndexSnapshot.check(data: data, name: name, conventions: conventions)
    }

    /// Keeps the checks of `check(data:name:)` for the version `data` was recorded as, so that
    /// the next snapshot does not read and check those bytes again.
    func remember(_ checked: (file: LoadedFile, diagnostics: [Diagnostic], convention: Convention?), data: Data, as version: RecordVersion) {
        guard cache.dossier(version.sha256, conventions: conventionsKey) == nil else { return }
        cache.keep(dossier: IndexSnapshot.stored(version, data, checked: checked), conventions: conventionsKey)
    }

    /// The path of a convention file for the generator: the workspace's version (laid out with the
    /// logos and style stored with it), else the bundled one.
    func conventionPath(_ id: String) -> String? {
        if let stored = conventions[id] {
            return (try? workspace.conventionFile(id: id).url.path) ?? stored.url.path
        }
        return ConventionLocator().path(for: id, dossierPath: "")
    }

    /// The conventions known (workspace, then bundled for the ids dossiers use), checked, by id.
    func conventionModels(for dossiers: [StoredDossier]) -> [String: Convention] {
        var models = snapshot.conventionModels
        for d in dossiers { if let c = d.convention, models[c.identifiant] == nil { models[c.identifiant] = c } }
        return models
    }
}

/// The current versions of a workspace's conventions and dossiers, read and checked as
/// `trame check` does, for one state of its table of versions (`Workspace.changes()`). Immutable,
/// shared by every request until a version is added or purged.
final class IndexSnapshot: @unchecked Sendable {
    /// The state of the workspace's tables this snapshot was read at.
    let changes: WorkspaceChanges
    let conventions: [String: (file: LoadedFile, url: URL)]
    let conventionsKey: String
    /// The workspace's conventions without errors, as models, by id.
    let conventionModels: [String: Convention]
    /// Current versions, by dossier id (files that could not be read are left out).
    let dossiers: [StoredDossier]
    /// How many versions each dossier has, by id.
    let versionCounts: [String: Int]
    private let positions: [String: Int]
    /// Whether every current file was read: a snapshot that missed one is not kept.
    let complete: Bool

    func dossier(_ id: String) -> StoredDossier? { positions[id].map { dossiers[$0] } }

    private let memoLock = NSLock()
    private var memos: [String: Any] = [:]

    /// A value derived from this snapshot (every dossier's row data for a role and day), computed
    /// once per snapshot and `key` (the same for every request until a version is added).
    func memo<T>(_ key: String, compute: () -> T) -> T {
        if let known = memoLock.withLock({ memos[key] }) as? T { return known }
        let value = compute()
        memoLock.withLock { memos[key] = value }
        return value
    }

    init(workspace: Workspace, changes: WorkspaceChanges, cache: CheckedCache) throws {
        self.changes = changes
        var complete = true
        var conventions: [String: (LoadedFile, URL)] = [:]
        var shas: [String] = []
        for summary in try workspace.records(.convention) {
            let current = summary.current
            let url = workspace.storedFileURL(sha256: current.sha256)
            shas.append(current.sha256)
            if let file = cache.convention(current.sha256) {
                conventions[current.id] = (file, url)
                continue
            }
            guard let data = try? Data(contentsOf: url), CanonicalData.sha256(of: data) == current.sha256 else { complete = false; continue }
            let file = ModelLoader.read(data: data, name: current.fileName, expected: .convention)
            cache.keep(convention: file, sha256: current.sha256)
            conventions[current.id] = (file, url)
        }
        let key = shas.sorted().joined(separator: ",")
        var models: [String: Convention] = [:]
        for (id, entry) in conventions where !entry.0.diagnostics.hasErrors {
            if let root = entry.0.root { models[id] = Convention(checked: root) }
        }
        var dossiers: [StoredDossier] = []
        var counts: [String: Int] = [:]
        for summary in try workspace.records(.dossier) {
            let version = summary.current
            counts[version.id] = summary.versionCount
            guard let stored = Self.read(version, workspace: workspace, conventions: conventions, key: key, cache: cache) else {
                complete = false
                continue
            }
            dossiers.append(stored)
        }
        self.conventions = conventions
        conventionsKey = key
        conventionModels = models
        self.dossiers = dossiers
        versionCounts = counts
        positions = Dictionary(dossiers.enumerated().map { ($1.id, $0) }) { first, _ in first }
        self.complete = complete
    }

    /// `previous` brought up to `changes` with the dossier versions `added` since (read after
    /// `previous.changes.lastVersionRow`): the versions they replace are dropped, the others kept
    /// as they are, with their checks. Conventions are those of `previous` (a new convention version
    /// is read in full: `WorkspaceIndex`).
    init(updating previous: IndexSnapshot, with added: [RecordVersion], changes: WorkspaceChanges,
         workspace: Workspace, cache: CheckedCache) {
        self.changes = changes
        conventions = previous.conventions
        conventionsKey = previous.conventionsKey
        conventionModels = previous.conventionModels
        var complete = previous.complete
        var current = Dictionary(previous.dossiers.map { ($0.id, $0) }) { first, _ in first }
        var counts = previous.versionCounts
        for version in added {
            counts[version.id, default: 0] += 1
            if let known = current[version.id], known.version.version >= version.version { continue }
            current[version.id] = Self.read(version, workspace: workspace, conventions: conventions, key: conventionsKey, cache: cache)
            if current[version.id] == nil { complete = false }
        }
        // The order of `Workspace.records` (SQLite compares the ids' UTF-8 bytes).
        dossiers = current.values.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        versionCounts = counts
        positions = Dictionary(dossiers.enumerated().map { ($1.id, $0) }) { first, _ in first }
        self.complete = complete
    }

    /// A dossier version from `cache`, else read from the workspace's store and checked against
    /// `conventions`; nil when its file cannot be read as recorded (missing, or other bytes).
    static func read(_ version: RecordVersion, workspace: Workspace, conventions: [String: (file: LoadedFile, url: URL)],
                     key: String, cache: CheckedCache) -> StoredDossier? {
        if let checked = cache.dossier(version.sha256, conventions: key) { return checked.stored(as: version) }
        guard let data = try? Data(contentsOf: workspace.storedFileURL(sha256: version.sha256)),
              CanonicalData.sha256(of: data) == version.sha256 else { return nil }
        return stored(version, data, conventions: conventions, key: key, cache: cache)
    }

    /// A dossier version read and checked against `conventions`, kept in `cache`.
    static func stored(_ version: RecordVersion, _ data: Data, conventions: [String: (file: LoadedFile, url: URL)],
                       key: String, cache: CheckedCache) -> StoredDossier {
        if let checked = cache.dossier(version.sha256, conventions: key) { return checked.stored(as: version) }
        let stored = stored(version, data, checked: check(data: data, name: version.fileName, conventions: conventions))
        cache.keep(dossier: stored, conventions: key)
        return stored
    }

    /// A dossier version from the outcome of `check(data:name:conventions:)` on its bytes.
    static func stored(_ version: RecordVersion, _ data: Data,
                       checked: (file: LoadedFile, diagnostics: [Diagnostic], convention: Convention?)) -> StoredDossier {
        StoredDossier(version: version, bytes: data, file: checked.file, diagnostics: checked.diagnostics,
                      dossier: checked.file.diagnostics.hasErrors ? nil : checked.file.root.map(Dossier.init(checked:)),
                      convention: checked.convention)
    }

    /// The checks of `trame check` on the bytes of a dossier file.
    static func check(data: Data, name: String, conventions: [String: (file: LoadedFile, url: URL)])
        -> (file: LoadedFile, diagnostics: [Diagnostic], convention: Convention?) {
        let file = ModelLoader.read(data: data, name: name, expected: .dossier)
        guard file.kind == .dossier, file.root != nil else { return (file, file.diagnostics, nil) }
        var reader = CaseReader()
        for convention in conventions.values { reader.register(convention: convention.file) }
        let reading = reader.read(dossier: file)
        let convention = reading.convention.flatMap { c in c.diagnostics.hasErrors ? nil : c.root.map(Convention.init(checked:)) }
        return (file, file.diagnostics + reading.diagnostics, convention)
    }
}

/// The workspace's current `IndexSnapshot`, shared by the requests of one server: each request
/// asks the database where its tables stand (one small read) and gets the snapshot read at that
/// state; the first request after a change reads the new versions (others wait for it, no stampede).
final class WorkspaceIndex: @unchecked Sendable {
    private let condition = NSCondition()
    private var current: IndexSnapshot?
    private var reading = false

    func snapshot(of workspace: Workspace, cache: CheckedCache) throws -> IndexSnapshot {
        var changes = try workspace.changes()
        condition.lock()
        while true {
            if let current, current.changes == changes {
                condition.unlock()
                return current
            }
            if !reading { break }
            // Another request is reading: wait for it, then ask where the tables stand now (most
            // often what it has just read) rather than read an older state again.
            condition.wait()
            condition.unlock()
            changes = try workspace.changes()
            condition.lock()
        }
        reading = true
        condition.unlock()
        defer {
            condition.lock()
            reading = false
            condition.broadcast()
            condition.unlock()
        }
        let (snapshot, exact) = try read(workspace, at: changes, cache: cache)
        // Kept when it is whole and exactly the state `changes`: a full reading when the tables did
        // not move meanwhile (whatever a purge did to them), a snapshot brought up to date row by row
        // when it is not older than the one kept.
        if snapshot.complete {
            let keep = exact ? condition.withLock({ current.map { $0.changes.lastVersionRow <= changes.lastVersionRow } ?? true })
                             : try workspace.changes() == changes
            if keep { condition.withLock { current = snapshot } }
        }
        return snapshot
    }

    /// The snapshot at `changes`: the current one brought up to date with the dossier versions added
    /// since (a save reads one dossier, not 200), else everything read again (a convention version,
    /// a purge, or a version that could not be read).
    ///
    /// - Returns: the snapshot, and whether it holds exactly the rows of `changes` (a full reading may
    ///   also see versions added since: it is then exact only if the tables did not move meanwhile).
    private func read(_ workspace: Workspace, at changes: WorkspaceChanges, cache: CheckedCache) throws -> (IndexSnapshot, exact: Bool) {
        if let previous = condition.withLock({ current }), previous.complete,
           changes.lastVersionRow > previous.changes.lastVersionRow, changes.versionRows > previous.changes.versionRows {
            let added = try workspace.recordVersions(after: previous.changes.lastVersionRow)
                .filter { $0.row <= changes.lastVersionRow }.map(\.version)
            if Int64(added.count) == changes.versionRows - previous.changes.versionRows, added.allSatisfy({ $0.kind == .dossier }) {
                return (IndexSnapshot(updating: previous, with: added, changes: changes, workspace: workspace, cache: cache), true)
            }
        }
        return (try IndexSnapshot(workspace: workspace, changes: changes, cache: cache), false)
    }
}

/// Parsed and checked files by SHA-256 (dossiers: with the conventions they were checked against),
/// shared by the requests of one server. Content-addressed, so never stale: a new version is new
/// bytes, hence a new key. Bounded: the least recently added go first.
final class CheckedCache: @unchecked Sendable {
    /// At most this many dossiers (and as many conventions) are kept.
    static let capacity = 2_000

    private let lock = NSLock()
    private var dossiers: [String: StoredDossier] = [:]
    private var dossierOrder: [String] = []
    private var conventionFiles: [String: LoadedFile] = [:]

    func dossier(_ sha256: String, conventions: String) -> StoredDossier? {
        lock.withLock { dossiers[sha256 + "|" + conventions] }
    }

    func keep(dossier: StoredDossier, conventions: String) {
        let key = dossier.version.sha256 + "|" + conventions
        lock.withLock {
            if dossiers[key] == nil { dossierOrder.append(key) }
            dossiers[key] = dossier
            while dossierOrder.count > Self.capacity { dossiers[dossierOrder.removeFirst()] = nil }
        }
    }

    func convention(_ sha256: String) -> LoadedFile? {
        lock.withLock { conventionFiles[sha256] }
    }

    func keep(convention: LoadedFile, sha256: String) {
        lock.withLock {
            if conventionFiles.count >= Self.capacity { conventionFiles.removeAll() }
            conventionFiles[sha256] = convention
        }
    }
}

extension StoredDossier {
    /// The same checked content as `version` (the same bytes may be several versions' content).
    func stored(as version: RecordVersion) -> StoredDossier {
        StoredDossier(version: version, bytes: bytes, file: file, diagnostics: diagnostics, dossier: dossier, convention: convention)
    }
}

/// Rendered page bodies (without the layout, which holds the session's name and form token),
/// by what they depend on (`base`) and the version of the dossiers they show (`index`, from
/// `CaseStore.indexKey()`).
///
/// One request computes a missing body while the others wait for it (no stampede after each
/// save); with `maxStale`, they are served the previous body meanwhile, if it is that recent.
final class RenderedCache: @unchecked Sendable {
    /// At most this many bodies are kept (the least recently added go first).
    let capacity: Int
    private struct Entry {
        let index: String
        let body: String
        let at: Date
    }
    private let condition = NSCondition()
    private var entries: [String: Entry] = [:]
    private var order: [String] = []
    private var computing: Set<String> = []

    init(capacity: Int = 256) {
        self.capacity = capacity
    }

    /// - Parameters:
    ///   - maxStale: while another request computes the body, the previous one is served if it is
    ///     at most that old (seconds).
    ///   - minInterval: a body computed less than that long ago is served even if the dossiers
    ///     changed since (figures that may lag that much, computed at most that often under saves).
    func body(_ base: String, index: String, maxStale: TimeInterval = 0, minInterval: TimeInterval = 0,
              compute: () throws -> String) rethrows -> String {
        condition.lock()
        while true {
            if let entry = entries[base], entry.index == index || (minInterval > 0 && Date().timeIntervalSince(entry.at) < minInterval) {
                condition.unlock()
                return entry.body
            }
            if computing.contains(base) {
                if maxStale > 0, let entry = entries[base], Date().timeIntervalSince(entry.at) < maxStale {
                    condition.unlock()
                    return entry.body
                }
                condition.wait()
                continue
            }
            break
        }
        computing.insert(base)
        condition.unlock()
        defer {
            condition.lock()
            computing.remove(base)
            condition.broadcast()
            condition.unlock()
        }
        let body = try compute()
        condition.lock()
        if entries[base] == nil { order.append(base) }
        entries[base] = Entry(index: index, body: body, at: Date())
        while order.count > capacity { entries[order.removeFirst()] = nil }
        condition.unlock()
        return body
    }
}
