import ArgumentParser
import Foundation
import TrameModel
import TrameProcedure

extension TrameCommand {
    /// `trame deadlines [--on DATE] [--json | --ics] DOSSIER...`: what is due, what is late.
    struct Deadlines: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Liste les échéances des dossiers : évaluations, fin de terme, avis au préfet, assurance.",
            discussion: """
                Pour chaque dossier, dans l'ordre des dates : prochaine évaluation semestrielle (depuis la \
                dernière, ou depuis le début de la sous-location) et évaluations en retard, fin du terme en \
                cours (terme initial puis renouvellements) et renouvellement enregistré ou non, durée \
                maximale de la convention, avis au préfet deux mois avant la fin de la période d'examen \
                (convention tripartite), attestation et échéance d'assurance, puis la fin de la convention.
                État de chaque ligne : « à venir », « dans N jours » (90 jours au plus), « en retard de N jours », \
                « terminée sans renouvellement enregistré ». Date de référence : aujourd'hui, ou --on.
                Le code de sortie est 0 même si des échéances sont en retard (c'est un état, pas une vérification).
                --ics écrit un calendrier iCalendar (RFC 5545) : un événement par échéance, UID stables.
                """
        )

        @Argument(help: ArgumentHelp("Dossiers (et éventuellement leur convention).", valueName: "dossier"), completion: .file(extensions: ["yaml", "yml", "json"]))
        var files: [String]

        @Option(name: .long, help: ArgumentHelp("Date de référence AAAA-MM-JJ (par défaut : aujourd'hui).", valueName: "date"))
        var on: String?

        @Flag(name: .long, help: "Sortie JSON.")
        var json = false

        @Flag(name: .long, help: "Sortie iCalendar (.ics).")
        var ics = false

        @Option(name: .long, help: ArgumentHelp("Convention à utiliser pour les dossiers (au lieu de la recherche automatique).", valueName: "fichier"))
        var convention: String?

        func validate() throws {
            if json && ics { throw ValidationError("--json et --ics s'excluent : choisissez l'un des deux.") }
            _ = try ReferenceDate.parse(on)
        }

        func run() throws {
            let day = try ReferenceDate.parse(on)
            let set = CaseLoader.load(paths: files, locator: ConventionLocator(override: convention))
            FileHandle.standardError.write(Data(set.errorText.utf8))
            try set.requireSomeCase()
            let report = DeadlineCalendar.report(set.cases, on: day)
            print(json ? report.json : ics ? report.iCalendar : report.text, terminator: "")
            if set.unreadable { throw ExitStatus.noInput }
            if set.hasErrors { throw ExitStatus.dataError }
        }
    }
}

extension CaseSet {
    /// When no dossier could be read, the errors already printed are the whole answer: no empty
    /// report follows them (exit 66 for unreadable files, 65 for refused ones).
    func requireSomeCase() throws {
        guard cases.isEmpty, unreadable || hasErrors else { return }
        throw unreadable ? ExitStatus.noInput : ExitStatus.dataError
    }
}

/// The reference date of `deadlines` and `status`: `--on AAAA-MM-JJ`, or today (local calendar).
/// These two commands are the only ones that read the clock.
enum ReferenceDate {
    static func parse(_ text: String?) throws -> CalendarDate {
        guard let text else { return CalendarDate.today() }
        guard let day = CalendarDate(iso: text) else {
            throw ValidationError("--on attend une date AAAA-MM-JJ existante (reçu « \(text) »).")
        }
        return day
    }
}
