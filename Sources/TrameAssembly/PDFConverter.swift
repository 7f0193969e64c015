import Foundation
import TrameDiagnostics

/// Turns an ODT into a PDF with LibreOffice (`soffice --headless`), when it is installed.
public enum PDFConverter {
    /// The `soffice` executable on the PATH, or nil.
    public static var soffice: URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent("soffice")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Converts many ODT documents in one LibreOffice run (starting LibreOffice costs about a second).
    /// - Parameter documents: unique base names and ODT bytes.
    /// - Returns: the PDF bytes by base name (a document LibreOffice could not convert is absent).
    public static func convert(many documents: [(name: String, odt: Data)]) throws(Diagnostics) -> [String: Data] {
        guard let soffice else {
            throw Diagnostics(.error(.libreofficeAbsent, "LibreOffice (soffice) est introuvable : installez-le (paquet libreoffice-writer-nogui) pour produire des PDF"))
        }
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("trame-pdf-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: work) }
        var inputs: [String] = []
        do {
            try fm.createDirectory(at: work, withIntermediateDirectories: true)
            for document in documents {
                let input = work.appendingPathComponent("\(document.name).odt")
                try document.odt.write(to: input)
                inputs.append(input.path)
            }
        } catch {
            throw Diagnostics(.error(.ecritureImpossible, "fichier temporaire impossible : \(SystemError.french(error))"))
        }
        let process = Process()
        process.executableURL = soffice
        process.arguments = ["-env:UserInstallation=file://\(work.path)/profile", "--headless", "--norestore",
                             "--convert-to", "pdf", "--outdir", work.path] + inputs
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch {
            throw Diagnostics(.error(.libreofficeAbsent, "LibreOffice n'a pas pu être lancé : \(SystemError.french(error))"))
        }
        process.waitUntilExit()
        var result: [String: Data] = [:]
        for document in documents {
            if let pdf = try? Data(contentsOf: work.appendingPathComponent("\(document.name).pdf")), !pdf.isEmpty { result[document.name] = pdf }
        }
        return result
    }

    /// Converts the bytes of an ODT document to PDF.
    /// - Throws: `Diagnostics` `.unavailable` when LibreOffice is absent, `.cannotWrite` when it fails.
    public static func convert(odt: Data, name: String) throws(Diagnostics) -> Data {
        guard let soffice else {
            throw Diagnostics(.error(.libreofficeAbsent, "LibreOffice (soffice) est introuvable : installez-le (paquet libreoffice-writer-nogui) pour produire un PDF, ou choisissez --format odt, docx ou html"))
        }
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("trame-pdf-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: work) }
        let input = work.appendingPathComponent("\(name).odt")
        do {
            try fm.createDirectory(at: work, withIntermediateDirectories: true)
            try odt.write(to: input)
        } catch {
            throw Diagnostics(.error(.ecritureImpossible, "fichier temporaire impossible : \(SystemError.french(error))"))
        }
        let process = Process()
        process.executableURL = soffice
        // A private profile, so that conversions never clash with each other or with a user's LibreOffice.
        process.arguments = ["-env:UserInstallation=file://\(work.path)/profile", "--headless", "--norestore",
                             "--convert-to", "pdf", "--outdir", work.path, input.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch {
            throw Diagnostics(.error(.libreofficeAbsent, "LibreOffice n'a pas pu être lancé : \(SystemError.french(error))"))
        }
        process.waitUntilExit()
        let output = work.appendingPathComponent("\(name).pdf")
        guard process.terminationStatus == 0, let pdf = try? Data(contentsOf: output), !pdf.isEmpty else {
            throw Diagnostics(.error(.pdfImpossible, "LibreOffice n'a pas produit le PDF (code \(process.terminationStatus))"))
        }
        return pdf
    }
}
