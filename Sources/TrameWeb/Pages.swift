import Foundation
import Hummingbird
import Mustache
import TrameAccounts

/// The Mustache pages of `Pages/` (HTML escaped by default) and the shared layout around them.
struct Pages: Sendable {
    let library: MustacheLibrary
    let directory: URL

    /// Loads every `*.mustache` file of the bundled `Pages` folder.
    static func load() throws -> Pages {
        guard let directory = Bundle.module.url(forResource: "Pages", withExtension: nil) else {
            throw WebStartError("pages de l'application introuvables (ressource Pages absente)")
        }
        var library = MustacheLibrary()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names.sorted() where name.hasSuffix(".mustache") {
            let url = directory.appendingPathComponent(name)
            do {
                let text = try String(contentsOf: url, encoding: .utf8)
                library.register(try MustacheTemplate(string: text), named: String(name.dropLast(".mustache".count)))
            } catch {
                throw WebStartError("page \(name) illisible : \(error)")
            }
        }
        return Pages(library: library, directory: directory)
    }

    /// A page of the application inside the layout, as an HTML response.
    /// - Parameters:
    ///   - template: the page's template name (`dossiers`).
    ///   - title: the `<title>` and main heading.
    ///   - session: the signed-in partner (navigation, sign-out form); nil on the sign-in page.
    ///   - data: the page's values.
    func page(_ template: String, title: String, session: Session?, data: [String: Any] = [:],
              status: HTTPResponse.Status = .ok, notice: String? = nil) -> Response {
        var data = data
        // « Détails techniques » (codes, fingerprints, clause ids): the coordination's only (issue 16).
        if data["technical"] == nil { data["technical"] = session.map { Access.showsTechnicalDetails($0.account) } ?? false }
        return page(body: body(template, data), title: title, session: session, status: status, notice: notice)
    }

    /// The body of a page, without the layout (to keep in `RenderedCache`).
    func body(_ template: String, _ data: [String: Any]) -> String {
        library.render(data, withTemplate: template) ?? ""
    }

    /// A page from its rendered body, inside the layout.
    func page(body: String, title: String, session: Session?, status: HTTPResponse.Status = .ok, notice: String? = nil) -> Response {
        var layout: [String: Any] = ["title": title, "body": ScrollingTables.wrap(body)]
        if let notice { layout["notice"] = notice }
        if let session {
            var user: [String: Any] = ["login": session.account.login, "role": session.account.role.label]
            if let landlord = session.account.landlord { user["landlord"] = landlord }
            layout["user"] = user
            layout["csrf"] = session.csrfToken
            layout["nav"] = Access.navigation(for: session.account).map { ["href": $0.href, "label": $0.label] }
        }
        return Self.html(library.render(layout, withTemplate: "layout") ?? body, status: status)
    }

    /// An HTML response, never cached (the pages hold personal data).
    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// A redirection after a form (303 See Other).
    static func redirect(_ location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }

    /// A file to download.
    static func download(_ data: Data, name: String, type: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.contentDisposition] = UploadName.contentDisposition(name)
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// JSON text.
    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
