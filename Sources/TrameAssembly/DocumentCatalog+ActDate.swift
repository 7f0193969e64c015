import TrameModel

extension DocumentCatalog {
    /// The date of an act: the day it is generated as of, whose recorded facts and law it reflects.
    ///
    /// Lease and sublease: their start. Tripartite convention: its signature, by default the
    /// sublease start. Consent form: the first consent recorded or the sublease start, whichever
    /// comes first (a consent recorded later never moves it); without a sublease, the first consent,
    /// else the proposal. Evaluation: its meeting. Renewal: its start. Letter to the préfet: its date, by
    /// default the final evaluation. Partnership documents: the convention's signature, else its
    /// start. Nil when the dossier does not say (a draft then shows the date as missing).
    /// - Parameters:
    ///   - document: The document's name.
    ///   - dossier: The dossier, as recorded in full (the act date never depends on later events).
    ///   - event: The evaluation or renewal the document is about.
    public static func actDate(for document: String, dossier: Dossier, event: CalendarDate?) -> CalendarDate? {
        let sublease = dossier.sousLocation
        // An easy-to-read companion is dated as the act it explains.
        if document.hasSuffix("-facile") {
            return actDate(for: String(document.dropLast("-facile".count)), dossier: dossier, event: event)
        }
        switch document {
        case "bail-principal":
            return dossier.bailPrincipal?.dateEffet ?? sublease?.dateEffet
        case "sous-location":
            return sublease?.dateEffet
        case "convention-tripartite":
            return date(dossier, "sous_location.date_convention_tripartite") ?? sublease?.dateEffet
        case "consentement":
            // Given with the sublease: the first consent if it came before the start, else the start.
            let first = dossier.consentements.map(\.date).min()
            if let start = sublease?.dateEffet { return first.map { min($0, start) } ?? start }
            return first ?? dossier.parcours.propositionCHJury
        case "courrier-prefet":
            // The notice of the term the final evaluation closes: the last renewal's, else the initial term's.
            let renewals = dossier.data["sous_location"]?["renouvellements"]?.list ?? []
            let notice = renewals.isEmpty ? date(dossier, "sous_location.avis_prefet") : renewals.last?["avis_prefet"]?.date
            return notice ?? event
        default:
            return event
        }
    }

    /// The date of a partnership document: the convention's signature, else its start.
    public static func actDate(ofConvention convention: DataNode) -> CalendarDate? {
        convention["date_signature"]?.date ?? convention["date_effet"]?.date
    }

    private static func date(_ dossier: Dossier, _ path: String) -> CalendarDate? {
        dossier.data.node(at: FieldPath(parsing: path))?.date
    }
}
