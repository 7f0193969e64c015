import Foundation
import TrameTemplates
import TrameDiagnostics

/// Compiled templates of one `Generator`, so that a template (with its ~20 clause files) is read
/// and checked once however many documents use it — `trame demo`, `trame clauses --dossier`, the
/// web app. An entry is reused only while the document template file is unchanged.
final class TemplateCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: (modified: Date?, template: CompiledTemplate)] = [:]

    /// The cached template for `path`, or the result of `load`, cached when it succeeds.
    func template(at path: String, load: () throws(Diagnostics) -> CompiledTemplate) throws(Diagnostics) -> CompiledTemplate {
        let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
        lock.lock()
        let cached = entries[path]
        lock.unlock()
        if let cached, cached.modified == modified { return cached.template }
        let template = try load()
        lock.lock()
        entries[path] = (modified, template)
        lock.unlock()
        return template
    }
}
