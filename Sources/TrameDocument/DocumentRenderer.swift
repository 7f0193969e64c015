import Foundation
import TrameDiagnostics

/// The public entry point of the writers: turns a ``Document`` into the bytes of a file.
///
/// The output is deterministic: the same document gives the same bytes, whatever the time,
/// time zone or locale of the machine.
public enum DocumentRenderer {
    /// Writes a document in the given format.
    /// - Parameters:
    ///   - document: The document to write.
    ///   - format: ODT, DOCX, HTML or plain text.
    ///   - style: The house style (fonts, sizes, margins, letterhead…) every format takes its layout from.
    ///   - compression: How ZIP-based formats compress their parts (ignored for HTML and text).
    /// - Returns: The file's bytes.
    /// - Throws: a ``Diagnostic`` (`ECRITURE_PAQUET`) if the package cannot be built.
    public static func render(_ document: Document, as format: OutputFormat, style: DocumentStyle = .standard,
                              compression: PackageCompression = .default) throws -> Data {
        switch format {
        case .odt: try ODTWriter(document, style: style).package(compression: compression)
        case .docx: try DOCXWriter(document, style: style).package(compression: compression)
        case .html: HTMLWriter(document, style: style).page()
        case .txt: PlainTextWriter(document).text()
        }
    }
}
