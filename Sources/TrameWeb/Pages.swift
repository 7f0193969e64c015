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
        MustacheContentTypes.register(EscapedHTML(), named: EscapedHTML.name)
        var library = MustacheLibrary()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names.sorted() where name.hasSuffix(".mustache") {
            let url = directory.appendingPathComponent(name)
            do {
                // Every page and partial escapes its values with `HTML.escape`; the pragma, alone on its
                // line, writes nothing (and the file's first line stays standalone, as written).
                let text = "{{% CONTENT_TYPE: \(EscapedHTML.name)}}\n" + (try String(contentsOf: url, encoding: .utf8))
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
        page(body: body(template, for: session?.account, data), title: title, session: session, status: status, notice: notice)
    }

    /// The body of a page, without the layout (to keep in `RenderedCache`), its list tables in
    /// their scrolling frames (`ScrollingTables`): done once per body, not once per response.
    func body(_ template: String, _ data: [String: Any]) -> String {
        ScrollingTables.wrap(library.render(data, withTemplate: template) ?? "")
    }

    /// The body of a page for `account` (nil: nobody signed in), as `body(_:_:)`, with the
    /// « Détails techniques » (codes, fingerprints, clause ids) for the coordination only (issue 16).
    func body(_ template: String, for account: Account?, _ data: [String: Any]) -> String {
        var data = data
        if data["technical"] == nil { data["technical"] = account.map(Access.showsTechnicalDetails) ?? false }
        return body(template, data)
    }

    /// Stands for the body in the rendered layout, which is then put around the body by
    /// concatenation: a cached body of 450 kB is never copied through Mustache again. It starts
    /// with `<`, which no value of the layout (the title: a person's name) can hold unescaped.
    private static let bodyMarker = "<!--corps-de-page-->"

    /// A page from its body (as `body(_:_:)` renders it), inside the layout.
    func page(body: String, title: String, session: Session?, status: HTTPResponse.Status = .ok, notice: String? = nil) -> Response {
        var layout: [String: Any] = ["title": title, "body": Self.bodyMarker]
        if let notice { layout["notice"] = notice }
        if let session {
            var user: [String: Any] = ["login": session.account.login, "role": session.account.role.label]
            if let landlord = session.account.landlord { user["landlord"] = landlord }
            layout["user"] = user
            layout["csrf"] = session.csrfToken
            layout["nav"] = Access.navigation(for: session.account).map { ["href": $0.href, "label": $0.label] }
        }
        guard let frame = library.render(layout, withTemplate: "layout"), let at = frame.range(of: Self.bodyMarker) else {
            return Self.html(body, status: status)
        }
        var text = String(frame[..<at.lowerBound])
        text.reserveCapacity(frame.utf8.count + body.utf8.count)
        text += body
        text += frame[at.upperBound...]
        return Self.html(text, status: status)
    }

    /// `text` with every `marker` replaced by `value`, scanning UTF-8 bytes (Foundation's search
    /// bridges the whole string first: too slow for a cached page served at every request).
    static func replacing(_ marker: String, with value: String, in text: String) -> String {
        let bytes = text.utf8, pattern = Array(marker.utf8)
        guard let first = pattern.first else { return text }
        var out = [UInt8]()
        var start = bytes.startIndex, i = bytes.startIndex
        while i != bytes.endIndex {
            if bytes[i] == first, bytes[i...].starts(with: pattern) {
                out += bytes[start..<i]
                out += value.utf8
                i = bytes.index(i, offsetBy: pattern.count)
                start = i
            } else {
                i = bytes.index(after: i)
            }
        }
        if start == bytes.startIndex { return text }
        out += bytes[start...]
        return String(decoding: out, as: UTF8.self)
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

/// Mustache's HTML content type with `HTML.escape`: the same five characters escaped, by bytes
/// (Mustache's own looks each `Character` up in a dictionary: a third of the server's time on a
/// 450 kB page, and it leaves a `<` followed by a combining mark unescaped).
struct EscapedHTML: MustacheContentType {
    static let name = "HTML-TRAME"

    func escapeText(_ text: String) -> String { HTML.escape(text) }
}
