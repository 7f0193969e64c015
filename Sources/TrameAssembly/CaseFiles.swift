import Foundation
import TrameModel
import TrameProcedure

/// A dossier and its convention, read and checked exactly as `trame check` does.
public struct CaseFiles: Sendable {
    public let dossier: LoadedFile?
    public let convention: LoadedFile
    /// Warnings found while checking (errors make loading fail).
    public let warnings: [Diagnostic]

    /// Reads a dossier, finds its convention (`ConventionLocator`), and checks both.
    /// - Throws: `Diagnostics` with every diagnostic when a file is missing or has errors.
    public static func load(dossierPath: String, conventionOverride: String? = nil,
                            locator: ConventionLocator? = nil) throws(Diagnostics) -> CaseFiles {
        let dossier = ModelLoader.read(path: dossierPath, expected: .dossier)
        var sources = [dossier.path: dossier.source]
        try refuse(dossier, sources)
        var reader = CaseReader(locator: locator ?? ConventionLocator(override: conventionOverride))
        let reading = reader.read(dossier: dossier)
        if let convention = reading.convention { sources[convention.path] = convention.source }
        let all = dossier.diagnostics + (reading.convention?.diagnostics ?? []) + reading.diagnostics
        guard let convention = reading.convention, !all.hasErrors else {
            throw Diagnostics(all, sources: sources)
        }
        return CaseFiles(dossier: dossier, convention: convention, warnings: all)
    }

    /// Reads and checks a convention alone, for documents about the partnership as a whole.
    public static func load(conventionPath: String) throws(Diagnostics) -> CaseFiles {
        let convention = ModelLoader.read(path: conventionPath, expected: .convention)
        try refuse(convention, [convention.path: convention.source])
        return CaseFiles(dossier: nil, convention: convention, warnings: convention.diagnostics)
    }

    private static func refuse(_ file: LoadedFile, _ sources: [String: SourceText]) throws(Diagnostics) {
        if file.isUnreadable { throw Diagnostics(file.diagnostics, sources: sources) }
        if file.diagnostics.hasErrors || file.root == nil {
            throw Diagnostics(file.diagnostics, sources: sources)
        }
    }
}
