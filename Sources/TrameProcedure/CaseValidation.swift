import TrameModel

/// Every rule of a dossier that needs its convention: the legal and programme rules of the model
/// and the pathway evidence. `trame check` and every command that reads a dossier use this one
/// function, so a dossier `check` refuses is refused everywhere, for the same reasons.
public enum CaseValidation {
    /// The diagnostics of the rules comparing a dossier with its convention (format errors of each
    /// file are in `LoadedFile.diagnostics`).
    public static func diagnostics(dossier: LoadedFile, convention: LoadedFile?) -> [Diagnostic] {
        guard let root = dossier.root else { return [] }
        return ModelLoader.checkDossier(dossier, convention: convention)
            + PathwayRules.check(root: root, convention: convention?.root)
    }
}
