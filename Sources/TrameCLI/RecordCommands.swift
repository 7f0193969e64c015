import ArgumentParser
import Foundation
import TrameArchive
import TrameAssembly
import TrameModel

/// What `trame dossier …` and `trame convention …` share.
enum RecordCommands {
    /// Validates like `trame check`, then records the file's original bytes as a new version.
    ///
    /// A dossier's convention is looked for as `trame check` does (beside the file, then bundled),
    /// except that the workspace's current version of the convention comes before the bundled one;
    /// `--convention` still overrides everything.
    static func add(_ kind: OwnerKind, file: String, convention: String?, options: WorkspaceOptions) throws {
        let workspace = try options.open()
        let before = try? Data(contentsOf: URL(fileURLWithPath: file))
        var override = convention
        let loaded = ModelLoader.read(path: file)
        if kind == .dossier, override == nil, loaded.kind == .dossier, let id = loaded.root?["convention"]?.text,
           ConventionLocator(override: nil, bundledConventions: nil).path(for: id, dossierPath: file) == nil,
           let stored = try? workspace.conventionFile(id: id) {
            override = stored.url.path
        }
        let report = CheckRunner(conventionOverride: override).check([file])
        print(report.text, terminator: "")
        if report.unreadable { throw ExitStatus.noInput }
        if report.errors > 0 {
            ArchiveCLI.warn("fichier refusé : corrigez les erreurs ci-dessus ; rien n'a été enregistré")
            throw ExitStatus.dataError
        }
        let fileKind: OwnerKind? = loaded.kind.map { $0 == .dossier ? .dossier : .convention }
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: file)), data == before else {
            throw Diagnostic.error(.fichierModifie, "le fichier a changé pendant sa vérification ; recommencez", subject: file)
        }
        guard fileKind == kind else {
            let other = kind == .dossier ? "convention" : "dossier"
            throw Diagnostic.error(.typeFichier, "ce fichier est un\(other == "convention" ? "e" : "") \(other) : utilisez « trame \(other) add »", subject: file)
        }
        let attachments = try kind == .convention ? conventionFiles(loaded, file: file) : [:]
        let result = try workspace.addRecord(data: data, fileName: file, attachments: attachments)
        let v = result.version
        if result.isNew {
            let same = result.sameBytesAs.map { " (mêmes octets que la version \($0))" } ?? ""
            print("\(kind.french) \(v.id) : version \(v.version) enregistrée\(same), SHA-256 \(v.sha256)")
            if !attachments.isEmpty {
                print("  avec \(attachments.count) fichier\(attachments.count > 1 ? "s" : "") de la convention : " + attachments.keys.sorted().joined(separator: ", "))
            }
        } else {
            print("\(kind.french) \(v.id) : identique à la version \(v.version) en vigueur, aucune nouvelle version")
        }
    }

    /// The bytes of the files a convention names (logos, style and its header image), read beside
    /// it; `check` has already refused the file when one is missing.
    static func conventionFiles(_ loaded: LoadedFile, file: String) throws -> [String: Data] {
        guard let root = loaded.root else { return [:] }
        var files: [String: Data] = [:]
        for name in ConventionAttachments.files(of: root, conventionFile: file) {
            guard let bytes = try? Data(contentsOf: ConventionAttachments.url(name, conventionFile: file)) else {
                throw Diagnostic.error(.fichierIntrouvable, "fichier « \(name) » introuvable à côté de la convention ; rien n'a été enregistré", subject: file)
            }
            files[name] = bytes
        }
        return files
    }

    static func list(_ kind: OwnerKind, json: Bool, options: WorkspaceOptions) throws {
        let summaries = try options.open().records(kind)
        if json { return MachineOutput.print(.array(summaries.map(\.json))) }
        guard !summaries.isEmpty else { return print("aucun\(kind == .convention ? "e" : "") \(kind.french) dans l'espace de travail") }
        var rows = [["identifiant", "version", "convention", "ajoutée le", "par", "SHA-256"]]
        for s in summaries {
            let c = s.current
            rows.append([c.id, "v\(c.version)" + (s.versionCount > 1 ? " (\(s.versionCount) versions)" : ""), c.conventionID ?? "",
                         ArchiveCLI.local(c.addedAt), c.addedBy, String(c.sha256.prefix(12))])
        }
        print(ArchiveCLI.table(rows), terminator: "")
    }

    static func history(_ kind: OwnerKind, id: String, json: Bool, options: WorkspaceOptions) throws {
        let versions = try { () throws -> [RecordVersion] in
            let versions = try options.open().recordVersions(kind, id: id)
            guard !versions.isEmpty else { throw Diagnostic.error(.dossierInconnu, "\(kind.french) « \(id) » absent de l'espace de travail") }
            return versions
        }()
        if json { return MachineOutput.print(.array(versions.map(\.json))) }
        var rows = [["version", "fichier", "ajoutée le", "par", "SHA-256"]]
        for v in versions {
            rows.append(["v\(v.version)", v.fileName, ArchiveCLI.local(v.addedAt), v.addedBy, v.sha256])
        }
        print(ArchiveCLI.table(rows), terminator: "")
    }

    /// Prints the original bytes of a version, exactly as they were added.
    static func show(_ kind: OwnerKind, id: String, version: Int?, options: WorkspaceOptions) throws {
        let (_, data) = try options.open().recordContent(kind, id: id, version: version)
        FileHandle.standardOutput.write(data)
    }
}
