import ArgumentParser
import Foundation
import TrameAssembly
import TrameDiagnostics

/// The `trame` command. Each subcommand lives in its own file as an extension.
public struct TrameCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "trame",
        abstract: "Trame : les documents du partenariat de sous-location accompagnée.",
        discussion: """
            Codes de sortie : 0 succès (avertissements possibles), 64 erreur d'utilisation, \
            65 données ou gabarit refusés, 66 fichier introuvable ou illisible, 69 outil absent \
            (LibreOffice pour un PDF), 73 fichier de sortie impossible à écrire, 74 espace de travail \
            impossible à lire ou à écrire. Chaque erreur porte un code entre crochets, décrit dans \
            docs/diagnostics.md.
            """,
        version: TrameVersion.current,
        subcommands: [Demo.self, Check.self, Generate.self, Style.self, Clauses.self, Regenerate.self, Deadlines.self, Funding.self, Status.self,
                      Init.self, RecordCommand<DossierWords>.self, RecordCommand<ConventionWords>.self, ArchiveCommand.self, Backup.self, Restore.self, Users.self]
    )
    public init() {}
}


/// Exit statuses shared by every command (sysexits.h), from the diagnostic categories.
public enum ExitStatus {
    public static let dataError = ExitCode(DiagnosticCategory.data.exitStatus)
    public static let noInput = ExitCode(DiagnosticCategory.missingInput.exitStatus)
    public static let usage = ExitCode(DiagnosticCategory.usage.exitStatus)
}

/// The entry point of the `trame` executable.
public enum TrameMain {
    /// Parses the command line, runs the command and exits with its status.
    public static func run() -> Never {
        exit(CommandLineRunner.execute(Array(CommandLine.arguments.dropFirst())))
    }
}
