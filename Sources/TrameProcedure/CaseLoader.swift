import Foundation
import TrameModel

/// Dossiers and conventions read for a report, with the files refused and why.
public struct CaseSet: Sendable {
    /// The dossiers without errors, with their conventions.
    public var cases: [Case] = []
    /// The conventions read without errors, by id (given on the command line, found in a
    /// directory, or located for a dossier).
    public var conventions: [String: Convention] = [:]
    /// The refused files' error diagnostics, rendered like `trame check` (with line and caret).
    public var errorText = ""
    /// The paths of the files refused because of errors.
    public var rejected: [String] = []
    /// Whether a file could not be found or read (exit status 66).
    public var unreadable = false

    /// Whether a file was refused (exit status 65).
    public var hasErrors: Bool { !rejected.isEmpty }
}

/// Reads dossiers for `deadlines`, `funding` and `status`: the format, the dossier rules and the
/// pathway evidence must hold (errors only; warnings are `trame check`'s business).
public enum CaseLoader {
    /// Reads the files at `paths` (dossiers, and conventions which are then used for the dossiers).
    /// - Parameters:
    ///   - paths: Dossier or convention files.
    ///   - locator: Finds a dossier's convention when it is not among `paths`.
    public static func load(paths: [String], locator: ConventionLocator = ConventionLocator()) -> CaseSet {
        var set = CaseSet()
        var reader = CaseReader(locator: locator)
        var dossiers: [LoadedFile] = []
        var seen: Set<String> = []
        for path in paths where seen.insert(path).inserted {
            let file = ModelLoader.read(path: path)
            if file.kind == .convention {
                if accept(file, into: &set) != nil { reader.register(convention: file) }
            } else {
                dossiers.append(file)
            }
        }
        for file in dossiers {
            guard file.kind == .dossier, let root = file.root, !file.diagnostics.hasErrors else {
                reject(file, [], into: &set)
                continue
            }
            let reading = reader.read(dossier: file)
            let convention = reading.convention.flatMap { accept($0, into: &set) }
            if let convention, !reading.diagnostics.hasErrors {
                set.cases.append(Case(dossier: Dossier(checked: root), convention: convention, path: file.path))
            } else {
                reject(file, reading.diagnostics, into: &set)
            }
        }
        return set
    }

    /// Reads every `.yaml`, `.yml` and `.json` file under `directory` (recursively, hidden entries
    /// skipped, in path order).
    public static func load(directory: URL, locator: ConventionLocator = ConventionLocator()) -> CaseSet {
        let fm = FileManager.default
        var paths: [String] = []
        if let walker = fm.enumerator(at: directory, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles]) {
            for case let url as URL in walker where ["yaml", "yml", "json"].contains(url.pathExtension.lowercased()) {
                paths.append(url.path)
            }
        }
        return load(paths: paths.sorted(), locator: locator)
    }

    /// Keeps a convention read without errors; records the errors otherwise.
    private static func accept(_ file: LoadedFile, into set: inout CaseSet) -> Convention? {
        guard let root = file.root, !file.diagnostics.hasErrors else {
            if !set.rejected.contains(file.path) { reject(file, [], into: &set) }
            return nil
        }
        let convention = Convention(checked: root)
        if set.conventions[convention.identifiant] == nil { set.conventions[convention.identifiant] = convention }
        return convention
    }

    private static func reject(_ file: LoadedFile, _ extra: [Diagnostic], into set: inout CaseSet) {
        set.rejected.append(file.path)
        set.unreadable = set.unreadable || file.isUnreadable
        var errors = (file.diagnostics + extra).filter { $0.severity == .error }
        if errors.isEmpty, file.kind != .dossier {
            errors = [.error(.typeFichier, "ce fichier n'est pas un dossier", at: SourceLocation(file: file.path, line: 1, column: 1))]
        }
        errors.sort { ($0.location?.line ?? 0, $0.location?.column ?? 0, $0.code) < ($1.location?.line ?? 0, $1.location?.column ?? 0, $1.code) }
        for d in errors { set.errorText += d.rendered(source: file.source) + "\n" }
    }
}
