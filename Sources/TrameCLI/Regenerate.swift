import ArgumentParser
import Foundation
import TrameFiles
import TrameDiagnostics
import TrameAssembly

extension TrameCommand {
    /// `trame regenerate MANIFEST --dossier FILE`: rebuilds a document exactly and proves it.
    struct Regenerate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reconstruit un document à partir de son manifeste et vérifie qu'il est identique à l'octet près.",
            discussion: """
                Les versions du gabarit et des clauses sont celles du manifeste, même si des versions plus \
                récentes existent. Si les données ont changé, Trame dit quels champs visibles diffèrent.
                Codes : 0 identique ; 65 données modifiées ; 1 autre version de Trame ; 70 non reproductible.
                """
        )

        @Argument(help: "Le manifeste (FICHIER.manifest.json).")
        var manifest: String

        @Option(help: "Le dossier du ménage.")
        var dossier: String?

        @Option(help: "La convention (documents du partenariat, ou pour imposer celle du dossier).")
        var convention: String?

        @Option(help: "Le fichier de style donné à la génération (--style), s'il y en avait un.")
        var style: String?

        @Option(help: "Écrit le document reconstruit dans ce fichier.")
        var output: String?

        func run() throws {
            guard let data = FileManager.default.contents(atPath: manifest) else {
                throw Diagnostic.error(.fichierIntrouvable, "manifeste introuvable", at: SourceLocation(file: manifest, line: 1, column: 1))
            }
            let parsed: Manifest
            do { parsed = try Manifest.read(data) } catch {
                throw Diagnostic.error(.manifesteInvalide, "ce fichier n'est pas un manifeste Trame lisible", at: SourceLocation(file: manifest, line: 1, column: 1))
            }
            let generator = Generator(templatesDirectory: try Resources.templates())
            let result: Regeneration
            do {
                result = try Regeneration.run(manifest: parsed, dossierPath: dossier, conventionPath: convention, stylePath: style, generator: generator)
                if let output { try AtomicFile.write(result.data, to: URL(fileURLWithPath: output)) }
            } catch {
                throw error
            }
            let clauses = parsed.clauses.map { "\($0.id)@\($0.version)" }.joined(separator: ", ")
            print("document : \(parsed.document) v\(parsed.gabarit.version) pour \(parsed.sujet) (\(parsed.destinataire)) ; clauses : \(clauses)")
            if let act = parsed.date_acte { print("acte du \(act) : dossier tel qu'enregistré ce jour-là") }
            switch result.verdict {
            case .identical:
                print("identique à l'octet près : sha256 \(parsed.fichier?.sha256 ?? "")")
            case .dataChanged(let changed, let added, let removed):
                print("différent : les données visibles du document ont changé (sha256 des données \(parsed.donnees.sha256) → \(result.regenerated.donnees.sha256))")
                for path in changed { print("  modifié : \(path)") }
                for path in added { print("  ajouté : \(path)") }
                for path in removed { print("  retiré : \(path)") }
                throw ExitStatus.dataError
            case .styleChanged:
                print("différent : le style appliqué (fichier de style de la convention ou --style) n'est plus le même ; les données sont les mêmes")
                throw ExitStatus.dataError
            case .letterheadChanged:
                print("différent : les logos du papier à en-tête (fichiers de la convention) ont changé ; les données sont les mêmes")
                throw ExitStatus.dataError
            case .otherToolVersion(let original):
                print("différent : le document a été produit par \(original), celui-ci par trame \(TrameVersion.current) ; les données sont les mêmes")
                throw ExitCode(1)
            case .notReproducible:
                print("différent alors que les données et la version de Trame sont les mêmes : défaut de reproductibilité, à signaler")
                throw ExitCode(70)
            }
        }
    }
}
