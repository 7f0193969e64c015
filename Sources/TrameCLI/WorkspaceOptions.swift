import ArgumentParser
import Foundation
import TrameArchive
import TrameDiagnostics

/// Options shared by the commands that use a workspace.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Espace de travail (sinon $TRAME_HOME, sinon ./trame-data).", valueName: "dossier"))
    var workspace: String?

    @Option(name: .long, help: ArgumentHelp("Qui agit, pour les versions et le journal d'audit (sinon l'utilisateur du système).", valueName: "nom"))
    var by: String?

    /// `--workspace`, else `$TRAME_HOME`, else `./trame-data`.
    var directory: URL {
        let env = ProcessInfo.processInfo.environment
        let path = workspace ?? env["TRAME_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "trame-data"
        return URL(fileURLWithPath: path).standardizedFileURL
    }

    /// `--by`, else the operating-system user (`SystemUser.name`).
    var actor: String {
        by.flatMap { $0.isEmpty ? nil : $0 } ?? SystemUser.name
    }

    /// Opens the workspace, telling the user about any interrupted add that was undone.
    func open() throws -> Workspace {
        let workspace = try Workspace.open(at: directory, actor: actor)
        for sha in workspace.recoveredAdds {
            ArchiveCLI.warn("reprise : un ajout interrompu (fichier \(sha.prefix(12))…) a été annulé ; l'archive est cohérente")
        }
        return workspace
    }
}

/// What the archive commands share: warnings, dates and sizes for people, tables.
enum ArchiveCLI {
    /// A note on stderr.
    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("trame: avertissement : \(message)\n".utf8))
    }

    /// `2025-03-02 14:05`, local time.
    static func local(_ date: Date) -> String {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: date)
        func pad(_ n: Int?) -> String { n.map { $0 < 10 ? "0\($0)" : String($0) } ?? "??" }
        return "\(c.year ?? 0)-\(pad(c.month))-\(pad(c.day)) \(pad(c.hour)):\(pad(c.minute))"
    }

    /// `1 234 567 octets` (narrow no-break space between groups).
    static func bytes(_ n: Int64) -> String {
        var digits = Array(String(n))
        var out = ""
        while digits.count > 3 {
            out = "\u{202F}" + String(digits.suffix(3)) + out
            digits.removeLast(3)
        }
        return String(digits) + out + " octet" + (n > 1 ? "s" : "")
    }

    /// Left-aligned columns separated by two spaces.
    static func table(_ rows: [[String]]) -> String {
        guard let width = rows.map(\.count).max() else { return "" }
        let widths = (0..<width).map { col in rows.map { col < $0.count ? $0[col].count : 0 }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { i, cell in i == row.count - 1 ? cell : cell.padding(toLength: widths[i], withPad: " ", startingAt: 0) }
                .joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
