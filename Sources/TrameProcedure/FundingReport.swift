import Foundation
import TrameFrench
import TrameModel

/// The output of `trame funding`: French text, JSON or CSV.
public struct FundingReport: Sendable {
    /// One block per convention, sorted by id.
    public var conventions: [ConventionFunding]

    /// Computes the funding of `cases` (see `FundingCalculator` for the rule).
    public init(_ cases: [Case]) { conventions = FundingCalculator.report(cases) }

    /// The report in French: the rule, the schemes and their funders, one table per dossier, then
    /// totals per scheme, per year and for the whole experiment (committed / planned / total).
    public var text: String {
        var out = FundingCalculator.rule.wrapped(width: 100) + "\n" + FundingCalculator.rounding.wrapped(width: 100) + "\n"
        for c in conventions { out += "\n" + Self.text(c) }
        return out
    }

    private static func text(_ c: ConventionFunding) -> String {
        var out = "Convention \(c.convention) (du \(FrenchDates.long(c.start)) au \(FrenchDates.long(c.end)))\n\nDispositifs :\n"
        for s in c.schemes {
            let per = s.base == "logement" ? "par logement" : "par personne"
            let funders = FrenchText.joined(s.funders.map(\.name))
            out += "  \(s.id) : \(s.title), \(Cents.french(s.annualAmount)) \(per) et par an"
                + (s.doublingPossible ? " (doublement possible)" : "")
                + " ; \(s.funders.count > 1 ? "financeurs" : "financeur") : \(funders)\n"
        }
        for d in c.dossiers {
            out += "\n\(d.dossier) — \(d.commitment.label) — sous-location du \(FrenchDates.long(d.from)) au \(FrenchDates.long(d.to)) (\(d.endReason.label))\n"
            var table = TextTable([.left, .left, .right, .right, .right])
            table.add(["Dispositif", "Année", "Jours", "Base annuelle", "Montant"])
            for l in d.lines {
                table.add([l.scheme, String(l.year), "\(l.days)/\(l.daysInYear)", Cents.french(l.annualBase) + (l.doubled ? " (doublé)" : ""), Cents.french(l.amount)])
            }
            table.add(["Total du dossier", "", "", "", Cents.french(d.total)])
            out += table.render(indent: "  ")
        }
        for u in c.unfunded { out += "\n\(u.dossier) — non compté : \(u.reason)\n" }
        var totals = TextTable([.left, .right, .right, .right])
        func row(_ title: String, _ t: FundingTotal) -> [String] { [title, Cents.french(t.committed), Cents.french(t.planned), Cents.french(t.total)] }
        totals.add(["Totaux", "Engagé", "Prévisionnel", "Total"])
        totals.add(["  par dispositif", "", "", ""])
        for (scheme, t) in c.totalsPerScheme { totals.add(row("    " + scheme, t)) }
        totals.add(["  par année", "", "", ""])
        for (year, t) in c.totalsPerYear { totals.add(row("    " + String(year), t)) }
        totals.add(row("  ensemble de l'expérimentation", c.total))
        out += "\n" + totals.render()
        return out
    }

    /// The report as JSON: `regle`, `arrondi`, `conventions[]` with `dispositifs`, `dossiers` (with
    /// `lignes`), `non_comptes`, `totaux` (`par_dispositif`, `par_annee`, `ensemble`). Amounts are
    /// numbers with two decimals; dates `AAAA-MM-JJ`.
    public var json: String {
        func money(_ d: Decimal) -> JSONValue { .number(Cents.plain(d)) }
        func total(_ t: FundingTotal) -> [(String, JSONValue)] { [("engage", money(t.committed)), ("previsionnel", money(t.planned)), ("total", money(t.total))] }
        let items: [JSONValue] = conventions.map { c in
            let schemes: [JSONValue] = c.schemes.map { s in
                .object([("id", .string(s.id)), ("intitule", .string(s.title)),
                         ("financeurs", .array(s.funders.map { .object([("id", .string($0.id)), ("denomination", .string($0.name))]) })),
                         ("montant_annuel", money(s.annualAmount)), ("assiette", .string(s.base)), ("doublement_possible", .bool(s.doublingPossible))])
            }
            let dossiers: [JSONValue] = c.dossiers.map { d in
                let lines: [JSONValue] = d.lines.map { l in
                    .object([("dispositif", .string(l.scheme)), ("annee", .int(l.year)), ("du", .string(l.from.description)),
                             ("au", .string(l.to.description)), ("jours", .int(l.days)), ("jours_annee", .int(l.daysInYear)),
                             ("base_annuelle", money(l.annualBase)), ("double", .bool(l.doubled)), ("montant", money(l.amount))])
                }
                return .object([("dossier", .string(d.dossier)), ("etape", .string(d.stage.rawValue)), ("statut", .string(d.commitment.rawValue)),
                                ("du", .string(d.from.description)), ("au", .string(d.to.description)), ("fin", .string(d.endReason.rawValue)),
                                ("lignes", .array(lines)), ("total", money(d.total))])
            }
            let unfunded: [JSONValue] = c.unfunded.map { .object([("dossier", .string($0.dossier)), ("motif", .string($0.reason))]) }
            let totals: JSONValue = .object([
                ("par_dispositif", .array(c.totalsPerScheme.map { .object([("dispositif", .string($0.scheme))] + total($0.total)) })),
                ("par_annee", .array(c.totalsPerYear.map { .object([("annee", .int($0.year))] + total($0.total)) })),
                ("ensemble", .object(total(c.total))),
            ])
            return .object([("convention", .string(c.convention)), ("du", .string(c.start.description)), ("au", .string(c.end.description)),
                            ("dispositifs", .array(schemes)), ("dossiers", .array(dossiers)), ("non_comptes", .array(unfunded)), ("totaux", totals)])
        }
        return JSONValue.object([("regle", .string(FundingCalculator.rule)), ("arrondi", .string(FundingCalculator.rounding)),
                                 ("conventions", .array(items))]).rendered
    }

    /// The CSV header (see `csv`).
    public static let csvHeader = ["dossier", "statut", "statut_libelle", "convention", "dispositif", "intitule", "financeurs", "annee", "du", "au",
                                   "jours", "jours_annee", "base_annuelle", "double", "montant"]

    /// One line per (dossier, scheme, year) for a spreadsheet set up the French way: UTF-8 with a
    /// byte-order mark, `;` between fields, decimal comma, CRLF line ends, fields quoted when needed
    /// (RFC 4180). Totals are left to the spreadsheet. `statut` is the code of the JSON output
    /// (`engage`, `previsionnel`), `statut_libelle` its French label.
    public var csv: String {
        var rows = [Self.csvHeader]
        for c in conventions {
            let schemes = Dictionary(uniqueKeysWithValues: c.schemes.map { ($0.id, $0) })
            for d in c.dossiers {
                for l in d.lines {
                    let s = schemes[l.scheme]
                    rows.append([l.dossier, d.commitment.rawValue, d.commitment.label, c.convention, l.scheme, s?.title ?? "", s?.funders.map(\.name).joined(separator: ", ") ?? "",
                                 String(l.year), l.from.description, l.to.description, String(l.days), String(l.daysInYear),
                                 Cents.comma(l.annualBase), l.doubled ? "oui" : "non", Cents.comma(l.amount)])
                }
            }
        }
        return "\u{FEFF}" + rows.map { $0.map(Self.csvField).joined(separator: ";") + "\r\n" }.joined()
    }

    private static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == ";" || $0 == "\"" || $0.isNewline }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
