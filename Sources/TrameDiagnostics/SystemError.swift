import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// French descriptions of the errors the system reports (POSIX, Foundation's file errors), so that
/// no English text from the platform — « File name too long », with a server path — reaches a user.
public enum SystemError {
    /// A short French explanation of `error`, without any path.
    public static func french(_ error: any Error) -> String {
        if let described = error as? any FrenchDescribable { return described.frenchDescription }
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return french(errno: Int32(ns.code)) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return french(errno: Int32(underlying.code))
        }
        if ns.domain == NSCocoaErrorDomain {
            switch CocoaError.Code(rawValue: ns.code) {
            case .fileNoSuchFile, .fileReadNoSuchFile: return "fichier ou dossier introuvable"
            case .fileReadNoPermission, .fileWriteNoPermission: return "permission refusée"
            case .fileWriteOutOfSpace: return "plus de place sur le disque"
            case .fileWriteVolumeReadOnly: return "disque en lecture seule"
            case .fileWriteFileExists: return "un fichier de ce nom existe déjà"
            case .fileReadCorruptFile: return "fichier endommagé"
            case .fileReadInvalidFileName, .fileWriteInvalidFileName: return "nom de fichier invalide"
            case .fileReadTooLarge: return "fichier trop volumineux"
            case .fileReadUnknownStringEncoding, .fileReadInapplicableStringEncoding: return "encodage du texte illisible"
            default: break
            }
        }
        return "erreur du système (code \(ns.code))"
    }

    /// A French explanation of a POSIX error number.
    public static func french(errno code: Int32) -> String {
        switch code {
        case ENOENT: return "fichier ou dossier introuvable"
        case EACCES, EPERM: return "permission refusée"
        case ENOSPC: return "plus de place sur le disque"
        case EDQUOT: return "quota de disque dépassé"
        case EROFS: return "disque en lecture seule"
        case ENAMETOOLONG: return "nom de fichier trop long"
        case EEXIST: return "un fichier de ce nom existe déjà"
        case ENOTDIR: return "un élément du chemin n'est pas un dossier"
        case EISDIR: return "c'est un dossier, pas un fichier"
        case ENOTEMPTY: return "dossier non vide"
        case EMFILE, ENFILE: return "trop de fichiers ouverts"
        case EIO: return "erreur d'entrée-sortie du disque"
        case EXDEV: return "déplacement impossible entre deux disques"
        case EBUSY: return "fichier occupé"
        case EINVAL: return "opération invalide"
        case EFBIG: return "fichier trop volumineux"
        case ELOOP: return "trop de liens symboliques"
        default: return "erreur du système (errno \(code))"
        }
    }
}

/// An error that can describe itself in French (used by ``SystemError/french(_:)``).
public protocol FrenchDescribable {
    /// A short French explanation, without any server path.
    var frenchDescription: String { get }
}

extension Diagnostic: FrenchDescribable {
    public var frenchDescription: String { message }
}
