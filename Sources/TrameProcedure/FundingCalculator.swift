import Foundation
import TrameModel

/// Computes what each funding scheme owes per dossier and per calendar year.
///
/// Rule: for each dossier with a sublease and each scheme of its convention, the annual amount
/// (per housing for `assiette: logement`, per person — the sub-tenant — for `personne`; doubled
/// when the dossier says `financement.ami_doublement: true` and the scheme `doublement_possible`)
/// times the days the sublease runs in the calendar year, divided by the days of that year (365 or
/// 366). The period runs from the sublease start (not before the convention's `date_effet`) to the
/// earliest of: the end of the current term, the `issue` date (the last day counted), the end of
/// the convention (`date_effet` + `duree_mois`, month rule); both ends included.
/// Each (dossier, scheme, year) line is rounded to the cent, half away from zero, then lines are
/// summed: totals are exact sums of the printed lines.
/// `engagé` from stage `sous_location` on (the sublease has started); `prévisionnel` at
/// `attribution` (planned dates); earlier stages are not counted.
public enum FundingCalculator {
    /// The rule, in French, as printed by `trame funding`.
    public static let rule = """
        Règle : pour chaque dossier et chaque dispositif, montant annuel × nombre de jours de \
        sous-location dans l'année civile ÷ nombre de jours de cette année (365 ou 366). Période comptée : \
        de la date d'effet de la sous-location (au plus tôt celle de la convention) au premier des trois \
        termes suivants, inclus : fin du terme en cours (terme initial puis renouvellements), date de \
        l'issue, fin de la convention. Assiette « logement » : par logement ; « personne » : par personne \
        sous-locataire ; montant doublé lorsque le dossier le prévoit et que le dispositif le permet. \
        Un dispositif à plusieurs financeurs est totalisé sans répartition entre eux.
        """

    /// The rounding, in French, as printed by `trame funding`.
    public static let rounding = """
        Arrondi : chaque ligne (dossier, dispositif, année) est arrondie au centime, le demi-centime \
        étant arrondi à l'unité supérieure en valeur absolue ; les totaux sont la somme des lignes arrondies.
        """

    /// The funding of the given dossiers, grouped by convention (sorted by id).
    public static func report(_ cases: [Case]) -> [ConventionFunding] {
        let byConvention = Dictionary(grouping: cases, by: \.convention.identifiant)
        return byConvention.keys.sorted().map { id in
            let group = byConvention[id]!.sorted { $0.dossier.id < $1.dossier.id }
            let convention = group[0].convention
            return report(convention, group.map { ($0.dossier.id, funding(of: $0.dossier, convention: convention)) })
        }
    }

    /// The funding of one convention from each dossier's outcome of `funding(of:convention:)`, in
    /// dossier order (what `report(_:)` computes, for a caller that kept each dossier's).
    public static func report(_ convention: Convention, _ outcomes: [(dossier: String, Result<DossierFunding, NotFunded>)]) -> ConventionFunding {
        var dossiers: [DossierFunding] = []
        var unfunded: [(String, String)] = []
        for (id, outcome) in outcomes {
            switch outcome {
            case .success(let f): dossiers.append(f)
            case .failure(let reason): unfunded.append((id, reason.text))
            }
        }
        return ConventionFunding(convention: convention.identifiant, start: convention.dateEffet, end: convention.dateFin,
                                 schemes: schemes(of: convention), dossiers: dossiers, unfunded: unfunded)
    }

    /// Why a dossier counts for nothing.
    public struct NotFunded: Error, Sendable {
        /// In French.
        public var text: String
    }

    /// The funding of one dossier, or why it has none.
    public static func funding(of dossier: Dossier, convention: Convention) -> Result<DossierFunding, NotFunded> {
        guard let sublease = dossier.sousLocation, dossier.etape >= .attribution else {
            return .failure(NotFunded(text: "pas de sous-location (étape « \(dossier.etape.label) »)"))
        }
        let commitment: Commitment = dossier.etape >= .sousLocation ? .committed : .planned
        let start = max(sublease.dateEffet, convention.dateEffet)
        var candidates: [(CalendarDate, FundingPeriodEnd)] = [(sublease.currentTerm.fin, .termEnd)]
        if let issue = dossier.issue { candidates.append((issue.date, .outcome)) }
        candidates.append((convention.dateFin, .conventionEnd))
        let end = candidates.min { $0.0 < $1.0 }!
        guard start <= end.0 else {
            return .failure(NotFunded(text: "aucun jour de sous-location entre le \(FrenchDates.long(start)) et le \(FrenchDates.long(end.0)) (\(end.1.label))"))
        }
        var lines: [FundingLine] = []
        for scheme in schemes(of: convention) {
            let doubled = dossier.amiDoublement && scheme.doublingPossible
            let base = doubled ? scheme.annualAmount * 2 : scheme.annualAmount
            for year in start.year...end.0.year {
                let from = max(start, CalendarDate(year: year, month: 1, day: 1)!)
                let to = min(end.0, CalendarDate(year: year, month: 12, day: 31)!)
                let days = from.days(to: to) + 1
                let amount = Cents.rounded(base * Decimal(days) / Decimal(from.daysInYear))
                lines.append(FundingLine(dossier: dossier.id, scheme: scheme.id, year: year, from: from, to: to, days: days,
                                         daysInYear: from.daysInYear, annualBase: base, doubled: doubled, amount: amount,
                                         commitment: commitment))
            }
        }
        return .success(DossierFunding(dossier: dossier.id, stage: dossier.etape, commitment: commitment,
                                       from: start, to: end.0, endReason: end.1, lines: lines))
    }

    /// The convention's schemes with their funders' names (the party's denomination, or its id).
    public static func schemes(of convention: Convention) -> [FundingSchemeInfo] {
        convention.financements.map { f in
            FundingSchemeInfo(id: f.id, title: f.intitule,
                              funders: f.financeurs.map { Funder(id: $0, name: convention.party($0)?.denomination ?? $0) },
                              annualAmount: f.montantAnnuel, base: f.assiette, doublingPossible: f.doublementPossible)
        }
    }
}
