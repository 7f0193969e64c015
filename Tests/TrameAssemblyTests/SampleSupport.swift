import Foundation
import TrameAssembly
import TrameModel

/// The bundled templates and sample dossiers, and a generator over them.
enum Samples {
    static let root = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let templates = root.appendingPathComponent("Templates")
    static let conventionFolder = root.appendingPathComponent("Conventions/metz-jury-2018")
    static let convention = conventionFolder.appendingPathComponent("convention-metz-jury-2018.yaml").path
    static let dossiers = ["MJ-2019-002", "MJ-2019-004", "MJ-2019-011"]
    static func dossier(_ id: String) -> String { conventionFolder.appendingPathComponent("dossier-\(id).yaml").path }
    static let generator = Generator(templatesDirectory: templates)

    /// Copies the demo convention into `directory` with the files it names (its partners' logos).
    static func copyConvention(to directory: URL) throws {
        try FileManager.default.copyItem(atPath: convention, toPath: directory.appendingPathComponent("convention-metz-jury-2018.yaml").path)
        try FileManager.default.copyItem(at: conventionFolder.appendingPathComponent("logos"), to: directory.appendingPathComponent("logos"))
    }
    /// A fixed "today" for landlord copies (consents are checked on it): tests never read the clock.
    static let today = CalendarDate(iso: "2026-01-15")!

    static func request(_ document: String, dossier: String? = nil, date: String? = nil, asOf: String? = nil,
                        audience: Audience? = nil, draft: Bool = false) -> GenerationRequest {
        GenerationRequest(document: document, dossierPath: dossier.map(Self.dossier), conventionPath: dossier == nil ? convention : nil,
                          draft: draft, audience: audience, date: date.flatMap(CalendarDate.init(iso:)),
                          asOf: asOf.flatMap(CalendarDate.init(iso:)), today: today)
    }

    /// The plain text of a generated document.
    static func text(_ request: GenerationRequest) throws -> String {
        let produced = try generator.generate(request)
        return String(decoding: try produced.output(as: .txt, draft: request.draft).data, as: UTF8.self)
    }

    /// Paragraphs are wrapped in the text output: one line per paragraph is easier to search.
    static func flat(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }
}
