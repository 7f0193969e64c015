import Foundation
import TrameFrench
import TrameModel

extension ProgrammeStatus {
    /// One terminal screen (about 30 lines for one convention), in French.
    public var text: String {
        var out = "Programme \(convention.identifiant) — situation au \(FrenchDates.long(on))\n"
        out += "Convention du \(FrenchDates.long(convention.dateEffet)) au \(FrenchDates.long(convention.dateFin)) (\(convention.dureeMois) mois)\n\n"
        let total = cases.count
        out += "Ménages : \(total) dossier\(total > 1 ? "s" : "") pour \(convention.besoinsIdentifies) besoins identifiés\n"
        let counts = households
        var stages = TextTable([.left, .right, .left, .right])
        let half = (counts.count + 1) / 2
        for i in 0..<half {
            let right = i + half < counts.count ? [counts[i + half].stage.label, String(counts[i + half].count)] : ["", ""]
            stages.add([counts[i].stage.label, String(counts[i].count), "  " + right[0], right[1]])
        }
        out += stages.render(indent: "  ")

        let flats = self.flats
        let types = convention.typologies.isEmpty ? Array(Set(flats.map(\.type))).sorted() : convention.typologies
        out += "\nLogements : \(flats.reduce(0) { $0 + $1.count }) (attribués, occupés ou passés en bail direct)\n"
        var flatTable = TextTable([.left] + Array(repeating: .right, count: types.count + 1))
        flatTable.add(["Commune"] + types + ["Total"])
        for commune in Array(Set(flats.map(\.commune))).sorted() {
            let row = types.map { t in flats.first { $0.commune == commune && $0.type == t }?.count ?? 0 }
            flatTable.add([commune] + row.map(String.init) + [String(row.reduce(0, +))])
        }
        if flats.isEmpty { flatTable.add(["(aucun)"] + types.map { _ in "" } + [""]) }
        out += flatTable.render(indent: "  ")

        let due = evaluationsDue
        let soon = due.filter { $0.status.state == .soon || $0.status.state == .today }.count
        out += "\nÉvaluations partagées : \(evaluationsDone) faite\(evaluationsDone > 1 ? "s" : ""), "
            + "\(due.count) à venir (dont \(soon) dans les \(DeadlineStatus.soonHorizon) jours), \(evaluationsLateCount) en retard\n"
        out += alerts()

        if let funding {
            let t = funding.total
            out += "\nFinancement (période comptée jusqu'au terme en cours, au plus tard le \(FrenchDates.long(convention.dateFin))) :\n"
            var money = TextTable([.left, .right, .right, .right])
            money.add(["", "Engagé", "Prévisionnel", "Total"])
            for (scheme, s) in funding.totalsPerScheme { money.add([scheme, Cents.french(s.committed), Cents.french(s.planned), Cents.french(s.total)]) }
            money.add(["Ensemble", Cents.french(t.committed), Cents.french(t.planned), Cents.french(t.total)])
            out += money.render(indent: "  ")
        }
        if !rejected.isEmpty {
            out += "\nFichiers écartés pour erreurs (voir « trame check ») : " + Self.list(rejected.map { ($0 as NSString).lastPathComponent }) + "\n"
        }
        return out
    }

    /// One line per kind of late item, naming the dossiers.
    private func alerts() -> String {
        let late = deadlines.filter(\.status.isLate)
        let kinds: [(Deadline.Kind, String)] = [
            (.evaluationOverdue, "Évaluations en retard"), (.termEnd, "Terme échu sans renouvellement enregistré"),
            (.prefectNotice, "Avis au préfet en retard"), (.maximumDuration, "Durée maximale dépassée"),
            (.insuranceCertificate, "Attestation d'assurance manquante"), (.insuranceRenewal, "Assurance à renouveler"),
            (.subleaseStart, "Sous-location prévue non commencée"),
        ]
        var out = ""
        for (kind, title) in kinds {
            let ids = late.filter { $0.kind == kind }.compactMap(\.dossier)
            var unique: [String] = []
            for id in ids where !unique.contains(id) { unique.append(id) }
            if !unique.isEmpty { out += "  ! \(title) : \(Self.list(unique))\n" }
        }
        return out
    }

    /// "a, b, c et 4 autres" (at most four names).
    static func list(_ names: [String]) -> String {
        guard names.count > 4 else { return FrenchText.joined(names) }
        return names.prefix(4).joined(separator: ", ") + " et \(names.count - 4) autres"
    }
}
