import ArgumentParser
import Foundation
import TrameArchive
import TrameModel

extension TrameCommand.ArchiveCommand {
    /// `trame archive get REF --output PATH [--force]`
    struct Get: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Extrait un fichier archivé (empreinte contrôlée, écriture atomique).",
            discussion: "Un fichier existant n'est remplacé qu'avec --force. L'extraction est consignée au journal d'audit."
        )

        @Argument(help: "Référence : DOSSIER/DOCUMENT[/DATE]/vN, DOSSIER/DOCUMENT, G12 ou empreinte SHA-256.")
        var ref: String

        @Option(name: .shortAndLong, help: "Fichier à écrire.")
        var output: String

        @Flag(name: .long, help: "Remplacer le fichier s'il existe.")
        var force = false

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let item = try {
                let workspace = try options.open()
                let item = try workspace.resolve(ref)
                try workspace.extract(item, to: URL(fileURLWithPath: output).standardizedFileURL, overwrite: force)
                return item
            }()
            print("\(item.ref) écrit dans \(output) (SHA-256 \(item.sha256))")
        }
    }

    /// `trame archive verify [--json]`
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recalcule l'empreinte de chaque fichier et confronte la base au dépôt.",
            discussion: """
                Signale un octet modifié, un fichier manquant ou orphelin, une ligne qui ne désigne \
                aucun fichier, une version disparue ; code de sortie 65 au moindre problème.
                """
        )

        @Flag(name: .long, help: "Sortie JSON.")
        var json = false

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let report = try options.open().verify()
            if json {
                MachineOutput.print(report.json)
            } else {
                for problem in report.problems { print(problem) }
                let n = report.problems.count
                print("\(report.filesChecked) fichier\(report.filesChecked > 1 ? "s" : "") vérifié\(report.filesChecked > 1 ? "s" : "") "
                      + "(\(ArchiveCLI.bytes(report.bytesChecked))) : "
                      + (n == 0 ? "aucun problème" : "\(n) problème\(n > 1 ? "s" : "")"))
            }
            if !report.isClean { throw ExitStatus.dataError }
        }
    }

    /// `trame archive export --dossier ID --output FILE.zip [--audience A] [--force]`
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Exporte les documents signés d'un dossier : ZIP avec versions, historique, index et SHA256SUMS.",
            discussion: """
                Avec --audience, seuls les documents que ce destinataire peut recevoir : le paquet \
                du bailleur ne contient jamais de document destiné au soin, à l'association ou à la \
                personne. Sans --audience : tous les documents (usage interne).
                """
        )

        @Option(name: .long, help: "Dossier (ou convention).")
        var dossier: String

        @Option(name: .shortAndLong, help: "Fichier ZIP à écrire.")
        var output: String

        @Option(name: .long, help: "Destinataire du paquet (bailleur, association, soin, sous-locataire, prefet, partenaires).")
        var audience: String?

        @Flag(name: .long, help: "Remplacer le fichier s'il existe.")
        var force = false

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let summary = try {
                let audience = try audience.map(ArchiveCLI.audience)
                return try options.open().export(ownerID: dossier, audience: audience,
                                                 to: URL(fileURLWithPath: output).standardizedFileURL, overwrite: force)
            }()
            let n = summary.documents.count
            print("\(output) : \(n) document\(n > 1 ? "s" : "") signé\(n > 1 ? "s" : "") de \(dossier)"
                  + (summary.audience.map { " pour le destinataire « \($0.rawValue) »" } ?? " (tous destinataires)"))
        }
    }
}
