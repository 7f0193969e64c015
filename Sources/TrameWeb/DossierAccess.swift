import Foundation
import TrameAccounts
import TrameArchive
import TrameModel

/// A dossier opened by a partner, once its right to open it is checked.
struct OpenedDossier {
    let cases: CaseStore
    let stored: StoredDossier
    let dossier: Dossier
    let session: Session

    var clearance: Clearance { session.account.clearance }
}

extension WebServices {
    /// Opens a dossier for the partner of `session`, or refuses with « introuvable » (a landlord
    /// cannot tell another landlord's dossier from one that does not exist). The reading is logged.
    /// - Parameters:
    ///   - version: a version number (the current version when nil).
    func open(_ id: String, session: Session, version: Int? = nil) throws -> OpenedDossier {
        let cases = try self.cases(for: session.account)
        let stored: StoredDossier?
        do {
            stored = try cases.dossier(id, version: version)
        } catch let error as Diagnostic where error.code == .versionInconnue {
            throw WebError.notFound("Ce dossier n'a pas de version \(version ?? 0).")
        }
        guard let stored, let dossier = stored.dossier, session.account.clearance.mayOpen(dossier) else {
            try journal(session, "acces-refuse", dossier: id, subject: "dossier")
            throw WebError.notFound("Dossier introuvable, ou votre rôle ne permet pas de le consulter.")
        }
        return OpenedDossier(cases: cases, stored: stored, dossier: dossier, session: session)
    }

    /// Refuses a role that does not manage dossiers (a landlord reads its dossiers, never edits them).
    func requireManager(_ session: Session) throws {
        guard Access.mayManageDossiers(session.account) else {
            try journal(session, "acces-refuse", subject: "gestion des dossiers")
            throw WebError.forbidden("Votre rôle permet de consulter les dossiers de vos logements, pas de les créer ni de les modifier.")
        }
    }
}

extension Diagnostic {
    /// The diagnostic for a partner, in plain French (`plain`): when its field is hidden from the
    /// role, only that a rubric is to correct (its message could quote a value the role may not read).
    /// Its code and path stay for the coordination's « Détails techniques » (`technical`).
    func shown(to clearance: Clearance, words: PlainWords = PlainWords()) -> String {
        if let path, !path.isEmpty, !clearance.mayRead(field: path) {
            return Self.hiddenRubric
        }
        return plain(words)
    }

    /// What a partner reads of a diagnostic about a field its role does not see.
    static let hiddenRubric = "Une rubrique que votre rôle ne voit pas est à corriger : adressez-vous à la coordination."
}
