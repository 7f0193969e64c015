import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TrameAccounts
import TrameArchive
import TrameModel
import TrameWeb

/// A clock the tests move forward.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date()

    var now: Date { lock.withLock { current } }
    func advance(_ seconds: TimeInterval) { lock.withLock { current = current.addingTimeInterval(seconds) } }
}

/// A fresh workspace with the bundled convention and its three dossiers, and one account per role
/// (two landlords): what every web test starts from.
struct TestWorkspace {
    static let password = "mot-de-passe-de-test"
    /// login, role, landlord.
    static let accounts: [(String, Role, String?)] = [
        ("coord", .coordination, nil), ("soin", .soin, nil), ("asso", .association, nil),
        ("bailleur1", .bailleur, "bailleur-exemple-1"), ("bailleur2", .bailleur, "bailleur-exemple-2"),
    ]
    /// The bundled example files.
    static var examples: URL { TrameResources.conventionsDirectory!.appendingPathComponent("metz-jury-2018") }

    let directory: URL
    let clock = TestClock()

    init(policy: SessionPolicy = SessionPolicy()) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("trame-web-test-\(UUID().uuidString)")
        let (workspace, _) = try Workspace.create(at: directory, actor: "test")
        for name in ["convention-metz-jury-2018.yaml", "dossier-MJ-2019-002.yaml", "dossier-MJ-2019-004.yaml", "dossier-MJ-2019-011.yaml"] {
            let file = Self.examples.appendingPathComponent(name)
            // A convention is stored with the files it names (its partners' logos), as `trame convention add` does.
            var attachments: [String: Data] = [:]
            if name.hasPrefix("convention-"), let root = ModelLoader.read(path: file.path).root {
                for reference in ConventionAttachments.references(in: root) {
                    attachments[reference.name] = try Data(contentsOf: ConventionAttachments.url(reference.name, conventionFile: file.path))
                }
            }
            _ = try workspace.addRecord(data: try Data(contentsOf: file), fileName: name, attachments: attachments)
        }
        let store = try AccountStore(directory: directory, cost: 10)
        for (login, role, landlord) in Self.accounts {
            try store.add(login: login, role: role, landlord: landlord, password: Self.password, createdBy: "test")
        }
        self.policy = policy
    }

    let policy: SessionPolicy

    var configuration: WebConfiguration {
        let clock = self.clock
        return WebConfiguration(workspace: directory, sessionPolicy: policy, bcryptCost: 10, clock: { clock.now })
    }

    /// The accounts of the workspace, on the test clock.
    func store() throws -> AccountStore {
        let clock = self.clock
        return try AccountStore(directory: directory, cost: 10, policy: policy, clock: { clock.now })
    }

    /// A session for `login` (signed in directly through the account store).
    func session(_ login: String) throws -> Session {
        try store().signIn(login: login, password: Self.password)
    }

    func workspace() throws -> Workspace { try Workspace.open(at: directory, actor: "test") }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    /// Runs `body` against the application (router test framework: no socket).
    func withApp<T: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        let app = Application(router: try TrameWebApp.router(configuration: configuration))
        return try await app.test(.router, body)
    }
}

extension TestClientProtocol {
    /// GET with the session's cookie.
    func get(_ uri: String, _ session: Session?) async throws -> TestResponse {
        var headers = HTTPFields()
        if let session { headers[.cookie] = "trame_session=\(session.token)" }
        return try await execute(uri: uri, method: .get, headers: headers)
    }

    /// POST of a URL-encoded form, with the session's form token unless `token` says otherwise.
    func post(_ uri: String, _ session: Session?, _ fields: [(String, String)] = [], token: String? = nil,
              headers extra: HTTPFields = [:]) async throws -> TestResponse {
        var headers = extra
        headers[.contentType] = "application/x-www-form-urlencoded"
        if let session { headers[.cookie] = "trame_session=\(session.token)" }
        let all = [("_csrf", token ?? session?.csrfToken ?? "")] + fields
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    /// POST of a multipart form with one file.
    func postFile(_ uri: String, _ session: Session, fields: [(String, String)], file: (name: String, fileName: String, data: Data)) async throws -> TestResponse {
        let boundary = "----trame-test-\(UUID().uuidString)"
        var body = Data()
        for (name, value) in [("_csrf", session.csrfToken)] + fields {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.fileName)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
        body += file.data + Data("\r\n--\(boundary)--\r\n".utf8)
        var headers = HTTPFields()
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        headers[.cookie] = "trame_session=\(session.token)"
        return try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: body))
    }

    static func encode(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? s
    }
}

extension TestResponse {
    /// The body as text.
    var text: String { String(decoding: body.readableBytesView, as: UTF8.self) }
}
