import Foundation
import TrameFrench
import TrameModel

/// The outcome of a filter at render time.
enum FilterOutcome {
    case value(DataValue)
    /// The value does not suit the filter (checked at render time when not known at load time).
    case failure(String)
}

extension FilterKind {
    /// Applies the filter to a present value (`defaut` is handled by the renderer).
    func apply(_ value: DataValue, _ arguments: [DataValue]) -> FilterOutcome {
        switch self {
        case .date, .dateCourte, .moisAnnee:
            guard case .date(let d) = value else { return mismatch(value) }
            switch self {
            case .date: return .value(.text(FrenchDate.long(year: d.year, month: d.month, day: d.day)))
            case .dateCourte: return .value(.text(FrenchDate.short(year: d.year, month: d.month, day: d.day)))
            default: return .value(.text(FrenchDate.monthYear(year: d.year, month: d.month)))
            }
        case .plusMois, .finTerme:
            guard case .date(let d) = value else { return mismatch(value) }
            guard let months = arguments.first.flatMap(ValueFormatter.integer) else { return .failure("nombre de mois invalide") }
            return .value(.date(self == .plusMois ? d.adding(months: months) : d.endOfTerm(months: months)))
        case .montant, .montantChiffres, .montantLettres:
            guard let amount = ConditionEvaluator.number(value) else { return mismatch(value) }
            switch self {
            case .montant: return .value(.text(FrenchMoney.full(amount)))
            case .montantChiffres: return .value(.text(FrenchMoney.inDigits(amount)))
            default: return .value(.text(FrenchMoney.inLetters(amount)))
            }
        case .enLettres, .ordinal, .etage:
            guard let n = ValueFormatter.integer(value) else { return mismatch(value) }
            let feminine = arguments.first == .text("f")
            switch self {
            case .enLettres: return .value(.text(FrenchNumber.inLetters(n, feminine: feminine)))
            case .ordinal: return .value(.text(FrenchNumber.ordinal(n, feminine: feminine)))
            default: return .value(.text(Self.floor(n)))
            }
        case .nombre:
            guard ConditionEvaluator.number(value) != nil else { return mismatch(value) }
            return .value(.text(ValueFormatter.text(value, groupDigits: true)))
        case .liste:
            guard case .list(let items) = value else { return mismatch(value) }
            let conjunction: String
            if case .text(let c)? = arguments.first { conjunction = c } else { conjunction = "et" }
            return .value(.text(FrenchText.joined(items.map { ValueFormatter.text($0.value) }, conjunction: conjunction)))
        case .majuscule:
            return .value(.text(FrenchText.capitalizedFirst(ValueFormatter.text(value))))
        case .majuscules:
            return .value(.text(ValueFormatter.text(value).uppercased()))
        case .ouiNon:
            guard case .boolean(let b) = value else { return mismatch(value) }
            return .value(.text(b ? "oui" : "non"))
        case .libelle:
            guard case .text(let s) = value else { return mismatch(value) }
            return .value(.text(ValueLabels.label(for: s) ?? s))
        case .avecArticle:
            // Arguments as the renderer completes them: the preposition, then the article the data gives ("" for none).
            guard case .text(let name) = value else { return mismatch(value) }
            var preposition = ""
            if case .text(let p)? = arguments.first { preposition = p }
            var article: FrenchArticle?
            if arguments.count > 1, case .text(let a) = arguments[1], !a.isEmpty { article = FrenchArticle(rawValue: a) }
            return .value(.text(FrenchArticle.phrase(name, preposition: preposition, article: article)))
        case .accord, .genre:
            guard case .text(let civilite) = value, let gender = FrenchGender(civilite: civilite) else {
                return .failure("« \(ValueFormatter.text(value)) » n'est pas une civilité (Madame ou Monsieur)")
            }
            guard case .text(let first)? = arguments.first else { return .failure("argument manquant") }
            if self == .genre { return .value(.text(gender.form(first) ?? first)) }
            guard case .text(let second)? = arguments.last else { return .failure("argument manquant") }
            return .value(.text(gender.agree(first, second)))
        case .taille:
            switch value {
            case .list(let items): return .value(.integer(items.count))
            case .text(let s): return .value(.integer(s.count))
            default: return mismatch(value)
            }
        case .defaut:
            return .value(value)
        }
    }

    private func mismatch(_ value: DataValue) -> FilterOutcome {
        .failure("le filtre « \(rawValue) » attend \(expectedInput), pas « \(ValueFormatter.text(value)) »")
    }

    /// 0 → "rez-de-chaussée", 1 → "1er étage", 3 → "3e étage", -1 → "1er sous-sol".
    static func floor(_ n: Int) -> String {
        if n == 0 { return "rez-de-chaussée" }
        if n < 0 { return FrenchNumber.ordinal(-n) + " sous-sol" }
        return FrenchNumber.ordinal(n) + " étage"
    }
}
