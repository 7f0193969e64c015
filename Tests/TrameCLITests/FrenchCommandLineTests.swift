import ArgumentParser
import Foundation
import Testing
@testable import TrameCLI

/// Every message `trame` shows is French: help of every subcommand, parse errors, suggestions.
@Suite("One French command line")
struct FrenchCommandLineTests {
    /// Every command path: `[]`, `["archive"]`, `["archive", "add"]`…
    static let commandPaths: [[String]] = {
        var paths: [[String]] = []
        func walk(_ command: any ParsableCommand.Type, _ path: [String]) {
            paths.append(path)
            for sub in command.configuration.subcommands { walk(sub, path + [FrenchCommandLine.name(of: sub)]) }
        }
        walk(TrameCommand.self, [])
        return paths
    }()

    /// English words and fragments that swift-argument-parser (or a careless help text) would show.
    static let english = try! NSRegularExpression(pattern: #"""
        \b(the|and|or|of|for|to|with|Show|Shows|help information|information|USAGE|OVERVIEW|SUBCOMMANDS|OPTIONS:|ARGUMENTS:|\
        default|values|Error|Missing|Unknown|Unexpected|See|detailed|subcommand|Please|provide|invalid|Invalid|expected|\
        argument '|option '|value|version\.|Did you mean)\b
        """#.replacingOccurrences(of: "\n", with: ""))

    /// The English fragments of `text`, ignoring option names (`--since`), which are identifiers.
    static func englishFragments(_ text: String) -> [String] {
        let stripped = text.replacingOccurrences(of: #"--[a-z][a-z-]*"#, with: "", options: .regularExpression)
        let range = NSRange(stripped.startIndex..., in: stripped)
        var found = english.matches(in: stripped, range: range).compactMap { Range($0.range, in: stripped).map { String(stripped[$0]) } }
        // Value names that default to a property's English name.
        let placeholders = ["files", "file", "output", "directory", "manifest", "since", "in", "backup", "signatory",
                            "recommendation", "reason", "generated", "audience", "ref", "id", "login", "role", "landlord"]
        found += placeholders.filter { stripped.contains("<\($0)>") }.map { "<\($0)>" }
        return found
    }

    @Test func theDetectorSeesWhatTheParserWouldSayInEnglish() {
        #expect(!Self.englishFragments("  -h, --help  Show help information.").isEmpty)
        #expect(!Self.englishFragments("Error: Missing expected argument '<files> ...'").isEmpty)
        #expect(!Self.englishFragments("USAGE: trame check <files> ...").isEmpty)
        #expect(Self.englishFragments("UTILISATION : trame check <fichiers> ... [--since <version>]").isEmpty)
    }

    @Test func everySubcommandsHelpIsFrench() throws {
        #expect(Self.commandPaths.count > 30, "l'arbre des commandes a été parcouru")
        var failures: [String] = []
        for path in Self.commandPaths {
            let r = try TrameProcess.run(path + ["--help"])
            #expect(r.status == 0, "trame \(path.joined(separator: " ")) --help")
            #expect(r.stdout.contains("UTILISATION : trame"), "trame \(path.joined(separator: " ")) --help")
            let fragments = Self.englishFragments(r.stdout + r.stderr)
            if !fragments.isEmpty { failures.append("trame \(path.joined(separator: " ")) --help : \(Set(fragments).sorted())") }
            // No hard line break in the middle of a sentence: every line of the wrapped text is
            // either the end of a sentence, a continuation the wrapper made (short of the width), or indented.
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test func discussionsHaveNoHardLineBreakInMidSentence() {
        for path in Self.commandPaths {
            var command: any ParsableCommand.Type = TrameCommand.self
            for word in path { command = command.configuration.subcommands.first { FrenchCommandLine.name(of: $0) == word }! }
            let lines = command.configuration.discussion.split(separator: "\n", omittingEmptySubsequences: false)
            for (line, next) in zip(lines, lines.dropFirst()) where !line.isEmpty && !next.isEmpty {
                let last = line.trimmingCharacters(in: .whitespaces).last
                let ends = last.map { ".:;!?".contains($0) } ?? true
                #expect(ends || next.hasPrefix(" ") || line.hasPrefix(" "),
                        "trame \(path.joined(separator: " ")) : saut de ligne au milieu d'une phrase après « \(line.suffix(40)) »")
            }
        }
    }

    @Test func generateHelpListsEveryDocument() throws {
        let help = try TrameProcess.run(["generate", "--help"]).stdout
        let templates = try FileManager.default.contentsOfDirectory(atPath: TrameProcess.repository.appendingPathComponent("Templates").path)
            .filter { !$0.hasPrefix("_") && !$0.contains(".") && $0 != "commun" }
        #expect(templates.count >= 10)
        for document in templates { #expect(help.contains("  \(document) "), "generate --help ne cite pas \(document)") }
    }

    @Test(arguments: [
        (["deadline"], "COMMANDE_INCONNUE", "vouliez-vous dire « deadlines » ?"),
        (["archive", "lgo"], "COMMANDE_INCONNUE", "vouliez-vous dire « log » ?"),
        (["users", "ad", "x"], "COMMANDE_INCONNUE", "vouliez-vous dire « add » ?"),
        (["generate", "sous-location", "--formt", "odt", "--dossier", "x.yaml"], "OPTION_INCONNUE", "vouliez-vous dire « --format » ?"),
        (["check"], "ARGUMENT_MANQUANT", "argument obligatoire manquant"),
        (["deadlines", "--on", "2019-02-30", "x.yaml"], "OPTION_INVALIDE", "--on attend une date"),
        (["generate", "sous-location", "--dossier", "x.yaml", "--format", "odx"], "OPTION_INVALIDE", "Valeurs possibles"),
    ])
    func usageErrorsAreFrenchWithACodeAndExit64(_ input: ([String], String, String)) throws {
        let r = try TrameProcess.run(input.0)
        #expect(r.status == 64, "\(input.0) → \(r.stderr)")
        #expect(r.stderr.hasPrefix("trame: erreur [\(input.1)] "), "\(r.stderr)")
        #expect(r.stderr.contains(input.2), "\(r.stderr)")
        #expect(Self.englishFragments(r.stderr).isEmpty, "\(Self.englishFragments(r.stderr)) dans \(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func formatIsAcceptedWhateverItsCase() throws {
        let out = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let dossier = TrameProcess.repository.appendingPathComponent("Conventions/metz-jury-2018/dossier-MJ-2019-004.yaml").path
        for format in ["HTML", "Docx", "oDt"] {
            let r = try TrameProcess.run(["generate", "bail-principal", "--dossier", dossier, "--format", format, "--output", out.path + "/"])
            #expect(r.status == 0, "\(format) : \(r.stderr)")
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("bail-principal-MJ-2019-004.\(format.lowercased())").path))
        }
    }

    @Test(arguments: [["deadlines"], ["funding"], ["check"]])
    func aFatalFileErrorPrintsNoEmptyReport(_ command: [String]) throws {
        let r = try TrameProcess.run(command + ["/nonexistent-\(UUID().uuidString).yaml"])
        #expect(r.status == 66)
        if command == ["check"] {
            // check's report is its output: the diagnostic, then the count, nothing else.
            #expect(r.stdout.contains("erreur [FICHIER_INTROUVABLE]"))
        } else {
            #expect(r.stderr.contains("erreur [FICHIER_INTROUVABLE]"))
            #expect(r.stdout.isEmpty, "\(r.stdout)")
        }
    }

    @Test func systemErrorsReachTheUserInFrenchWithoutServerPaths() throws {
        let dossier = TrameProcess.repository.appendingPathComponent("Conventions/metz-jury-2018/dossier-MJ-2019-004.yaml").path
        let long = "/tmp/" + String(repeating: "n", count: 300) + ".odt"
        let r = try TrameProcess.run(["generate", "bail-principal", "--dossier", dossier, "--output", long])
        #expect(r.status == 73, "\(r.stderr)")
        #expect(r.stderr.contains("erreur [ECRITURE_IMPOSSIBLE]"))
        #expect(r.stderr.contains("nom de fichier trop long"), "\(r.stderr)")
        #expect(!r.stderr.contains("File name too long"))
    }
}
