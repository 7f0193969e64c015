import Foundation
import GRDB
import TrameModel

/// A signed-document request once checked against the workspace.
struct CheckedSignedRequest {
    var ownerKind: OwnerKind
    var audience: Audience
    var signatories: [String]
    var reason: String?
    var evaluationDate: String?
    var evaluationType: String?
    var recommendation: String?
    var generatedID: Int64?
    var generatedSHA256: String?
    var warnings: [String] = []
}

extension Workspace {
    /// The recommendations of a final evaluation (FORMAT.md).
    public static let recommendations = ["glissement_bail", "prolongation", "residence_accueil", "pension_de_famille", "famille_gouvernante", "autre"]

    /// Checks everything that can be checked before a byte is written.
    func check(_ request: SignedDocumentRequest) throws -> CheckedSignedRequest {
        let kind = request.documentKind
        let signatories = request.signatories.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        guard !signatories.isEmpty else {
            throw Diagnostic.error(.signataireManquant, "indiquez au moins un signataire : --signatory « Prénom Nom (qualité) »")
        }
        guard request.signedOn <= today else {
            throw Diagnostic.error(.dateFuture, "date de signature \(request.signedOn) dans le futur (nous sommes le \(today))")
        }
        let ownerKind: OwnerKind
        if try currentRecord(.dossier, id: request.ownerID) != nil {
            ownerKind = .dossier
        } else if try currentRecord(.convention, id: request.ownerID) != nil {
            ownerKind = .convention
        } else {
            throw Diagnostic.error(.dossierInconnu, "dossier ou convention « \(request.ownerID) » absent de l'espace de travail ; "
                                        + "ajoutez-le d'abord avec « trame dossier add » ou « trame convention add » (liste : « trame dossier list »)")
        }
        if kind.isPartnershipDocument, ownerKind == .dossier {
            throw Diagnostic.error(.documentDeConvention, "un document « \(kind.rawValue) » concerne tout le partenariat : archivez-le sous l'identifiant de la convention, pas sous le dossier « \(request.ownerID) »")
        }
        if !kind.isPartnershipDocument, ownerKind == .convention {
            throw Diagnostic.error(.documentDeDossier, "un document « \(kind.rawValue) » concerne un ménage : archivez-le sous l'identifiant de son dossier, pas sous la convention « \(request.ownerID) »")
        }
        let reason = request.reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        var checked = CheckedSignedRequest(ownerKind: ownerKind, audience: .soin, signatories: signatories,
                                           reason: reason?.isEmpty == false ? reason : nil)
        if kind.isEvaluation {
            try checkEvaluation(request, into: &checked)
        } else {
            guard request.evaluationDate == nil, request.evaluationType == nil, request.recommendation == nil else {
                throw Diagnostic.error(.optionEvaluation, "--evaluation-date, --evaluation-type et --recommendation ne valent que pour evaluation et evaluation-finale")
            }
            // A signed document keeps the audience it was produced for: archiving a sub-tenant's or a
            // care copy "for the landlord" would put it into the landlord's export bundle.
            let expected = kind.defaultAudience ?? .soin
            if let asked = request.audience, asked != expected {
                throw Diagnostic.error(.destinataire, "un document « \(kind.rawValue) » s'archive pour son destinataire, « \(expected.rawValue) », pas « \(asked.rawValue) »")
            }
            checked.audience = expected
        }
        if let generated = request.generated { try link(generated, request, into: &checked) }
        return checked
    }

    private func checkEvaluation(_ request: SignedDocumentRequest, into checked: inout CheckedSignedRequest) throws {
        guard let date = request.evaluationDate else {
            throw Diagnostic.error(.dateEvaluationManquante, "indiquez la date de l'évaluation : --evaluation-date AAAA-MM-JJ")
        }
        guard let audience = request.audience, DocumentKind.evaluationAudiences.contains(audience) else {
            throw Diagnostic.error(.destinataire, "une évaluation s'archive pour un destinataire : --audience bailleur, association ou soin")
        }
        guard date <= request.signedOn else {
            throw Diagnostic.error(.datesEvaluation, "évaluation du \(date) signée le \(request.signedOn) : la signature ne peut pas précéder l'évaluation")
        }
        let expectedType = request.documentKind == .evaluationFinale ? "finale" : "semestrielle"
        if let type = request.evaluationType, type != expectedType {
            throw Diagnostic.error(.typeEvaluation, "--evaluation-type \(type) ne correspond pas au document \(request.documentKind.rawValue) (type \(expectedType))")
        }
        if let r = request.recommendation {
            guard Workspace.recommendations.contains(r) else {
                throw Diagnostic.error(.recommandationInconnue, "recommandation « \(r) » inconnue ; valeurs possibles : " + Workspace.recommendations.joined(separator: ", "))
            }
            guard expectedType == "finale" else {
                throw Diagnostic.error(.recommandation, "seule une évaluation finale porte une recommandation")
            }
        }
        checked.audience = audience
        checked.evaluationDate = date.description
        checked.evaluationType = expectedType
        checked.recommendation = request.recommendation
        let (record, url) = try recordFile(.dossier, id: request.ownerID)
        let root = ModelLoader.read(data: try storedBytes(sha256: record.sha256, url: url), name: record.fileName).root
        let recorded = root?["evaluations"]?.list?.first { $0["date"]?.date == date }
        // A landlord's copy exists only with the person's consent for that landlord, in force on the
        // evaluation date and today (a withdrawal stops it).
        if audience == .bailleur, let root {
            let dossier = Dossier(checked: root)
            let landlord = dossier.logement?.bailleur ?? ""
            guard DisclosurePolicy.landlordMayReceiveSharedPart(of: dossier, landlord: landlord, about: date, today: CalendarDate(clock(), timeZone: .current)) else {
                throw Diagnostic.error(.consentementAbsent, "copie du bailleur refusée : le dossier (version \(record.version)) n'enregistre pas de consentement de la personne au partage avec « \(landlord) » en vigueur le \(date) et aujourd'hui")
            }
        }
        if let recorded {
            if let type = recorded["type"]?.text, type != expectedType {
                throw Diagnostic.error(.evaluationDifferente, "le dossier (version \(record.version)) décrit l'évaluation du \(date) comme « \(type) », pas « \(expectedType) »")
            }
            let inDossier = recorded["recommandation"]?.text
            if let given = request.recommendation, let inDossier, given != inDossier {
                throw Diagnostic.error(.evaluationDifferente, "le dossier (version \(record.version)) recommande « \(inDossier) » pour l'évaluation du \(date), pas « \(given) »")
            }
            if expectedType == "finale" { checked.recommendation = request.recommendation ?? inDossier }
        } else {
            checked.warnings.append("le dossier \(request.ownerID) (version \(record.version)) ne décrit pas d'évaluation du \(date) : mettez-le à jour avec « trame dossier add »")
        }
        if expectedType == "finale", checked.recommendation == nil {
            throw Diagnostic.error(.recommandationManquante, "une évaluation finale porte une recommandation : --recommendation " + Workspace.recommendations.joined(separator: "|"))
        }
    }

    /// Resolves `--generated`: a reference `G12`, a SHA-256, or the path of the generated file or its manifest.
    private func link(_ text: String, _ request: SignedDocumentRequest, into checked: inout CheckedSignedRequest) throws {
        var sha: String?
        var found: GeneratedDocument?
        if let id = GeneratedDocument.id(fromRef: text) {
            guard let doc = try generatedDocument(id: id) else {
                throw Diagnostic.error(.genereInconnu, "document généré « \(text) » absent de l'espace de travail")
            }
            found = doc
        } else if isSHA256(text.lowercased()) {
            sha = text.lowercased()
        } else if FileManager.default.fileExists(atPath: text) {
            sha = try ContentStore.hash(URL(fileURLWithPath: text)).sha256
        } else {
            throw Diagnostic.error(.genereInvalide, "--generated attend une référence (G12), une empreinte SHA-256 ou le chemin du document généré ou de son manifeste")
        }
        if let sha { found = try generatedDocument(sha256: sha) }
        guard let found else {
            checked.generatedSHA256 = sha
            checked.warnings.append("document généré \(sha ?? text) inconnu de l'espace de travail : seule son empreinte est conservée")
            return
        }
        guard found.ownerID == request.ownerID else {
            throw Diagnostic.error(.genereAutreDossier, "le document généré \(found.ref) concerne « \(found.ownerID) », pas « \(request.ownerID) »")
        }
        guard found.documentKind == request.documentKind else {
            throw Diagnostic.error(.genereAutreDocument, "le document généré \(found.ref) est un « \(found.documentKind.rawValue) », pas un « \(request.documentKind.rawValue) »")
        }
        guard found.audience == checked.audience else {
            throw Diagnostic.error(.genereAutreDestinataire, "le document généré \(found.ref) a été produit pour « \(found.audience.rawValue) », pas pour « \(checked.audience.rawValue) »")
        }
        checked.generatedID = found.id
        checked.generatedSHA256 = found.sha256
    }
}
