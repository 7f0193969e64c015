import Foundation

/// One part of a `multipart/form-data` body.
struct MultipartPart: Sendable {
    let name: String
    /// The file name sent by the browser, for file inputs.
    let fileName: String?
    let contentType: String?
    let data: Data
}

/// A small `multipart/form-data` reader (RFC 7578): enough for the forms of the application.
enum Multipart {
    /// The `boundary` parameter of a Content-Type header.
    static func boundary(in contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return value.isEmpty || value.count > 70 ? nil : value
            }
        }
        return nil
    }

    /// Splits a body into its fields (text parts) and files.
    static func parse(_ body: [UInt8], boundary: String) -> FormBody {
        var form = FormBody()
        let delimiter = Array("--\(boundary)".utf8)
        var position = find(delimiter, in: body, from: 0)
        while let start = position {
            var cursor = start + delimiter.count
            if cursor + 1 < body.count, body[cursor] == UInt8(ascii: "-"), body[cursor + 1] == UInt8(ascii: "-") { break }
            if cursor + 1 < body.count, body[cursor] == 13, body[cursor + 1] == 10 { cursor += 2 }
            guard let headerEnd = find([13, 10, 13, 10], in: body, from: cursor) else { break }
            let next = find([13, 10] + delimiter, in: body, from: headerEnd + 4)
            let contentEnd = next ?? body.count
            let headers = String(decoding: body[cursor..<headerEnd], as: UTF8.self)
            if let part = makePart(headers: headers, content: body[(headerEnd + 4)..<max(headerEnd + 4, contentEnd)]) {
                if part.fileName != nil { form.files.append(part) } else { form.fields.append((part.name, String(decoding: part.data, as: UTF8.self))) }
            }
            position = next.map { $0 + 2 }
        }
        return form
    }

    private static func makePart(headers: String, content: ArraySlice<UInt8>) -> MultipartPart? {
        var name: String?, fileName: String?, type: String?
        for line in headers.split(separator: "\r\n") {
            let pair = line.split(separator: ":", maxSplits: 1)
            guard pair.count == 2 else { continue }
            let value = pair[1].trimmingCharacters(in: .whitespaces)
            switch pair[0].lowercased() {
            case "content-disposition":
                name = parameter("name", in: value)
                fileName = parameter("filename", in: value)
            case "content-type":
                type = value
            default:
                break
            }
        }
        guard let name else { return nil }
        return MultipartPart(name: name, fileName: fileName, contentType: type, data: Data(content))
    }

    /// `name="x"` in `form-data; name="x"; filename="y"`.
    private static func parameter(_ key: String, in value: String) -> String? {
        for item in value.split(separator: ";").dropFirst() {
            let pair = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == key {
                return pair[1].hasPrefix("\"") && pair[1].hasSuffix("\"") && pair[1].count >= 2 ? String(pair[1].dropFirst().dropLast()) : pair[1]
            }
        }
        return nil
    }

    /// The first index of `needle` in `haystack` at or after `start`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= haystack.count else { return nil }
        var i = start
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count, haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
