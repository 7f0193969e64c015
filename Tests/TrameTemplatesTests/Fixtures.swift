import Foundation
import TrameDocument
import TrameModel
import TrameTemplates

/// Shared helpers: the repository's folders, the sample data, plain text of documents.
enum Fixtures {
    /// The repository root, found from this file's path.
    static let root: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let samples = root.appendingPathComponent("Conventions/metz-jury-2018")
    static let subleasePath = root.appendingPathComponent("Templates/sous-location/sous-location.v1.trame").path

    static func load(_ name: String) -> DataNode {
        let file = ModelLoader.read(path: samples.appendingPathComponent(name).path)
        precondition(!file.diagnostics.hasErrors, "\(name): \(file.diagnostics.map(\.headline))")
        return file.root!
    }

    static let convention = load("convention-metz-jury-2018.yaml")

    /// The partnership's own convention file (../shared/exemples), without the demo copy's
    /// completions: CH Jury's director and address are missing there.
    static let sharedConvention: DataNode = {
        let file = ModelLoader.read(path: root.deletingLastPathComponent().appendingPathComponent("shared/exemples/convention-metz-jury-2018.yaml").path)
        precondition(!file.diagnostics.hasErrors && file.root != nil, "../shared/exemples/convention-metz-jury-2018.yaml: \(file.diagnostics.map(\.headline))")
        return file.root!
    }()

    /// The context of a sample dossier (`MJ-2019-004`).
    static func context(_ dossier: String, audience: Audience = .sousLocataire, draft: Bool = false) -> DataNode {
        ContextBuilder.dossierContext(dossier: load("dossier-\(dossier).yaml"), convention: convention, audience: audience, draft: draft)
    }

    /// A template from inline text, against the dossier schema unless told otherwise.
    static func template(_ source: String, fragments: [String: String] = [:], schema: ContextSchema = .dossierDocument) throws -> CompiledTemplate {
        try TemplateLoader.load(source: source, name: "test.trame", fragments: .dictionary(fragments), schema: schema)
    }

    /// The load errors of a template that must fail.
    static func loadErrors(_ source: String, fragments: [String: String] = [:]) -> [Diagnostic] {
        do {
            _ = try template(source, fragments: fragments)
            return []
        } catch {
            return (error as? Diagnostics)?.diagnostics ?? []
        }
    }

    /// Renders with the sample dossier `MJ-2019-004` by default.
    static func render(_ source: String, dossier: String = "MJ-2019-004", draft: Bool = false, audience: Audience = .sousLocataire,
                       context: DataNode? = nil) throws -> RenderResult {
        let compiled = try template(source)
        return compiled.render(context: context ?? Fixtures.context(dossier, audience: audience, draft: draft),
                               options: RenderOptions(draft: draft, audience: audience))
    }

    /// The blocks of a rendering that must succeed.
    static func blocks(_ source: String, dossier: String = "MJ-2019-004", draft: Bool = false, context: DataNode? = nil) throws -> [Block] {
        let result = try render(source, dossier: dossier, draft: draft, context: context)
        guard let document = result.document else { throw Diagnostics(result.diagnostics) }
        return document.blocks
    }
}

/// Plain text of inlines and blocks, for assertions.
enum Plain {
    static func text(_ inlines: [Inline]) -> String {
        inlines.map { inline -> String in
            switch inline {
            case .text(let s, _): return s
            case .placeholder(let s): return s
            case .lineBreak: return "\n"
            }
        }.joined()
    }

    static func text(_ block: Block) -> String {
        switch block {
        case .title(let i), .subtitle(let i), .heading(_, let i): return text(i)
        case .article(let n, let title): return Document.articleLabel(n) + " – " + text(title)
        case .paragraph(let p): return text(p.inlines)
        case .list(let l): return list(l)
        case .table(let t): return (t.headerRows + t.rows).map { $0.map { $0.paragraphs.map(text).joined(separator: "\n") }.joined(separator: " | ") }.joined(separator: "\n")
        case .pageBreak: return "<saut>"
        case .signatures(let s): return ([text(s.closing)] + s.signatories.map { text($0.capacity) + " : " + text($0.name) }).joined(separator: "\n")
        }
    }

    static func list(_ l: ListBlock, depth: Int = 0) -> String {
        l.items.map { item in
            String(repeating: "  ", count: depth) + "- " + text(item.inlines) + (item.sublist.map { "\n" + list($0, depth: depth + 1) } ?? "")
        }.joined(separator: "\n")
    }

    static func text(_ blocks: [Block]) -> String { blocks.map(text).joined(separator: "\n") }

    /// The text with no-break spaces as ordinary spaces (easier assertions).
    static func loose(_ blocks: [Block]) -> String {
        text(blocks).replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
    }
}

extension DataNode {
    /// A copy with the value at `path` replaced (or added), for tests.
    func setting(_ path: [String], _ value: DataValue, sensitivity: Sensitivity = .partenaires) -> DataNode {
        var copy = self
        guard var object = copy.object, let key = path.first else { return self }
        if path.count == 1 {
            object.set(key, DataNode(value: value, path: self.path.appending(key), sensitivity: sensitivity, location: nil))
        } else if let child = object[key] {
            object.set(key, child.setting(Array(path.dropFirst()), value, sensitivity: sensitivity))
        }
        copy.value = .object(object)
        return copy
    }

    /// A copy without the value at `path`, for tests.
    func removing(_ path: [String]) -> DataNode {
        var copy = self
        guard var object = copy.object, let key = path.first else { return self }
        if path.count == 1 {
            object = DataObject(object.entries.filter { $0.key != key })
        } else if let child = object[key] {
            object.set(key, child.removing(Array(path.dropFirst())))
        }
        copy.value = .object(object)
        return copy
    }
}
