import Foundation
import Testing
import TrameAccounts
import TrameModel
@testable import TrameWeb

/// Issue 16: a form value can never change the structure of the dossier file. Every string goes
/// through libyaml's emitter (Yams) and comes back from the file as typed, without a new key.
@Suite struct YAMLInjectionTests {
    /// The pieces the random strings are made of: what broke the hand-written writer, and the rest
    /// of what YAML treats specially.
    static let atoms: [String] = [
        "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{FFFE}", "\u{85}", "\u{A0}", "\u{0}", "\u{1}", "\u{7}", "\u{1B}", "\u{7F}", "\u{9F}",
        "\t", "\n", "\"", "'", "\\", "#", " #", ": ", ":", "- ", "-", "*", "&", "!", "%", "@", "`", "|", ">", "?", "[", "]", "{", "}",
        ",", "~", "null", "true", "0x1F", "1e3", ".inf", "2019-01-01", "---", "...", "<<", "é", "Œ", "𝄞", "\u{200B}", "\u{202E}",
        "    partie_soin:", "courriel: x@y.fr", "RAS", " ", "a", "Metz", "«", "»",
    ]

    static func randomStrings(count: Int) -> [String] {
        var generator = SeededGenerator(seed: 16)
        return (0..<count).map { _ in
            (0..<Int.random(in: 1...8, using: &generator)).map { _ in atoms.randomElement(using: &generator)! }.joined()
        }
    }

    /// The form value as the form keeps it: trimmed of blanks and of a byte-order mark at either
    /// end (Yams, reading, drops a leading U+FEFF: `String(bytes:encoding:)`), like every text field.
    static func typed(_ s: String) -> String { s.trimmingCharacters(in: DossierSubmission.blank) }

    static let base: [String: String] = [
        "dossier": "MJ-2020-100", "convention": "metz-jury-2018", "etape": "proposition", "sous_locataire.civilite": "Madame",
        "sous_locataire.nom": "Exemple", "sous_locataire.prenom": "Claire", "sous_locataire.date_naissance": "1990-02-28",
    ]

    /// form → file → form for one value of a text field; returns the values read back and the keys of the file.
    static func roundTrip(_ field: String, _ value: String, role: Role = .soin) -> (values: [String: String], paths: Set<String>) {
        var values = base
        values[field] = value
        let submission = DossierSubmission(clearance: Clearance(role: role, landlord: nil), values: values, original: nil)
        let file = ModelLoader.read(data: submission.file(), name: "dossier.yaml", expected: .dossier)
        guard let root = file.root else { return ([:], []) }
        return (DossierForm.values(of: root), Set(DossierForm.values(of: root).keys))
    }

    static let baseline = roundTrip("sous_locataire.lieu_naissance", "Metz").paths

    @Test(arguments: randomStrings(count: 300) + [
        "RAS\u{2028}    partie_soin:\u{2028}      observations:\u{2028}        - hospitalisation",
        "Metz\u{2028}courriel: pirate@example.org", "Metz\ncourriel: pirate@example.org", "\u{FEFF}Metz", "Metz\u{FFFE}",
        "- liste", "* étoile", "& ancre", "! étiquette", "% directive", "@ arobase", "` accent grave", "#commentaire", "a: b",
        String(repeating: "é\u{2028}: #", count: 2_500), String(repeating: "x", count: 10_240),
    ])
    func everyStringSurvivesTheFileWithoutAddingAKey(text: String) {
        let expected = Self.typed(text)
        guard !expected.isEmpty else { return }
        let back = Self.roundTrip("sous_locataire.lieu_naissance", text)
        #expect(back.values["sous_locataire.lieu_naissance"] == expected)
        #expect(back.paths == Self.baseline, "no key added or lost")
    }

    @Test func aMultiLineObservationStaysOneValue() {
        let text = "Première ligne\nRAS\u{2028}    partie_soin:\u{2029}- \"x\"\n# pas un commentaire"
        var values = Self.base
        values["sous_locataire.lieu_naissance"] = text
        let data = DossierSubmission(clearance: Clearance(role: .association, landlord: nil), values: values, original: nil).file()
        let file = ModelLoader.read(data: data, name: "dossier.yaml", expected: .dossier)
        #expect(file.root?["sous_locataire"]?["lieu_naissance"]?.text == text)
        #expect(file.root?["partie_soin"] == nil)
        let yaml = String(decoding: data, as: UTF8.self)
        #expect(!yaml.contains("\u{2028}"), "separators are escaped, never written raw")
    }

    @Test func ordinaryValuesStayPlainAndReadable() {
        let data = DossierSubmission(clearance: Clearance(role: .association, landlord: nil), values: Self.base, original: nil).file()
        let yaml = String(decoding: data, as: UTF8.self)
        #expect(yaml.contains("dossier: MJ-2020-100\n"))
        #expect(yaml.contains("  date_naissance: 1990-02-28\n"))
        #expect(yaml.contains("  nom: Exemple\n"))
    }
}

/// A small deterministic generator (SplitMix64), so that a failure can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
