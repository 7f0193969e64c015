import Foundation
import TrameAccounts
import TrameModel

/// How the web application runs: which workspace, where it listens, how long sessions last.
public struct WebConfiguration: Sendable {
    /// The Trame workspace (`trame init`), holding the dossiers, the archive and `comptes.sqlite`.
    public var workspace: URL
    /// The address to listen on: the loopback by default (a TLS reverse proxy faces the network).
    public var host: String
    /// The port; 0 picks a free one (printed at start).
    public var port: Int
    /// The `Templates/` folder of the documents.
    public var templates: URL?
    /// Session lifetimes and sign-in throttling.
    public var sessionPolicy: SessionPolicy
    /// The bcrypt cost of the account store (only used for the decoy hash of unknown logins).
    public var bcryptCost: UInt8
    /// The current time (injected by tests): sessions, throttling, the reference date of deadlines.
    public var clock: @Sendable () -> Date

    /// The configuration of a server on `host:port` for the workspace in `workspace`.
    public init(workspace: URL, host: String = "127.0.0.1", port: Int = 8080,
                templates: URL? = TrameResources.templatesDirectory, sessionPolicy: SessionPolicy = SessionPolicy(),
                bcryptCost: UInt8 = AccountStore.defaultCost, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.workspace = workspace
        self.host = host
        self.port = port
        self.templates = templates
        self.sessionPolicy = sessionPolicy
        self.bcryptCost = bcryptCost
        self.clock = clock
    }

    /// Today in the local time zone: the reference date of deadlines and of consents in force.
    public var today: CalendarDate {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: clock())
        return CalendarDate(year: c.year ?? 2000, month: c.month ?? 1, day: c.day ?? 1) ?? CalendarDate(year: 2000, month: 1, day: 1)!
    }
}
