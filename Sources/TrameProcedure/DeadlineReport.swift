import Foundation
import TrameModel

/// The deadlines of several dossiers on a reference date, and their French text and JSON forms.
public struct DeadlineReport: Sendable {
    /// The deadlines of one dossier, or of one convention (`stage` nil).
    public struct Group: Sendable {
        /// The dossier id, or the convention id.
        public var owner: String
        /// The dossier's stage; nil for a convention.
        public var stage: Stage?
        /// In date order.
        public var items: [Deadline]
        /// Why there is no deadline, when there is none.
        public var note: String?
        /// The latest date written in the source file: the iCalendar `DTSTAMP` of its events.
        public var revision: CalendarDate?
    }

    /// The reference date ("today" unless `--on`).
    public var on: CalendarDate
    /// Each dossier (sorted by id), then each convention.
    public var groups: [Group]

    /// Every deadline, group by group.
    public var items: [Deadline] { groups.flatMap(\.items) }

    /// The report as a French table: date, dossier, what, status; one block per dossier, then the
    /// convention; a summary line at the end.
    public var text: String {
        var out = "Échéances au \(FrenchDates.long(on))\n\n"
        var table = TextTable([.left, .left, .left, .left])
        table.add(["Date", "Dossier", "Échéance", "État"])
        for (index, group) in groups.enumerated() {
            if index > 0 { table.add([]) }
            if let note = group.note { table.add(["", group.owner, note, ""]) }
            if group.items.contains(where: \.planned) {
                table.add(["", group.owner, "étape « \(group.stage?.label ?? "") » : dates prévues", ""])
            }
            for item in group.items { table.add([item.date.description, group.owner, item.label, item.status.text]) }
        }
        out += table.render()
        let all = items
        let late = all.filter(\.status.isLate).count
        let soon = all.filter { [.soon, .today].contains($0.status.state) }.count
        out += "\n\(all.count) échéance\(all.count > 1 ? "s" : "") : \(late) en retard ou dépassée\(late > 1 ? "s" : ""), "
            + "\(soon) dans les \(DeadlineStatus.soonHorizon) jours, \(all.count - late - soon) plus tard ou passée\(all.count - late - soon > 1 ? "s" : "")\n"
        return out
    }

    /// The report as JSON: `date_reference`, `echeances[]` (date, dossier, convention, nature,
    /// libelle, previsionnel, etat, statut, jours, periode, nombre, uid), `sans_echeance[]` (dossier,
    /// etape, motif).
    public var json: String {
        let deadlines: [JSONValue] = items.map { d in
            .object([("date", .string(d.date.description)), ("dossier", .optional(d.dossier)), ("convention", .string(d.convention)),
                     ("nature", .string(d.kind.rawValue)), ("libelle", .string(d.label)), ("previsionnel", .bool(d.planned)),
                     ("etat", .string(d.status.state.rawValue)), ("statut", .string(d.status.text)), ("jours", .int(d.status.days)),
                     ("periode", .optional(d.period.isEmpty ? nil : d.period)), ("nombre", .int(d.count)),
                     ("uid", .string(d.uid))])
        }
        let empty: [JSONValue] = groups.compactMap { g in
            guard let note = g.note else { return nil }
            return .object([("dossier", .string(g.owner)), ("etape", .optional(g.stage?.rawValue)), ("motif", .string(note))])
        }
        return JSONValue.object([("date_reference", .string(on.description)), ("echeances", .array(deadlines)),
                                 ("sans_echeance", .array(empty))]).rendered
    }
}
