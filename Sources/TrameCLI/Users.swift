import ArgumentParser
import Foundation
import TrameAccounts
import TrameArchive
import TrameModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension TrameCommand {
    /// `trame users add|list`: the partners' accounts for the web application (`trame-web`).
    struct Users: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "users",
            abstract: "Les comptes des partenaires pour l'application web (trame-web).",
            discussion: """
                Rôles : coordination (tout), soin (CH Jury / ERAH : tout, y compris la partie soin), \
                association (parties sociale et partagée), bailleur (les dossiers de ses logements, \
                partie partagée seulement avec le consentement de la personne). Les comptes sont \
                dans comptes.sqlite, à côté de la base de l'espace de travail ; les mots de passe \
                y sont conservés hachés (bcrypt).
                """,
            subcommands: [Add.self, List.self, Password.self, Disable.self, Enable.self]
        )

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Crée un compte ; le mot de passe est lu sur l'entrée standard, ou demandé sans écho.",
                discussion: """
                    Jamais en argument (il resterait dans l'historique du shell) : tapez-le deux fois \
                    quand il est demandé, ou passez-le sur l'entrée standard \
                    (printf '%s\\n' \"$MDP\" | trame users add …). Au moins \(Account.minimumPasswordLength) caractères.
                    """
            )

            @Argument(help: ArgumentHelp("Identifiant (minuscules, chiffres, « . », « _ », « - »).", valueName: "identifiant"))
            var login: String

            @Option(name: .long, help: ArgumentHelp("Rôle : coordination, soin, association ou bailleur.", valueName: "rôle"))
            var role: String

            @Option(name: .customLong("bailleur"), help: ArgumentHelp("Pour un bailleur : son identifiant de partie dans la convention.", valueName: "id"))
            var landlord: String?

            @OptionGroup var options: WorkspaceOptions

            func run() throws {
                let role = try Role.parse(self.role)
                let workspace = try options.open()
                if let landlord { try UsersCLI.checkLandlord(landlord, in: workspace) }
                let password = try PasswordInput.read()
                let store = try AccountStore(directory: options.directory)
                let account = try store.add(login: login, role: role, landlord: landlord, password: password, createdBy: options.actor)
                print("compte « \(account.login) » créé : rôle \(account.role.label)" + (account.landlord.map { ", bailleur \($0)" } ?? ""))
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Liste les comptes (jamais les mots de passe).")

            @Flag(name: .long, help: "Sortie JSON.")
            var json = false

            @OptionGroup var options: WorkspaceOptions

            func run() throws {
                let store = try AccountStore(directory: options.directory)
                let accounts = try store.accounts()
                if json { return MachineOutput.print(.array(accounts.map(\.json))) }
                guard !accounts.isEmpty else { return print("aucun compte ; créez-en avec « trame users add IDENTIFIANT --role RÔLE »") }
                var rows = [["identifiant", "rôle", "bailleur", "créé le", "par", "état"]]
                for a in accounts {
                    let state = a.disabledAt.map { "désactivé le " + ArchiveCLI.local($0) } ?? "actif"
                    rows.append([a.login, a.role.rawValue, a.landlord ?? "", ArchiveCLI.local(a.createdAt), a.createdBy, state])
                }
                print(ArchiveCLI.table(rows), terminator: "")
            }
        }
    }
}

extension TrameCommand.Users {
    /// `trame users password LOGIN`: a new password, read like `add` reads it.
    struct Password: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "password",
            abstract: "Remplace le mot de passe d'un compte (lu sur l'entrée standard, ou demandé sans écho) ; ses sessions ouvertes sont fermées."
        )

        @Argument(help: ArgumentHelp("Identifiant du compte.", valueName: "identifiant"))
        var login: String

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let store = try AccountStore(directory: options.directory)
            let password = try PasswordInput.read()
            try store.setPassword(login: login, password: password, by: options.actor)
            print("mot de passe de « \(login) » remplacé ; ses sessions ouvertes sont fermées")
        }
    }

    /// `trame users disable LOGIN`: the account can no longer sign in.
    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "disable",
            abstract: "Désactive un compte : il ne peut plus se connecter et ses sessions sont fermées (le compte reste au journal)."
        )

        @Argument(help: ArgumentHelp("Identifiant du compte.", valueName: "identifiant"))
        var login: String

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let store = try AccountStore(directory: options.directory)
            try store.setEnabled(false, login: login, by: options.actor)
            print("compte « \(login) » désactivé")
        }
    }

    /// `trame users enable LOGIN`.
    struct Enable: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "enable", abstract: "Réactive un compte désactivé.")

        @Argument(help: ArgumentHelp("Identifiant du compte.", valueName: "identifiant"))
        var login: String

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let store = try AccountStore(directory: options.directory)
            try store.setEnabled(true, login: login, by: options.actor)
            print("compte « \(login) » réactivé")
        }
    }
}

/// Error reporting and checks of `trame users`.
enum UsersCLI {
    /// Refuses a landlord id that is no `bailleur_social` party of the workspace's conventions.
    static func checkLandlord(_ id: String, in workspace: Workspace) throws {
        var landlords: [String] = []
        for summary in (try? workspace.records(.convention)) ?? [] {
            guard let file = try? workspace.recordFile(.convention, id: summary.current.id),
                  let data = try? Data(contentsOf: file.url),
                  let root = ModelLoader.read(data: data, name: summary.current.fileName, expected: .convention).root else { continue }
            landlords += Convention(checked: root).parties.filter { $0.role == "bailleur_social" }.map(\.id)
        }
        guard !landlords.isEmpty else {
            return ArchiveCLI.warn("aucune convention dans l'espace de travail : le bailleur « \(id) » n'a pas pu être vérifié")
        }
        guard landlords.contains(id) else {
            var message = "bailleur « \(id) » inconnu des conventions de l'espace de travail ; bailleurs : " + landlords.joined(separator: ", ")
            if let near = Suggestions.nearest(to: id, among: landlords) { message += " ; vouliez-vous dire « \(near) » ?" }
            throw Diagnostic.error(.bailleurInconnu, message)
        }
    }
}

/// Reads a password: the first line of standard input when it is not a terminal, otherwise typed
/// twice at a prompt with the echo turned off.
enum PasswordInput {
    static func read() throws -> String {
        guard isatty(STDIN_FILENO) == 1 else {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw Diagnostic.error(.motDePasseManquant, "aucun mot de passe sur l'entrée standard")
            }
            return line
        }
        let first = prompt("Mot de passe : ")
        let second = prompt("Mot de passe (confirmation) : ")
        guard first == second else {
            throw Diagnostic.error(.motDePasseDifferent, "les deux saisies diffèrent ; rien n'a été créé")
        }
        return first
    }

    /// Prompts on stderr and reads a line with the terminal's echo off (restored afterwards).
    private static func prompt(_ text: String) -> String {
        FileHandle.standardError.write(Data(text.utf8))
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        return readLine(strippingNewline: true) ?? ""
    }
}
