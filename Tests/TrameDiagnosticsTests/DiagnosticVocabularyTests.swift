import Foundation
import Testing
import TrameDiagnostics

/// The one error vocabulary: every code documented with its category and statuses, one table
/// from category to exit status and HTTP status, French everywhere.
@Suite("Diagnostic vocabulary")
struct DiagnosticVocabularyTests {
    /// The rows of a Markdown table whose first cell is a back-quoted name: name → cells.
    static func table(in text: String, firstHeader: String) -> [String: [String]] {
        var rows: [String: [String]] = [:]
        var inTable = false
        for line in text.split(separator: "\n").map(String.init) {
            if line.hasPrefix("| \(firstHeader) |") { inTable = true; continue }
            guard inTable else { continue }
            guard line.hasPrefix("|") else { inTable = false; continue }
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let first = cells.first, first.hasPrefix("`") else { continue }
            rows[first.trimmingCharacters(in: CharacterSet(charactersIn: "`"))] = Array(cells.dropFirst())
        }
        return rows
    }

    static let documentation: String = {
        // Tests/TrameDiagnosticsTests/<this file> → the repository.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = root.appendingPathComponent("docs/diagnostics.md")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    @Test func everyCodeIsDocumentedWithItsCategoryAndStatuses() {
        let rows = Self.table(in: Self.documentation, firstHeader: "code")
        #expect(rows.count == DiagnosticCode.allCases.count, "docs/diagnostics.md doit lister chaque code une fois")
        for code in DiagnosticCode.allCases {
            guard let cells = rows[code.rawValue] else {
                Issue.record("code \(code.rawValue) absent de docs/diagnostics.md")
                continue
            }
            #expect(cells[0] == "`\(code.category.rawValue)`", "\(code.rawValue)")
            #expect(cells[1] == String(code.category.exitStatus), "\(code.rawValue)")
            #expect(cells[2] == String(code.category.httpStatus), "\(code.rawValue)")
            #expect(!cells[3].isEmpty, "\(code.rawValue) sans signification")
        }
        for documented in rows.keys {
            #expect(DiagnosticCode(rawValue: documented) != nil, "docs/diagnostics.md liste un code inconnu : \(documented)")
        }
    }

    @Test func categoriesAreDocumentedWithTheirStatuses() {
        let rows = Self.table(in: Self.documentation, firstHeader: "catégorie")
        for category in DiagnosticCategory.allCases {
            let cells = rows[category.rawValue]
            #expect(cells?[0] == category.french)
            #expect(cells?[1] == String(category.exitStatus))
            #expect(cells?[2] == String(category.httpStatus))
        }
    }

    @Test func exitStatusesAreTheDocumentedSysexits() {
        let statuses = Set(DiagnosticCategory.allCases.map(\.exitStatus))
        #expect(statuses == [64, 65, 66, 69, 73, 74])
        #expect(DiagnosticCode.optionInconnue.category.exitStatus == 64)
        #expect(DiagnosticCode.cleInconnue.category.exitStatus == 65)
        #expect(DiagnosticCode.fichierIntrouvable.category.exitStatus == 66)
        #expect(DiagnosticCode.libreofficeAbsent.category.exitStatus == 69)
        #expect(DiagnosticCode.ecritureImpossible.category.exitStatus == 73)
        #expect(DiagnosticCode.ecriture.category.exitStatus == 74)
        #expect(DiagnosticCode.dossierInconnu.category.httpStatus == 404)
        #expect(DiagnosticCode.identifiantPris.category.httpStatus == 409)
    }

    @Test func codesArePrintedUpperSnakeCase() {
        for code in DiagnosticCode.allCases {
            #expect(code.rawValue.range(of: "^[A-Z][A-Z0-9_]+$", options: .regularExpression) != nil, "\(code.rawValue)")
        }
    }

    @Test func headlinesReadLikeACompilerInFrench() {
        let located = Diagnostic.error(.cleInconnue, path: FieldPath(parsing: "logement.typologie"), "clé inconnue",
                                       at: SourceLocation(file: "d.yaml", line: 4, column: 3))
        #expect(located.headline == "d.yaml:4:3: erreur [CLE_INCONNUE] logement.typologie : clé inconnue")
        let subject = Diagnostic.error(.dossierInconnu, "dossier absent", subject: "MJ-1")
        #expect(subject.headline == "MJ-1: erreur [DOSSIER_INCONNU] dossier absent")
        #expect(Diagnostic.warning(.inventaire, "meublé sans inventaire").headline == "avertissement [INVENTAIRE] meublé sans inventaire")
        let source = SourceText(name: "d.yaml", text: "a: 1\nb:\tx\n")
        let shown = Diagnostic.error(.typeValeur, "texte attendu", at: SourceLocation(file: "d.yaml", line: 2, column: 4)).rendered(source: source)
        #expect(shown.hasSuffix("\n    b:    x\n          ^"))
    }

    @Test func aGroupFailsWithTheCategoryOfItsFirstError() {
        let group = Diagnostics([.warning(.inventaire, "w"), .error(.fichierIntrouvable, "absent"), .error(.cleInconnue, "x")])
        #expect(group.category == .missingInput)
    }

    /// System errors reach users in French, without the platform's English text or the path.
    @Test(arguments: [ENAMETOOLONG, ENOSPC, EACCES, ENOENT, EROFS, EEXIST, EIO])
    func systemErrorsAreToldInFrench(_ code: Int32) throws {
        let secret = "/srv/trame/" + String(repeating: "x", count: 300)
        let error = NSError(domain: NSPOSIXErrorDomain, code: Int(code), userInfo: [NSFilePathErrorKey: secret])
        let text = SystemError.french(error)
        #expect(!text.contains("/srv"))
        #expect(!text.lowercased().contains("file"))
        #expect(!text.contains("errno"))
        let diagnostic = Diagnostic.io("écriture impossible", subject: nil, underlying: error)
        #expect(diagnostic.message.hasPrefix("écriture impossible ("))
        #expect(diagnostic.code == .ecriture)
    }

    @Test func foundationFileErrorsAreToldInFrench() throws {
        let url = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/" + String(repeating: "n", count: 300))
        do {
            try Data("x".utf8).write(to: url)
            Issue.record("l'écriture aurait dû échouer")
        } catch {
            let text = SystemError.french(error)
            #expect(!text.contains("nonexistent"), "\(text)")
            #expect(!text.contains("File"), "\(text)")
            #expect(!text.contains("code"), "\(text)")
        }
    }
}
