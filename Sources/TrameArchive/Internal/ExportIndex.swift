import Foundation
import TrameModel

/// The index of an export bundle (`index.json`), and its French reading (`index.txt`).
struct ExportIndex: Encodable, Sendable {
    struct Document: Encodable, Sendable {
        let reference: String
        let document: String
        let evaluationDate: String?
        let version: Int
        let enVigueur: Bool
        let signeLe: String
        let signataires: [String]
        let motif: String?
        let destinataire: String
        let fichier: String
        let sha256: String
        let taille: Int64
        let typeMedia: String
        let genere: String?
        let genereSHA256: String?

        /// The keys of `trame archive show --json` for the same fields (docs/outputs.md).
        enum CodingKeys: String, CodingKey {
            case reference, document, evaluationDate = "date_evaluation", version, enVigueur = "en_vigueur", signeLe = "signe_le",
                 signataires, motif, destinataire, fichier, sha256, taille, typeMedia = "type_media", genere = "document_genere",
                 genereSHA256 = "document_genere_sha256"
        }

        init(_ entry: ExportEntry) {
            let v = entry.version
            reference = v.ref
            document = v.documentKind.rawValue
            evaluationDate = v.evaluationDate
            version = v.version
            enVigueur = entry.current
            signeLe = v.signedOn
            signataires = v.signatories
            motif = v.reason
            destinataire = v.audience.rawValue
            fichier = entry.path
            sha256 = v.sha256
            taille = v.size
            typeMedia = v.mediaType.value
            genere = v.generatedRef
            genereSHA256 = v.generatedSHA256
        }
    }

    let ownerID: String
    let audience: String
    let exportedAt: String
    let exportedBy: String
    let documents: [Document]

    enum CodingKeys: String, CodingKey {
        case ownerID = "dossier", audience = "destinataire", exportedAt = "exporte_le", exportedBy = "exporte_par", documents
    }

    /// The French, human-readable index.
    static func french(_ index: ExportIndex, entries: [ExportEntry], today: CalendarDate) -> String {
        var out = "Documents signés — \(index.ownerID)\n"
        out += "Extrait le \(FrenchDay.long(today)) par \(index.exportedBy) ; "
        out += index.audience == "tous" ? "tous destinataires (usage interne).\n" : "destinataire : \(index.audience).\n"
        out += "Chaque fichier est contrôlable avec « sha256sum -c SHA256SUMS ».\n"
        var lastKey = ""
        for entry in entries {
            let v = entry.version
            if v.key != lastKey {
                lastKey = v.key
                let title = v.documentKind.french.prefix(1).uppercased() + v.documentKind.french.dropFirst()
                out += "\n" + title + (v.evaluationDate.flatMap(CalendarDate.init(iso:)).map { " du \(FrenchDay.long($0))" } ?? "") + "\n"
            }
            let signed = CalendarDate(iso: v.signedOn).map(FrenchDay.long) ?? v.signedOn
            out += "  v\(v.version)\(entry.current ? " (en vigueur)" : " (remplacée)") — signée le \(signed) par \(v.signatories.joined(separator: ", "))\n"
            if let reason = v.reason { out += "    motif : \(reason)\n" }
            if let r = v.recommendation { out += "    recommandation : \(r.replacingOccurrences(of: "_", with: " "))\n" }
            out += "    fichier : \(entry.path) (\(v.mediaType.french), \(v.size) octets)\n"
            out += "    SHA-256 : \(v.sha256)\n"
        }
        return out
    }
}

/// Calendar dates written out in French: « 1er avril 2020 ».
enum FrenchDay {
    static let months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]

    static func long(_ d: CalendarDate) -> String {
        "\(d.day == 1 ? "1er" : String(d.day)) \(months[d.month - 1]) \(d.year)"
    }
}
