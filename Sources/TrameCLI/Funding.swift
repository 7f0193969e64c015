import ArgumentParser
import Foundation
import TrameModel
import TrameProcedure

extension TrameCommand {
    /// `trame funding [--json | --csv] [--convention FILE] DOSSIER...`: what each funder owes.
    struct Funding: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Calcule le financement de chaque dossier par dispositif (IML, AMI) et par année civile.",
            discussion: """
                Montant annuel × jours de sous-location dans l'année ÷ jours de l'année (365 ou 366), de la \
                date d'effet de la sous-location au premier des termes suivants : fin du terme en cours, date \
                de l'issue, fin de la convention. Chaque ligne (dossier, dispositif, année) est arrondie au \
                centime, puis les lignes sont additionnées. « engagé » : sous-location commencée ; \
                « prévisionnel » : dates prévues (étape attribution). La règle est rappelée dans la sortie.
                --json pour les outils ; --csv pour un tableur (séparateur « ; », virgule décimale, UTF-8 avec BOM).
                """
        )

        @Argument(help: ArgumentHelp("Dossiers (et éventuellement leur convention).", valueName: "dossier"), completion: .file(extensions: ["yaml", "yml", "json"]))
        var files: [String]

        @Flag(name: .long, help: "Sortie JSON.")
        var json = false

        @Flag(name: .long, help: "Sortie CSV pour un tableur.")
        var csv = false

        @Option(name: .long, help: ArgumentHelp("Convention à utiliser pour les dossiers (au lieu de la recherche automatique).", valueName: "fichier"))
        var convention: String?

        func validate() throws {
            if json && csv { throw ValidationError("--json et --csv s'excluent : choisissez l'un des deux.") }
        }

        func run() throws {
            let set = CaseLoader.load(paths: files, locator: ConventionLocator(override: convention))
            FileHandle.standardError.write(Data(set.errorText.utf8))
            try set.requireSomeCase()
            let report = FundingReport(set.cases)
            print(json ? report.json : csv ? report.csv : report.text, terminator: "")
            if set.unreadable { throw ExitStatus.noInput }
            if set.hasErrors { throw ExitStatus.dataError }
        }
    }
}
