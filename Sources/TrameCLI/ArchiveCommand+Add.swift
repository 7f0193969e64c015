import ArgumentParser
import Foundation
import TrameArchive
import TrameModel

extension TrameCommand.ArchiveCommand {
    /// `trame archive add FILE --dossier ID --document KIND --signed-on DATE --signatory "…"…`
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Archive un document signé (PDF ou scan PNG, JPEG, TIFF) comme nouvelle version.",
            discussion: """
                Versions par (dossier, document[, date d'évaluation]) : v1, v2… ; une nouvelle version \
                remplace la précédente et dit pourquoi (--reason). Rien n'est jamais écrasé.
                Documents : \(DocumentKind.allCases.map(\.rawValue).joined(separator: ", ")).
                Un même fichier archivé une seconde fois pour le même document ne crée rien ; pour un \
                autre document, il est refusé.
                """
        )

        @Argument(help: "Le fichier signé.", completion: .file())
        var file: String

        @Option(name: .long, help: "Dossier (ou convention, pour un document du partenariat).")
        var dossier: String

        @Option(name: .long, help: "Type de document.")
        var document: String

        @Option(name: .customLong("signed-on"), help: ArgumentHelp("Date de signature.", valueName: "AAAA-MM-JJ"))
        var signedOn: String

        @Option(name: .customLong("signatory"), help: "Signataire (une option par signataire).")
        var signatories: [String] = []

        @Option(name: .long, help: "Pourquoi cette version remplace la précédente (obligatoire dès la v2).")
        var reason: String?

        @Option(name: .long, help: "Le document généré dont c'est la forme signée : G12, empreinte SHA-256 ou chemin du fichier (ou de son manifeste).")
        var generated: String?

        @Option(name: .customLong("evaluation-date"), help: ArgumentHelp("Date de l'évaluation (évaluations).", valueName: "AAAA-MM-JJ"))
        var evaluationDate: String?

        @Option(name: .customLong("evaluation-type"), help: "semestrielle ou finale (évaluations).")
        var evaluationType: String?

        @Option(name: .long, help: "Recommandation d'une évaluation finale (sinon celle du dossier).")
        var recommendation: String?

        @Option(name: .long, help: "Destinataire (par défaut celui du type de document ; obligatoire pour une évaluation : bailleur, association ou soin).")
        var audience: String?

        @Flag(name: .long, help: "Sortie JSON.")
        var json = false

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let result = try { () throws -> SignedAddResult in
                let request = SignedDocumentRequest(
                    ownerID: dossier, documentKind: try DocumentKind.parse(document),
                    signedOn: try ArchiveCLI.date(signedOn, option: "--signed-on"), signatories: signatories, reason: reason,
                    generated: generated, evaluationDate: try evaluationDate.map { try ArchiveCLI.date($0, option: "--evaluation-date") },
                    evaluationType: evaluationType, recommendation: recommendation, audience: try audience.map(ArchiveCLI.audience))
                return try options.open().addSigned(fileURL: URL(fileURLWithPath: file), request: request)
            }()
            for warning in result.warnings { ArchiveCLI.warn(warning) }
            if json { return MachineOutput.print(result.version.json) }
            let v = result.version
            guard result.isNew else {
                return print("\(file) est déjà archivé : \(v.ref) (mêmes octets) ; aucune nouvelle version")
            }
            print("\(v.ref) archivée : \(v.mediaType.french), \(ArchiveCLI.bytes(v.size)), SHA-256 \(v.sha256)")
            print("  signée le \(v.signedOn) par \(v.signatories.joined(separator: ", ")) ; destinataire : \(v.audience.rawValue)")
            if let previous = result.supersedes { print("  remplace la v\(previous.version) : \(v.reason ?? "")") }
            if let g = v.generatedRef ?? v.generatedSHA256.map({ "empreinte \($0.prefix(12))…" }) { print("  forme signée du document généré \(g)") }
        }
    }
}
