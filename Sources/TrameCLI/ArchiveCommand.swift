import ArgumentParser
import Foundation
import TrameDiagnostics
import TrameArchive
import TrameModel

extension TrameCommand {
    /// `trame archive …`: signed documents, kept version by version, verifiable.
    struct ArchiveCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "archive",
            abstract: "Archive des documents signés : versions, vérification, export, audit, purge.",
            discussion: """
                Les documents d'un ménage s'archivent sous l'identifiant de son dossier ; ceux du \
                partenariat (convention-cadre, annexe-roles, avenant) sous celui de la convention.
                Références : DOSSIER/DOCUMENT[/DATE]/vN (ex. MJ-2019-004/sous-location/v2), \
                DOSSIER/DOCUMENT pour la version en vigueur, G12 pour un document généré, ou une \
                empreinte SHA-256 (8 caractères au moins).
                Codes de sortie : 0 succès, 64 utilisation, 65 données refusées ou archive \
                endommagée, 66 fichier ou espace de travail introuvable, 74 écriture impossible.
                """,
            subcommands: [Add.self, Log.self, Show.self, Get.self, Verify.self, Export.self, Audit.self, Purge.self, Retention.self]
        )
    }
}

extension ArchiveCLI {
    /// Parses `AAAA-MM-JJ` given to `option`, or fails with a French usage error.
    static func date(_ text: String, option: String) throws -> CalendarDate {
        guard let date = CalendarDate(iso: text) else {
            throw Diagnostic.error(.optionInvalide, "\(option) attend une date AAAA-MM-JJ qui existe, pas « \(text) »")
        }
        return date
    }

    /// Parses an audience, or fails with a French usage error listing the values.
    static func audience(_ text: String) throws -> Audience {
        guard let audience = Audience(rawValue: text) else {
            throw Diagnostic.error(.destinataireInconnu, "destinataire « \(text) » inconnu ; valeurs possibles : "
                            + Audience.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return audience
    }

    /// One line about a signed version, for listings.
    static func line(_ v: SignedVersion, next: SignedVersion?) -> [String] {
        let state = next.map { "remplacée par v\($0.version)" } ?? "en vigueur"
        return [v.ref, "signée le \(v.signedOn)", v.mediaType.french, v.audience.rawValue, String(v.sha256.prefix(12)),
                state + (v.reason.map { " — \($0)" } ?? "")]
    }
}
