import TrameFrench
import TrameModel

/// Load-time checks of filter calls.
enum FilterChecks {
    static func check(_ filter: FilterKind, input: ValueKind, arguments: [Operand], at location: SourceLocation,
                      sink: inout DiagnosticSink) -> Bool {
        guard filter.arity.contains(arguments.count) else {
            let count = filter.arity.lowerBound == filter.arity.upperBound ? "\(filter.arity.lowerBound)" : "\(filter.arity.lowerBound) ou \(filter.arity.upperBound)"
            sink.error(TemplateCode.filterArguments, "le filtre « \(filter.rawValue) » attend \(count) argument(s), pas \(arguments.count) : \(filter.usage)", at: location)
            return false
        }
        guard filter.accepts(input) else {
            sink.error(TemplateCode.filterType, "le filtre « \(filter.rawValue) » attend \(filter.expectedInput), pas \(input.french)", at: location)
            return false
        }
        func literalText(_ operand: Operand) -> String? {
            if case .literal(.text(let s)) = operand { return s }
            return nil
        }
        func fail(_ message: String) -> Bool {
            sink.error(TemplateCode.filterArguments, message, at: location)
            return false
        }
        switch filter {
        case .enLettres, .ordinal:
            if let argument = arguments.first, !["f", "m"].contains(literalText(argument) ?? "") {
                return fail("le filtre « \(filter.rawValue) » accepte \"f\" (féminin) ou \"m\" (masculin) : \(filter.usage)")
            }
        case .liste:
            if let argument = arguments.first, literalText(argument) == nil {
                return fail("le filtre « liste » attend la conjonction entre guillemets : \(filter.usage)")
            }
        case .genre:
            let key = arguments.first.flatMap(literalText) ?? ""
            if !FrenchGender.formKeys.contains(key) {
                var message = "forme inconnue « \(key) » pour le filtre « genre »"
                if let near = Suggestions.nearest(to: key, among: FrenchGender.formKeys) { message += " ; vouliez-vous dire « \(near) » ?" }
                return fail(message + " ; formes : " + FrenchGender.formKeys.joined(separator: ", "))
            }
        case .avecArticle:
            if let argument = arguments.first, literalText(argument) == nil {
                return fail("le filtre « avec_article » attend la préposition entre guillemets : \(filter.usage)")
            }
        case .accord:
            if arguments.contains(where: { literalText($0) == nil }) {
                return fail("le filtre « accord » attend deux textes entre guillemets : \(filter.usage)")
            }
        case .plusMois, .finTerme:
            switch arguments[0] {
            case .literal(.integer): break
            case .path(let ref):
                if case .integer = ref.kind { break }
                if case .any = ref.kind { break }
                return fail("le filtre « \(filter.rawValue) » attend un nombre entier de mois, pas \(ref.kind.french)")
            case .size: break
            default: return fail("le filtre « \(filter.rawValue) » attend un nombre entier de mois : \(filter.usage)")
            }
        case .defaut:
            if !arguments[0].kind.isScalar { return fail("le filtre « defaut » attend une valeur simple") }
        default:
            break
        }
        return true
    }
}

/// Load-time checks of comparisons.
enum ConditionChecks {
    static func comparable(_ left: Operand, _ right: Operand, at location: SourceLocation, sink: inout DiagnosticSink) -> Bool {
        let a = left.kind, b = right.kind
        guard a.isScalar, b.isScalar else {
            let which = a.isScalar ? right : left
            sink.error(TemplateCode.typeMismatch, "« \(which.pathRef?.text ?? "valeur") » est \(which.kind.french) : comparez l'un de ses champs, ou utilisez taille(…) / existe(…)", at: location)
            return false
        }
        if !compatible(a, b) {
            sink.error(TemplateCode.typeMismatch, "impossible de comparer \(a.french) et \(b.french)", at: location)
            return false
        }
        for (field, other) in [(left, right), (right, left)] {
            guard case .path(let ref) = field, case .enumeration(let values) = ref.kind,
                  case .literal(.text(let literal)) = other, !values.contains(literal) else { continue }
            var message = "« \(literal) » n'est pas une valeur possible de \(ref.text)"
            if let near = Suggestions.nearest(to: literal, among: values) { message += " ; vouliez-vous dire « \(near) » ?" }
            message += " ; valeurs possibles : " + values.joined(separator: ", ")
            sink.error(TemplateCode.unknownValue, message, at: location, path: ref.text)
            return false
        }
        return true
    }

    private static func compatible(_ a: ValueKind, _ b: ValueKind) -> Bool {
        switch (a, b) {
        case (.any, _), (_, .any): return true
        case (.integer, .integer), (.integer, .decimal), (.decimal, .integer), (.decimal, .decimal): return true
        case (.date, .date), (.boolean, .boolean): return true
        case (.text, .text), (.text, .enumeration), (.enumeration, .text), (.enumeration, .enumeration): return true
        default: return false
        }
    }
}
