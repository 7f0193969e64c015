import Foundation
import TrameDocument
import TrameModel
import TrameTemplates

// Pipeline benchmark: the sublease contract for 200 different households, in-process, to DOCX and ODT.
// Timed per document: render (template → document model), write (document → file bytes), save (file on disk).
// Loading the YAML of the households is outside the timed part, as record generation is for docxtpl.
// Usage: trame-bench [--runs N] [--households N] [--out DIR]

func argument(_ name: String, default value: Int) -> Int {
    let args = CommandLine.arguments
    guard let i = args.firstIndex(of: name), i + 1 < args.count, let n = Int(args[i + 1]) else { return value }
    return n
}

let runs = argument("--runs", default: 7)
let count = argument("--households", default: 200)
let out = FileManager.default.temporaryDirectory.appendingPathComponent("trame-bench-\(getpid())")
try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: out) }

guard let resources = TrameResources.root else { fatalError("run from the repository (Templates/ and Conventions/ not found)") }
let conventionFile = ModelLoader.read(path: resources.appendingPathComponent("Conventions/metz-jury-2018/convention-metz-jury-2018.yaml").path)
guard let convention = conventionFile.root else { fatalError("convention: \(conventionFile.diagnostics.map(\.headline))") }
let template = try TemplateLoader.load(path: resources.appendingPathComponent("Templates/sous-location/sous-location.v1.trame").path)

var contexts: [DataNode] = []
for i in 0..<count {
    let file = ModelLoader.read(data: Data(Households.yaml(i).utf8), name: "bench-\(i).yaml")
    let problems = (file.diagnostics + ModelLoader.checkDossier(file, convention: conventionFile)).filter { $0.severity == .error }
    guard let root = file.root, problems.isEmpty else { fatalError("household \(i): \(problems.map(\.headline))") }
    contexts.append(ContextBuilder.dossierContext(dossier: root, convention: convention, audience: .sousLocataire, draft: false))
}
let options = RenderOptions(draft: false, audience: .sousLocataire)

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
func median(_ xs: [Double]) -> Double { let s = xs.sorted(); return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2 }

print("trame-bench: sous-location × \(count) households, \(runs) runs, \(ProcessInfo.processInfo.activeProcessorCount) CPUs (one thread used)")
var bytes: [OutputFormat: Int] = [:]
for format in [OutputFormat.docx, .odt] {
    var perSecond: [Double] = []
    var render: [Double] = [], write: [Double] = [], save: [Double] = []
    for _ in 0..<runs {
        var tRender: UInt64 = 0, tWrite: UInt64 = 0, tSave: UInt64 = 0
        let start = now()
        for (i, context) in contexts.enumerated() {
            let t0 = now()
            guard let document = template.render(context: context, options: options).document else { fatalError("render failed for \(i)") }
            let t1 = now()
            let data = try DocumentRenderer.render(document, as: format)
            let t2 = now()
            try data.write(to: out.appendingPathComponent("sous-location-\(i).\(format.fileExtension)"))
            let t3 = now()
            tRender += t1 - t0; tWrite += t2 - t1; tSave += t3 - t2
            bytes[format] = data.count
        }
        let total = Double(now() - start) / 1e9
        perSecond.append(Double(count) / total)
        render.append(Double(tRender) / 1e6 / Double(count))
        write.append(Double(tWrite) / 1e6 / Double(count))
        save.append(Double(tSave) / 1e6 / Double(count))
        print("  \(format.rawValue) run: \(String(format: "%.0f", Double(count) / total)) docs/s")
    }
    print(String(format: "MEDIAN trame %@: %.0f docs/s in-process (%.3f ms/doc: render %.3f, write %.3f, save %.3f), %d bytes/doc",
                 format.rawValue, median(perSecond), 1000 / median(perSecond), median(render), median(write), median(save), bytes[format] ?? 0))
}
