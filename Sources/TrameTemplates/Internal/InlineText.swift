import TrameDocument

/// Clean-up of rendered inline runs.
enum InlineText {
    /// Merges neighbouring texts of one style, removes doubled spaces where runs meet and spaces
    /// at the ends; nil when nothing visible is left.
    static func normalize(_ inlines: [Inline]) -> [Inline]? {
        var out: [Inline] = []
        out.reserveCapacity(inlines.count)
        var endsWithSpace = true
        for inline in inlines {
            switch inline {
            case .text(var s, let style):
                if endsWithSpace { while s.first == " " { s.removeFirst() } }
                guard !s.isEmpty else { continue }
                endsWithSpace = s.last == " "
                if case .text(let previous, let previousStyle)? = out.last, previousStyle == style {
                    out[out.count - 1] = .text(previous + s, style)
                } else {
                    out.append(.text(s, style))
                }
            case .lineBreak:
                trimTrailing(&out)
                out.append(.lineBreak)
                endsWithSpace = true
            case .placeholder:
                out.append(inline)
                endsWithSpace = false
            }
        }
        trimTrailing(&out)
        while case .lineBreak? = out.last { out.removeLast() }
        return out.isEmpty ? nil : out
    }

    private static func trimTrailing(_ out: inout [Inline]) {
        while case .text(var s, let style)? = out.last, s.last == " " {
            while s.last == " " { s.removeLast() }
            if s.isEmpty { out.removeLast() } else { out[out.count - 1] = .text(s, style) }
        }
    }

    /// The text of inline runs (placeholders as written, line breaks as spaces).
    static func plain(_ inlines: [Inline]) -> String {
        var out = ""
        for inline in inlines {
            switch inline {
            case .text(let s, _): out += s
            case .placeholder(let s): out += s
            case .lineBreak: out += " "
            }
        }
        return out
    }
}
