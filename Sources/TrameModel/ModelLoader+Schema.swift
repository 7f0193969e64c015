import Foundation
import TrameDiagnostics

extension ModelLoader {
    /// Reads a YAML or JSON file of another kind than a convention or a dossier (a style file)
    /// against `schema`, with the same located diagnostics: syntax, unknown keys with their
    /// nearest spelling, values of the wrong shape. Scalars typed `.text` keep their raw text for
    /// the caller to interpret (lengths, colours), each with its location.
    public static func read(path: String, schema: Schema) -> LoadedFile {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return unreadableFile(path, .fichierIntrouvable, "fichier introuvable")
        }
        guard !isDirectory.boolValue else { return unreadableFile(path, .fichierIllisible, "c'est un dossier, pas un fichier") }
        guard let data = FileManager.default.contents(atPath: path) else {
            return unreadableFile(path, .fichierIllisible, "lecture impossible (droits d'accès ?)")
        }
        return read(data: data, name: path, schema: schema)
    }

    /// Reads the bytes of a file named `name` against `schema`.
    public static func read(data: Data, name: String, schema: Schema) -> LoadedFile {
        let parsed = SourceReader.read(data, name: name)
        guard let node = parsed.root else {
            return LoadedFile(path: name, kind: nil, source: parsed.text, root: nil, diagnostics: parsed.diagnostics, isUnreadable: false)
        }
        var decoder = SchemaDecoder(file: name, requireFromAttribution: false)
        let root = decoder.decodeRoot(node, schema: schema)
        return LoadedFile(path: name, kind: nil, source: parsed.text, root: root, diagnostics: decoder.diagnostics, isUnreadable: false)
    }

    private static func unreadableFile(_ path: String, _ code: DiagnosticCode, _ message: String) -> LoadedFile {
        LoadedFile(path: path, kind: nil, source: SourceText(name: path, text: ""), root: nil,
                   diagnostics: [.error(code, message, at: SourceLocation(file: path, line: 1, column: 1))], isUnreadable: true)
    }
}
