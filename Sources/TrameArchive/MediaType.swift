import Foundation

/// The media type of a stored file.
///
/// Signed documents are told by their first bytes (PDF, PNG, JPEG, TIFF); anything else is refused,
/// because an unknown format is most often the wrong file (the editable ODT instead of the scan).
public struct MediaType: Sendable, Hashable, Codable, CustomStringConvertible {
    public let value: String

    public init(_ value: String) { self.value = value }

    public static let pdf = MediaType("application/pdf")
    public static let png = MediaType("image/png")
    public static let jpeg = MediaType("image/jpeg")
    public static let tiff = MediaType("image/tiff")
    public static let json = MediaType("application/json")
    public static let yaml = MediaType("application/yaml")
    public static let odt = MediaType("application/vnd.oasis.opendocument.text")
    public static let docx = MediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    public static let html = MediaType("text/html")
    public static let octetStream = MediaType("application/octet-stream")
    public static let svg = MediaType("image/svg+xml")

    /// The media type of a file stored with a convention: a logo (PNG, JPEG, SVG) or a style file.
    static func attachment(_ data: Data) -> MediaType {
        if let signed = sniffSigned(data.prefix(8)), signed == .png || signed == .jpeg { return signed }
        if String(decoding: data.prefix(512), as: UTF8.self).contains("<svg") { return .svg }
        return .yaml
    }

    public var description: String { value }

    /// The media type of a signed document, told by its first bytes; nil when not archivable.
    public static func sniffSigned(_ head: Data) -> MediaType? {
        let b = [UInt8](head.prefix(8))
        func starts(_ prefix: [UInt8]) -> Bool { b.count >= prefix.count && Array(b.prefix(prefix.count)) == prefix }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return .tiff }
        return nil
    }

    /// The media type of a generated document of `format` (`odt`, `docx`, `html`, `pdf`).
    public static func forGenerated(format: String) -> MediaType {
        switch format.lowercased() {
        case "odt": return .odt
        case "docx": return .docx
        case "html", "htm": return .html
        case "pdf": return .pdf
        default: return .octetStream
        }
    }

    /// The usual file extension, for exported and extracted files.
    public var fileExtension: String {
        switch self {
        case .pdf: return "pdf"
        case .png: return "png"
        case .jpeg: return "jpg"
        case .tiff: return "tif"
        case .json: return "json"
        case .yaml: return "yaml"
        case .odt: return "odt"
        case .docx: return "docx"
        case .html: return "html"
        default: return "bin"
        }
    }

    /// A short French name: « PDF », « image JPEG ».
    public var french: String {
        switch self {
        case .pdf: return "PDF"
        case .png: return "image PNG"
        case .jpeg: return "image JPEG"
        case .tiff: return "image TIFF"
        default: return value
        }
    }
}
