/// The escaping core of ``XMLWriter``: one pass over the UTF-8 bytes, copying safe runs in bulk.
extension XMLWriter {
    enum EscapeMode {
        /// Character data: `& < >` and carriage return escaped.
        case text
        /// Attribute values: also `"`, tab, line feed (normalised away by parsers otherwise).
        case attribute
        /// HTML text and attribute values: `& < > " '` escaped, carriage return as `&#13;`.
        case html
        /// ODF character data: as `.text`, and every space that follows a space or starts the
        /// string becomes `<text:s/>`, because ODF collapses runs of spaces.
        case odfText
    }

    mutating func appendEscaped(_ string: some StringProtocol, mode: EscapeMode) {
        if var substring = string as? Substring {
            substring.withUTF8 { appendEscaped(utf8: $0, mode: mode) }
        } else {
            var string = String(string)
            string.withUTF8 { appendEscaped(utf8: $0, mode: mode) }
        }
    }

    mutating func appendEscaped(utf8 buffer: UnsafeBufferPointer<UInt8>, mode: EscapeMode) {
        var runStart = 0
        var index = 0
        let count = buffer.count
        while index < count {
            let byte = buffer[index]
            // Fast path: most bytes need nothing.
            if byte > 0x3E {
                if byte != 0xEF { index += 1; continue }
            } else if byte > 0x27 && byte != 0x3C && byte != 0x3E {
                index += 1; continue
            }
            var replacement: StaticString?
            var skip = 1
            switch byte {
            case 0x26: replacement = "&amp;"
            case 0x3C: replacement = "&lt;"
            case 0x3E: replacement = "&gt;"
            case 0x22:
                if mode != .attribute && mode != .html { index += 1; continue }
                replacement = "&quot;"
            case 0x27:
                if mode != .html { index += 1; continue }
                replacement = "&#39;"
            case 0x20:
                guard mode == .odfText, index == 0 || buffer[index - 1] == 0x20 else { index += 1; continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<index]))
                var spaces = 1
                while index + spaces < count && buffer[index + spaces] == 0x20 { spaces += 1 }
                if spaces == 1 {
                    appendStatic("<text:s/>")
                } else {
                    appendStatic("<text:s text:c=\"")
                    appendDecimal(spaces)
                    appendStatic("\"/>")
                }
                index += spaces
                runStart = index
                continue
            case 0x09:
                if mode != .attribute { index += 1; continue }
                replacement = "&#9;"
            case 0x0A:
                if mode != .attribute { index += 1; continue }
                replacement = "&#10;"
            case 0x0D: replacement = "&#13;"
            case 0xEF:
                // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not XML characters.
                guard index + 2 < count, buffer[index + 1] == 0xBF, buffer[index + 2] >= 0xBE else {
                    index += 1; continue
                }
                skip = 3
            default:
                // Other printable ASCII passes; other C0 controls are dropped.
                if byte >= 0x20 { index += 1; continue }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<index]))
            if let replacement { appendStatic(replacement) }
            index += skip
            runStart = index
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<count]))
    }

    mutating func appendStatic(_ string: StaticString) {
        string.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func appendDecimal(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")); appendDecimal(-value); return }
        if value >= 10 { appendDecimal(value / 10) }
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }
}
