import Foundation
import Yams
import TrameDiagnostics

/// Reads the bytes of a YAML or JSON file into a YAML node tree with positions, turning every
/// problem (encoding, syntax, nesting, size) into a located diagnostic instead of a crash.
public enum SourceReader {
    /// The deepest nesting accepted; the public format needs 5 levels.
    static let maximumDepth = 64
    /// The most nodes visited in one file (guards against alias expansion bombs).
    static let maximumNodes = 2_000_000

    public struct Result {
        public let text: SourceText
        public let root: Node?
        public let diagnostics: [Diagnostic]
    }

    /// Decodes `data` (UTF-8, BOM and CRLF tolerated) and parses it.
    /// - Parameters:
    ///   - data: the file's bytes.
    ///   - name: the file name shown in diagnostics.
    public static func read(_ data: Data, name: String) -> Result {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return failure(name, "", .error(.encodage, "le fichier est encodé en UTF-16 ; enregistrez-le en UTF-8",
                                               at: SourceLocation(file: name, line: 1, column: 1)))
        }
        guard let decoded = String(validatingUTF8Bytes: bytes) else {
            let (line, column) = firstInvalidUTF8Position(bytes)
            return failure(name, String(decoding: bytes, as: UTF8.self),
                           .error(.encodage, "le fichier n'est pas un texte UTF-8 valide (octet invalide) ; enregistrez-le en UTF-8",
                                  at: SourceLocation(file: name, line: line, column: column)))
        }
        // CRLF and lone CR become LF, so that positions count lines the way editors do.
        var text = decoded.replacingOccurrences(of: "\r\n", with: "\n")
        text = text.replacingOccurrences(of: "\r", with: "\n")
        let source = SourceText(name: name, text: text)
        if let nul = text.firstIndex(of: "\0") {
            let (line, column) = position(of: nul, in: text)
            return failure(name, text, .error(.encodage, "le fichier contient un caractère nul : ce n'est pas un fichier texte",
                                                at: SourceLocation(file: name, line: line, column: column)))
        }
        if name.lowercased().hasSuffix(".json") {
            // JSON allows tabs between tokens where YAML does not; raw tabs cannot occur inside JSON strings.
            text = text.replacingOccurrences(of: "\t", with: " ")
        }
        if let (line, column) = excessiveNesting(in: text) {
            return Result(text: source, root: nil, diagnostics: [
                .error(.imbrication, "structure imbriquée sur plus de \(maximumDepth) niveaux : ce n'est pas un fichier du format Trame",
                       at: SourceLocation(file: name, line: line, column: column)),
            ])
        }
        let parsed = parseOnLargeStack(text)
        switch parsed {
        case .success(let node):
            guard let node else {
                return Result(text: source, root: nil, diagnostics: [
                    .error(.fichierVide, "le fichier est vide", at: SourceLocation(file: name, line: 1, column: 1)),
                ])
            }
            return Result(text: source, root: node, diagnostics: [])
        case .failure(let error):
            return Result(text: source, root: nil, diagnostics: [diagnostic(for: error, name: name)])
        }
    }

    private static func failure(_ name: String, _ text: String, _ d: Diagnostic) -> Result {
        Result(text: SourceText(name: name, text: text), root: nil, diagnostics: [d])
    }

    // MARK: Parsing

    private final class Box: @unchecked Sendable {
        var result: Swift.Result<Node?, any Error> = .success(nil)
    }

    /// Yams composes recursively: parse on a thread with a large stack so depth is never a crash.
    private static func parseOnLargeStack(_ text: String) -> Swift.Result<Node?, any Error> {
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.result = Swift.Result { try Yams.compose(yaml: text) }
            done.signal()
        }
        thread.stackSize = 64 << 20
        thread.start()
        done.wait()
        return box.result
    }

    private static func diagnostic(for error: any Error, name: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: name, line: max(1, mark.line), column: max(1, mark.column)) }
        guard let error = error as? YamlError else {
            return .error(.syntaxe, "lecture impossible : \(error)", at: SourceLocation(file: name, line: 1, column: 1))
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = "syntaxe YAML/JSON invalide : " + SyntaxMessages.french(problem)
            if let context { message += " (" + SyntaxMessages.french(context.text) + " ligne \(context.mark.line))" }
            return .error(.syntaxe, message, at: at(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "« \($0) »" }.joined(separator: ", ")
            return .error(.cleDupliquee, "clé présente plusieurs fois dans le même bloc : \(keys)", at: at(context.mark))
        case .reader(let problem, _, _, _):
            return .error(.encodage, "lecture impossible : \(problem)", at: SourceLocation(file: name, line: 1, column: 1))
        default:
            return .error(.syntaxe, "syntaxe invalide : \(error)", at: SourceLocation(file: name, line: 1, column: 1))
        }
    }

    // MARK: Guards

    /// A conservative bound on the nesting depth, computed without recursion: indentation,
    /// block sequence dashes on one line, and flow brackets across lines (outside quotes and comments).
    static func excessiveNesting(in text: String) -> (Int, Int)? {
        var flowDepth = 0
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var column = 0
            var indent = 0
            var counting = true
            var dashes = 0
            var quote: Character?
            var previous: Character = " "
            for ch in line {
                column += 1
                if let q = quote {
                    if ch == q { quote = nil }
                } else if ch == "#" && (previous == " " || column == 1) {
                    break
                } else if ch == "\"" || (ch == "'" && (previous == " " || previous == "[" || previous == "{" || previous == ",")) {
                    quote = ch
                } else if ch == "[" || ch == "{" {
                    flowDepth += 1
                } else if ch == "]" || ch == "}" {
                    flowDepth = max(0, flowDepth - 1)
                } else if ch == "-" && (previous == " " || column == 1) {
                    dashes += 1
                }
                if counting { if ch == " " { indent += 1 } else { counting = false } }
                previous = ch
                if flowDepth + dashes + indent / 2 > maximumDepth { return (lineNumber, column) }
            }
            if quote != nil && (quote == "'" || quote == "\"") { quote = nil }
        }
        return nil
    }

    static func firstInvalidUTF8Position(_ bytes: Data) -> (Int, Int) {
        var line = 1
        var column = 1
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, column)
            }
            let end = bytes.index(i, offsetBy: length, limitedBy: bytes.endIndex) ?? bytes.endIndex
            if String(validatingUTF8Bytes: bytes[i..<end]) == nil { return (line, column) }
            if b == 0x0A { line += 1; column = 1 } else { column += 1 }
            i = end
        }
        return (line, column)
    }

    static func position(of index: String.Index, in text: String) -> (Int, Int) {
        var line = 1
        var column = 1
        for ch in text.unicodeScalars[..<index] {
            if ch == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }
}

extension String {
    /// Strict UTF-8 decoding: nil on any invalid sequence.
    init?<C: Collection>(validatingUTF8Bytes bytes: C) where C.Element == UInt8 {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var scalars = String.UnicodeScalarView()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): scalars.append(s)
            case .emptyInput: break loop
            case .error: return nil
            }
        }
        self = String(scalars)
    }
}
