import Foundation
import TrameDocument
import TrameModel

/// The pictograms `@section` puts beside a part's title: `Templates/_pictogrammes/<nom>.svg` with
/// its PNG fallback, the SVG's `<title>` as alternative text, 1.5 cm square.
enum Pictograms {
    static let size = Length.cm(thousandths: 1500)

    static func load(_ name: String, from folder: String?, at location: SourceLocation, sink: inout DiagnosticSink) -> Image? {
        let valid = !name.isEmpty && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        guard valid, let folder else {
            sink.error(TemplateCode.syntax, valid ? "pictogramme « \(name) » introuvable : aucun dossier _pictogrammes à côté des gabarits"
                                                  : "nom de pictogramme invalide « \(name) » : minuscules, chiffres et -", at: location)
            return nil
        }
        let base = (folder as NSString).appendingPathComponent(name)
        guard let svg = FileManager.default.contents(atPath: base + ".svg") else {
            var message = "pictogramme inconnu « \(name) »"
            let known = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".svg") }.map { String($0.dropLast(4)) }.sorted()
            if let near = Suggestions.nearest(to: name, among: known) { message += " ; vouliez-vous dire « \(near) » ?" }
            else if !known.isEmpty { message += " ; pictogrammes : " + known.joined(separator: ", ") }
            sink.error(TemplateCode.syntax, message, at: location)
            return nil
        }
        guard let png = FileManager.default.contents(atPath: base + ".png"), Image.Format.sniff(png) == .png else {
            sink.error(TemplateCode.syntax, "pictogramme « \(name) » : son rendu PNG (\(name).png) manque ou n'est pas une image PNG ; relancez Scripts/pictograms.py", at: location)
            return nil
        }
        let text = String(decoding: svg, as: UTF8.self)
        guard let open = text.range(of: "<title>"), let close = text.range(of: "</title>", range: open.upperBound..<text.endIndex),
              case let title = String(text[open.upperBound..<close.lowerBound]).trimmingCharacters(in: .whitespaces), !title.isEmpty else {
            sink.error(TemplateCode.syntax, "pictogramme « \(name) » sans <title> : il faut un texte de remplacement", at: location)
            return nil
        }
        return Image(data: svg, format: .svg, width: size, height: size, alternativeText: title,
                     fallback: Image.Raster(data: png, format: .png))
    }
}
