import ArgumentParser
import Foundation
import TrameArchive
import TrameModel

extension TrameCommand.ArchiveCommand {
    /// `trame archive audit [--dossier ID] [--json]`
    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Affiche le journal d'audit (qui, quand, quoi), en ajout seul.",
            discussion: "Le journal ne garde que des identifiants et des empreintes, jamais de contenu."
        )

        @Option(name: .long, help: "Seulement ce dossier (ou cette convention).")
        var dossier: String?

        @Flag(name: .long, help: "Sortie JSON.")
        var json = false

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let events = try options.open().auditEvents(ownerID: dossier)
            if json { return MachineOutput.print(.array(events.map(\.json))) }
            let rows = events.map { e in
                ["\(e.seq)", ArchiveCLI.local(e.at), e.actor, e.action, e.subject ?? e.ownerID ?? "", e.sha256.map { String($0.prefix(12)) } ?? "",
                 e.detail == "{}" ? "" : e.detail]
            }
            print(ArchiveCLI.table([["n°", "date", "qui", "action", "objet", "SHA-256", "détail"]] + rows), terminator: "")
        }
    }

    /// `trame archive retention [--convention ID] [--annees N]`
    struct Retention: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Durée de conservation d'une convention (réglage de l'espace de travail), en années.",
            discussion: """
                Un dossier est purgeable quand sa dernière activité (fin de la sous-location, dernière \
                signature ou évaluation) remonte à plus que cette durée. Sans option : les réglages.
                """
        )

        @Option(name: .long, help: "Identifiant de la convention.")
        var convention: String?

        @Option(name: .customLong("annees"), help: "Durée de conservation en années (1 à 100).")
        var years: Int?

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let settings = try { () throws -> [String: Int] in
                let workspace = try options.open()
                if let years {
                    guard let convention else { throw Diagnostic.error(.conventionManquante, "--annees s'accompagne de --convention ID") }
                    try workspace.setRetention(conventionID: convention, years: years)
                }
                return try workspace.retentionSettings()
            }()
            let shown = settings.filter { convention == nil || $0.key == convention }.sorted { $0.key < $1.key }
            if shown.isEmpty { return print("aucune durée de conservation définie" + (convention.map { " pour « \($0) »" } ?? "")) }
            for (id, years) in shown { print("\(id) : conservation \(years) an\(years > 1 ? "s" : "") après la dernière activité d'un dossier") }
        }
    }

    /// `trame archive purge --before DATE [--confirm] [--json]`
    struct Purge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Supprime les dossiers échus (RGPD) ; simulation sans --confirm.",
            discussion: """
                Seuls les dossiers dont la sous-location est terminée (champ « issue ») et dont la \
                dernière activité précède DATE et la durée de conservation de leur convention. Seul \
                moyen de supprimer quoi que ce soit ; le journal d'audit garde identifiants et empreintes.
                """
        )

        @Option(name: .long, help: ArgumentHelp("Dernière activité antérieure à cette date.", valueName: "AAAA-MM-JJ"))
        var before: String

        @Flag(name: .long, help: "Supprimer réellement (sinon simulation).")
        var confirm = false

        @Flag(name: .long, help: "Sortie JSON.")
        var json = false

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let plan = try {
                let date = try ArchiveCLI.date(before, option: "--before")
                let workspace = try options.open()
                return confirm ? try workspace.purge(before: date) : try workspace.planPurge(before: date)
            }()
            if json { return MachineOutput.print(plan.json) }
            print("Purge des dossiers inactifs avant le \(plan.before) (nous sommes le \(plan.today))"
                  + (plan.executed ? " :" : " — simulation, rien n'est supprimé (ajoutez --confirm) :"))
            print(plan.candidates.isEmpty ? "aucun dossier à supprimer" : (plan.executed ? "Supprimés :" : "À supprimer :"))
            for c in plan.candidates {
                print("  \(c.dossierID) (convention \(c.conventionID), dernière activité le \(c.lastActivity), conservation \(c.retentionYears) ans) : "
                      + "\(c.references.count) versions, \(c.files.count) fichiers")
            }
            if !plan.kept.isEmpty { print("Conservés :") }
            for k in plan.kept { print("  \(k.dossierID) : \(k.reason)") }
        }
    }
}
