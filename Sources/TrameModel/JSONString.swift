/// Writing a string as a JSON string literal (RFC 8259): the one escaper every JSON output uses.
public enum JSONString {
    /// `"text"` with `"`, `\`, and control characters escaped; `forHTML` also escapes `<`, so the
    /// literal can sit inside a `<script>` element of a page.
    public static func quoted(_ s: String, forHTML: Bool = false) -> String {
        var out = ""
        append(s, to: &out, forHTML: forHTML)
        return out
    }

    /// Appends the quoted form of `s` to `out`.
    public static func append(_ s: String, to out: inout String, forHTML: Bool = false) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<" where forHTML: out += "\\u003c"
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
