import Foundation
import TrameDiagnostics

/// The files a convention names besides itself: each partner's logo (`parties[].logo`, with the
/// PNG rendering beside an SVG) and the house style (`style:`), all named relative to the
/// convention file.
///
/// They are part of the convention: the workspace stores them with each version (so that a
/// letterhead generated from the archive is the one of that version) and lays them out beside the
/// convention file again when it generates from it.
public enum ConventionAttachments {
    /// A file the convention names, as written.
    public struct Reference: Sendable, Hashable {
        /// The relative path as written (`logos/association.svg`), or the derived fallback's.
        public let name: String
        /// The field that names it (`parties[1].logo`, `style`).
        public let path: FieldPath
        public let location: SourceLocation?
        public let kind: Kind
    }

    public enum Kind: String, Sendable, Hashable {
        /// A partner's logo.
        case logo
        /// The PNG rendering of an SVG logo (same name, `.png`).
        case logoFallback
        /// The house style file.
        case style
        /// A file the style file names (its header image).
        case styleFile
    }

    /// The files named by the convention itself (logos, their fallbacks, the style file). Files the
    /// style file names are added by whoever reads the style (``Reference/Kind/styleFile``).
    public static func references(in root: DataNode) -> [Reference] {
        var references: [Reference] = []
        for party in root.items("parties") {
            guard let node = party["logo"], let name = node.text else { continue }
            references.append(Reference(name: name, path: node.path, location: node.location, kind: .logo))
            if name.lowercased().hasSuffix(".svg") {
                references.append(Reference(name: String(name.dropLast(4)) + ".png", path: node.path, location: node.location, kind: .logoFallback))
            }
        }
        if let node = root["style"], let name = node.text {
            references.append(Reference(name: name, path: node.path, location: node.location, kind: .style))
        }
        return references
    }

    /// Whether a relative name stays inside the convention's folder: no absolute path, no `..`,
    /// no empty or hidden component. Only such names can be stored with the convention and laid
    /// out again beside it.
    public static func isStorable(_ name: String) -> Bool {
        guard !name.isEmpty, !name.hasPrefix("/"), !name.contains("\\"), name.utf8.count <= 255 else { return false }
        return name.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { part in
            !part.isEmpty && part != "." && part != ".." && !part.hasPrefix(".")
        }
    }

    /// The file of `name` beside `conventionFile`.
    public static func url(_ name: String, conventionFile: String) -> URL {
        URL(fileURLWithPath: conventionFile).deletingLastPathComponent().appendingPathComponent(name)
    }

    /// The located errors of the logos a convention file names: a name that leaves the
    /// convention's folder, a missing or empty file, an SVG without its PNG rendering beside it.
    /// (Whether the bytes are a picture is checked where they become one: `Letterheads` in
    /// TrameAssembly.) Never a letterhead silently left out.
    public static func checkLogos(_ root: DataNode, conventionFile: String) -> [Diagnostic] {
        references(in: root).compactMap { reference in
            guard reference.kind == .logo || reference.kind == .logoFallback else { return nil }
            guard isStorable(reference.name) else {
                return .error(.logoInvalide, path: reference.path,
                              "chemin de logo « \(reference.name) » refusé : il se lit à partir du dossier de la convention, sans « .. » ni chemin absolu (par exemple « logos/association.png »)",
                              at: reference.location)
            }
            let url = url(reference.name, conventionFile: conventionFile)
            guard let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int, size > 0 else {
                let message = reference.kind == .logo
                    ? "logo introuvable : « \(reference.name) » (le chemin se lit à partir du dossier de la convention)"
                    : "le logo SVG doit avoir son rendu PNG à côté, de même nom (« \(reference.name) ») : les traitements de texte qui ne lisent pas le SVG l'affichent"
                return .error(.logoIntrouvable, path: reference.path, message, at: reference.location)
            }
            return nil
        }
    }
}
