import Foundation

/// A partner account: a login, a role and, for a landlord, the landlord's party id.
public struct Account: Sendable, Hashable, Codable {
    /// Lower-case login (`n.haddad`).
    public let login: String
    /// What the account may see and do.
    public let role: Role
    /// For `bailleur` accounts: the convention party id of the landlord (`bailleur-exemple-1`).
    public let landlord: String?
    /// When the account was created.
    public let createdAt: Date
    /// Who created the account (the system user running `trame users add`).
    public let createdBy: String
    /// When the account was disabled (`trame users disable`); nil while it may sign in.
    public var disabledAt: Date?

    public init(login: String, role: Role, landlord: String?, createdAt: Date, createdBy: String, disabledAt: Date? = nil) {
        self.login = login
        self.role = role
        self.landlord = landlord
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.disabledAt = disabledAt
    }

    /// The clearance of the account's holder.
    public var clearance: Clearance { Clearance(role: role, landlord: landlord) }

    /// Whether `login` is acceptable: 2 to 40 characters, lower-case letters, digits, `.`, `_`, `-`,
    /// starting with a letter or a digit.
    public static func isValidLogin(_ login: String) -> Bool {
        guard (2...40).contains(login.count), let first = login.unicodeScalars.first,
              ("a"..."z").contains(first) || ("0"..."9").contains(first) else { return false }
        return login.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "_" || $0 == "-"
        }
    }

    /// The shortest password accepted.
    public static let minimumPasswordLength = 10
}
