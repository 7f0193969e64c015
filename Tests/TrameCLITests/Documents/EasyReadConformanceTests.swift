import Foundation
import Testing
import TrameTestSupport

/// The easy-to-read companions validate like every document: strict ODF 1.3, ECMA-376, and their
/// HTML is read back; each one of every kind, through `trame generate`, as a final document.
@Suite("Compagnons faciles à lire : validité des fichiers", .serialized)
struct EasyReadConformanceTests {
    static let bundle = TrameProcess.repository.appendingPathComponent("Conventions/metz-jury-2018")
    static func dossier(_ id: String) -> String { bundle.appendingPathComponent("dossier-\(id).yaml").path }

    /// One of each companion: the sublease, a six-monthly and a final review, the consent, the
    /// renewal and « Mes prochaines dates » (as of a fixed day: the tests never read the clock).
    static let companions: [[String]] = [
        ["sous-location-facile", "--dossier", dossier("MJ-2019-004")],
        ["evaluation-facile", "--dossier", dossier("MJ-2019-004"), "--date", "2019-09-26"],
        ["evaluation-facile", "--dossier", dossier("MJ-2019-002"), "--date", "2020-08-06"],
        ["consentement-facile", "--dossier", dossier("MJ-2019-011")],
        ["avenant-renouvellement-facile", "--dossier", dossier("MJ-2019-002"), "--date", "2020-03-01"],
        ["prochaines-dates-facile", "--dossier", dossier("MJ-2019-004"), "--as-of", "2019-03-15"],
    ]

    @Test func everyCompanionValidatesInEveryFormat() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var files: [URL] = []
        for (index, arguments) in Self.companions.enumerated() {
            for format in DocumentTexts.formats {
                let file = dir.appendingPathComponent("\(index)-\(arguments[0]).\(format)")
                let r = try TrameProcess.run(["generate"] + arguments + ["--format", format, "--output", file.path])
                #expect(r.status == 0, "\(arguments.prefix(2)) \(format): \(r.stderr)")
                #expect(!r.stdout.contains("(projet)"), "\(arguments[0]) is a final document")
                #expect(r.stdout.contains("toutes les règles sont respectées"), "\(arguments[0]): \(r.stdout)")
                files.append(file)
            }
        }
        try DocumentTexts.validateIfPossible(files)
        let texts = try DocumentTexts.read(files)
        for file in files {
            let text = try #require(texts[file]).flat
            #expect(text.contains("explique"), "\(file.lastPathComponent): the preamble")
            #expect(text.contains("Nous avons lu ce document ensemble"), "\(file.lastPathComponent): the read-together part")
        }
    }
}
