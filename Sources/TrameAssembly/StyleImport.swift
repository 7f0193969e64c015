import Foundation
import TrameDocument
import TrameFiles
import TrameModel

/// `trame style import`: a style file made from a reference document the partnership already
/// uses (pandoc's `--reference-doc` idea), with the header's first picture copied beside it.
public enum StyleImport {
    /// What an import writes.
    public struct Output: Sendable {
        /// The style file's text.
        public let yaml: String
        /// The header picture to write beside the style file, under this name.
        public let image: (name: String, data: Data)?
        /// The keys taken from the reference, in file order.
        public let keys: [String]
    }

    /// The style file for `reference`, the picture named after the output file (`STYLE-en-tete.png`).
    public static func make(_ reference: ReferenceStyle, referenceName: String, outputName: String) -> Output {
        var keys: [String] = []
        var lines = [
            // A file name may hold line breaks and control characters: in the comment, a line break
            // would start a YAML line of its own and a control character makes the file unreadable.
            "# Style importé de « \(String(referenceName.map { $0.isNewline || $0.unicodeScalars.contains { $0.properties.generalCategory == .control } ? " " : $0 })) » par trame style import (clés : docs/style.md).",
            "# Relisez-le : une valeur absente garde celle de Trame.",
            "nom: " + StyleValue.text("Style importé de \(referenceName)").yaml,
        ]
        func section(_ title: String, _ entries: [(String, StyleValue?)], depth: Int = 0, prefix: String) {
            let present = entries.compactMap { key, value in value.map { (key, $0) } }.filter { StyleKey.accepts(prefix + $0.0, $0.1) }
            guard !present.isEmpty else { return }
            lines.append(String(repeating: " ", count: depth * 2) + title + ":")
            for (key, value) in present {
                lines.append(String(repeating: " ", count: depth * 2 + 2) + key + ": " + value.yaml)
                keys.append(prefix + key)
            }
        }
        func fontLines(_ key: String, _ font: ReferenceStyle.Font?) -> [(String, StyleValue?)] {
            guard let font else { return [] }
            // A name that says its genre (« … Sans ») is surer than a converter's font table.
            let genre = FontFace.genre(of: font.name) ?? font.generic
            return [("famille", .text(font.name)), ("genre", genre.map(StyleValue.genre)),
                    ("remplacements", font.alternate.map { .texts([$0]) })]
        }
        if reference.bodyFont != nil || reference.headingFont != nil {
            lines.append("polices:")
            section("corps", fontLines("corps", reference.bodyFont), depth: 1, prefix: "polices.corps.")
            section("titres", fontLines("titres", reference.headingFont), depth: 1, prefix: "polices.titres.")
        }
        section("tailles", [("corps", reference.bodySize.map(StyleValue.size)), ("titre", reference.titleSize.map(StyleValue.size)),
                            ("section", reference.heading1Size.map(StyleValue.size)), ("sous_section", reference.heading2Size.map(StyleValue.size))],
                prefix: "tailles.")
        if let percent = reference.lineHeightPercent, StyleKey.accepts("interligne", .percent(percent)) {
            lines.append("interligne: " + StyleValue.percent(percent).yaml)
            keys.append("interligne")
        }
        if let spacing = reference.paragraphSpacing, StyleKey.accepts("espacement_paragraphes", .length(spacing)) {
            lines.append("espacement_paragraphes: " + StyleValue.length(spacing).yaml)
            keys.append("espacement_paragraphes")
        }
        let margins: [(String, StyleValue?)] = [("haut", reference.marginTop), ("bas", reference.marginBottom),
                                                ("gauche", reference.marginLeft), ("droite", reference.marginRight)]
            .map { ($0.0, $0.1.map(StyleValue.length)) }
        // The header and footer must sit inside their margins; a reference that puts them
        // elsewhere keeps Trame's distances.
        let header = reference.headerDistance.flatMap { d in
            (reference.marginTop ?? .cm(2)) - d >= .cm(thousandths: 500) && StyleKey.accepts("page.en_tete", .length(d)) ? d : nil
        }
        let footer = reference.footerDistance.flatMap { d in
            (reference.marginBottom ?? .cm(2)) - d >= .cm(thousandths: 500) && StyleKey.accepts("page.pied", .length(d)) ? d : nil
        }
        if margins.contains(where: { $0.1 != nil && StyleKey.accepts("page.marges.\($0.0)", $0.1!) }) || header != nil || footer != nil {
            lines.append("page:")
            section("marges", margins, depth: 1, prefix: "page.marges.")
            for (key, value) in [("en_tete", header), ("pied", footer)] {
                guard let value else { continue }
                lines.append("  \(key): " + StyleValue.length(value).yaml)
                keys.append("page.\(key)")
            }
        }
        section("couleurs", [("texte", reference.textColour.map(StyleValue.colour)),
                             ("titres", reference.headingColour.map(StyleValue.colour))], prefix: "couleurs.")
        var image: (String, Data)?
        if let picture = reference.headerImage {
            let stem = (outputName as NSString).deletingPathExtension
            let name = "\(stem)-en-tete.\(picture.format.fileExtension)"
            image = (name, picture.data)
            lines.append("image_en_tete:")
            lines.append("  fichier: " + StyleValue.text(name).yaml)
            lines.append("  largeur: " + StyleValue.length(picture.width).yaml)
            lines.append("  hauteur: " + StyleValue.length(picture.height).yaml)
            lines.append("  texte: " + StyleValue.text(picture.alternativeText ?? "En-tête de \(referenceName)").yaml)
            keys += ["image_en_tete.fichier", "image_en_tete.largeur", "image_en_tete.hauteur", "image_en_tete.texte"]
        }
        return Output(yaml: lines.joined(separator: "\n") + "\n", image: image, keys: keys)
    }

    /// Reads `reference`, writes the style file at `output` and its header picture beside it.
    /// Nothing is replaced without `force`; on any error nothing is left behind.
    public static func run(reference: URL, output: URL, force: Bool) throws(Diagnostics) -> Output {
        guard let data = FileManager.default.contents(atPath: reference.path) else {
            let exists = FileManager.default.fileExists(atPath: reference.path)
            throw Diagnostics(.error(exists ? .fichierIllisible : .fichierIntrouvable,
                                     exists ? "document de référence illisible (droits d'accès ?)" : "document de référence introuvable",
                                     subject: reference.path))
        }
        let style: ReferenceStyle
        do { style = try ReferenceStyleReader.read(data, name: reference.lastPathComponent) } catch { throw Diagnostics(error) }
        let made = make(style, referenceName: reference.lastPathComponent, outputName: output.lastPathComponent)
        let imageURL = made.image.map { output.deletingLastPathComponent().appendingPathComponent($0.name) }
        let fm = FileManager.default
        if !force {
            for url in [output] + (imageURL.map { [$0] } ?? []) where fm.fileExists(atPath: url.path) {
                throw Diagnostics(.error(.fichierExistant, "le fichier existe déjà ; choisissez un autre nom ou ajoutez --force pour le remplacer",
                                         subject: url.path))
            }
        }
        var written: URL?
        do {
            if let image = made.image, let imageURL {
                try AtomicFile.write(to: imageURL, replacing: force, createDirectory: true) { try image.data.write(to: $0) }
                written = imageURL
            }
            try AtomicFile.write(to: output, replacing: force, createDirectory: true) { try Data(made.yaml.utf8).write(to: $0) }
        } catch {
            // No half import: a picture without its style file goes too (unless it was there before).
            if let written, !force { try? fm.removeItem(at: written) }
            throw Diagnostics(error)
        }
        return made
    }
}
