import ArgumentParser
import Foundation
import TrameArchive
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
                Tout est lu tel que le dossier l'avait enregistré à la date de référence : ce qu'il date \
                d'après n'existe pas encore (évaluations, renouvellements, issue, avis au préfet…).
                --ics écrit un calendrier iCalendar (RFC 5545) : un événement par échéance, UID stable par \
                (dossier, nature, période) ; DTSTAMP : --on à minuit UTC, sinon l'heure de l'export. Avec \
                --workspace, l'espace de travail retient ce qu'il a publié : une date déplacée augmente la \
                SEQUENCE, une échéance disparue est publiée une dernière fois en STATUS:CANCELLED.
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

        @Option(name: .long, help: ArgumentHelp("Avec --ics : espace de travail qui retient le calendrier publié (SEQUENCE, annulations).", valueName: "dossier"))
        var workspace: String?

        func validate() throws {
            if json && ics { throw ValidationError("--json et --ics s'excluent : choisissez l'un des deux.") }
            if workspace != nil && !ics { throw ValidationError("--workspace ne s'emploie qu'avec --ics.") }
            _ = try ReferenceDate.parse(on)
        }

        func run() throws {
            let day = try ReferenceDate.parse(on)
            let set = CaseLoader.load(paths: files, locator: ConventionLocator(override: convention))
            FileHandle.standardError.write(Data(set.errorText.utf8))
            try set.requireSomeCase()
            let report = DeadlineCalendar.report(set.cases, on: day)
            if ics {
                // The export time: --on at midnight UTC, else now (the clock is read here, in the CLI).
                let stamp = on == nil ? DeadlineReport.utcStamp(Date()) : DeadlineReport.midnightUTC(day)
                try exportCalendar(report, stamp: stamp)
            } else {
                print(json ? report.json : report.text, terminator: "")
            }
            if set.unreadable { throw ExitStatus.noInput }
            if set.hasErrors { throw ExitStatus.dataError }
        }
    }
}

extension TrameCommand.Deadlines {
    /// Prints the calendar; with --workspace, starts from what it published and remembers the new state.
    func exportCalendar(_ report: DeadlineReport, stamp: String) throws {
        guard let workspace else {
            print(report.iCalendar(stamp: stamp, published: CalendarMemory()).text, terminator: "")
            return
        }
        let options = try WorkspaceOptions.parse(["--workspace", workspace])
        let store = try options.open()
        var memory = CalendarMemory()
        for e in try store.publishedCalendar() {
            memory.events[e.uid] = .init(date: e.date, sequence: e.sequence, summary: e.summary, cancelled: e.cancelled)
        }
        let export = report.iCalendar(stamp: stamp, published: memory)
        try store.recordPublishedCalendar(export.published.events.map { uid, e in
            Workspace.PublishedEvent(uid: uid, date: e.date, sequence: e.sequence, summary: e.summary, cancelled: e.cancelled)
        })
        print(export.text, terminator: "")
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

extension CalendarDate {
    /// Today in the machine's time zone. The clock is read here, in the CLI, and nowhere below it:
    /// the libraries receive the day (issue 12, "no hidden clock").
    static func today() -> CalendarDate { CalendarDate(Date(), timeZone: .current) }
}

/// The reference date of `deadlines` and `status`: `--on AAAA-MM-JJ`, or today (local calendar).
enum ReferenceDate {
    static func parse(_ text: String?) throws -> CalendarDate {
        guard let text else { return CalendarDate.today() }
        guard let day = CalendarDate(iso: text) else {
            throw ValidationError("--on attend une date AAAA-MM-JJ existante (reçu « \(text) »).")
        }
        return day
    }
}
