import Foundation
import HTTPTypes
import Hummingbird
import TrameAccounts

/// The fields of a submitted form (`application/x-www-form-urlencoded` or `multipart/form-data`),
/// in order, with the uploaded files of a multipart form.
struct FormBody: Sendable {
    /// Field names and values, in the order sent.
    var fields: [(name: String, value: String)] = []
    var files: [MultipartPart] = []

    /// The first value of a field, trimmed; nil when absent.
    subscript(_ name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// The values of a field as a dictionary of the last value of each name.
    var dictionary: [String: String] {
        var out: [String: String] = [:]
        for field in fields { out[field.name] = field.value }
        return out
    }

    /// The uploaded file of a field, if any (empty file inputs are ignored).
    func file(_ name: String) -> MultipartPart? {
        files.first { $0.name == name && !$0.data.isEmpty }
    }

    /// Reads the body of a POST request (at most the context's upload size).
    static func read(_ request: Request, context: WebContext) async throws -> FormBody {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        let bytes = Array(buffer.readableBytesView)
        let type = request.headers[.contentType] ?? ""
        if type.lowercased().hasPrefix("multipart/form-data") {
            guard let boundary = Multipart.boundary(in: type) else { throw WebError.badRequest("Formulaire mal formé (limite multipart absente).") }
            return Multipart.parse(bytes, boundary: boundary)
        }
        return parse(urlEncoded: bytes)
    }

    /// Parses `a=1&b=x+y%C3%A9`.
    static func parse(urlEncoded bytes: [UInt8]) -> FormBody {
        var form = FormBody()
        for pair in String(decoding: bytes, as: UTF8.self).split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                let spaced = s.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            form.fields.append((decode(parts[0]), parts.count > 1 ? decode(parts[1]) : ""))
        }
        return form
    }

    /// Refuses a form without the session's token, or sent from another site.
    func checkToken(of session: Session, request: Request) throws {
        if let origin = request.headers[.origin], origin != "null" {
            let host = request.head.authority.map { String($0.split(separator: ":").first ?? "") }
            guard let originHost = URL(string: origin)?.host, originHost == host else { throw WebError.csrf() }
        }
        guard let sent = self["_csrf"], Self.constantTimeEqual(sent, session.csrfToken) else { throw WebError.csrf() }
    }

    /// Compares two tokens in a time that does not depend on where they differ.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}
