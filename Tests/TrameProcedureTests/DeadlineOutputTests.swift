import Foundation
import Testing
import TrameModel
import TrameProcedure

@Suite("Deadlines: text, JSON and iCalendar")
struct DeadlineOutputTests {
    static let on = Fixtures.day("2020-04-15")
    let report = DeadlineCalendar.report(Fixtures.samples, on: on)

    @Test func textHasOneLinePerDeadlineWithDateDossierWhatAndStatus() {
        let lines = report.text.components(separatedBy: "\n")
        #expect(lines.first == "Échéances au 15 avril 2020")
        #expect(lines.contains { $0.hasPrefix("2020-03-31  MJ-2019-004") && $0.contains("terme échu sans renouvellement") && $0.hasSuffix("terminée sans renouvellement enregistré") })
        #expect(lines.contains { $0.hasPrefix("2020-01-31  MJ-2019-004") && $0.hasSuffix("en retard de 75 jours") })
        #expect(lines.contains { $0.hasPrefix("2019-12-29  MJ-2019-002") && $0.hasSuffix("en retard de 108 jours") })
        #expect(lines.contains { $0.hasPrefix("2020-12-31  metz-jury-2018") && $0.hasSuffix("à venir") })
        #expect(report.text.hasSuffix("12 échéances : 5 en retard ou dépassées, 1 dans les 90 jours, 6 plus tard ou passées\n"))
    }

    @Test func jsonShape() throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["date_reference", "echeances", "sans_echeance"])
        #expect(object["date_reference"] as? String == "2020-04-15")
        let items = try #require(object["echeances"] as? [[String: Any]])
        #expect(items.count == 12)
        for item in items {
            #expect(Set(item.keys) == ["date", "dossier", "convention", "nature", "libelle", "previsionnel", "etat", "statut", "jours",
                                       "periode", "nombre", "uid"])
        }
        let end = try #require(items.first { $0["dossier"] as? String == "MJ-2019-004" && $0["nature"] as? String == "fin_terme" })
        #expect(end["date"] as? String == "2020-03-31")
        #expect(end["etat"] as? String == "terminee_sans_renouvellement")
        #expect(end["jours"] as? Int == -15)
        #expect(items.last?["dossier"] is NSNull)
        let empty = try #require(object["sans_echeance"] as? [[String: Any]])
        #expect(empty.isEmpty)  // on 2020-04-15, MJ-2019-002 is still a running sublease
    }

    @Test func iCalendarLinesEndWithCRLFAndAreFoldedAt75Octets() {
        let ics = report.iCalendar
        #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"))
        #expect(ics.hasSuffix("END:VCALENDAR\r\n"))
        let bytes = Array(ics.utf8)
        for (i, b) in bytes.enumerated() where b == 0x0A { #expect(i > 0 && bytes[i - 1] == 0x0D) }
        for b in bytes.indices where bytes[b] == 0x0D { #expect(b + 1 < bytes.count && bytes[b + 1] == 0x0A) }
        let physical = ics.components(separatedBy: "\r\n").dropLast()
        #expect(physical.allSatisfy { $0.utf8.count <= 75 })
        #expect(physical.contains { $0.hasPrefix(" ") }, "some long line should be folded")
        // Folding never cuts a UTF-8 sequence: every physical line is valid UTF-8 on its own.
        #expect(physical.allSatisfy { String(validating: Array($0.utf8), as: UTF8.self) != nil })
    }

    /// The content lines, unfolded.
    static func unfolded(_ ics: String) -> [String] {
        ics.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }

    @Test func oneAllDayEventPerDeadlineWithEscapedText() {
        let lines = Self.unfolded(report.iCalendar)
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == report.items.count)
        #expect(lines.filter { $0 == "END:VEVENT" }.count == report.items.count)
        #expect(lines.filter { $0.hasPrefix("DTSTART;VALUE=DATE:") }.count == report.items.count)
        #expect(lines.contains("DTSTART;VALUE=DATE:20200331"))
        #expect(lines.contains("DTEND;VALUE=DATE:20200401"))
        #expect(lines.contains("SUMMARY:MJ-2019-002 — fin du terme de sous-location (1er renouvellement\\, 6 mois)"))
        #expect(lines.contains("UID:MJ-2019-004-fin_terme-terme-0@trame"))
        // DTSTAMP is the export time: here the reference date, never the clock.
        #expect(lines.filter { $0.hasPrefix("DTSTAMP:") }.allSatisfy { $0 == "DTSTAMP:20200415T000000Z" })
    }

    @Test func uidsAreUniqueAndStableAcrossRuns() {
        let first = report.iCalendar
        let second = DeadlineCalendar.report(Fixtures.samples, on: Self.on).iCalendar
        #expect(first == second)
        let uids = Self.unfolded(first).filter { $0.hasPrefix("UID:") }
        #expect(Set(uids).count == uids.count)
        // A later reference date keeps the UIDs of the deadlines that are still there.
        let later = Self.unfolded(DeadlineCalendar.report(Fixtures.samples, on: Fixtures.day("2020-05-20")).iCalendar).filter { $0.hasPrefix("UID:") }
        #expect(Set(uids).isSubset(of: Set(later)))
    }
}
