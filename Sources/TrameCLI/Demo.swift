import ArgumentParser
import Foundation
import TrameAssembly
import TrameModel

extension TrameCommand {
    /// `trame demo`: the whole set for the bundled convention and its three sample dossiers.
    struct Demo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Produit tous les documents de la convention fournie et de ses trois dossiers d'exemple (fictifs) dans ./sortie/.",
            discussion: """
                Formats : ODT, DOCX, HTML, et PDF si LibreOffice est installé. Un document dont les données sont \
                complètes est définitif ; sinon c'est un projet marqué « PROJET », et le résumé dit ce qui manque.
                Chaque fichier est accompagné de son manifeste (FICHIER.manifest.json).
                """
        )

        @Option(help: "Dossier de sortie.")
        var output = "sortie"

        @Option(help: "Identifiant de la convention fournie à utiliser.")
        var convention = "metz-jury-2018"

        @Flag(help: "Ne produit pas de PDF, même si LibreOffice est installé.")
        var noPDF = false

        func run() throws {
            guard let bundled = TrameResources.conventionsDirectory?.appendingPathComponent(convention),
                  let files = try? FileManager.default.contentsOfDirectory(atPath: bundled.path) else {
                throw Diagnostic.error(.conventionIntrouvable, "convention fournie « \(convention) » introuvable (dossier Conventions/)")
            }
            let conventionFile = bundled.appendingPathComponent("convention-\(convention).yaml").path
            let dossiers = files.filter { $0.hasPrefix("dossier-") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".json")) }.sorted()
                .map { bundled.appendingPathComponent($0).path }
            var formats: [ProducedFormat] = [.odt, .docx, .html]
            let pdf = !noPDF && PDFConverter.soffice != nil
            if pdf { formats.append(.pdf) }
            let outputURL = URL(fileURLWithPath: output)
            let demo = DemoRun(generator: Generator(templatesDirectory: try Resources.templates()), output: outputURL, formats: formats,
                               today: CalendarDate.today())
            let outcomes = demo.run(convention: conventionFile, dossiers: dossiers)
            print(DemoReport.text(outcomes, output: output, pdf: pdf))
            if outcomes.contains(where: { $0.failure != nil }) { throw ExitStatus.dataError }
        }
    }
}

/// The tree of files written and one line per subject.
enum DemoReport {
    static func text(_ outcomes: [DemoRun.Outcome], output: String, pdf: Bool) -> String {
        var lines = ["\(output)/"]
        let subjects = outcomes.map(\.subject).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        for (s, subject) in subjects.enumerated() {
            let lastSubject = s == subjects.count - 1
            lines.append((lastSubject ? "└── " : "├── ") + subject + "/")
            let files = outcomes.filter { $0.subject == subject }.flatMap(\.files)
            for (f, file) in files.enumerated() {
                let name = String(file.dropFirst(subject.count + 1))
                lines.append((lastSubject ? "    " : "│   ") + (f == files.count - 1 ? "└── " : "├── ") + name)
            }
        }
        lines.append("")
        for subject in subjects {
            let items = outcomes.filter { $0.subject == subject }
            let finals = items.filter { !$0.isDraft && $0.failure == nil }.count
            let drafts = items.filter { $0.isDraft && $0.failure == nil }
            var line = "\(subject) : \(finals) document\(finals > 1 ? "s" : "") définitif\(finals > 1 ? "s" : "")"
            if !drafts.isEmpty {
                let reasons = drafts.map { "\($0.document) (valeurs manquantes : \($0.missing.joined(separator: ", ")))" }
                line += ", \(drafts.count) projet\(drafts.count > 1 ? "s" : "") : " + reasons.joined(separator: " ; ")
            }
            let failures = items.filter { $0.failure != nil }
            if !failures.isEmpty { line += " ; ÉCHECS : " + failures.map { "\($0.document) : \($0.failure!)" }.joined(separator: " ; ") }
            lines.append(line)
        }
        if !pdf { lines.append("(PDF non produits : LibreOffice absent ou --no-pdf)") }
        return lines.joined(separator: "\n")
    }
}
