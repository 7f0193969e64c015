import ArgumentParser
import Foundation
import TrameDiagnostics
import TrameModel

/// Runs `trame`: parses the command line, runs the command, and reports every failure in French
/// with the exit status of its category — the one place where errors become text and statuses.
///
/// swift-argument-parser writes its help and its parse errors in English (« Show help
/// information. », « Missing expected argument »…); ``FrenchCommandLine`` rewrites them, and an
/// unknown subcommand gets a suggestion before the parser sees it.
public enum CommandLineRunner {
    /// Runs the command line and returns the exit status; output goes to stdout, errors to stderr.
    public static func execute(_ arguments: [String]) -> Int32 {
        if let unknown = FrenchCommandLine.unknownSubcommand(in: arguments) {
            standardError("trame: \(unknown.headline)\n" + FrenchCommandLine.usageHint(for: arguments))
            return unknown.category.exitStatus
        }
        do {
            var command = try TrameCommand.parseAsRoot(arguments)
            try command.run()
            return 0
        } catch {
            return report(error)
        }
    }

    /// Prints `error` in French where it belongs and returns its exit status.
    static func report(_ error: any Error) -> Int32 {
        switch error {
        case let diagnostic as Diagnostic:
            standardError("trame: \(diagnostic.headline)")
            return diagnostic.category.exitStatus
        case let diagnostics as Diagnostics:
            standardError(diagnostics.rendered)
            return diagnostics.category.exitStatus
        default:
            let status = TrameCommand.exitCode(for: error).rawValue
            let message = TrameCommand.fullMessage(for: error)
            if status == 0 {
                if !message.isEmpty { print(FrenchCommandLine.translate(message)) }
            } else if let usage = FrenchCommandLine.usageError(message) {
                standardError("trame: \(usage.diagnostic.headline)\n\(usage.rest)")
                return usage.diagnostic.category.exitStatus
            } else if !message.isEmpty {
                standardError(FrenchCommandLine.translate(message))
            }
            return status
        }
    }

    /// Writes a line on standard error.
    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}

/// A warning on standard error, as every command prints them: `trame: avertissement : …`.
func printWarning(_ message: String) {
    CommandLineRunner.standardError("trame: avertissement : \(message)")
}

/// French for what swift-argument-parser prints in English, and suggestions for misspelled
/// subcommands.
enum FrenchCommandLine {
    /// Rewrites the parser's help and error text in French.
    static func translate(_ text: String) -> String {
        var out = text
        for (pattern, template) in rules {
            out = out.replacingOccurrences(of: pattern, with: template, options: .regularExpression)
        }
        for (english, french) in placeholders {
            out = out.replacingOccurrences(of: "<\(english)>", with: "<\(french)>")
        }
        return out
    }

    /// A parse or validation error of the parser (`Error: …` then the usage), as a usage
    /// diagnostic with its code, and the rest of the text (usage line, hint) in French.
    static func usageError(_ message: String) -> (diagnostic: Diagnostic, rest: String)? {
        guard message.hasPrefix("Error: ") else { return nil }
        var lines = message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let first = String(lines.removeFirst().dropFirst("Error: ".count))
        let code: DiagnosticCode
        if first.hasPrefix("Missing") {
            code = .argumentManquant
        } else if first.hasPrefix("Unknown option") {
            code = .optionInconnue
        } else if first.hasPrefix("Unexpected argument") || first.contains("unexpected arguments") {
            code = .argumentEnTrop
        } else {
            code = .optionInvalide
        }
        let text = translate(first)
        let diagnostic = Diagnostic.error(code, text.hasPrefix("erreur : ") ? String(text.dropFirst(9)) : text)
        return (diagnostic, translate(lines.joined(separator: "\n")))
    }

    /// Value names that default to a property's English name (`<files>`), in French.
    private static let placeholders: [(String, String)] = [
        ("files", "fichiers"), ("file", "fichier"), ("output", "sortie"), ("directory", "répertoire"),
        ("manifest", "manifeste"), ("since", "version"), ("in", "répertoire"), ("backup", "sauvegarde"),
        ("annees", "années"), ("signatory", "signataire"), ("recommendation", "recommandation"),
        ("reason", "motif"), ("generated", "généré"), ("evaluation-type", "type"), ("audience", "destinataire"),
        ("ref", "référence"), ("id", "identifiant"), ("options", "options"), ("login", "identifiant"),
        ("role", "rôle"), ("landlord", "bailleur"), ("on", "date"), ("as-of", "date"), ("subcommand", "sous-commande"),
    ]

    /// English fragments of swift-argument-parser 1.x (Usage/HelpGenerator.swift,
    /// Usage/UsageGenerator.swift, Parsing/ParserError) and their French. Order matters: longer
    /// sentences before the words they contain.
    private static let rules: [(String, String)] = [
        (#"(?m)^OVERVIEW: "#, "RÉSUMÉ : "),
        (#"(?m)^USAGE: "#, "UTILISATION : "),
        (#"(?m)^Usage: "#, "Utilisation : "),
        (#"(?m)^ARGUMENTS:$"#, "ARGUMENTS :"),
        (#"(?m)^OPTIONS:$"#, "OPTIONS :"),
        (#"(?m)^SUBCOMMANDS:$"#, "SOUS-COMMANDES :"),
        (#"See '([^']*)<subcommand>' for detailed help\."#, "Aide détaillée d'une sous-commande : « $1<sous-commande> »."),
        (#"See '([^']+)' for more information\."#, "Pour l'aide : « $1 »."),
        (#"<subcommand>"#, "<sous-commande>"),
        (#"Show help information\."#, "Affiche cette aide."),
        (#"Show subcommand help information\."#, "Affiche l'aide d'une sous-commande."),
        (#"Show the version\."#, "Affiche la version."),
        (#"\(values:(\s)"#, "(valeurs :$1"),
        (#";(\s+)default as flag:(\s)"#, " ;$1par défaut comme drapeau :$2"),
        (#";(\s+)default:(\s)"#, " ;$1par défaut :$2"),
        (#"\(default:(\s)"#, "(par défaut :$1"),
        (#"\(default as flag:(\s)"#, "(par défaut comme drapeau :$1"),
        (#"(?m)^Error: "#, "erreur : "),
        (#"Missing expected argument '([^']*)'"#, "argument obligatoire manquant : « $1 »"),
        (#"Missing value for '([^']*)'"#, "valeur manquante pour « $1 »"),
        (#"Missing one of: (.*)"#, "il manque l'une de ces options : $1"),
        (#"Missing required subcommand\."#, "sous-commande manquante."),
        (#"Unknown option '([^']*)'\. Did you mean '([^']*)'\?"#, "option inconnue « $1 » ; vouliez-vous dire « $2 » ?"),
        (#"Unknown option '([^']*)'"#, "option inconnue « $1 »"),
        (#"Unexpected argument '([^']*)'"#, "argument inattendu « $1 »"),
        (#"(\d+) unexpected arguments: (.*)"#, "$1 arguments inattendus : $2"),
        (#"The value '([^']*)' is invalid for '([^']*)'"#, "la valeur « $1 » n'est pas valable pour « $2 »"),
        (#"The value '([^']*)' is invalid\."#, "la valeur « $1 » n'est pas valable."),
        (#"The option '([^']*)' does not take any value, but '([^']*)' was specified\."#, "l'option « $1 » ne prend pas de valeur (« $2 » donné)."),
        (#"Value to be set with (.*) had already been set with (.*)"#, "$1 répète une valeur déjà donnée par $2"),
        (#"Invalid option: (.*)"#, "option invalide : $1"),
        (#"Help:  "#, "Aide : "),
        (#"Please provide one of (.*)\."#, "Valeurs possibles : $1."),
        (#"' or '"#, "' ou '"),
        (#"Unspecified version"#, "version non précisée"),
    ]

    /// An unknown subcommand (`trame deadline`, `trame archive lgo`): a usage diagnostic with the
    /// nearest name, or `nil` when the words name commands (or are left to the parser).
    static func unknownSubcommand(in arguments: [String]) -> Diagnostic? {
        var command: any ParsableCommand.Type = TrameCommand.self
        var path = ["trame"]
        for word in arguments {
            if word.hasPrefix("-") { return nil }
            let configuration = command.configuration
            guard !configuration.subcommands.isEmpty, configuration.defaultSubcommand == nil else { return nil }
            let names = configuration.subcommands.map(name(of:)) + ["help"]
            if word == "help" { return nil }
            guard let next = configuration.subcommands.first(where: { name(of: $0) == word }) else {
                var message = "commande inconnue « \(word) » pour « \(path.joined(separator: " ")) »"
                if let near = nearest(to: word, among: names) { message += " ; vouliez-vous dire « \(near) » ?" }
                message += " ; commandes : " + names.filter { $0 != "help" }.joined(separator: ", ") + "."
                return .error(.commandeInconnue, message)
            }
            command = next
            path.append(word)
        }
        return nil
    }

    /// The subcommand `word` was probably meant to be: a close spelling, or the same letters in
    /// another order (`lgo` for `log`), which edit distance alone misses on short names.
    static func nearest(to word: String, among names: [String]) -> String? {
        if let near = Suggestions.nearest(to: word, among: names) { return near }
        let letters = word.lowercased().sorted()
        return names.first { $0.sorted() == letters }
            ?? names.first { word.count >= 2 && ($0.hasPrefix(word.lowercased()) || word.lowercased().hasPrefix($0)) }
    }

    /// `Pour l'aide : « trame archive --help ».` for the deepest known command of `arguments`.
    static func usageHint(for arguments: [String]) -> String {
        var command: any ParsableCommand.Type = TrameCommand.self
        var path = ["trame"]
        for word in arguments {
            guard let next = command.configuration.subcommands.first(where: { name(of: $0) == word }) else { break }
            command = next
            path.append(word)
        }
        return "Pour l'aide : « \(path.joined(separator: " ")) --help »."
    }

    /// The name a subcommand is typed with.
    static func name(of command: any ParsableCommand.Type) -> String {
        command.configuration.commandName ?? command._commandName
    }
}
