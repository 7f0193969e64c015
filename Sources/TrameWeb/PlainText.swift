import Foundation
import TrameAccounts
import TrameDiagnostics
import TrameModel
import TrameTemplates

/// The names a partner reads instead of identifiers (issue 16: « names, not identifiers »): the
/// convention's parties by their denomination, the person as « la personne », conventions by their
/// title. Built for one role: a landlord never gets the health establishment's name, nor the
/// convention's title that names it (its public title instead).
struct PlainWords: Sendable {
    /// Party ids → denominations, only the parties the role may see named.
    var parties: [String: String] = [:]
    /// Convention ids → titles.
    var conventions: [String: String] = [:]
    /// Parties by convention, in the convention's order: (id, name, role).
    var partyList: [(id: String, name: String, role: String)] = []
    /// Conventions in id order: (id, title).
    var conventionList: [(id: String, title: String)] = []

    /// What the person is called among the people present at a review.
    static let person = (id: "sous_locataire", name: "la personne")

    init() {}

    /// From the conventions of the workspace, for a role of `clearance`.
    init(conventions models: [Convention], clearance: Clearance) {
        let outside = DisclosurePolicy.isOutsideSupportCircle(clearance.role.audience)
        for convention in models.sorted(by: { $0.identifiant < $1.identifiant }) {
            let care = DisclosurePolicy.careParties(of: convention)
            let title = outside ? (convention.intitulePublic ?? convention.intitule) : convention.intitule
            conventions[convention.identifiant] = title
            conventionList.append((convention.identifiant, title))
            for party in convention.parties where !(outside && care.contains(party.id)) && parties[party.id] == nil {
                parties[party.id] = party.denomination
                partyList.append((party.id, party.denomination, party.role))
            }
        }
    }

    /// From the workspace's conventions (current versions).
    init(cases: CaseStore, clearance: Clearance) {
        let models = cases.conventions.values.compactMap { entry -> Convention? in
            guard !entry.file.diagnostics.hasErrors, let root = entry.file.root else { return nil }
            return Convention(checked: root)
        }
        self.init(conventions: models, clearance: clearance)
    }

    /// A party (or the person) by name; an unknown id as it is.
    func party(_ id: String) -> String {
        id == Self.person.id ? Self.person.name : parties[id] ?? id
    }

    /// The social landlords of the conventions.
    var landlords: [(id: String, name: String)] {
        partyList.filter { $0.role == "bailleur_social" }.map { ($0.id, $0.name) }
    }

    /// A party's role in words (« établissement de santé »).
    static func roleLabel(_ role: String) -> String {
        switch role {
        case "etablissement_sante": return "établissement de santé"
        case "operateur_associatif": return "association chargée de l'accompagnement"
        case "bailleur_social": return "bailleur social"
        case "siao": return "service intégré d'accueil et d'orientation (SIAO)"
        case "financeur": return "financeur"
        default: return "partenaire"
        }
    }

    /// An audience of documents in words (« la personne », « le bailleur »).
    static func audience(_ audience: Audience) -> String {
        switch audience {
        case .partenaires: return "les partenaires"
        case .bailleur: return "le bailleur"
        case .association: return "l'association"
        case .sousLocataire: return "la personne (sous-locataire)"
        case .soin: return "l'équipe de soins"
        case .prefet: return "le préfet"
        }
    }
}

extension Access {
    /// The « Détails techniques » of pages (diagnostic codes, fingerprints, clause ids, file names):
    /// the coordination, which administers the workspace and answers the partners' questions.
    static func showsTechnicalDetails(_ account: Account) -> Bool { account.role == .coordination }
}

extension Diagnostic {
    /// The diagnostic in plain French for a partner (issue 16): no code, fields by their label,
    /// parties by their name, dates as the pages show them, no command nor file format.
    /// - Parameters:
    ///   - placed: shown next to its field (or after its label): a missing field says « à remplir ».
    func plain(_ words: PlainWords = PlainWords(), placed: Bool = false) -> String {
        var text: String
        let label = path.map { FieldLabels.label($0.schemaPath) }
        switch code {
        case .champManquant where label != nil:
            text = placed ? "à remplir" : "« \(label!) » est à remplir"
            if let stage = message.firstMatch(of: /obligatoire à partir de l'étape « ([^»]+) »/) {
                let name = String(stage.1).trimmingCharacters(in: .whitespaces)
                text += " (obligatoire à partir de l'étape « \(ValueLabels.label(for: name) ?? name) »)"
            }
        case .dateInvalide:
            let typed = message.firstMatch(of: /« ([^»]*) »/).map { String($0.1).trimmingCharacters(in: .whitespaces) } ?? ""
            text = "« \(typed) » n'est pas une date : tapez-la comme 14/03/1986, ou choisissez-la dans le calendrier"
        default:
            text = Self.plainMessage(message, words: words)
        }
        if severity == .warning { text = "à vérifier : " + text }
        return Self.capitalized(text)
    }

    /// `[CODE] chemin : message`, for the « Détails techniques » of the coordination.
    var technical: String { headline }

    /// A message of the checks with its identifiers put in words.
    static func plainMessage(_ message: String, words: PlainWords) -> String {
        var text = message
        text = text.replacingOccurrences(of: "syntaxe YAML/JSON invalide : ", with: "le fichier n'a pas pu être lu : ")
        text = text.replacingOccurrences(of: "YAML/JSON", with: "du fichier").replacingOccurrences(of: " YAML", with: "")
            .replacingOccurrences(of: "YAML", with: "fichier")
        text = text.replacing(/lancez « trame [^»]* »/) { _ in "prévenez la coordination" }
        text = text.replacing(/« trame [^»]* »/) { _ in "la coordination" }
        text = text.replacingOccurrences(of: "AAAA-MM-JJ (ex. 2019-04-01)", with: "JJ/MM/AAAA (ex. 01/04/2019)")
            .replacingOccurrences(of: "AAAA-MM-JJ", with: "JJ/MM/AAAA")
        // « token »: a field path, a party, a coded value → its words. A parenthesised path that
        // only repeats the field is dropped.
        text = text.replacing(/\s\(« ([a-z_][a-z0-9_.\[\]]*) »\)/) { match in
            FieldPath(parsing: String(match.1)).components.count > 1 ? "" : String(match.0)
        }
        text = text.replacing(/« ([^»]+) »/) { match in
            let token = String(match.1).trimmingCharacters(in: .whitespaces)
            return "« \(word(token, words: words)) »"
        }
        // Bare party ids (`bailleur-exemple-1`, `sous_locataire`): by name.
        for (id, name) in words.parties.sorted(by: { $0.key.count > $1.key.count }) where id.contains("-") || id.contains("_") {
            text = text.replacingOccurrences(of: id, with: name)
        }
        text = text.replacingOccurrences(of: PlainWords.person.id, with: PlainWords.person.name)
        text = text.replacing(/\b([0-9]{4})-([0-9]{2})-([0-9]{2})\b/) { "\($0.3)/\($0.2)/\($0.1)" }
        return text
    }

    /// One quoted token in words.
    private static func word(_ token: String, words: PlainWords) -> String {
        if token == PlainWords.person.id { return PlainWords.person.name }
        if let name = words.parties[token] ?? words.conventions[token] { return name }
        if let value = ValueLabels.label(for: token) { return value }
        guard token.wholeMatch(of: /[a-z_][a-z0-9_]*(\[[0-9]+\])?(\.[a-z_][a-z0-9_]*(\[[0-9]+\])?)*/) != nil,
              token.contains("_") || token.contains(".") || FieldLabels.hasLabel(token) else { return token }
        let path = FieldPath(parsing: token)
        guard FieldLabels.hasLabel(path.schemaPath) else { return token }
        return FieldLabels.label(path.schemaPath)
    }

    private static func capitalized(_ text: String) -> String {
        guard let first = text.first, first.isLowercase else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
