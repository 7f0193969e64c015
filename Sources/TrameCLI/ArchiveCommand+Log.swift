import ArgumentParser
import Foundation
import TrameArchive
import TrameModel

extension TrameCommand.ArchiveCommand {
    /// `trame archive log [--dossier ID] [--json]`
    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Liste les versions signées et les documents générés enregistrés.")

        @Option(name: .long, help: "Seulement ce dossier (ou cette convention).")
        var dossier: String?

        @Flag(name: .long, help: "Sortie JSON.")
        var json = false

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let (signed, generated) = try {
                let workspace = try options.open()
                return (try workspace.signedVersions(ownerID: dossier), try workspace.generatedDocuments(ownerID: dossier))
            }()
            if json { return MachineOutput.print(.object([("signes", .array(signed.map(\.json))), ("generes", .array(generated.map(\.json)))])) }
            if signed.isEmpty, generated.isEmpty { return print("aucun document archivé" + (dossier.map { " pour « \($0) »" } ?? "")) }
            if !signed.isEmpty {
                print("Versions signées :")
                let next = Dictionary(grouping: signed, by: \.key)
                // Copies of an evaluation for different audiences never supersede one another.
                let rows = signed.map { v in ArchiveCLI.line(v, next: next[v.key]?.first { $0.audience == v.audience && $0.version > v.version }) }
                print(ArchiveCLI.table(rows.map { ["  " + $0[0]] + $0.dropFirst() }), terminator: "")
            }
            if !generated.isEmpty {
                print("Documents générés :")
                let rows = generated.map { g in
                    ["  " + g.ref, g.ownerID, g.documentKind.rawValue, g.format, g.audience.rawValue,
                     "données : \(g.ownerKind.french) v\(g.sourceVersion.map(String.init) ?? "?")", ArchiveCLI.local(g.addedAt), String(g.sha256.prefix(12))]
                }
                print(ArchiveCLI.table(rows), terminator: "")
            }
        }
    }

    /// `trame archive show REF [--json]`
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Décrit une version signée ou un document généré.")

        @Argument(help: "Référence : DOSSIER/DOCUMENT[/DATE]/vN, DOSSIER/DOCUMENT, G12 ou empreinte SHA-256.")
        var ref: String

        @Flag(name: .long, help: "Sortie JSON.")
        var json = false

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let (workspace, item) = try {
                let workspace = try options.open()
                return (workspace, try workspace.resolve(ref))
            }()
            switch item {
            case .signed(let v):
                if json { return MachineOutput.print(v.json) }
                let (previous, next) = try workspace.neighbours(of: v)
                var lines = [
                    "\(v.ref) — \(v.documentKind.french)" + (v.evaluationDate.map { " du \($0)" } ?? ""),
                    "  état : " + (next.map { "remplacée par la v\($0.version) (\($0.reason ?? ""))" } ?? "en vigueur"),
                    "  signée le \(v.signedOn) par \(v.signatories.joined(separator: ", "))",
                    "  destinataire : \(v.audience.rawValue)",
                    "  fichier : \(v.originalName) — \(v.mediaType.french), \(ArchiveCLI.bytes(v.size))",
                    "  SHA-256 : \(v.sha256)",
                    "  ajoutée le \(ArchiveCLI.local(v.addedAt)) par \(v.addedBy)",
                ]
                if let previous { lines.append("  remplace la v\(previous.version) : \(v.reason ?? "")") }
                if let type = v.evaluationType { lines.append("  évaluation \(type)" + (v.recommendation.map { ", recommandation : \($0)" } ?? "")) }
                if let g = v.generatedRef { lines.append("  forme signée du document généré \(g)") } else if let sha = v.generatedSHA256 {
                    lines.append("  forme signée d'un document généré d'empreinte \(sha) (absent de l'espace de travail)")
                }
                print(lines.joined(separator: "\n"))
            case .generated(let g):
                if json { return MachineOutput.print(g.json) }
                print("""
                    \(g.ref) — \(g.documentKind.french) généré pour \(g.ownerID) (\(g.format), destinataire : \(g.audience.rawValue))
                      données : \(g.ownerKind.french) \(g.ownerID) version \(g.sourceVersion.map(String.init) ?? "?"), SHA-256 \(g.sourceSHA256)
                      SHA-256 : \(g.sha256) (\(ArchiveCLI.bytes(g.size)))
                      manifeste : \(g.manifestSHA256 ?? "aucun")
                      enregistré le \(ArchiveCLI.local(g.addedAt)) par \(g.addedBy)
                    """)
            }
        }
    }
}
