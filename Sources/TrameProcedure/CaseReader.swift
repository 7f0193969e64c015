import TrameModel

/// Reads dossiers together with their conventions, the one way every command does it.
///
/// A dossier's convention is, in order: `--convention FILE`; a convention given among the files
/// of the same command (by its `identifiant`); `convention-<id>.yaml` next to the dossier; the
/// bundled `Conventions/<id>/`. Each convention file is read once. The rules that compare a dossier
/// with its convention (`CaseValidation`) are applied, and a missing or different convention is
/// reported at the dossier's `convention:` value.
public struct CaseReader: Sendable {
    public let locator: ConventionLocator
    /// Convention files read so far, by path.
    public private(set) var conventionFiles: [String: LoadedFile] = [:]
    /// Conventions given explicitly, by identifiant → path.
    private var given: [String: String] = [:]

    public init(locator: ConventionLocator = ConventionLocator()) { self.locator = locator }

    /// Records a convention file given explicitly (on the command line, or found in a directory).
    public mutating func register(convention file: LoadedFile) {
        conventionFiles[file.path] = file
        if let id = file.root?["identifiant"]?.text, given[id] == nil { given[id] = file.path }
    }

    /// What reading a dossier found: the convention used and the diagnostics of the rules that
    /// need both files (the dossier's own format diagnostics stay in `LoadedFile.diagnostics`).
    public struct Reading: Sendable {
        public let convention: LoadedFile?
        public let diagnostics: [Diagnostic]
        /// Whether the convention was read for the first time by this call (to report its problems once).
        public let conventionIsNew: Bool
    }

    /// Finds and reads the convention of a dossier, and applies the cross-file rules.
    public mutating func read(dossier file: LoadedFile) -> Reading {
        guard let root = file.root, let idNode = root["convention"], let id = idNode.text else {
            return Reading(convention: nil, diagnostics: [], conventionIsNew: false)
        }
        let path = locator.override ?? given[id] ?? locator.path(for: id, dossierPath: file.path)
        guard let path else {
            let missing = Diagnostic.error(.conventionIntrouvable, path: idNode.path,
                "convention « \(id) » introuvable : placez convention-\(id).yaml à côté du dossier, ou indiquez --convention FICHIER",
                at: idNode.location)
            return Reading(convention: nil, diagnostics: [missing] + CaseValidation.diagnostics(dossier: file, convention: nil),
                           conventionIsNew: false)
        }
        let isNew = conventionFiles[path] == nil
        let convention = conventionFiles[path] ?? ModelLoader.read(path: path, expected: .convention)
        conventionFiles[path] = convention
        var diagnostics: [Diagnostic] = []
        if let actual = convention.root?["identifiant"]?.text, actual != id {
            diagnostics.append(.error(.conventionDifferente, path: idNode.path,
                "le dossier relève de la convention « \(id) », mais la convention fournie est « \(actual) » (\(path))", at: idNode.location))
        } else if convention.root == nil || convention.diagnostics.hasErrors {
            diagnostics.append(.error(.conventionRefusee, path: idNode.path,
                "la convention « \(id) » (\(path)) comporte des erreurs : corrigez-la d'abord", at: idNode.location))
        }
        let usable = convention.root == nil ? nil : convention
        diagnostics += CaseValidation.diagnostics(dossier: file, convention: usable)
        return Reading(convention: usable, diagnostics: diagnostics, conventionIsNew: isNew)
    }
}
