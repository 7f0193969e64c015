import Foundation
import TrameDocument
import TrameModel
import TrameTemplates

extension Generator {
    /// The house style of a request: the convention's style file (`style:`), then `--style`.
    /// A missing or faulty style file stops the generation with its located errors; font
    /// warnings are left to `trame check` and `trame style show` (the fonts that matter are the
    /// readers').
    static func houseStyle(_ request: GenerationRequest, convention: LoadedFile) throws(Diagnostics) -> HouseStyle {
        var style = HouseStyle()
        if let root = convention.root {
            let (file, errors) = ConventionStyle.load(conventionRoot: root, conventionFile: convention.path, fonts: .unchecked)
            if !errors.isEmpty { throw Diagnostics(errors, sources: [convention.path: convention.source]) }
            if let file {
                if file.hasErrors { throw file.failure }
                style.layers.append((.convention, file))
            }
        }
        if let path = request.stylePath {
            let file = StyleFile.load(path: path, fonts: .unchecked)
            if file.hasErrors { throw file.failure }
            style.layers.append((.option, file))
        }
        return style
    }

    /// Applies the house style to a produced document (after its letterhead).
    static func applyHouseStyle(_ request: GenerationRequest, files: CaseFiles, to produced: inout ProducedDocument) throws(Diagnostics) {
        let house = try houseStyle(request, convention: files.convention)
        produced.style = house.applied(to: produced.style, easyRead: produced.template.style == .easyRead)
        produced.styleFiles = house.layers.map { layer in
            var digest = CanonicalData.sha256(of: FileManager.default.contents(atPath: layer.file.path) ?? Data())
            if let image = layer.file.headerImage?.image {
                digest += "+" + CanonicalData.sha256(of: image.data)
            }
            return Manifest.StyleRef(origine: layer.origin.rawValue, sha256: digest)
        }
    }
}
