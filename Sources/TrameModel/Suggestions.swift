import Foundation

/// "Vouliez-vous dire … ?": the nearest known word, comparing without accents, case or separators.
public enum Suggestions {
    /// The closest candidate within a small edit distance, or nil.
    public static func nearest(to word: String, among candidates: [String]) -> String? {
        let folded = fold(word)
        var best: (String, Int)?
        for candidate in candidates {
            let c = fold(candidate)
            if c == folded { return candidate }
            // Edit distance means nothing on very short words (T1 / T7).
            guard c.count >= 4 else { continue }
            let d = distance(Array(folded), Array(c), limit: 3)
            let allowed = max(1, min(3, c.count / 4))
            if d <= allowed, best == nil || d < best!.1 { best = (candidate, d) }
        }
        return best?.0
    }

    /// Lower case, no diacritics, spaces and hyphens as underscores.
    static func fold(_ s: String) -> String {
        s.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "fr_FR"))
            .replacingOccurrences(of: " ", with: "_")
            .replacingOccurrences(of: "-", with: "_")
            .replacingOccurrences(of: "’", with: "'")
    }

    /// Levenshtein distance, stopping early above `limit`.
    static func distance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        var previous = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, cb) in b.enumerated() {
                current[j + 1] = Swift.min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
