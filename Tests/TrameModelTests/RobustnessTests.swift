import Foundation
import Testing
import TrameModel

/// No input makes the loader crash or hang: every file gets a diagnostic.
@Suite("Garbage in, diagnostics out")
struct RobustnessTests {
    /// A small deterministic generator, so a failing case can be replayed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    func load(_ data: Data, _ name: String = "dossier-garbage.yaml") -> [Diagnostic] {
        ModelLoader.read(data: data, name: name).diagnostics
    }

    @Test(arguments: 1...40)
    func randomBytes(seed: Int) {
        var rng = SplitMix(state: UInt64(seed))
        let count = Int.random(in: 1...4096, using: &rng)
        let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let d = load(Data(bytes))
        #expect(d.hasErrors, "seed \(seed): random bytes accepted")
    }

    @Test(arguments: 1...20)
    func randomPrintableText(seed: Int) {
        var rng = SplitMix(state: UInt64(seed) &* 7919)
        let alphabet = Array("abc: -[]{}\"'#&*!|>%@`\n\t ,?0123456789éà".unicodeScalars)
        var text = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 1...2000, using: &rng) { text.append(alphabet.randomElement(using: &rng)!) }
        let d = load(Data(String(text).utf8))
        #expect(d.hasErrors, "seed \(seed)")
    }

    @Test func everyTruncationOfASampleIsReportedOrValid() {
        let text = Samples.dossier004
        let bytes = Array(text.utf8)
        // Every required section ends with `accompagnement`: a cut before its end loses required data.
        let requiredEnd = text.utf8.distance(from: text.startIndex, to: text.range(of: "  astreinte:")!.lowerBound)
        for cut in stride(from: 0, to: bytes.count, by: 13) {
            let file = ModelLoader.read(data: Data(bytes[0..<cut]), name: "dossier-MJ-2019-004.yaml")
            let all = file.diagnostics + ModelLoader.checkDossier(file, convention: Samples.convention)
            if cut < requiredEnd {
                #expect(all.hasErrors, "cut at \(cut) accepted")
            } else if !all.hasErrors {
                // A cut in the optional tail is a shorter valid file: it must still be a complete dossier.
                #expect(file.root?["accompagnement"]?["referent_social"] != nil, "cut at \(cut)")
            }
        }
    }

    /// Deeply nested inputs, named so that the test log stays short.
    enum Nesting: String, CaseIterable, Sendable {
        case flowSequences, flowMappings, blockDashes, indentation

        var text: String {
            switch self {
            case .flowSequences: return String(repeating: "[", count: 100_000)
            case .flowMappings: return String(repeating: "{a: ", count: 50_000)
            case .blockDashes: return String(repeating: "- ", count: 50_000) + "x"
            case .indentation: return (0..<3000).map { String(repeating: " ", count: $0) + "a:" }.joined(separator: "\n") + " x"
            }
        }
    }

    @Test(arguments: Nesting.allCases)
    func deepNestingIsRefused(nesting: Nesting) {
        let d = load(Data(nesting.text.utf8))
        #expect(d.map(\.code.rawValue) == ["IMBRICATION"] || d.map(\.code.rawValue) == ["SYNTAXE"], "\(d.map(\.headline).prefix(2))")
    }

    @Test func aliasExpansionBombIsStopped() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 { text += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        text += "dossier: *a9\n"
        let start = Date()
        let d = load(Data(text.utf8))
        #expect(d.hasErrors)
        #expect(Date().timeIntervalSince(start) < 30)
    }

    @Test func tenMegabyteFile() {
        var text = Samples.dossier004
        text += "notes: \"" + String(repeating: "Un texte très long sans intérêt. ", count: 330_000) + "\"\n"
        #expect(text.utf8.count > 10_000_000)
        let d = load(Data(text.utf8), "dossier-big.yaml")
        #expect(d.map(\.code.rawValue) == ["CLE_INCONNUE"])

        let many = String(repeating: "- x\n", count: 2_600_000)
        #expect(load(Data(many.utf8)).hasErrors)
    }

    @Test func otherEncodingsAreReported() {
        #expect(load(Data([0xFF, 0xFE, 0x61, 0x00])).map(\.code.rawValue) == ["ENCODAGE"])
        var latin1 = Data("dossier: MJ-1\nsous_locataire: { nom: L".utf8)
        latin1.append(0xE9)
        latin1.append(contentsOf: Array("on }\n".utf8))
        let d = load(latin1)
        #expect(d.map(\.code.rawValue) == ["ENCODAGE"])
        #expect(d.first?.location?.line == 2)
        #expect(load(Data("dossier: a\u{0}b\n".utf8)).map(\.code.rawValue) == ["ENCODAGE"])
    }

    @Test func emptyAndNonMappingFiles() {
        #expect(load(Data()).map(\.code.rawValue) == ["FICHIER_VIDE"])
        #expect(load(Data("# rien\n".utf8)).map(\.code.rawValue) == ["FICHIER_VIDE"])
        #expect(load(Data("- a\n- b\n".utf8)).map(\.code.rawValue) == ["TYPE"])
        #expect(load(Data("juste du texte".utf8)).map(\.code.rawValue) == ["TYPE"])
        #expect(load(Data("a: 1\n".utf8), "x.yaml").map(\.code.rawValue) == ["TYPE_FICHIER"])
    }
}
