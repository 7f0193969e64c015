import TrameFrench
import TrameModel

/// The filters of `{{ valeur | filtre(arguments) }}`, by their French names.
enum FilterKind: String, Sendable, CaseIterable {
    case date, dateCourte = "date_courte", moisAnnee = "mois_annee"
    case montant, montantChiffres = "montant_chiffres", montantLettres = "montant_lettres"
    case enLettres = "en_lettres", ordinal, nombre, etage
    case liste, majuscule, majuscules, ouiNon = "oui_non", libelle, defaut
    case accord, genre, taille, plusMois = "plus_mois", finTerme = "fin_terme"
    case avecArticle = "avec_article"

    /// How many arguments the filter takes.
    var arity: ClosedRange<Int> {
        switch self {
        case .enLettres, .ordinal, .liste, .avecArticle: return 0...1
        case .defaut, .genre, .plusMois, .finTerme: return 1...1
        case .accord: return 2...2
        default: return 0...0
        }
    }

    /// How the filter is written, for messages: `accord("né", "née")`.
    var usage: String {
        switch self {
        case .enLettres: return "en_lettres ou en_lettres(\"f\")"
        case .ordinal: return "ordinal ou ordinal(\"f\")"
        case .liste: return "liste ou liste(\"ou\")"
        case .defaut: return "defaut(\"texte\")"
        case .genre: return "genre(\"sous-locataire\")"
        case .plusMois: return "plus_mois(6)"
        case .finTerme: return "fin_terme(12)"
        case .accord: return "accord(\"né\", \"née\")"
        case .avecArticle: return "avec_article(\"à\") ou avec_article"
        default: return rawValue
        }
    }

    /// Whether the filter accepts a value of this kind (`.any` is checked at render time).
    func accepts(_ kind: ValueKind) -> Bool {
        if case .any = kind { return true }
        switch self {
        case .date, .dateCourte, .moisAnnee, .plusMois, .finTerme:
            if case .date = kind { return true }
            return false
        case .montant, .montantChiffres, .montantLettres, .nombre:
            return kind.isNumber
        case .enLettres, .ordinal, .etage:
            if case .integer = kind { return true }
            return false
        case .liste:
            if case .list(let inner) = kind { return inner.isScalar }
            return false
        case .majuscule, .majuscules:
            return kind.isScalar
        case .ouiNon:
            if case .boolean = kind { return true }
            return false
        case .libelle, .avecArticle:
            return kind.isTextual
        case .accord, .genre:
            if case .enumeration(let values) = kind { return values.allSatisfy { FrenchGender(civilite: $0) != nil } }
            return kind.isTextual
        case .taille:
            if case .list = kind { return true }
            return kind.isTextual
        case .defaut:
            return true
        }
    }

    /// What the filter accepts, for messages.
    var expectedInput: String {
        switch self {
        case .date, .dateCourte, .moisAnnee, .plusMois, .finTerme: return "une date"
        case .montant, .montantChiffres, .montantLettres, .nombre: return "un nombre ou un montant"
        case .enLettres, .ordinal, .etage: return "un nombre entier"
        case .liste: return "une liste de valeurs simples"
        case .majuscule, .majuscules: return "une valeur simple"
        case .ouiNon: return "un booléen"
        case .libelle: return "une valeur d'une liste fermée (ou un texte)"
        case .avecArticle: return "un nom (dénomination d'un organisme)"
        case .accord, .genre: return "une civilité (Madame / Monsieur)"
        case .taille: return "une liste ou un texte"
        case .defaut: return "une valeur"
        }
    }

    /// The kind of the result.
    func output(for input: ValueKind) -> ValueKind {
        switch self {
        case .plusMois, .finTerme: return .date
        case .taille: return .integer
        case .defaut: return input
        default: return .text
        }
    }
}

/// One filter application with its arguments.
struct FilterCall: Sendable {
    let kind: FilterKind
    let arguments: [Operand]
    let location: SourceLocation
}

/// `valeur | filtre | filtre(arguments)` in `{{ … }}`.
struct OutputExpression: Sendable {
    let operand: Operand
    let filters: [FilterCall]
    let location: SourceLocation
    /// The kind of the final value.
    let kind: ValueKind
}
