import Foundation
import GRDB

/// What documents are archived under: a dossier (one household) or a convention (the partnership).
public enum OwnerKind: String, Sendable, Codable, Hashable {
    case convention, dossier

    /// « convention », « dossier ».
    public var french: String { rawValue }
}

/// One version of a convention or dossier file, kept with its original bytes.
///
/// A version is identified by the SHA-256 of those bytes: a generated document records it, so its
/// data can be traced to the exact file it came from.
public struct RecordVersion: Sendable, Codable, Hashable {
    public let kind: OwnerKind
    public let id: String
    /// 1, 2, … in the order the versions were added.
    public let version: Int
    public let sha256: String
    public let size: Int64
    /// The name of the file when it was added.
    public let fileName: String
    /// The convention a dossier belongs to (the convention's own id for a convention).
    public let conventionID: String?
    /// When the household's sublease ended (`issue.date`), for retention.
    public let endDate: String?
    public let addedBy: String
    public let addedAt: Date

    /// `dossier/MJ-2019-004/v3`, as written in the audit log.
    public var ref: String { "\(kind.rawValue)/\(id)/v\(version)" }

    init(row: Row) {
        kind = OwnerKind(rawValue: row["kind"]) ?? .dossier
        id = row["record_id"]
        version = row["version"]
        sha256 = row["sha256"]
        size = row["size"] ?? 0
        fileName = row["file_name"]
        conventionID = row["convention_id"]
        endDate = row["end_date"]
        addedBy = row["added_by"]
        addedAt = Timestamp.date(row["added_at"])
    }

    static let select = """
        SELECT r.*, f.size FROM record_version r LEFT JOIN stored_file f ON f.sha256 = r.sha256
        """
}

/// The outcome of adding a convention or dossier file.
public struct RecordAddResult: Sendable {
    /// The new version, or the current one when the bytes were identical.
    public let version: RecordVersion
    /// False when the bytes were identical to the current version: nothing was recorded.
    public let isNew: Bool
    /// For a new version, an earlier version with the same bytes (a return to it), if any.
    public let sameBytesAs: Int?
}

/// A convention or dossier of the workspace, with its current version.
public struct RecordSummary: Sendable, Codable, Hashable {
    public let current: RecordVersion
    public let versionCount: Int
}
