import Foundation
import TrameModel

/// The fields a template may name: the root of the rendering context, as `FieldSpec`s of the model.
///
/// Load-time checks resolve every path of a template against it (unknown variable, type of a
/// filter's input, `pour` over a list) and take each field's sensitivity level from it.
public struct ContextSchema: Sendable {
    /// A short name for diagnostics ("document de dossier").
    public let name: String
    /// The root fields.
    public let fields: [FieldSpec]

    /// A context schema with the given root fields.
    public init(name: String, fields: [FieldSpec]) {
        self.name = name
        self.fields = fields
    }

    /// The fields of a convention party (`convention.parties[]`).
    static let partyFields: [FieldSpec] = {
        for spec in FormatSchemas.convention.root where spec.key == "parties" {
            if case .list(.object(let fields)) = spec.type { return fields }
        }
        return []
    }()

    /// One signing party as derived by `ContextBuilder`: an optional organisation, a capacity, a name.
    static let signatoryFields: [FieldSpec] = [
        .optional("partie", .text), FieldSpec("qualite", .text), FieldSpec("nom", .text),
    ]

    /// One evaluation (`evaluations[]`), as selected by `--date` into `evaluation`.
    static let evaluationType: FieldType = {
        for spec in FormatSchemas.dossier.root where spec.key == "evaluations" {
            if case .list(let element) = spec.type { return element }
        }
        return .object([])
    }()

    /// The fields common to every document: `audience` and `projet`.
    static let documentFields: [FieldSpec] = [
        FieldSpec("audience", .enumeration(Audience.allCases.map(\.rawValue)), .required, .partenaires),
        FieldSpec("projet", .boolean, .required, .partenaires),
        FieldSpec("acte", .object([
            FieldSpec("designation", .text), FieldSpec("denomination", .text), FieldSpec("article", .text), FieldSpec("pronom", .text),
        ]), .required, .partenaires),
    ]

    /// The convention as templates see it: the file's keys, with `intitule_public` always present
    /// (`ContextBuilder` supplies the neutral default when the file has none).
    static let conventionFields: [FieldSpec] = FormatSchemas.convention.root.map { spec in
        spec.key == "intitule_public" ? FieldSpec(spec.key, spec.type, .required, spec.sensitivity) : spec
    }

    static let conventionField = FieldSpec("convention", .object(conventionFields), .required, .partenaires)

    /// The convention in a document about a person: its `intitule` may name the health
    /// establishment (« personnes suivies par le CH de Jury »), which, linked to the person, tells
    /// who follows her (RGPD art. 9): level `social` there, so that a landlord's or the préfet's
    /// document cannot print it (`AUDIENCE`) and prints `intitule_public` instead.
    static let dossierConventionField = FieldSpec("convention", .object(conventionFields.map { spec in
        spec.key == "intitule" ? FieldSpec(spec.key, spec.type, spec.requirement, .social) : spec
    }), .required, .partenaires)

    /// A document about one dossier: the dossier's root fields, with `convention` holding the
    /// whole convention object (its `identifiant` is the id; `intitule_public` always present;
    /// `intitule` at level `social`), and derived fields:
    /// `bailleur` (the landlord party of `logement.bailleur`), `association` (the
    /// `operateur_associatif` party), `etablissement_sante` (the health establishment party, level `social`),
    /// `sous_location.date_fin` (end of the current term), `sous_location.date_avis_prefet` (two
    /// months before it: the L442-8-3 notice), `sous_location.total_mensuel`, `.reste_a_payer_estime`
    /// (level `social`, like the aid it deducts), `.premiere_revision`, `.annee_irl_reference`, `signataires` (the signing parties of each document,
    /// FORMAT.md), `audience` and `projet` (draft); and, when a document is about one evaluation or
    /// one renewal (`--date`), `evaluation` and `evaluation_numero` (1 for the first), or
    /// `renouvellement` (with `date_fin`, `numero` and `duree_cumulee_mois`: the initial term and the renewals up to this one) and `terme_precedent`.
    public static let dossierDocument: ContextSchema = {
        var fields: [FieldSpec] = []
        for spec in FormatSchemas.dossier.root {
            switch spec.key {
            case "convention":
                fields.append(dossierConventionField)
            case "sous_location":
                guard case .object(let children) = spec.type else { fields.append(spec); continue }
                fields.append(FieldSpec(spec.key, .object(children + [
                    .optional("date_fin", .date), .optional("date_avis_prefet", .date),
                    .optional("total_mensuel", FieldType.decimal(minimum: 0, exclusive: false, isAmount: true)),
                    .optional("reste_a_payer_estime", FieldType.decimal(minimum: 0, exclusive: false, isAmount: true), .social),
                    .optional("premiere_revision", .date), .optional("annee_irl_reference", .integer(minimum: 1)),
                ]), spec.requirement, spec.sensitivity))
            default:
                fields.append(spec)
            }
        }
        let party = FieldType.object(partyFields)
        let signatories = FieldType.list(.object(signatoryFields))
        fields += [
            .optional("evaluation", evaluationType, .partenaires),
            .optional("evaluation_numero", .integer(minimum: 1), .partenaires),
            .optional("renouvellement", .object([
                FieldSpec("date_effet", .date), FieldSpec("duree_mois", .integer(minimum: 1)),
                FieldSpec("date_fin", .date), FieldSpec("numero", .integer(minimum: 1)),
                FieldSpec("duree_cumulee_mois", .integer(minimum: 1)),
            ]), .partenaires),
            .optional("terme_precedent", .object([FieldSpec("date_effet", .date), FieldSpec("date_fin", .date)]), .partenaires),
            .optional("bailleur", party, .partenaires),
            .optional("association", party, .partenaires),
            // Linked to the person, the health establishment tells who follows her (RGPD art. 9):
            // level `social`, so that a landlord's or the préfet's document cannot name it.
            .optional("etablissement_sante", party, .social),
            FieldSpec("signataires", .object([
                FieldSpec("sous_location", signatories), FieldSpec("bail_principal", signatories),
                FieldSpec("convention_tripartite", signatories), FieldSpec("convention", signatories),
                .optional("courrier", signatories),
            ]), .required, .partenaires),
            // The letter to the préfet (`ContextBuilder.addingPrefectLetter`).
            .optional("courrier", .object([
                FieldSpec("date", .date), .optional("lieu", .text), .optional("fin_periode", .date),
                .optional("echeance", .date), .optional("hors_delai", .boolean),
            ]), .partenaires),
            // « Mes prochaines dates » (`ContextBuilder.addingNextDates`): the dates still to come on the day it is made.
            .optional("prochaines_dates", .object([
                FieldSpec("date", .date), .optional("debut", .date), .optional("evaluation", .date),
                FieldSpec("premiere_evaluation", .boolean), FieldSpec("evaluation_a_fixer", .boolean),
                .optional("fin_terme", .date), .optional("assurance", .date),
            ]), .partenaires),
        ]
        return ContextSchema(name: "document de dossier", fields: fields + documentFields)
    }()

    /// A document about the partnership as a whole: `convention`, `signataires.convention`
    /// (the parties having a `representant`), `audience` and `projet`.
    public static let conventionDocument = ContextSchema(name: "document de convention", fields: [
        conventionField,
        FieldSpec("signataires", .object([FieldSpec("convention", .list(.object(signatoryFields)))]), .required, .partenaires),
    ] + documentFields)
}
