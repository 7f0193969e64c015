/// Applies French spacing rules to a text, character by character.
///
/// Works on `Character` (grapheme clusters), so combining accents and "\r\n" stay intact.
struct TypographyFixer {
    /// How much the fixer may change.
    enum Mode {
        /// Template text: replaces and inserts no-break spaces.
        case author
        /// User data: only replaces existing ordinary spaces, never inserts.
        case data
    }

    static let space: Character = " "
    static let noBreakSpace: Character = "\u{00A0}"
    static let narrowNoBreakSpace: Character = "\u{202F}"

    /// Marks preceded by a narrow no-break space.
    private static let narrowMarks: Set<Character> = [";", "!", "?"]
    /// Characters after which no space is inserted before a mark.
    private static let noInsertAfter: Set<Character> = [";", "!", "?", ":", "«", "(", "[", "{", "'", "\"", "’", "/"]

    private let characters: [Character]
    private let mode: Mode
    /// True at the indices of characters that belong to a URL-like token.
    private let isProtected: [Bool]

    init(_ text: String, mode: Mode) {
        self.characters = Self.collapsingSpaces(Array(text))
        self.mode = mode
        self.isProtected = mode == .author ? Self.urlMask(characters) : Array(repeating: false, count: characters.count)
    }

    /// Whether the text holds anything the rules act on: one of ; ! ? : « » or two spaces in a row.
    /// Most template fragments hold none, and the character-by-character pass would return them
    /// unchanged (a byte scan is far cheaper than a pass over grapheme clusters).
    static func needsWork(_ text: String) -> Bool {
        var previousWasSpace = false
        var previousByte: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"): return true
            case 0xAB, 0xBB where previousByte == 0xC2: return true  // « and » in UTF-8
            case UInt8(ascii: " "):
                if previousWasSpace { return true }
                previousWasSpace = true
                previousByte = byte
                continue
            default: break
            }
            previousWasSpace = false
            previousByte = byte
        }
        return false
    }

    /// The fixed text.
    func fixed() -> String {
        var output: [Character] = []
        output.reserveCapacity(characters.count + characters.count / 8)
        for index in characters.indices {
            let character = characters[index]
            if isProtected[index] {
                output.append(character)
                continue
            }
            if Self.narrowMarks.contains(character) {
                spaceBefore(Self.narrowNoBreakSpace, in: &output, allowInsert: true)
            } else if character == ":" {
                spaceBefore(Self.noBreakSpace, in: &output, allowInsert: !isTimeOrScheme(colonAt: index))
            } else if character == "»" {
                spaceBefore(Self.noBreakSpace, in: &output, allowInsert: output.last != "«")
            } else if output.last == "«" && !character.isNewline {
                if character == Self.space {
                    output.append(Self.noBreakSpace)
                    continue
                }
                if mode == .author && !character.isWhitespace {
                    output.append(Self.noBreakSpace)
                }
            }
            output.append(character)
        }
        return String(output)
    }

    /// Makes the space before a mark `replacement`: replaces an ordinary space, or (author mode)
    /// inserts one after a character that is neither whitespace nor another mark.
    private func spaceBefore(_ replacement: Character, in output: inout [Character], allowInsert: Bool) {
        guard let last = output.last else { return }
        if last == Self.space {
            output[output.count - 1] = replacement
        } else if mode == .author && allowInsert && !last.isWhitespace && !Self.noInsertAfter.contains(last) {
            output.append(replacement)
        }
    }

    /// True for the colon of "10:30" (digit on both sides) and of "scheme://".
    private func isTimeOrScheme(colonAt index: Int) -> Bool {
        let before = index > 0 ? characters[index - 1] : nil
        let after = index + 1 < characters.count ? characters[index + 1] : nil
        if before?.isASCIIDigit == true && after?.isASCIIDigit == true { return true }
        if after == "/" && index + 2 < characters.count && characters[index + 2] == "/" { return true }
        return false
    }

    /// Replaces each run of ordinary spaces with a single space.
    private static func collapsingSpaces(_ characters: [Character]) -> [Character] {
        var result: [Character] = []
        result.reserveCapacity(characters.count)
        for character in characters where !(character == space && result.last == space) {
            result.append(character)
        }
        return result
    }

    /// Marks every character of a whitespace-delimited token that looks like a URL.
    private static func urlMask(_ characters: [Character]) -> [Bool] {
        var mask = Array(repeating: false, count: characters.count)
        var start = 0
        while start < characters.count {
            guard !characters[start].isWhitespace else {
                start += 1
                continue
            }
            var end = start
            while end < characters.count && !characters[end].isWhitespace { end += 1 }
            if looksLikeURL(String(characters[start..<end])) {
                for index in start..<end { mask[index] = true }
            }
            start = end
        }
        return mask
    }

    private static func looksLikeURL(_ token: String) -> Bool {
        let lower = token.lowercased()
        return lower.contains("://") || lower.hasPrefix("www.") || lower.hasPrefix("mailto:")
    }
}
