import Foundation
import TrameAccounts
import TrameArchive
import TrameModel

/// The one way the CLI writes JSON (`--json`): a `JSONValue` built by each output with explicit
/// French snake_case keys, printed indented (conventions in `JSONValue` and `docs/outputs.md`).
enum MachineOutput {
    /// Prints `value` on stdout, indented, with a final newline.
    static func print(_ value: JSONValue) {
        Swift.print(value.rendered, terminator: "")
    }
}

extension SignedVersion {
    /// `archive log` (`signes[]`), `archive show`, `archive add`.
    var json: JSONValue {
        .object([
            ("reference", .string(ref)), ("type_proprietaire", .string(ownerKind.rawValue)), ("proprietaire", .string(ownerID)),
            ("document", .string(documentKind.rawValue)), ("date_evaluation", .optional(evaluationDate)), ("version", .int(version)),
            ("signe_le", .string(signedOn)), ("signataires", .array(signatories.map(JSONValue.string))),
            ("destinataire", .string(audience.rawValue)), ("motif", .optional(reason)),
            ("type_evaluation", .optional(evaluationType)), ("recommandation", .optional(recommendation)),
            ("nom_original", .string(originalName)), ("type_media", .string(mediaType.value)), ("taille", .int(size)),
            ("sha256", .string(sha256)), ("document_genere", .optional(generatedRef)), ("document_genere_sha256", .optional(generatedSHA256)),
            ("ajoute_le", .timestamp(addedAt)), ("ajoute_par", .string(addedBy)),
        ])
    }
}

extension GeneratedDocument {
    /// `archive log` (`generes[]`), `archive show`.
    var json: JSONValue {
        .object([
            ("reference", .string(ref)), ("type_proprietaire", .string(ownerKind.rawValue)), ("proprietaire", .string(ownerID)),
            ("document", .string(documentKind.rawValue)), ("destinataire", .string(audience.rawValue)), ("format", .string(format)),
            ("type_media", .string(MediaType.forGenerated(format: format).value)), ("taille", .int(size)), ("sha256", .string(sha256)),
            ("manifeste_sha256", .optional(manifestSHA256)), ("donnees_sha256", .string(sourceSHA256)),
            ("donnees_version", sourceVersion.map(JSONValue.int) ?? .null),
            ("ajoute_le", .timestamp(addedAt)), ("ajoute_par", .string(addedBy)),
        ])
    }
}

extension RecordVersion {
    /// `dossier history`, `convention history`; the fields of `dossier list` and `convention list`.
    var jsonEntries: [(String, JSONValue)] {
        [
            ("reference", .string(ref)), ("type", .string(kind.rawValue)), ("identifiant", .string(id)), ("version", .int(version)),
            ("convention", .optional(conventionID)), ("date_fin", .optional(endDate)), ("nom_fichier", .string(fileName)),
            ("taille", .int(size)), ("sha256", .string(sha256)), ("ajoute_le", .timestamp(addedAt)), ("ajoute_par", .string(addedBy)),
        ]
    }

    var json: JSONValue { .object(jsonEntries) }
}

extension RecordSummary {
    /// `dossier list`, `convention list`: the current version and the number of versions.
    var json: JSONValue { .object(current.jsonEntries + [("nombre_versions", .int(versionCount))]) }
}

extension AuditEvent {
    /// `archive audit`: the details as an object (their keys depend on the action).
    var json: JSONValue {
        .object([
            ("numero", .int(seq)), ("date", .timestamp(at)), ("acteur", .string(actor)), ("action", .string(action)),
            ("proprietaire", .optional(ownerID)), ("objet", .optional(subject)), ("sha256", .optional(sha256)),
            ("detail", JSONValue.parsing(detail) ?? .string(detail)),
        ])
    }
}

extension PurgePlan {
    /// `archive purge`.
    var json: JSONValue {
        .object([
            ("avant", .string(before)), ("date_reference", .string(today)), ("execute", .bool(executed)),
            ("candidats", .array(candidates.map { c in
                .object([("dossier", .string(c.dossierID)), ("convention", .string(c.conventionID)),
                         ("derniere_activite", .string(c.lastActivity)), ("conservation_annees", .int(c.retentionYears)),
                         ("references", .array(c.references.map(JSONValue.string))), ("empreintes", .array(c.files.map(JSONValue.string)))])
            })),
            ("conserves", .array(kept.map { .object([("dossier", .string($0.dossierID)), ("motif", .string($0.reason))]) })),
        ])
    }
}

extension VerificationReport {
    /// `archive verify`.
    var json: JSONValue {
        .object([
            ("conforme", .bool(isClean)), ("fichiers_verifies", .int(filesChecked)), ("octets_verifies", .int(bytesChecked)),
            ("problemes", .array(problems.map(\.json))),
        ])
    }
}

extension Account {
    /// `users list` (never a password or its hash).
    var json: JSONValue {
        .object([
            ("identifiant", .string(login)), ("role", .string(role.rawValue)), ("bailleur", .optional(landlord)),
            ("actif", .bool(disabledAt == nil)), ("cree_le", .timestamp(createdAt)), ("cree_par", .string(createdBy)),
            ("desactive_le", .timestamp(disabledAt)),
        ])
    }
}
