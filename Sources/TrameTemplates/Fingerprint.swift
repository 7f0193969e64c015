import Crypto
import Foundation

/// SHA-256 fingerprints as lower-case hex: clause texts, template files, canonical data, written files.
public enum Fingerprint {
    private static let digits = Array("0123456789abcdef".utf8)

    /// Lower-case hex SHA-256 of `data`.
    public static func sha256(_ data: Data) -> String { hex(SHA256.hash(data: data)) }

    /// Lower-case hex SHA-256 of the UTF-8 bytes of `text`.
    public static func sha256(_ text: String) -> String { sha256(Data(text.utf8)) }

    /// Hex without `String(format:)`, which cost a third of a whole `trame generate` (callgrind).
    static func hex<D: Sequence>(_ bytes: D) -> String where D.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
