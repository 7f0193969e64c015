import Foundation
import NIOPosix
import TrameAccounts
import TrameArchive
import TrameAssembly
import TrameModel

/// What every route uses: the configuration, the accounts, the pages, the document generator and
/// the workspace opened once per partner (so that the archive records who acted: `web:LOGIN`).
final class WebServices: Sendable {
    let configuration: WebConfiguration
    let accounts: AccountStore
    let pages: Pages
    let generator: Generator
    let documents: DocumentService
    /// Forms sent after their session expired, waiting for their partner to sign in again.
    let pendingForms = PendingForms()
    /// Parsed and checked dossiers and conventions, by content hash.
    let checked = CheckedCache()
    /// The current versions of the workspace, read once per change of its table of versions.
    let index = WorkspaceIndex()
    /// Rendered bodies of the list, « À faire » and the dashboard.
    let rendered = RenderedCache()
    /// Rendered bodies of dossier pages, by dossier, role and day.
    let dossierPages = RenderedCache(capacity: 2_000)
    /// Bodies of `/api/dossiers/ID`, by dossier, role and day.
    let apiBodies = RenderedCache(capacity: 2_000)
    /// Deadlines of each dossier version, by reference day.
    let deadlineCache = DeadlineCache()
    /// Each dossier version's rows of « À faire », by day and way of naming the person.
    let todoRows = FragmentCache<TodoRoutes.DossierRows>()
    /// Each dossier version's rows of the dashboard's deadlines, by day.
    let dashboardRows = FragmentCache<String>()
    /// Each dossier version's row of the list, by day and role.
    let listRows = FragmentCache<String>()
    /// Items of the dossier form, rendered, by their values (`FragmentKey`).
    let formItems = FragmentCache<String>()
    /// Each dossier version as the list needs it, by day and role.
    let listEntries = FragmentCache<DossierListRoutes.Entry>(capacity: 4_000)
    private let pool = WorkspacePool()
    /// Threads for the work of the routes, so that Swift's cooperative threads and the event loops
    /// (as many as cores) never block. Two pools (issue 16):
    /// - pages and saves: rendering is CPU-bound, so about as many threads as cores plus one — more
    ///   threads (there were 16) only took the cores from the event loops that read requests and
    ///   write answers, and every request waited for them (measured with `Benchmarks/WebLoad`);
    /// - the JSON API: small answers mostly read from the caches, never queued behind a page.
    /// A third pool for saves was measured too: its threads took as much CPU from the API as they
    /// gave the writers (the API's p99 went from 52 to 105–120 ms).
    /// What waits on other programs or on whole files — generating a document (a PDF waits for
    /// LibreOffice for seconds), archiving a signed scan, importing a file, checking the archive —
    /// has threads of its own: three PDFs at once must not stop every page.
    private let workers = WebServices.threads(3)
    private let apiWorkers = WebServices.threads(3)
    private let documentWorkers = WebServices.threads(4)

    private static func threads(_ count: Int) -> NIOThreadPool {
        let pool = NIOThreadPool(numberOfThreads: count)
        pool.start()
        return pool
    }

    /// Runs `body` on the worker threads.
    func offload<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await workers.runIfActive(body)
    }

    /// Runs `body` (a generation, an upload, a check of the archive) on the documents' threads.
    func offloadDocuments<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await documentWorkers.runIfActive(body)
    }

    /// Runs `body` on the API's worker threads.
    func offloadAPI<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await apiWorkers.runIfActive(body)
    }

    init(configuration: WebConfiguration) throws {
        guard Workspace.isWorkspace(configuration.workspace) else {
            throw WebStartError("aucun espace de travail Trame dans \(configuration.workspace.path) ; créez-le avec « trame init \(configuration.workspace.path) »")
        }
        guard let templates = configuration.templates else {
            throw WebStartError("dossier Templates/ introuvable : lancez trame-web depuis le dépôt de Trame ou indiquez TRAME_RESOURCES=chemin")
        }
        self.configuration = configuration
        do {
            accounts = try AccountStore(directory: configuration.workspace, cost: configuration.bcryptCost,
                                        policy: configuration.sessionPolicy, clock: configuration.clock)
        } catch {
            throw WebStartError(error.description)
        }
        pages = try Pages.load()
        generator = Generator(templatesDirectory: templates)
        documents = DocumentService(generator: generator)
    }

    /// Today: the reference date of deadlines and consents.
    var today: CalendarDate { configuration.today }

    /// The workspace as used by `account` (its actor is `web:LOGIN` in versions and the audit log).
    func workspace(for account: Account) throws -> Workspace {
        try pool.workspace(at: configuration.workspace, actor: "web:\(account.login)", clock: configuration.clock)
    }

    /// The dossiers and conventions of the workspace, read for `account`.
    func cases(for account: Account) throws -> CaseStore {
        try CaseStore(workspace: workspace(for: account), index: index, cache: checked)
    }

    /// Appends to the web journal; a journal that cannot be written stops the action.
    func journal(_ session: Session, _ action: String, dossier: String? = nil, subject: String? = nil,
                 detail: [String: String] = [:]) throws {
        do {
            try accounts.record(actor: session.account.login, action: action, dossier: dossier, subject: subject, detail: detail)
        } catch {
            throw WebError.server("Le journal d'audit ne peut pas être écrit : action annulée (\(error.message)).")
        }
    }
}

/// Why the application cannot start, in French.
public struct WebStartError: Error, Sendable, CustomStringConvertible {
    /// The French message.
    public let description: String
    init(_ message: String) { description = message }
}

/// One `Workspace` per actor, opened on first use.
private final class WorkspacePool: @unchecked Sendable {
    private let lock = NSLock()
    private var opened: [String: Workspace] = [:]

    func workspace(at directory: URL, actor: String, clock: @escaping Workspace.Clock) throws -> Workspace {
        lock.lock()
        defer { lock.unlock() }
        if let workspace = opened[actor] { return workspace }
        let workspace = try Workspace.open(at: directory, actor: actor, clock: clock)
        opened[actor] = workspace
        return workspace
    }
}
