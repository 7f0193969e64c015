import Foundation
import Yams
import TrameDiagnostics

/// What a file is, by its content.
public enum FileKind: String, Sendable {
    case convention, dossier
}

/// One file read and checked against the format (before the rules that need another file).
public struct LoadedFile: Sendable {
    public let path: String
    public let kind: FileKind?
    public let source: SourceText
    /// The checked tree; nil when the file could not be read or parsed at all.
    public let root: DataNode?
    public var diagnostics: [Diagnostic]
    /// Whether the file could not be found or read (exit status 66 rather than 65).
    public let isUnreadable: Bool
}

/// Reads convention and dossier files into checked trees and typed models.
public enum ModelLoader {
    /// Reads and checks one file. `expected` forces the kind; otherwise it is told by the content
    /// (`dossier:` or `identifiant:` at the top), then by the file name.
    public static func read(path: String, expected: FileKind? = nil) -> LoadedFile {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return unreadable(path, .fichierIntrouvable, "fichier introuvable")
        }
        guard !isDirectory.boolValue else { return unreadable(path, .fichierIllisible, "c'est un dossier, pas un fichier") }
        guard let data = try? Data(contentsOf: url) else { return unreadable(path, .fichierIllisible, "lecture impossible (droits d'accès ?)") }
        var file = read(data: data, name: path, expected: expected)
        // The files a convention names are read beside it: only a file on disk has a folder.
        if file.kind == .convention, let root = file.root {
            file.diagnostics += ConventionAttachments.checkLogos(root, conventionFile: path)
        }
        return file
    }

    /// Reads and checks the bytes of a file named `name`.
    public static func read(data: Data, name: String, expected: FileKind? = nil) -> LoadedFile {
        let parsed = SourceReader.read(data, name: name)
        guard let node = parsed.root else {
            return LoadedFile(path: name, kind: expected, source: parsed.text, root: nil, diagnostics: parsed.diagnostics, isUnreadable: false)
        }
        guard case .mapping(let mapping) = node else {
            let d = Diagnostic.error(.typeValeur, "le fichier doit être un ensemble de champs « clé: valeur » (convention ou dossier)",
                                     at: node.mark.map { SourceLocation(file: name, line: $0.line, column: $0.column) })
            return LoadedFile(path: name, kind: expected, source: parsed.text, root: nil, diagnostics: [d], isUnreadable: false)
        }
        let topKeys = mapping.compactMap { $0.key.string }
        let base = (name as NSString).lastPathComponent
        let kind = expected ?? (topKeys.contains("dossier") ? .dossier : topKeys.contains("identifiant") ? .convention
            : base.hasPrefix("dossier") ? .dossier : base.hasPrefix("convention") ? .convention : nil)
        guard let kind else {
            let d = Diagnostic.error(.typeFichier, "impossible de savoir s'il s'agit d'une convention ou d'un dossier : la clé « identifiant » (convention) ou « dossier » (dossier) manque",
                                     at: SourceLocation(file: name, line: 1, column: 1))
            return LoadedFile(path: name, kind: nil, source: parsed.text, root: nil, diagnostics: [d], isUnreadable: false)
        }
        let stage = mapping["etape"]?.string.flatMap(Stage.init(rawValue:))
        var decoder = SchemaDecoder(file: name, requireFromAttribution: stage?.requiresHousing ?? false)
        let schema = kind == .dossier ? FormatSchemas.dossier : FormatSchemas.convention
        let root = decoder.decodeRoot(node, schema: schema)
        var diagnostics = decoder.diagnostics
        if kind == .convention, let root { diagnostics += ConventionRules.check(root) }
        return LoadedFile(path: name, kind: kind, source: parsed.text, root: root, diagnostics: diagnostics, isUnreadable: false)
    }

    private static func unreadable(_ path: String, _ code: DiagnosticCode, _ message: String) -> LoadedFile {
        LoadedFile(path: path, kind: nil, source: SourceText(name: path, text: ""), root: nil,
                   diagnostics: [.error(code, message, at: SourceLocation(file: path, line: 1, column: 1))], isUnreadable: true)
    }

    /// Applies the dossier rules that compare it with its convention.
    public static func checkDossier(_ dossier: LoadedFile, convention: LoadedFile?) -> [Diagnostic] {
        guard let root = dossier.root else { return [] }
        return DossierRules.check(root, convention: convention?.root)
    }
}

/// Finds a dossier's convention: `--convention FILE` first, then `convention-<id>.yaml` (or .yml,
/// .json) next to the dossier, then the bundled `Conventions/<id>/`.
public struct ConventionLocator: Sendable {
    public let override: String?
    public let bundledConventions: URL?

    public init(override: String? = nil, bundledConventions: URL? = TrameResources.conventionsDirectory) {
        self.override = override
        self.bundledConventions = bundledConventions
    }

    /// The path of the convention file for `id`, for a dossier at `dossierPath`, or nil.
    public func path(for id: String, dossierPath: String) -> String? {
        if let override { return override }
        let fm = FileManager.default
        let names = ["yaml", "yml", "json"].map { "convention-\(id).\($0)" }
        let directory = (dossierPath as NSString).deletingLastPathComponent
        for name in names {
            let candidate = directory.isEmpty ? name : (directory as NSString).appendingPathComponent(name)
            if fm.fileExists(atPath: candidate) { return candidate }
        }
        if let bundled = bundledConventions?.appendingPathComponent(id), Identifier.isValid(id) {
            for name in names + ["convention.yaml"] {
                let candidate = bundled.appendingPathComponent(name).path
                if fm.fileExists(atPath: candidate) { return candidate }
            }
        }
        return nil
    }
}
