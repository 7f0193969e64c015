import Foundation
import TrameModel
import Yams

/// The `---` header of a template: id, title, version, audience, page header, initials.
struct FrontMatter {
    var document: String?
    var title: String?
    var version: Int?
    var audience: Audience?
    /// The page header text and where it was written.
    var header: (text: String, location: SourceLocation)?
    var initials = false
    /// A clause's id (`clause:`), in clause files.
    var clause: String?
    /// `en_vigueur`: the date from which this version applies.
    var effectiveDate: CalendarDate?
    /// `jusqu_au`: the last day this version applies (the law it reflects ceased then).
    var until: CalendarDate?
    /// `source`: the legal text and version this version reflects.
    var source: String?
    /// A clause's condition (`quand:`), with where its text starts.
    var condition: (text: String, location: SourceLocation)?
    /// `date_reference`: the paths giving the document's reference date, first present wins.
    var referenceDate: (paths: [String], location: SourceLocation)?

    static let keys = ["document", "clause", "titre", "version", "en_vigueur", "jusqu_au", "source", "date_reference", "quand", "audience", "entete", "paraphes"]

    /// Reads the front matter lines (between the `---` lines).
    static func parse(_ lines: [SourceLine], file: String, sink: inout DiagnosticSink) -> FrontMatter {
        var result = FrontMatter()
        guard let firstLine = lines.first?.number else { return result }
        let text = lines.map { $0.text(from: 0) }.joined(separator: "\n")
        func location(_ node: Node) -> SourceLocation {
            SourceLocation(file: file, line: (node.mark?.line ?? 1) + firstLine - 1, column: node.mark?.column ?? 1)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            sink.error(TemplateCode.frontMatter, "en-tête YAML illisible : \(error)", at: SourceLocation(file: file, line: firstLine, column: 1))
            return result
        }
        guard let root else { return result }
        guard case .mapping(let mapping) = root else {
            sink.error(TemplateCode.frontMatter, "l'en-tête doit être une suite de lignes « clé: valeur »", at: location(root))
            return result
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let at = location(value)
            func fail(_ message: String) { sink.error(TemplateCode.frontMatter, "\(key) : \(message)", at: at) }
            let string = value.string
            switch key {
            case "document":
                result.document = string
            case "titre":
                result.title = string
            case "version":
                if let v = string.flatMap({ Int($0) }), v >= 1 { result.version = v } else { fail("un nombre entier ≥ 1 est attendu") }
            case "audience":
                if let a = string.flatMap(Audience.init(rawValue:)) { result.audience = a } else {
                    fail("audience inconnue « \(string ?? "") » ; possibles : " + Audience.allCases.map(\.rawValue).joined(separator: ", "))
                }
            case "clause":
                if let string, !string.isEmpty { result.clause = string } else { fail("un identifiant est attendu") }
            case "en_vigueur":
                if let date = string.flatMap({ CalendarDate(iso: $0) }) { result.effectiveDate = date } else { fail("une date AAAA-MM-JJ est attendue") }
            case "jusqu_au":
                if let date = string.flatMap({ CalendarDate(iso: $0) }) { result.until = date } else { fail("une date AAAA-MM-JJ est attendue") }
            case "source":
                if let string, !string.isEmpty { result.source = string } else { fail("le texte juridique et sa version sont attendus") }
            case "quand":
                if let string, !string.isEmpty { result.condition = (string, at) } else { fail("une condition est attendue") }
            case "date_reference":
                let paths = (string ?? "").split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                if paths.isEmpty { fail("un ou plusieurs chemins de date séparés par « | » sont attendus") } else { result.referenceDate = (paths, at) }
            case "entete":
                if let string { result.header = (string, at) } else { fail("un texte est attendu") }
            case "paraphes":
                switch string {
                case "true", "oui", "vrai": result.initials = true
                case "false", "non", "faux": result.initials = false
                default: fail("true ou false est attendu")
                }
            default:
                var message = "clé inconnue « \(key) » dans l'en-tête"
                if let near = Suggestions.nearest(to: key, among: keys) { message += " ; vouliez-vous dire « \(near) » ?" }
                else { message += " ; clés possibles : " + keys.joined(separator: ", ") }
                sink.error(TemplateCode.frontMatter, message, at: location(keyNode))
            }
        }
        return result
    }
}
