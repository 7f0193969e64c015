import Foundation
import TrameModel
import TrameProcedure

/// The bundled sample files, and dossiers derived from them.
enum Fixtures {
    static let repository: URL = {
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        while url.pathComponents.count > 1 {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path)
                && FileManager.default.fileExists(atPath: url.appendingPathComponent("Conventions").path) { return url }
        }
        fatalError("repository root not found from \(#filePath)")
    }()

    static let bundle = repository.appendingPathComponent("Conventions/metz-jury-2018")

    static func text(_ name: String) -> String {
        try! String(contentsOf: bundle.appendingPathComponent(name), encoding: .utf8)
    }

    static let conventionText = text("convention-metz-jury-2018.yaml")
    static let text002 = text("dossier-MJ-2019-002.yaml")
    static let text004 = text("dossier-MJ-2019-004.yaml")
    static let text011 = text("dossier-MJ-2019-011.yaml")

    static let conventionFile = ModelLoader.read(data: Data(conventionText.utf8), name: "convention-metz-jury-2018.yaml")
    static let convention = Convention(checked: conventionFile.root!)

    /// Replaces exactly one occurrence of `old` (fails loudly when the sample changed).
    static func replacing(_ text: String, _ old: String, _ new: String) -> String {
        precondition(text.components(separatedBy: old).count == 2, "« \(old) » must occur exactly once")
        return text.replacingOccurrences(of: old, with: new)
    }

    /// Reads a dossier text; the format must accept it.
    static func file(_ text: String, name: String = "dossier.yaml") -> LoadedFile {
        ModelLoader.read(data: Data(text.utf8), name: name)
    }

    /// Every diagnostic `trame check` gives once pathway evidence is checked: format, dossier rules, pathway.
    static func diagnostics(_ text: String, name: String = "dossier.yaml") -> [Diagnostic] {
        let f = file(text, name: name)
        guard let root = f.root else { return f.diagnostics }
        return f.diagnostics + ModelLoader.checkDossier(f, convention: conventionFile) + PathwayRules.check(root: root, convention: conventionFile.root)
    }

    /// The pathway diagnostics only.
    static func pathway(_ text: String) -> [Diagnostic] {
        PathwayRules.check(root: file(text).root!, convention: conventionFile.root)
    }

    /// A typed case from a dossier text without format errors.
    static func dossierCase(_ text: String) -> Case {
        let f = file(text)
        precondition(!f.diagnostics.hasErrors, f.diagnostics.map(\.headline).joined(separator: "\n"))
        return Case(dossier: Dossier(checked: f.root!), convention: convention)
    }

    static let case002 = dossierCase(text002)
    static let case004 = dossierCase(text004)
    static let case011 = dossierCase(text011)
    static let samples = [case002, case004, case011]

    static func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }
}
