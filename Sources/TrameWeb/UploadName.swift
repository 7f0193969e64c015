import Foundation

/// The name under which an uploaded file is kept: the partner's own name, accents and all
/// (« évaluation-signée.pdf »), without a folder, control characters or characters that file
/// systems refuse, and short enough for every file system (the extension kept).
enum UploadName {
    /// The longest name kept, in UTF-8 bytes (file systems allow 255).
    static let maximumBytes = 120

    /// A safe version of `raw`, or `fallback` when nothing usable remains.
    static func safe(_ raw: String?, fallback: String) -> String {
        let last = ((raw ?? "") as NSString).lastPathComponent.precomposedStringWithCanonicalMapping
        var kept = String(String.UnicodeScalarView(last.unicodeScalars.map { scalar -> Unicode.Scalar in
            if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format
                || "/\\:*?\"<>|".unicodeScalars.contains(scalar) || scalar.properties.isWhitespace && scalar != " " {
                return "-"
            }
            return scalar
        })).trimmingCharacters(in: CharacterSet(charactersIn: " .-"))
        if kept.utf8.count > maximumBytes {
            let ext = (kept as NSString).pathExtension
            let suffix = ext.isEmpty || ext.utf8.count > 10 ? "" : "." + ext
            var stem = suffix.isEmpty ? kept : String(kept.dropLast(suffix.count))
            while stem.utf8.count + suffix.utf8.count > maximumBytes { stem.removeLast() }
            kept = stem.trimmingCharacters(in: CharacterSet(charactersIn: " .-")) + suffix
        }
        return kept.isEmpty || kept == "." || kept == ".." ? fallback : kept
    }

    /// The `Content-Disposition` value of a download: an ASCII fallback and the UTF-8 name (RFC 6266).
    static func contentDisposition(_ name: String) -> String {
        let ascii = String(name.decomposedStringWithCanonicalMapping.unicodeScalars
            .filter { $0.properties.generalCategory != .nonspacingMark }
            .map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 ? Character($0) : "_" })
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))
            .subtracting(CharacterSet(charactersIn: "\u{80}"..."\u{10FFFF}"))) ?? ascii
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }
}
