/// A file format Trame writes documents in.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// OpenDocument Text, strict ODF 1.3.
    case odt
    /// Office Open XML WordprocessingML (ECMA-376 Transitional).
    case docx
    /// A standalone HTML5 page with embedded CSS, including a print stylesheet.
    case html
    /// Readable UTF-8 plain text (for review and golden files; see `PlainTextWriter`).
    case txt

    /// The file name extension, without the dot: `"odt"`, `"docx"`, `"html"`, `"txt"`.
    public var fileExtension: String { rawValue }

    /// The media type of the file.
    public var mediaType: String {
        switch self {
        case .odt: "application/vnd.oasis.opendocument.text"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .html: "text/html; charset=utf-8"
        case .txt: "text/plain; charset=utf-8"
        }
    }
}
