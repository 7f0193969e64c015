import Foundation

/// The public entry point of the writers: turns a ``Document`` into the bytes of a file.
///
/// The output is deterministic: the same document gives the same bytes, whatever the time,
/// time zone or locale of the machine.
public enum DocumentRenderer {
    /// Writes a document in the given format.
    /// - Parameters:
    ///   - document: The document to write.
    ///   - format: ODT, DOCX or HTML.
    ///   - compression: How ZIP-based formats compress their parts (ignored for HTML).
    /// - Returns: The file's bytes.
    /// - Throws: ``WriterError`` if the package cannot be built.
    public static func render(_ document: Document, as format: OutputFormat,
                              compression: PackageCompression = .default) throws -> Data {
        switch format {
        case .odt: try ODTWriter(document).package(compression: compression)
        case .docx: try DOCXWriter(document).package(compression: compression)
        case .html: HTMLWriter(document).page()
        }
    }
}
