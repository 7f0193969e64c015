import Foundation
import GRDB
import TrameModel

/// One signed version of a document: the PDF or scan as signed, and what is known about it.
public struct SignedVersion: Sendable, Codable, Hashable {
    public let ownerKind: OwnerKind
    /// The dossier, or the convention for a document about the whole partnership.
    public let ownerID: String
    public let documentKind: DocumentKind
    /// For evaluations: versions are kept per evaluation date.
    public let evaluationDate: String?
    /// 1, 2, …; a version supersedes the one before it.
    public let version: Int
    public let sha256: String
    public let size: Int64
    public let mediaType: MediaType
    /// The name of the file when it was added.
    public let originalName: String
    public let signedOn: String
    public let signatories: [String]
    /// Why this version supersedes the previous one.
    public let reason: String?
    public let audience: Audience
    public let evaluationType: String?
    public let recommendation: String?
    /// The generated document this is the signed form of, when known: its reference (`G12`)
    /// and its SHA-256 (kept even when the workspace does not hold it).
    public let generatedRef: String?
    public let generatedSHA256: String?
    public let addedBy: String
    public let addedAt: Date

    /// `MJ-2019-004/sous-location/v2`, `MJ-2019-004/evaluation/2019-09-26/v1`.
    public var ref: String { "\(key)/v\(version)" }

    /// The chain this version belongs to: `MJ-2019-004/sous-location`, `MJ-2019-004/evaluation/2019-09-26`.
    public var key: String {
        [ownerID, documentKind.rawValue, evaluationDate].compactMap { $0 }.joined(separator: "/")
    }

    init(row: Row) {
        ownerKind = OwnerKind(rawValue: row["owner_kind"]) ?? .dossier
        ownerID = row["owner_id"]
        documentKind = DocumentKind(rawValue: row["document_kind"]) ?? .avenant
        let date: String = row["evaluation_date"]
        evaluationDate = date.isEmpty ? nil : date
        version = row["version"]
        sha256 = row["sha256"]
        size = row["size"] ?? 0
        mediaType = MediaType(row["media_type"] ?? MediaType.octetStream.value)
        originalName = row["original_name"]
        signedOn = row["signed_on"]
        signatories = (try? JSONDecoder().decode([String].self, from: Data((row["signatories"] as String).utf8))) ?? []
        reason = row["reason"]
        audience = Audience(rawValue: row["audience"]) ?? .soin
        evaluationType = row["evaluation_type"]
        recommendation = row["recommendation"]
        let generatedID: Int64? = row["generated_id"]
        generatedRef = generatedID.map { "G\($0)" }
        generatedSHA256 = row["generated_sha256"]
        addedBy = row["added_by"]
        addedAt = Timestamp.date(row["added_at"])
    }

    static let select = """
        SELECT s.*, f.size, f.media_type FROM signed_version s LEFT JOIN stored_file f ON f.sha256 = s.sha256
        """
}

/// What is known about a signed document being archived.
public struct SignedDocumentRequest: Sendable {
    /// A dossier id, or a convention id for a document about the whole partnership.
    public var ownerID: String
    public var documentKind: DocumentKind
    public var signedOn: CalendarDate
    public var signatories: [String]
    /// Why it supersedes the current version (required when there is one).
    public var reason: String?
    /// The generated document it is the signed form of: `G12`, a SHA-256, or the path of the
    /// generated file or of its manifest.
    public var generated: String?
    /// For evaluations: the date of the evaluation (required).
    public var evaluationDate: CalendarDate?
    /// For evaluations: `semestrielle` or `finale` (told by the document kind when absent).
    public var evaluationType: String?
    /// For final evaluations: the recommendation (taken from the dossier when absent).
    public var recommendation: String?
    /// The audience (the document kind's default when absent; required for evaluations).
    public var audience: Audience?

    public init(ownerID: String, documentKind: DocumentKind, signedOn: CalendarDate, signatories: [String],
                reason: String? = nil, generated: String? = nil, evaluationDate: CalendarDate? = nil,
                evaluationType: String? = nil, recommendation: String? = nil, audience: Audience? = nil) {
        self.ownerID = ownerID
        self.documentKind = documentKind
        self.signedOn = signedOn
        self.signatories = signatories
        self.reason = reason
        self.generated = generated
        self.evaluationDate = evaluationDate
        self.evaluationType = evaluationType
        self.recommendation = recommendation
        self.audience = audience
    }
}

/// The outcome of archiving a signed document.
public struct SignedAddResult: Sendable {
    /// The new version, or the existing one holding the same bytes.
    public let version: SignedVersion
    /// False when these exact bytes were already archived for this document: nothing was recorded.
    public let isNew: Bool
    /// The version it supersedes.
    public let supersedes: SignedVersion?
    /// Points worth telling the user (in French) that did not prevent the add.
    public let warnings: [String]
}
