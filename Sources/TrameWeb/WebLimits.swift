import Foundation
import HTTPTypes
import TrameModel

/// The sizes the web application accepts (issue 16): a padded dossier slowed every partner down,
/// a 300-character name gave an empty 500. Beyond them, a French page: 413 for a file, 422 with
/// the field for a value (`TROP_VOLUMINEUX`).
enum WebLimits {
    /// A dossier file (import, or the file a form makes): 1 Mo.
    static let dossierFileBytes = 1_000_000
    /// A text value: 20 000 characters (a long observation is a few thousand).
    static let textCharacters = 20_000
    /// A dossier number: 64 characters.
    static let identifierCharacters = 64
    /// The reason of an evaluation's correction or withdrawal (audit log, history): 2 000 characters.
    static let reasonCharacters = 2_000

    /// The refusal of a dossier file over `dossierFileBytes`.
    static func fileTooLarge(_ bytes: Int) -> WebError {
        WebError(status: .contentTooLarge, title: "Fichier trop volumineux",
                 message: "Un fichier de dossier fait au plus \(dossierFileBytes / 1_000_000) Mo ; celui-ci en fait \(megabytes(bytes)). "
                    + "Retirez les commentaires ou le texte collé en trop, puis recommencez.")
    }

    static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes + 50_000) / 100_000
        return "\(tenths / 10),\(tenths % 10) Mo"
    }

    /// The form values over their limit, as diagnostics on their fields.
    static func check(form values: [String: String]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            let limit = name == "dossier" ? identifierCharacters : textCharacters
            if value.count > limit {
                out.append(.error(.tropVolumineux, path: FieldPath(parsing: name),
                                  "\(value.count) caractères : \(limit) au plus pour ce champ", at: nil))
            }
        }
        return out
    }

    /// The values of a loaded file over their limit.
    static func check(tree node: DataNode) -> [Diagnostic] {
        var out: [Diagnostic] = []
        func walk(_ node: DataNode) {
            switch node.value {
            case .text(let s):
                let limit = node.path.description == "dossier" ? identifierCharacters : textCharacters
                if s.count > limit {
                    out.append(.error(.tropVolumineux, path: node.path, "\(s.count) caractères : \(limit) au plus pour ce champ",
                                      at: node.location))
                }
            case .object(let object): object.entries.forEach { walk($0.node) }
            case .list(let items): items.forEach(walk)
            default: break
            }
        }
        walk(node)
        return out
    }
}
