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
struct CaseStore {
    let workspace: Workspace
    /// The workspace's conventions (current versions), by id.
    let conventions: [String: (file: LoadedFile, url: URL)]

    init(workspace: Workspace) throws {
        self.workspace = workspace
        var conventions: [String: (LoadedFile, URL)] = [:]
        for summary in try workspace.records(.convention) {
            let (version, url) = try workspace.recordFile(.convention, id: summary.current.id)
            guard let data = try? Data(contentsOf: url) else { continue }
            conventions[version.id] = (ModelLoader.read(data: data, name: version.fileName, expected: .convention), url)
        }
        self.conventions = conventions
    }

    /// Every dossier of the workspace, by id (current versions, read in place: no audit entry).
    func all() throws -> [StoredDossier] {
        try workspace.records(.dossier).compactMap { summary in
            let (version, url) = try workspace.recordFile(.dossier, id: summary.current.id)
            guard let data = try? Data(contentsOf: url), CanonicalData.sha256(of: data) == version.sha256 else { return nil }
            return stored(version, data)
        }
    }

    /// One dossier (current or given version); the reading is logged in the archive's audit log.
    func dossier(_ id: String, version: Int? = nil) throws -> StoredDossier? {
        guard try workspace.currentRecord(.dossier, id: id) != nil else { return nil }
        let (chosen, data) = try workspace.recordContent(.dossier, id: id, version: version)
        return stored(chosen, data)
    }

    private func stored(_ version: RecordVersion, _ data: Data) -> StoredDossier {
        let checked = check(data: data, name: version.fileName)
        return StoredDossier(version: version, bytes: data, file: checked.file, diagnostics: checked.diagnostics,
                             dossier: checked.file.diagnostics.hasErrors ? nil : checked.file.root.map(Dossier.init(checked:)),
                             convention: checked.convention)
    }

    /// The checks of `trame check` on the bytes of a dossier file.
    func check(data: Data, name: String) -> (file: LoadedFile, diagnostics: [Diagnostic], convention: Convention?) {
        let file = ModelLoader.read(data: data, name: name, expected: .dossier)
        guard file.kind == .dossier, file.root != nil else { return (file, file.diagnostics, nil) }
        var reader = CaseReader()
        for convention in conventions.values { reader.register(convention: convention.file) }
        let reading = reader.read(dossier: file)
        let convention = reading.convention.flatMap { c in c.diagnostics.hasErrors ? nil : c.root.map(Convention.init(checked:)) }
        return (file, file.diagnostics + reading.diagnostics, convention)
    }

    /// The path of a convention file for the generator: the workspace's version, else the bundled one.
    func conventionPath(_ id: String) -> String? {
        conventions[id]?.url.path ?? ConventionLocator().path(for: id, dossierPath: "")
    }

    /// The conventions known (workspace, then bundled for the ids dossiers use), checked, by id.
    func conventionModels(for dossiers: [StoredDossier]) -> [String: Convention] {
        var models: [String: Convention] = [:]
        for (id, entry) in conventions where !entry.file.diagnostics.hasErrors {
            if let root = entry.file.root { models[id] = Convention(checked: root) }
        }
        for d in dossiers { if let c = d.convention, models[c.identifiant] == nil { models[c.identifiant] = c } }
        return models
    }
}
