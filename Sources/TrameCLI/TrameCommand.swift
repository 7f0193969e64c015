import ArgumentParser
import TrameAssembly

/// The `trame` command. Each subcommand lives in its own file as an extension.
public struct TrameCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "trame",
        abstract: "Trame : les documents du partenariat de sous-location accompagnée.",
        discussion: """
            Codes de sortie : 0 succès (avertissements possibles), 64 erreur d'utilisation, \
            65 données ou gabarit refusés, 66 fichier introuvable ou illisible.
            """,
        version: TrameVersion.current,
        subcommands: [Demo.self, Check.self, Generate.self, Clauses.self, Regenerate.self, Deadlines.self, Funding.self, Status.self,
                      Init.self, DossierCommand.self, ConventionCommand.self, ArchiveCommand.self, Backup.self, Restore.self, Users.self]
    )
    public init() {}
}


/// Exit statuses shared by every command (sysexits.h).
public enum ExitStatus {
    public static let dataError = ExitCode(65)
    public static let noInput = ExitCode(66)
    public static let usage = ExitCode(64)
}

/// The entry point of the `trame` executable.
public enum TrameMain {
    /// Parses the command line, runs the command and exits with its status.
    public static func run() { TrameCommand.main() }
}
