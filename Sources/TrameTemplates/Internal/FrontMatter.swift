import Foundation
import TrameDocument
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
    /// `style`: `standard` (the acts) or `facile` (the easy-to-read companions).
    var style: DocumentStyle?
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
    /// `mentions`: the mandatory mentions of a document type, as written.
    var mentions: [RawMention] = []
    /// `acte`: how the act designates itself (« la présente convention »); by default from the document type.
    var act: String?

    /// One entry of `mentions:` before its condition is compiled.
    struct RawMention {
        let id: String
        let label: String
        let source: String
        let clauses: [String]
        let audiences: [Audience]?
        let condition: (text: String, location: SourceLocation)?
        let location: SourceLocation
    }

    static let keys = ["document", "clause", "titre", "version", "en_vigueur", "jusqu_au", "source", "date_reference", "quand", "audience", "entete", "paraphes", "mentions", "acte", "style"]
    static let mentionKeys = ["id", "libelle", "source", "clause", "destinataires", "quand"]

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
        } catch let error as YamlError {
            // Located in the template file: the header's first line is `firstLine`.
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
                sink.error(TemplateCode.frontMatter, "en-tête YAML illisible : " + SyntaxMessages.french(problem)
                           + " (un texte contenant « : » s'écrit entre guillemets)",
                           at: SourceLocation(file: file, line: firstLine + max(mark.line, 1) - 1, column: max(mark.column, 1)))
            default:
                sink.error(TemplateCode.frontMatter, "en-tête YAML illisible : \(error)", at: SourceLocation(file: file, line: firstLine, column: 1))
            }
            return result
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
            case "acte":
                if let string, string.hasPrefix("le ") || string.hasPrefix("la ") || string.hasPrefix("les ") {
                    result.act = string
                } else {
                    fail("la désignation de l'acte avec son article est attendue (« le présent contrat », « la présente convention »)")
                }
            case "style":
                switch string {
                case "standard": result.style = .standard
                case "facile": result.style = .easyRead
                default: fail("style inconnu « \(string ?? "") » ; possibles : standard, facile")
                }
            case "mentions":
                result.mentions = parseMentions(value, location: location, fail: { sink.error(TemplateCode.frontMatter, "mentions : \($1)", at: $0) })
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

    /// `mentions:` — a list of `{id, libelle, source, clause (one id or a list), destinataires?, quand?}`.
    private static func parseMentions(_ value: Node, location: (Node) -> SourceLocation,
                                      fail: (SourceLocation, String) -> Void) -> [RawMention] {
        guard case .sequence(let items) = value else {
            fail(location(value), "une liste d'entrées « - id: …, source: …, clause: … » est attendue")
            return []
        }
        var mentions: [RawMention] = []
        var seen: Set<String> = []
        for item in items {
            guard case .mapping(let mapping) = item else {
                fail(location(item), "chaque mention est une suite de clés id, libelle, source, clause, destinataires, quand")
                continue
            }
            var fields: [String: Node] = [:]
            for (k, v) in mapping {
                let key = k.string ?? ""
                guard mentionKeys.contains(key) else {
                    var message = "clé inconnue « \(key) » dans une mention"
                    if let near = Suggestions.nearest(to: key, among: mentionKeys) { message += " ; vouliez-vous dire « \(near) » ?" }
                    else { message += " ; clés possibles : " + mentionKeys.joined(separator: ", ") }
                    fail(location(k), message)
                    continue
                }
                fields[key] = v
            }
            let at = location(item)
            guard let id = fields["id"]?.string, !id.isEmpty else { fail(at, "une mention sans « id »"); continue }
            guard seen.insert(id).inserted else { fail(at, "la mention « \(id) » est déclarée deux fois"); continue }
            guard let source = fields["source"]?.string, !source.isEmpty else {
                fail(at, "la mention « \(id) » n'indique pas sa source juridique (source: texte, article, version)"); continue
            }
            var clauses: [String] = []
            switch fields["clause"] {
            case .scalar(let s)?: clauses = [s.string]
            case .sequence(let list)?: clauses = list.compactMap(\.string)
            default: break
            }
            clauses = clauses.filter { !$0.isEmpty }
            guard !clauses.isEmpty else { fail(at, "la mention « \(id) » ne nomme pas la clause qui la porte (clause: document.clause)"); continue }
            var audiences: [Audience]?
            if let node = fields["destinataires"] {
                let names: [String] = if case .sequence(let list) = node { list.compactMap(\.string) } else { [node.string ?? ""] }
                var parsed: [Audience] = []
                for name in names {
                    if let a = Audience(rawValue: name) { parsed.append(a) } else {
                        fail(location(node), "destinataire inconnu « \(name) » ; possibles : " + Audience.allCases.map(\.rawValue).joined(separator: ", "))
                    }
                }
                if parsed.isEmpty, !names.contains(where: { !$0.isEmpty }) {
                    fail(location(node), "destinataires : au moins un destinataire est attendu (sinon, omettez la clé : la mention vaut pour tous)")
                }
                audiences = parsed
            }
            var condition: (String, SourceLocation)?
            if let node = fields["quand"] {
                if let text = node.string, !text.isEmpty { condition = (text, location(node)) } else { fail(location(node), "quand : une condition est attendue") }
            }
            let label = fields["libelle"]?.string.flatMap { $0.isEmpty ? nil : $0 } ?? id
            mentions.append(RawMention(id: id, label: label, source: source, clauses: clauses, audiences: audiences, condition: condition, location: at))
        }
        return mentions
    }
}
