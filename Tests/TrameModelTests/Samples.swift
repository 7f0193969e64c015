import Foundation
import TrameModel

/// The bundled sample files, and helpers to derive broken variants from them.
enum Samples {
    static let repository: URL = {
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        while url.pathComponents.count > 1 {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("repository root not found from \(#filePath)")
    }()

    static let bundle = repository.appendingPathComponent("Conventions/metz-jury-2018")
    static let fixtures = repository.appendingPathComponent("Tests/TrameModelTests/Fixtures")

    static func text(_ name: String) -> String {
        try! String(contentsOf: bundle.appendingPathComponent(name), encoding: .utf8)
    }

    static let conventionText = text("convention-metz-jury-2018.yaml")
    static let dossier004 = text("dossier-MJ-2019-004.yaml")
    static let dossier002 = text("dossier-MJ-2019-002.yaml")
    static let dossier011 = text("dossier-MJ-2019-011.yaml")

    static let convention: LoadedFile = ModelLoader.read(data: Data(conventionText.utf8), name: "convention-metz-jury-2018.yaml")

    /// Replaces exactly one occurrence of `old` (fails loudly when the sample changed).
    static func replacing(_ text: String, _ old: String, _ new: String) -> String {
        precondition(text.components(separatedBy: old).count == 2, "« \(old) » must occur exactly once")
        return text.replacingOccurrences(of: old, with: new)
    }

    /// Loads a dossier text and applies the rules against the sample convention.
    static func check(dossier text: String, name: String = "dossier.yaml") -> [Diagnostic] {
        let file = ModelLoader.read(data: Data(text.utf8), name: name)
        return file.diagnostics + ModelLoader.checkDossier(file, convention: convention)
    }

    /// Loads a convention text and returns its diagnostics.
    static func check(convention text: String) -> [Diagnostic] {
        ModelLoader.read(data: Data(text.utf8), name: "convention.yaml").diagnostics
    }

    /// 1-based line of the first line containing `needle`.
    static func line(of needle: String, in text: String) -> Int {
        let lines = text.components(separatedBy: "\n")
        return lines.firstIndex { $0.contains(needle) }! + 1
    }
}
