import Foundation
import Yams
import TrameDiagnostics

/// Checks a YAML node tree against a `Schema` and builds the typed `DataNode` tree.
///
/// Every problem becomes a located diagnostic; decoding goes on after a problem so that one run
/// reports everything. A value with a problem is left out of the tree.
struct SchemaDecoder {
    let file: String
    /// Whether fields marked "req≥attribution" are required (the dossier's stage has reached attribution).
    let requireFromAttribution: Bool
    private(set) var diagnostics: [Diagnostic] = []
    private var visited = 0
    private var exhausted = false

    init(file: String, requireFromAttribution: Bool) {
        self.file = file
        self.requireFromAttribution = requireFromAttribution
    }

    func location(_ node: Node) -> SourceLocation? {
        node.mark.map { SourceLocation(file: file, line: max(1, $0.line), column: max(1, $0.column)) }
    }

    mutating func report(_ d: Diagnostic) { diagnostics.append(d) }

    /// Decodes the root mapping of a file.
    mutating func decodeRoot(_ node: Node, schema: Schema) -> DataNode? {
        decodeObject(node, fields: schema.root, path: FieldPath(), level: schema.rootSensitivity)
    }

    mutating func decode(_ node: Node, type: FieldType, path: FieldPath, level: Sensitivity) -> DataNode? {
        visited += 1
        if visited > SourceReader.maximumNodes {
            if !exhausted {
                exhausted = true
                report(.error(.tropVolumineux, path: path, "le fichier contient trop de valeurs (plus de \(SourceReader.maximumNodes)) ; alias YAML en cascade ?", at: location(node)))
            }
            return nil
        }
        switch type {
        case .object(let fields): return decodeObject(node, fields: fields, path: path, level: level)
        case .list(let inner): return decodeList(node, inner: inner, path: path, level: level)
        default: return decodeScalar(node, type: type, path: path, level: level)
        }
    }

    // MARK: Objects

    private mutating func decodeObject(_ node: Node, fields: [FieldSpec], path: FieldPath, level: Sensitivity) -> DataNode? {
        guard case .mapping(let mapping) = node else {
            report(.error(.typeValeur, path: path, "\(FieldType.object(fields).frenchDescription) est attendu, pas \(describe(node))", at: location(node)))
            return nil
        }
        var object = DataObject()
        var seen: Set<String> = []
        for (keyNode, valueNode) in mapping {
            guard case .scalar(let keyScalar) = keyNode else {
                report(.error(.cleInvalide, path: path, "une clé doit être un mot simple", at: location(keyNode)))
                continue
            }
            let key = keyScalar.string
            guard seen.insert(key).inserted else {
                report(.error(.cleDupliquee, path: path.appending(key), "la clé « \(key) » apparaît plusieurs fois", at: location(keyNode)))
                continue
            }
            guard let spec = fields.first(where: { $0.key == key }) else {
                var message = "clé inconnue « \(key) »"
                if let near = Suggestions.nearest(to: key, among: fields.map(\.key)) {
                    message += " ; vouliez-vous dire « \(near) » ?"
                } else {
                    message += " ; clés possibles ici : " + fields.map(\.key).joined(separator: ", ")
                }
                report(.error(.cleInconnue, path: path.appending(key), message, at: location(keyNode)))
                continue
            }
            let childPath = path.appending(key)
            let childLevel = spec.sensitivity ?? level
            if isNull(valueNode) {
                if spec.requirement != .optional {
                    report(.error(.valeurManquante, path: childPath, "valeur vide : \(spec.type.frenchDescription) est attendu", at: location(keyNode)))
                }
                continue
            }
            if let child = decode(valueNode, type: spec.type, path: childPath, level: childLevel) {
                object.set(key, child)
            }
        }
        for spec in fields where !seen.contains(spec.key) {
            let required = spec.requirement == .required || (spec.requirement == .requiredFromAttribution && requireFromAttribution)
            guard required else { continue }
            let why = spec.requirement == .requiredFromAttribution ? " (obligatoire à partir de l'étape « attribution »)" : ""
            let where_ = path.isEmpty ? "" : " dans « \(path) »"
            report(.error(.champManquant, path: path.appending(spec.key),
                          "champ obligatoire « \(spec.key) » absent\(where_)\(why)", at: location(node)))
        }
        return DataNode(value: .object(object), path: path, sensitivity: level, location: location(node))
    }

    // MARK: Lists

    private mutating func decodeList(_ node: Node, inner: FieldType, path: FieldPath, level: Sensitivity) -> DataNode? {
        guard case .sequence(let sequence) = node else {
            report(.error(.typeValeur, path: path, "une liste est attendue (éléments « - … » ou [a, b]), pas \(describe(node))", at: location(node)))
            return nil
        }
        var items: [DataNode] = []
        for (i, item) in sequence.enumerated() {
            if isNull(item) {
                report(.error(.valeurManquante, path: path.appending(index: i), "élément de liste vide", at: location(item)))
                continue
            }
            if let decoded = decode(item, type: inner, path: path.appending(index: i), level: level) { items.append(decoded) }
        }
        return DataNode(value: .list(items), path: path, sensitivity: level, location: location(node))
    }

    // MARK: Scalars

    private mutating func decodeScalar(_ node: Node, type: FieldType, path: FieldPath, level: Sensitivity) -> DataNode? {
        guard case .scalar(let scalar) = node else {
            report(.error(.typeValeur, path: path, "\(type.frenchDescription) est attendu, pas \(describe(node))", at: location(node)))
            return nil
        }
        let raw = scalar.string
        let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        let at = location(node)
        func make(_ value: DataValue) -> DataNode { DataNode(value: value, path: path, sensitivity: level, location: at) }
        func fail(_ code: DiagnosticCode, _ message: String) -> DataNode? {
            report(.error(code, path: path, message, at: at))
            return nil
        }

        switch type {
        case .text:
            return make(.text(raw))
        case .identifier:
            guard Identifier.isValid(trimmed) else {
                return fail(.identifiant, "« \(raw) » n'est pas un identifiant valide : minuscules sans accents, chiffres et tirets (ex. « bailleur-exemple-1 »)")
            }
            return make(.text(trimmed))
        case .date:
            guard let date = CalendarDate(iso: trimmed) else {
                if looksLikeDate(trimmed) {
                    return fail(.dateInvalide, "la date « \(raw) » n'existe pas dans le calendrier")
                }
                return fail(.dateInvalide, "« \(raw) » n'est pas une date au format AAAA-MM-JJ (ex. 2019-04-01)")
            }
            return make(.date(date))
        case .integer(let minimum):
            guard !quoted, let value = Int(trimmed) else {
                return fail(.typeValeur, "\(type.frenchDescription) est attendu, pas « \(raw) »")
            }
            if let minimum, value < minimum {
                return fail(.valeurHorsLimites, "la valeur \(value) est trop petite : minimum \(minimum)")
            }
            return make(.integer(value))
        case .decimal(let minimum, let exclusive, let isAmount):
            let code: DiagnosticCode = isAmount ? .montantInvalide : .typeValeur
            if trimmed.contains(","), Decimal.strict(trimmed.replacingOccurrences(of: ",", with: ".")) != nil {
                return fail(code, "« \(raw) » : utilisez le point décimal (« \(trimmed.replacingOccurrences(of: ",", with: ".")) »)")
            }
            guard !quoted, let value = Decimal.strict(trimmed) else {
                return fail(code, "\(type.frenchDescription) est attendu, pas « \(raw) »")
            }
            if let minimum, exclusive ? value <= minimum : value < minimum {
                if isAmount { return fail(.montantNegatif, "le montant \(trimmed) est négatif") }
                return fail(.valeurHorsLimites, "la valeur \(trimmed) doit être strictement positive")
            }
            return make(.decimal(value))
        case .boolean:
            switch trimmed {
            case "true", "True", "TRUE": return quoted ? fail(.typeValeur, "true ou false est attendu, sans guillemets") : make(.boolean(true))
            case "false", "False", "FALSE": return quoted ? fail(.typeValeur, "true ou false est attendu, sans guillemets") : make(.boolean(false))
            default:
                let lower = trimmed.lowercased()
                let hint = ["oui", "yes", "vrai", "on"].contains(lower) ? " (écrivez true pour « oui »)"
                    : ["non", "no", "faux", "off"].contains(lower) ? " (écrivez false pour « non »)" : ""
                return fail(.typeValeur, "true ou false est attendu, pas « \(raw) »\(hint)")
            }
        case .enumeration(let allowed):
            guard allowed.contains(trimmed) else {
                var message = "valeur « \(raw) » inconnue ; valeurs possibles : " + allowed.joined(separator: ", ")
                if let near = Suggestions.nearest(to: trimmed, among: allowed) { message += " ; vouliez-vous dire « \(near) » ?" }
                return fail(.valeurInconnue, message)
            }
            return make(.text(trimmed))
        case .object, .list:
            return nil
        }
    }

    private func isNull(_ node: Node) -> Bool {
        guard case .scalar(let s) = node, s.style == .plain || s.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(s.string)
    }

    private func looksLikeDate(_ s: String) -> Bool {
        let parts = s.split(separator: "-")
        return parts.count == 3 && parts.allSatisfy { $0.allSatisfy(\.isNumber) }
    }

    private func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let s): return "la valeur « \(s.string.prefix(60)) »"
        case .mapping: return "un ensemble de champs"
        case .sequence: return "une liste"
        case .alias: return "un alias"
        }
    }
}

extension Decimal {
    /// Parses `-?digits(.digits)?` exactly, without going through Double.
    static func strict(_ text: String) -> Decimal? {
        var body = Substring(text)
        if body.hasPrefix("-") || body.hasPrefix("+") { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty,
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              body.count <= 30 else { return nil }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }
}

/// Identifiers of the format: lower-case kebab-case ASCII.
enum Identifier {
    static func isValid(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, !s.hasSuffix("-"), !s.contains("--") else { return false }
        guard ("a"..."z").contains(first) || ("0"..."9").contains(first) else { return false }
        return s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
