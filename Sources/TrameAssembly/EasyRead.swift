import Foundation
import TrameDocument
import TrameModel

/// The easy-to-read rules (« facile à lire et à comprendre », FALC) checked on every companion
/// document: our measurable reading of Inclusion Europe's European standards (« L'information pour
/// tous », 2009) and of UNAPEI's French guide. A companion that breaks one is refused, naming the
/// rule and the sentence; its figures (sentences, longest, mean) are reported.
public enum EasyRead {
    /// At most this many words in a sentence.
    public static let maximumWords = 15
    /// At most this many words per sentence on average.
    public static let maximumMeanWords = 10.0
    /// Body text at least this size, in points.
    public static let minimumBodyPoints = 14
    /// Line spacing at least this, in percent of the font size.
    public static let minimumLineHeightPercent = 150
    /// Every companion has at least this many distinct pictures.
    public static let minimumDistinctImages = 3

    /// Words a companion may not avoid: each is explained in a box (« Le mot … ») where it first appears.
    public static let glossaryWords = ["sous-location", "bail", "APL", "curatelle", "tutelle", "état des lieux",
                                       "dépôt de garantie", "assurance habitation", "commission d'attribution", "avenant",
                                       "consentement", "préavis"]

    /// Abbreviations a sentence may not use (names and glossary words keep theirs).
    static let forbiddenAbbreviations: Set<String> = ["n°", "etc", "etc.", "cf", "cf.", "art.", "al.", "M.", "Mme", "Mlle", "ex.", "env.", "tél.", "p.", "réf."]
    /// Numbers in letters (« un », « une » are articles, not counted).
    static let numberWords: Set<String> = ["deux", "trois", "quatre", "cinq", "six", "sept", "huit", "dix", "onze", "douze", "treize",
                                           "quatorze", "quinze", "seize", "vingt", "trente", "quarante", "cinquante", "soixante",
                                           "cent", "mille", "million", "millions"]

    public enum Rule: String, Sendable, CaseIterable, Codable {
        case sentenceLength = "phrase_longue"
        case meanLength = "longueur_moyenne"
        case legalReference = "reference_juridique"
        case abbreviation = "abreviation"
        case percentage = "pourcentage"
        case romanNumeral = "chiffre_romain"
        case parenthesis = "parenthese"
        case numberInLetters = "nombre_en_lettres"
        case numericDate = "date_en_chiffres"
        case personalAddress = "vous_ou_je"
        case font = "police"
        case size = "taille"
        case lineHeight = "interligne"
        case justified = "justifie"
        case hyphenation = "cesure"
        case italic = "italique"
        case pictogram = "pictogramme"
        case distinctImages = "images_distinctes"
        case alternativeText = "texte_alternatif"
        case glossary = "mot_difficile"
        case preamble = "avertissement"
        case readTogether = "lu_ensemble"

        /// The rule in French, for diagnostics.
        public var french: String {
            switch self {
            case .sentenceLength: "phrase de plus de \(EasyRead.maximumWords) mots"
            case .meanLength: "phrases de plus de \(Int(EasyRead.maximumMeanWords)) mots en moyenne"
            case .legalReference: "référence juridique"
            case .abbreviation: "abréviation ou sigle non expliqué"
            case .percentage: "pourcentage"
            case .romanNumeral: "chiffre romain"
            case .parenthesis: "parenthèse"
            case .numberInLetters: "nombre écrit en lettres"
            case .numericDate: "date en chiffres"
            case .personalAddress: "le texte ne s'adresse pas à la personne (« vous » ou « je »)"
            case .font: "police avec empattements"
            case .size: "texte de moins de \(EasyRead.minimumBodyPoints) points"
            case .lineHeight: "interligne de moins de 1,5"
            case .justified: "texte justifié"
            case .hyphenation: "coupure des mots en fin de ligne"
            case .italic: "italique"
            case .pictogram: "titre de partie sans pictogramme"
            case .distinctImages: "moins de \(EasyRead.minimumDistinctImages) pictogrammes différents"
            case .alternativeText: "image sans texte de remplacement"
            case .glossary: "mot difficile non expliqué là où il apparaît"
            case .preamble: "les premières lignes ne disent pas que ce document explique l'acte signé, qui seul compte"
            case .readTogether: "pas d'endroit pour noter la lecture avec la personne (date, par qui)"
            }
        }
    }

    public struct Problem: Sendable, Hashable {
        public let rule: Rule
        /// The sentence or word at fault.
        public let excerpt: String
    }

    /// The outcome: the figures and every broken rule.
    public struct Report: Sendable {
        public let sentences: Int
        public let longest: Int
        /// Words per sentence, on average.
        public let mean: Double
        public let longestSentence: String
        public let problems: [Problem]
        public var passes: Bool { problems.isEmpty }
    }

    /// A run of text the rules read: its words, and whether a name (data value) was masked in it.
    struct Sentence {
        let text: String
        let words: Int
    }

    /// Checks a companion as its readers get it: the document model and the style it is written with.
    /// - Parameter names: the values the data put in the text (organisations' and people's names,
    ///   addresses): a name keeps its own parentheses and abbreviations, and counts as one word.
    public static func check(_ document: Document, style: DocumentStyle, names: [String]) -> Report {
        var problems: [Problem] = []
        func problem(_ rule: Rule, _ excerpt: String) {
            let p = Problem(rule: rule, excerpt: excerpt)
            if !problems.contains(p) { problems.append(p) }
        }
        // Longest names first, so that « Association X (fictif) » is masked before « Association X ».
        let masks = names.map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.count >= 2 }.sorted { $0.count > $1.count }
        let units = textUnits(document)
        var sentences: [Sentence] = []
        for unit in units {
            let masked = mask(unit, with: masks)
            for sentence in split(masked) {
                let words = wordCount(sentence)
                guard words > 0 else { continue }
                sentences.append(Sentence(text: sentence, words: words))
                if words > maximumWords { problem(.sentenceLength, "\(words) mots : « \(unmask(sentence)) »") }
                checkWording(sentence, problem)
            }
        }
        let total = sentences.reduce(0) { $0 + $1.words }
        let mean = sentences.isEmpty ? 0 : Double(total) / Double(sentences.count)
        if mean > maximumMeanWords { problem(.meanLength, String(format: "%.1f mots par phrase en moyenne", mean)) }
        let longest = sentences.max { $0.words < $1.words }
        let all = units.joined(separator: " ").lowercased()
        if !(all.contains("vous") || containsWord(all, "je") || all.contains("j'") || all.contains("j’")) {
            problem(.personalAddress, String(all.prefix(60)))
        }
        checkStyle(document, style, problem)
        checkPictures(document, problem)
        checkGlossary(document, problem)
        checkPreamble(document, problem)
        checkReadTogether(document, problem)
        return Report(sentences: sentences.count, longest: longest?.words ?? 0, mean: (mean * 10).rounded() / 10,
                      longestSentence: longest.map { unmask($0.text) } ?? "", problems: problems)
    }

    // MARK: Text

    /// The text of every block a reader reads, one unit per paragraph, list item, heading or cell.
    static func textUnits(_ document: Document) -> [String] {
        var units: [String] = []
        func plain(_ inlines: [Inline]) -> String {
            inlines.map { inline -> String in
                switch inline {
                case .text(let s, _): s
                // A draft's placeholder is for the author, not the reader: not read as text.
                case .placeholder: " "
                case .lineBreak: "\n"
                }
            }.joined()
        }
        func list(_ l: ListBlock) {
            for item in l.items {
                units.append(plain(item.inlines))
                if let sub = item.sublist { list(sub) }
            }
        }
        for block in document.blocks {
            switch block {
            case .title(let i), .subtitle(let i), .heading(_, let i): units.append(plain(i))
            case .article(_, let title): units.append(plain(title))
            case .paragraph(let p): units.append(plain(p.inlines))
            case .list(let l): list(l)
            case .table(let t):
                for row in t.headerRows + t.rows { for cell in row { for p in cell.paragraphs { units.append(plain(p)) } } }
            case .pageBreak: break
            case .signatures(let s):
                units.append(plain(s.closing))
                for signatory in s.signatories { units.append(plain(signatory.capacity)); units.append(plain(signatory.name)) }
            }
        }
        return units.map { $0.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ") }
            .filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }

    /// A masked name: one private-use character, read as one word, never as parentheses.
    static let nameMark: Character = "\u{E001}"

    static func mask(_ text: String, with names: [String]) -> String {
        var out = text
        for name in names where out.contains(name) { out = out.replacingOccurrences(of: name, with: String(nameMark)) }
        return out
    }

    static func unmask(_ text: String) -> String { text.replacingOccurrences(of: String(nameMark), with: "[nom]") }

    /// Sentences end at « . », « ! », « ? » or « … » followed by a space or the end, and at a line break.
    static func split(_ text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        let chars = Array(text)
        for (i, c) in chars.enumerated() {
            if c == "\n" {
                sentences.append(current)
                current = ""
                continue
            }
            current.append(c)
            if ".!?…".contains(c) {
                let next = i + 1 < chars.count ? chars[i + 1] : " "
                if next == " " || next == "\n" || next == "»" {
                    sentences.append(current)
                    current = ""
                }
            }
        }
        sentences.append(current)
        return sentences.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Words: space-separated tokens holding a letter or a digit (« 174,20 » is one, « € » none).
    static func wordCount(_ sentence: String) -> Int {
        tokens(sentence).filter { token in token.contains(nameMark) || token.unicodeScalars.contains { CharacterSet.alphanumerics.contains($0) } }.count
    }

    static func tokens(_ sentence: String) -> [String] {
        sentence.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    }

    static func containsWord(_ text: String, _ word: String) -> Bool {
        text.range(of: "(^|[^\\p{L}])\(NSRegularExpression.escapedPattern(for: word))($|[^\\p{L}])", options: .regularExpression) != nil
    }

    /// Legal references, abbreviations, percentages, Roman numerals, parentheses, numbers in letters, numeric dates.
    static func checkWording(_ sentence: String, _ problem: (Rule, String) -> Void) {
        let shown = "« \(unmask(sentence)) »"
        let lower = sentence.lowercased()
        for pattern in ["(^|[^\\p{L}])articles?([^\\p{L}]|$)", "(^|[^\\p{L}])art\\.", "(^|[^\\p{L}])[lrd]\\. ?[0-9]", "(^|[^\\p{L}])lois?([^\\p{L}]|$)",
                        "(^|[^\\p{L}])décrets?([^\\p{L}]|$)", "(^|[^\\p{L}])code (civil|de )", "(^|[^\\p{L}])alinéa", "rgpd", "(^|[^\\p{L}])cch([^\\p{L}]|$)"]
        where lower.range(of: pattern, options: .regularExpression) != nil {
            problem(.legalReference, shown)
            break
        }
        if sentence.contains("%") || lower.contains("pour cent") || lower.contains("pourcent") { problem(.percentage, shown) }
        if sentence.contains("(") || sentence.contains(")") { problem(.parenthesis, shown) }
        if sentence.range(of: "[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}|[0-9]{4}-[0-9]{2}-[0-9]{2}", options: .regularExpression) != nil {
            problem(.numericDate, shown)
        }
        let glossaryAbbreviations = Set(glossaryWords.filter { $0 == $0.uppercased() })
        for raw in tokens(sentence) where !raw.contains(nameMark) {
            let token = raw.trimmingCharacters(in: CharacterSet(charactersIn: ",;:!?«»\"“”'’"))
            let bare = token.trimmingCharacters(in: CharacterSet(charactersIn: "."))
            if forbiddenAbbreviations.contains(token) || forbiddenAbbreviations.contains(bare) {
                problem(.abbreviation, "« \(token) » dans \(shown)")
            } else if bare.count >= 2, bare == bare.uppercased(), bare.unicodeScalars.allSatisfy({ CharacterSet.uppercaseLetters.contains($0) }) {
                if bare.allSatisfy({ "IVXLC".contains($0) }) {
                    problem(.romanNumeral, "« \(bare) » dans \(shown)")
                } else if !glossaryAbbreviations.contains(bare) && bare != "PROJET" {
                    problem(.abbreviation, "« \(bare) » dans \(shown)")
                }
            }
            let word = bare.lowercased()
            if numberWords.contains(word) { problem(.numberInLetters, "« \(bare) » dans \(shown)") }
        }
    }

    // MARK: Layout

    static func checkStyle(_ document: Document, _ style: DocumentStyle, _ problem: (Rule, String) -> Void) {
        if style.bodyFont.generic != .sans { problem(.font, style.bodyFont.name) }
        if style.headingFont.generic != .sans { problem(.font, style.headingFont.name) }
        if style.sizes.body < FontSize.pt(minimumBodyPoints) { problem(.size, "\(style.sizes.body)") }
        if style.lineHeightPercent < minimumLineHeightPercent { problem(.lineHeight, "\(style.lineHeightPercent) %") }
        if style.hyphenation { problem(.hyphenation, "césure activée") }
        func inlines(_ i: [Inline], _ where_: String) {
            for case .text(let s, let st) in i where st.contains(.italic) { problem(.italic, "« \(s) »") }
        }
        for block in document.blocks {
            switch block {
            case .paragraph(let p):
                if style.bodyAlignment == .justified && p.alignment == .justified { problem(.justified, textOf(p.inlines)) }
                inlines(p.inlines, "paragraphe")
            case .title(let i), .subtitle(let i), .heading(_, let i): inlines(i, "titre")
            case .list(let l):
                for item in l.items { inlines(item.inlines, "liste") }
                if style.bodyAlignment == .justified, !l.items.isEmpty { problem(.justified, "listes justifiées") }
            case .table(let t):
                for row in t.headerRows + t.rows { for cell in row { for p in cell.paragraphs { inlines(p, "tableau") } } }
            default: break
            }
        }
    }

    static func textOf(_ inlines: [Inline]) -> String {
        inlines.compactMap { if case .text(let s, _) = $0 { s } else { nil } }.joined().prefix(80).description
    }

    /// Every part has its pictogram beside its title; at least three distinct pictures; every picture has alternative text.
    static func checkPictures(_ document: Document, _ problem: (Rule, String) -> Void) {
        var distinct: Set<Data> = []
        for block in document.blocks {
            switch block {
            case .heading(_, let title):
                problem(.pictogram, textOf(title))
            case .article(_, let title):
                problem(.pictogram, textOf(title))
            case .paragraph(let p):
                if p.headingLevel != nil, p.images.isEmpty { problem(.pictogram, textOf(p.inlines)) }
                for image in p.images {
                    distinct.insert(image.data)
                    if image.alternativeText.trimmingCharacters(in: .whitespaces).isEmpty { problem(.alternativeText, textOf(p.inlines)) }
                }
            default: break
            }
        }
        if distinct.count < minimumDistinctImages { problem(.distinctImages, "\(distinct.count) image(s) différente(s)") }
    }

    /// The first time a difficult word appears in the text (titles aside), a box explains it: that
    /// block is the box, or the box comes right after it. A box is a one-column table whose heading starts with « Le mot » or « Les mots ».
    static func checkGlossary(_ document: Document, _ problem: (Rule, String) -> Void) {
        let blocks = document.blocks
        func explained(_ word: String, at index: Int) -> Bool {
            for i in [index, index + 1] where i < blocks.count {
                guard case .table(let t) = blocks[i], let header = t.headerRows.first, header.count == 1 else { continue }
                let title = header[0].paragraphs.map(textOf).joined(separator: " ")
                if (title.hasPrefix("Le mot") || title.hasPrefix("Les mots")) && title.lowercased().contains(word.lowercased()) { return true }
            }
            return false
        }
        for word in glossaryWords {
            for (index, block) in blocks.enumerated() {
                // Titles announce a part; the word is explained where the text first uses it.
                switch block {
                case .title, .subtitle, .heading, .article: continue
                case .paragraph(let p) where p.headingLevel != nil: continue
                default: break
                }
                let text = textUnits(Document(metadata: document.metadata, blocks: [block])).joined(separator: " ")
                let found = word == word.uppercased() ? containsWord(text, word) : containsWord(text.lowercased(), word.lowercased())
                guard found else { continue }
                if !explained(word, at: index) { problem(.glossary, "« \(word) » : \(String(text.prefix(80)))") }
                break
            }
        }
    }

    /// The first lines say that the companion explains the act and that the signed act is what counts.
    static func checkPreamble(_ document: Document, _ problem: (Rule, String) -> Void) {
        let opening = textUnits(Document(metadata: document.metadata, blocks: Array(document.blocks.prefix(6)))).joined(separator: " ").lowercased()
        let explains = opening.contains("explique")
        let counts = opening.contains("compte") && (opening.contains("signé") || opening.contains("signez") || opening.contains("signer"))
        if !(explains && counts) { problem(.preamble, String(opening.prefix(120))) }
    }

    /// A table whose heading has a date and who read it with the person.
    static func checkReadTogether(_ document: Document, _ problem: (Rule, String) -> Void) {
        let found = document.blocks.contains { block in
            guard case .table(let t) = block, let header = t.headerRows.first else { return false }
            let text = header.flatMap(\.paragraphs).map(textOf).joined(separator: " ").lowercased()
            return text.contains("date") && (text.contains("par qui") || text.contains("lu avec") || text.contains("nom"))
        }
        if !found { problem(.readTogether, "") }
    }

    /// The keys whose values are names, addresses, numbers or the person's own words: they keep
    /// their own spelling. Every other text of the data (objectives, reasons…) is written by the
    /// partners for the person and is checked like the template's own text.
    static let nameKeys: Set<String> = ["denomination", "nom", "prenom", "adresse", "code_postal", "commune", "quartier", "fonction",
                                        "qualite", "telephone", "courriel", "lieu_naissance", "reference", "equipe", "organisme",
                                        "intitule", "intitule_public", "avis_sous_locataire", "astreinte", "urgence_technique",
                                        "partie", "service", "element", "etat"]

    public static func names(in node: DataNode) -> [String] {
        var out: Set<String> = []
        func walk(_ node: DataNode, key: String?) {
            switch node.value {
            case .text(let s): if s.count >= 2, let key, nameKeys.contains(key) { out.insert(s) }
            case .list(let items): items.forEach { walk($0, key: key) }
            case .object(let o): o.entries.forEach { walk($0.node, key: $0.key) }
            default: break
            }
        }
        walk(node, key: nil)
        return out.sorted()
    }
}
