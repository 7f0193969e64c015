import Foundation
import Hummingbird
import TrameAccounts
import TrameArchive
import TrameModel

/// `GET /fichiers/:sha256`: an archived file (generated or signed), to a partner whose role may
/// receive its audience for that dossier. The hash is checked on the way out (`Workspace.extract`).
enum FileRoutes {
    static func register(on router: Router<WebContext>, services: WebServices) {
        router.get("/fichiers/:sha") { _, context -> Response in
            let session = try context.requireSession()
            let sha = try context.parameters.require("sha").lowercased()
            let workspace = try services.workspace(for: session.account)
            guard sha.count == 64, sha.allSatisfy(\.isHexDigit), let item = try? workspace.resolve(sha) else {
                throw WebError.notFound("Fichier introuvable dans l'archive.")
            }
            var (kind, audience, evaluation) = describe(item)
            if try workspace.currentRecord(.dossier, id: item.ownerID) != nil {
                let opened = try services.open(item.ownerID, session: session)
                let archive = ArchiveView(opened: opened, workspace: workspace, today: services.today)
                if case .generated(let generated) = item { evaluation = archive.evaluationDate(of: generated) }
                guard archive.mayReceive(kind: kind, audience: audience, evaluationDate: evaluation) else {
                    try services.journal(session, "acces-refuse", dossier: item.ownerID, subject: item.ref)
                    throw WebError.notFound("Fichier introuvable dans l'archive, ou votre rôle ne permet pas de l'obtenir.")
                }
            } else if !session.account.clearance.mayReceive(audience) {
                try services.journal(session, "acces-refuse", subject: item.ref)
                throw WebError.notFound("Fichier introuvable dans l'archive, ou votre rôle ne permet pas de l'obtenir.")
            }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trame-web-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let target = folder.appendingPathComponent("fichier")
            do {
                try workspace.extract(item, to: target, overwrite: true)
            } catch let error as Diagnostic {
                throw WebError.server("Le fichier archivé ne peut pas être remis : \(error.message)")
            }
            let data = try Data(contentsOf: target)
            try services.journal(session, "telechargement", dossier: item.ownerID, subject: item.ref, detail: ["sha256": item.sha256])
            return Pages.download(data, name: fileName(item), type: mediaType(item))
        }
    }

    private static func describe(_ item: ArchivedItem) -> (DocumentKind, Audience, String?) {
        switch item {
        case .signed(let v): return (v.documentKind, v.audience, v.evaluationDate)
        case .generated(let g): return (g.documentKind, g.audience, nil)
        }
    }

    private static func fileName(_ item: ArchivedItem) -> String {
        switch item {
        case .signed(let v): return v.originalName
        case .generated(let g): return "\(g.documentKind.rawValue)-\(g.ownerID)-\(g.ref).\(g.format)"
        }
    }

    private static func mediaType(_ item: ArchivedItem) -> String {
        switch item {
        case .signed(let v): return v.mediaType.value
        case .generated(let g): return MediaType.forGenerated(format: g.format).value
        }
    }
}
