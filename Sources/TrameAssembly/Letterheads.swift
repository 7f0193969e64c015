import Foundation
import TrameDocument
import TrameModel
import TrameTemplates

/// Whose logos head a document's pages (issue 14): the issuer's, or every partner's for the acts
/// the partners sign together.
public enum LetterheadIssuer: String, Sendable, CaseIterable {
    /// The association: the sublease, its renewal, the consent form, the reviews it organises and
    /// the easy-to-read companions.
    case association
    /// The household's landlord: the main lease and its letter to the préfet.
    case bailleur
    /// The association and the household's landlord, the two partners of a tripartite convention.
    case associationEtBailleur = "association-et-bailleur"
    /// Every partner with a logo, in the convention's order: the convention cadre and its annex.
    case partenaires

    /// The issuer of each document of the set.
    public static func of(_ document: String) -> LetterheadIssuer {
        switch document {
        case "convention-cadre", "annexe-roles": return .partenaires
        case "convention-tripartite": return .associationEtBailleur
        case "bail-principal", "courrier-prefet": return .bailleur
        default: return .association
        }
    }

    /// In French, for listings and docs.
    public var french: String {
        switch self {
        case .association: "l'association"
        case .bailleur: "le bailleur du logement"
        case .associationEtBailleur: "l'association et le bailleur du logement"
        case .partenaires: "tous les partenaires"
        }
    }
}

/// Builds a document's letterhead from the partners' logos (`parties[].logo`).
///
/// Only the issuer's partners appear: a document about a person that reaches the landlord or the
/// préfet never shows the health establishment's logo, which would say what the person's support
/// is (the hospital heads only the convention cadre and its annex, read by the partners alone).
enum Letterheads {
    /// The height of every logo; a very wide logo is narrowed to ``maximumWidth`` instead.
    static let logoHeight = Length.cm(thousandths: 1500)
    static let maximumWidth = Length.cm(5)

    /// A logo, its partner and where it was read.
    struct Logo: Sendable {
        let party: String
        let image: Image
        let sha256: String
    }

    /// The parties whose logos head `document`, in order.
    static func parties(for document: String, convention: DataNode, landlord: String?) -> [DataNode] {
        let parties = convention["parties"]?.list ?? []
        let association = parties.filter { $0["role"]?.text == "operateur_associatif" }
        let bailleur = parties.filter { landlord != nil && $0["id"]?.text == landlord }
        switch LetterheadIssuer.of(document) {
        case .association: return association
        case .bailleur: return bailleur
        case .associationEtBailleur: return association + bailleur
        case .partenaires: return parties
        }
    }

    /// The logos of `document`'s letterhead (none when its parties have no logo).
    /// - Throws: `Diagnostics` `LOGO_INTROUVABLE` / `LOGO_INVALIDE`, located on the `logo` field.
    static func logos(for document: String, convention: DataNode, conventionFile: String,
                      landlord: String?) throws(Diagnostics) -> [Logo] {
        var logos: [Logo] = []
        var problems: [Diagnostic] = []
        for party in Self.parties(for: document, convention: convention, landlord: landlord) {
            guard let node = party["logo"], let name = node.text else { continue }
            switch image(name, alternativeText: party["denomination"]?.text ?? party["id"]?.text ?? "", conventionFile: conventionFile) {
            case .success(let logo):
                logos.append(Logo(party: party["id"]?.text ?? "", image: logo.image, sha256: logo.sha256))
            case .failure(let problem):
                problems.append(.error(problem.code, path: node.path, problem.message, at: node.location))
            }
        }
        if !problems.isEmpty { throw Diagnostics(problems) }
        return logos
    }

    /// Why a logo file cannot be drawn.
    struct Problem: Error {
        let code: DiagnosticCode
        let message: String
    }

    /// Reads and sizes one logo: a PNG or JPEG as it is, an SVG with its PNG rendering beside it.
    static func image(_ name: String, alternativeText: String, conventionFile: String) -> Result<(image: Image, sha256: String), Problem> {
        // The name's path rule and the files' presence were checked when the convention was read
        // (`ConventionAttachments.checkLogos`, run by every reading of a convention file); what is
        // left here is what only the bytes tell: a picture, its size, an SVG's PNG rendering.
        let url = ConventionAttachments.url(name, conventionFile: conventionFile)
        guard let data = FileManager.default.contents(atPath: url.path), !data.isEmpty else {
            return .failure(Problem(code: .logoIntrouvable, message: "logo introuvable : « \(name) » (le chemin se lit à partir du dossier de la convention)"))
        }
        guard let format = Image.Format.sniff(data) else {
            return .failure(Problem(code: .logoInvalide, message: "le logo « \(name) » n'est pas une image PNG, JPEG ou SVG"))
        }
        var fallback: Image.Raster?
        var raster = (data: data, format: format)
        var digest = CanonicalData.sha256(of: data)
        if format == .svg {
            let pngName = String(name.dropLast(4)) + ".png"
            guard name.lowercased().hasSuffix(".svg"),
                  let png = FileManager.default.contents(atPath: ConventionAttachments.url(pngName, conventionFile: conventionFile).path),
                  Image.Format.sniff(png) == .png else {
                return .failure(Problem(code: .logoInvalide, message: "le logo SVG « \(name) » doit avoir son rendu PNG à côté, de même nom (« \(pngName) ») : les traitements de texte qui ne lisent pas le SVG l'affichent"))
            }
            fallback = Image.Raster(data: png, format: .png)
            raster = (png, .png)
            digest += "+" + CanonicalData.sha256(of: png)
        }
        guard let pixels = Image.pixelSize(of: raster.data, format: raster.format), pixels.width > 0, pixels.height > 0 else {
            return .failure(Problem(code: .logoInvalide, message: "le logo « \(name) » est illisible (dimensions introuvables)"))
        }
        var height = logoHeight
        var width = Length(micrometres: logoHeight.micrometres * pixels.width / pixels.height)
        if maximumWidth < width {
            height = Length(micrometres: maximumWidth.micrometres * pixels.height / pixels.width)
            width = maximumWidth
        }
        let image = Image(data: data, format: format, width: width, height: height,
                          alternativeText: "Logo : \(alternativeText)", fallback: fallback)
        return .success((image, digest))
    }

    /// The letterhead of the logos: one logo at the left, a row of partners centred.
    static func letterhead(_ logos: [Logo], issuer: LetterheadIssuer) -> Letterhead? {
        guard !logos.isEmpty else { return nil }
        return Letterhead(images: logos.map(\.image), alignment: issuer == .partenaires && logos.count > 1 ? .center : .left)
    }
}

extension Letterheads {
    /// Heads `produced` with its issuer's logos (the landlord from the context: as recorded on the
    /// act's date), recording them for its manifest.
    static func apply(to produced: inout ProducedDocument, files: CaseFiles, context: DataNode) throws(Diagnostics) {
        guard let convention = files.convention.root else { return }
        let document = produced.template.documentID
        let logos = try logos(for: document, convention: convention, conventionFile: files.convention.path,
                              landlord: context["bailleur"]?["id"]?.text)
        produced.style.letterhead = letterhead(logos, issuer: LetterheadIssuer.of(document))
        produced.letterheadLogos = logos.map { Manifest.LogoRef(partie: $0.party, sha256: $0.sha256) }
    }
}
