import Crypto
import Foundation
import TrameModel

/// SHA-256 fingerprints as lower-case hex: clause texts, template files, canonical data, written files.
public enum Fingerprint {
    /// Lower-case hex SHA-256 of `data`.
    public static func sha256(_ data: Data) -> String { SHA256.hash(data: data).hex }

    /// Lower-case hex SHA-256 of the UTF-8 bytes of `text`.
    public static func sha256(_ text: String) -> String { sha256(Data(text.utf8)) }
}
