import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TrameArchive
import TrameModel
import TrameWeb

/// What the pages' HTML and style sheet must give every partner (issue 16): an error summary whose
/// links lead to the fields, fields that say they are invalid and which message describes them, the
/// browser's date picker with French dates still accepted, 3:1 borders and focus ring, 4.5:1 text, and
/// tables that scroll in their own frame on a telephone. (axe-core and the 375 px check in a real
/// browser: `Tests/e2e/web_e2e.py`.)
@Suite struct AccessibilityTests {
    // MARK: - HTML helpers

    /// The opening tag of the element with this id, or nil.
    static func tag(id: String, in html: String) -> Substring? {
        guard let at = html.range(of: "id=\"\(id)\"") else { return nil }
        guard let start = html[..<at.lowerBound].lastIndex(of: "<"), let end = html[at.upperBound...].firstIndex(of: ">") else { return nil }
        return html[start...end]
    }

    /// An attribute of an opening tag.
    static func attribute(_ name: String, of tag: Substring) -> String? {
        let pattern = try! Regex(#"\s"# + name + #"="([^"]*)""#)
        return tag.firstMatch(of: pattern).flatMap { $0.output[1].substring.map(String.init) }
    }

    /// The element `<div … id="resume-erreurs">…</div>` up to its list's end.
    static func summary(_ html: String, id: String = "resume-erreurs") throws -> Substring {
        let start = try #require(html.range(of: "id=\"\(id)\""), "no error summary")
        let end = try #require(html[start.upperBound...].range(of: "</div>"))
        return html[start.lowerBound..<end.upperBound]
    }

    /// Checks a refused form: focus goes to the summary, every link of it leads to an element of the
    /// page, every field it leads to is marked invalid and described by a message that exists.
    /// Returns the ids linked to.
    @discardableResult
    static func checkSummary(_ html: String, id: String = "resume-erreurs", count: Int? = nil) throws -> [String] {
        let summary = try summary(html, id: id)
        let opening = try #require(tag(id: id, in: html))
        #expect(opening.contains("tabindex=\"-1\"") && opening.contains("autofocus"), "focus moves to the summary: \(opening)")
        if let count { #expect(summary.contains("Le formulaire contient \(count) erreur(s)")) }
        let targets = summary.matches(of: /href="#([^"]+)"/).map { String($0.1) }
        #expect(!targets.isEmpty, "the summary links to its fields")
        for target in targets {
            let element = try #require(tag(id: target, in: html), "#\(target) is not on the page")
            guard element.hasPrefix("<input") || element.hasPrefix("<select") || element.hasPrefix("<textarea") else { continue }
            #expect(attribute("aria-invalid", of: element) == "true", "\(element)")
            let described = try #require(attribute("aria-describedby", of: element), "\(element)")
            for message in described.split(separator: " ") { #expect(tag(id: String(message), in: html) != nil, "#\(message) missing") }
        }
        return targets
    }

    // MARK: - Error summaries

    @Test func theDossierFormsErrorSummaryLinksToItsFields() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let session = try test.session("asso")
        let fields = DossierFormTests.newDossier.filter { $0.0 != "sous_locataire.nom" }  // a birth date of 30/02 and no name
        try await test.withApp { client in
            let refused = try await client.post("/dossiers/nouveau", session, fields)
            #expect(refused.status == .unprocessableContent)
            let html = refused.text
            let errors = try #require(html.firstMatch(of: /Le formulaire contient ([0-9]+) erreur\(s\)/)).1
            let summary = try Self.summary(html)
            #expect(summary.matches(of: /<li>/).count == Int(errors), "one entry per error")
            let targets = try Self.checkSummary(html)
            #expect(targets.contains("f-sous_locataire-nom") && targets.contains("f-sous_locataire-date_naissance"))
            // The typed date that is no date stays a text field holding what was typed.
            let date = try #require(Self.tag(id: "f-sous_locataire-date_naissance", in: html))
            #expect(Self.attribute("type", of: date) == "text" && Self.attribute("value", of: date) == "1990-02-30")
            // Fields without an error are not marked invalid.
            let firstName = try #require(Self.tag(id: "f-sous_locataire-prenom", in: html))
            #expect(Self.attribute("aria-invalid", of: firstName) == nil)
        }
    }

    @Test func theSignFormsErrorSummaryLinksToItsFields() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let session = try test.session("asso")
        try await test.withApp { client in
            let refused = try await client.post("/dossiers/MJ-2019-004/documents/sous-location/signe", session, [("signe_le", "30/02/2020")])
            #expect(refused.status == .unprocessableContent)
            let targets = try Self.checkSummary(refused.text, count: 3)
            #expect(Set(targets) == ["fichier", "signe_le", "signataires"])
            #expect(!refused.text.contains("AAAA-MM-JJ"))
        }
    }

    @Test func aWrongPasswordMarksTheFieldsAndTheSummaryLeadsToThem() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        try await test.withApp { client in
            let refused = try await SecurityTests.signIn(client, "coord", "mauvais-mot-de-passe")
            #expect(refused.status == .unauthorized)
            let targets = try Self.checkSummary(refused.text, id: "connexion-erreur")
            #expect(targets == ["identifiant"])
            let password = try #require(Self.tag(id: "mot_de_passe", in: refused.text))
            #expect(Self.attribute("aria-invalid", of: password) == "true")
            let page = try await client.get("/connexion", nil)
            #expect(!page.text.contains("aria-invalid"), "a fresh sign-in page marks nothing")
        }
    }

    // MARK: - Dates and amounts

    @Test func dateFieldsUseThePickerAndTheServerTakesItsISODates() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let session = try test.session("asso")
        let fields = DossierFormTests.newDossier.map { $0.0 == "sous_locataire.date_naissance" ? ($0.0, "1990-02-28") : $0 }
        try await test.withApp { client in
            let empty = try await client.get("/dossiers/nouveau", session)
            for id in ["f-sous_locataire-date_naissance", "f-parcours-proposition_ch_jury"] {
                let input = try #require(Self.tag(id: id, in: empty.text))
                #expect(Self.attribute("type", of: input) == "date", "\(input)")
            }
            let amount = try #require(Self.tag(id: "f-ressources_mensuelles-0-montant", in: empty.text))
            #expect(Self.attribute("inputmode", of: amount) == "decimal")
            let saved = try await client.post("/dossiers/nouveau", session, fields)
            #expect(saved.status == .seeOther, "\(saved.text.prefix(300))")
            let form = try await client.get("/dossiers/MJ-2020-100/modifier", session)
            let date = try #require(Self.tag(id: "f-sous_locataire-date_naissance", in: form.text))
            #expect(Self.attribute("type", of: date) == "date" && Self.attribute("value", of: date) == "1990-02-28")
            let page = try await client.get("/dossiers/MJ-2020-100", session)
            #expect(page.text.contains("28/02/1990"), "elsewhere the date stays French")
            // The sign form and the dashboard: the picker, and a date typed in French taken as well.
            let document = try await client.get("/dossiers/MJ-2019-004/documents/sous-location", session)
            #expect(Self.tag(id: "signe_le", in: document.text).flatMap { Self.attribute("type", of: $0) } == "date")
            let signed = try await client.postFile("/dossiers/MJ-2019-004/documents/sous-location/signe", session,
                                                   fields: [("signe_le", "27/09/2019"), ("signataires", "Claire Exemple")],
                                                   file: ("fichier", "signe.pdf", DocumentTests.pdf))
            #expect(signed.status == .seeOther, "\(signed.text.prefix(300))")
            let coord = try test.session("coord")
            for day in ["2020-03-14", "14/03/2020"] {
                let board = try await client.get("/tableau-de-bord?au=\(day.replacingOccurrences(of: "/", with: "%2F"))", coord)
                #expect(board.status == .ok && board.text.contains("Tableau de bord au 14/03/2020"), "au=\(day)")
                #expect(Self.tag(id: "au", in: board.text).flatMap { Self.attribute("type", of: $0) } == "date")
            }
        }
        let values = FormScraper.values(try test.workspace().recordContent(.dossier, id: "MJ-2020-100").data)
        #expect(values.contains("sous_locataire.date_naissance=1990-02-28"))
    }

    // MARK: - Style sheet

    /// The custom properties of the style sheet's `:root` (`--champ-bord` → `#6b7885`).
    static func colours(_ css: String) throws -> [String: String] {
        let root = try #require(css.firstMatch(of: /:root\s*\{([^}]*)\}/)).1
        var out: [String: String] = [:]
        for match in root.matches(of: /--([a-z-]+):\s*(#[0-9a-fA-F]{6})\s*;/) { out[String(match.1)] = String(match.2) }
        return out
    }

    /// WCAG 2.x relative luminance of `#rrggbb`.
    static func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16)!
        let channels = [(value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF].map { c -> Double in
            let s = Double(c) / 255
            return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    }

    /// WCAG contrast ratio of two colours.
    static func contrast(_ a: String, _ b: String) -> Double {
        let (la, lb) = (luminance(a), luminance(b))
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    @Test func theContrastFormulaIsTheWCAGs() {
        #expect(abs(Self.contrast("#000000", "#ffffff") - 21) < 0.001)
        #expect(abs(Self.contrast("#767676", "#ffffff") - 4.54) < 0.01)
        #expect(abs(Self.contrast("#ffffff", "#ffffff") - 1) < 0.001)
    }

    /// Borders of the fields and the focus ring reach 3:1 against every background they sit on, text
    /// 4.5:1 (WCAG 2.2 AA 1.4.11, 1.4.3): the figures are computed from the served style sheet, so a
    /// lighter border or ring fails here.
    @Test func bordersFocusRingAndTextReachTheirContrast() async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let css = try await test.withApp { client in try await client.get("/static/style.css", nil).text }
        let colour = try Self.colours(css)
        func c(_ name: String) throws -> String { try #require(colour[name], "--\(name) missing from :root") }
        let nonText: [(String, String)] = [
            ("champ-bord", "blanc"), ("champ-bord", "fond"), ("champ-bord", "bleu-clair"), ("rouge", "rouge-clair"),
            ("focus", "blanc"), ("focus", "fond"), ("focus", "rouge-clair"), ("focus", "bleu-clair"), ("focus-sur-bleu", "bleu"),
        ]
        for (fore, back) in nonText {
            let ratio = Self.contrast(try c(fore), try c(back))
            #expect(ratio >= 3, "--\(fore) on --\(back): \(String(format: "%.2f", ratio)):1 < 3:1")
        }
        let text: [(String, String)] = [
            ("encre", "blanc"), ("encre", "fond"), ("encre", "bleu-clair"), ("gris", "blanc"), ("gris", "fond"), ("gris", "bleu-clair"),
            ("gris", "rouge-clair"), ("bleu", "blanc"), ("bleu", "fond"), ("bleu", "bleu-clair"), ("bleu", "rouge-clair"),
            ("rouge", "blanc"), ("rouge", "rouge-clair"), ("rouge-fonce", "rouge-clair"), ("vert", "blanc"), ("vert", "vert-clair"),
            ("blanc", "bleu"),
        ]
        for (fore, back) in text {
            let ratio = Self.contrast(try c(fore), try c(back))
            #expect(ratio >= 4.5, "--\(fore) on --\(back): \(String(format: "%.2f", ratio)):1 < 4.5:1")
        }
        // The rules use these colours: fields bordered with --champ-bord, a ring of 2 px or more on every
        // focusable element (white on the blue banner), never removed.
        #expect(css.contains("border: 1px solid var(--champ-bord)"))
        let ring = try #require(css.firstMatch(of: /\n:focus-visible\s*\{\s*outline:\s*([0-9]+)px solid var\(--focus\)/), "no :focus-visible ring")
        #expect(Int(ring.1)! >= 2)
        #expect(css.contains(".bandeau :focus-visible { outline-color: var(--focus-sur-bleu); }"))
        #expect(css.firstMatch(of: /outline:\s*(none|0)\b/) == nil, "a focus ring is never removed")
        // No field border set in a literal colour beside the checked one.
        for match in css.matches(of: /border:\s*[0-9]+px solid (#[0-9a-fA-F]{3,6})/) {
            Issue.record("a border in a literal colour \(match.1): use a checked custom property")
        }
    }

    // MARK: - Narrow screens

    /// Every data table sits in its own scrolling frame, a labelled region reachable with the keyboard.
    @Test(arguments: ["/dossiers", "/dossiers/MJ-2019-004", "/dossiers/MJ-2019-004/documents/sous-location", "/tableau-de-bord", "/administration"])
    func tablesScrollInTheirOwnLabelledFrame(path: String) async throws {
        let test = try TestWorkspace()
        defer { test.remove() }
        let session = try test.session("coord")
        try await test.withApp { client in
            let html = try await client.get(path, session).text
            let tables = html.ranges(of: "<table class=\"liste\"")
            #expect(!tables.isEmpty)
            for table in tables {
                let before = html[..<table.lowerBound]
                let frame = try #require(before.range(of: "<div class=\"defilement\"", options: .backwards))
                let opening = before[frame.lowerBound...]
                #expect(opening.hasSuffix(">") && !opening.dropLast().contains(">"), "\(path): a table outside its frame")
                #expect(opening.contains(#"role="region""#) && opening.contains(#"tabindex="0""#))
                let label = try #require(Self.attribute("aria-label", of: opening))
                #expect(label.hasPrefix("Tableau : ") && label.count > "Tableau : ".count, "\(path): \(label)")
            }
        }
    }
}
