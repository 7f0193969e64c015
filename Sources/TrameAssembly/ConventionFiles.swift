import Foundation
import TrameModel

extension ConventionAttachments {
    /// Every file stored with a convention, by the name relative to the convention file: the files
    /// it names (logos and their PNG renderings, the style file) and those its style file names
    /// (the header image), which the style file gives relative to itself.
    public static func files(of root: DataNode, conventionFile: String) -> [String] {
        var names: [String] = []
        for reference in references(in: root) {
            names.append(reference.name)
            guard reference.kind == .style else { continue }
            let style = StyleFile.load(path: url(reference.name, conventionFile: conventionFile).path, fonts: .unchecked)
            let folder = (reference.name as NSString).deletingLastPathComponent
            names += style.attachments.map { folder.isEmpty ? $0 : folder + "/" + $0 }
        }
        return Array(Set(names)).sorted()
    }
}
