import Foundation
import TrameModel

/// The households per stage against the convention's identified needs, as an inline SVG (no
/// script, no library; presentation attributes only, which the page's CSP allows).
enum StageChart {
    /// - Parameters:
    ///   - counts: dossiers per stage, in pathway order.
    ///   - needs: the convention's `besoins_identifies`.
    static func svg(counts: [(stage: Stage, count: Int)], needs: Int) -> String {
        let total = counts.reduce(0) { $0 + $1.count }
        let rows: [(String, Int, String)] = [("Total des ménages", total, "#1f4e79")] + counts.map { ($0.stage.label, $0.count, "#5b8db8") }
        let left = 180.0, width = 420.0, rowHeight = 28.0, top = 34.0
        let scale = width / Double(max(needs, total, 1))
        let height = top + rowHeight * Double(rows.count) + 12
        var svg = """
            <svg class="graphique" role="img" aria-labelledby="graphique-titre graphique-desc" viewBox="0 0 660 \(Int(height))" \
            width="660" height="\(Int(height))" xmlns="http://www.w3.org/2000/svg">
            <title id="graphique-titre">Ménages par étape du parcours</title>
            <desc id="graphique-desc">\(total) ménage\(total > 1 ? "s" : "") suivi\(total > 1 ? "s" : "") pour \(needs) besoins identifiés par la convention ; \
            \(counts.map { "\($0.stage.label) : \($0.count)" }.joined(separator: ", ")).</desc>

            """
        for (index, row) in rows.enumerated() {
            let y = top + rowHeight * Double(index)
            let barWidth = Double(row.1) * scale
            svg += """
                <text x="\(Int(left - 8))" y="\(Int(y + 17))" text-anchor="end" font-size="13" fill="#222">\(HTML.escape(row.0))</text>
                <rect x="\(Int(left))" y="\(Int(y + 4))" width="\(Int(barWidth.rounded()))" height="18" fill="\(row.2)"/>
                <text x="\(Int(left + barWidth + 6))" y="\(Int(y + 17))" font-size="13" fill="#222">\(row.1)</text>

                """
        }
        let needsX = Int((left + Double(needs) * scale).rounded())
        svg += """
            <line x1="\(needsX)" y1="\(Int(top - 6))" x2="\(needsX)" y2="\(Int(height - 8))" stroke="#b03a2e" stroke-width="2" stroke-dasharray="5 4"/>
            <text x="\(needsX)" y="\(Int(top - 12))" text-anchor="middle" font-size="12" fill="#b03a2e">\(needs) besoins identifiés</text>
            </svg>
            """
        return svg
    }
}
