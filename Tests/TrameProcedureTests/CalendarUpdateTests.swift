import Foundation
import Testing
import TrameModel
import TrameProcedure

/// `deadlines --ics`: UIDs stable per (dossier, kind, period), SEQUENCE growing when a date moves,
/// DTSTAMP the export time, and cancelled events for deadlines that vanished (issue 12, point 5).
@Suite("Calendars that update cleanly")
struct CalendarUpdateTests {
    let day = Fixtures.day

    static func events(_ ics: String) -> [[String: String]] {
        var out: [[String: String]] = []
        var current: [String: String]?
        for line in DeadlineOutputTests.unfolded(ics) {
            if line == "BEGIN:VEVENT" { current = [:] }
            else if line == "END:VEVENT" { if let c = current { out.append(c) }; current = nil }
            else if current != nil, let colon = line.firstIndex(of: ":") {
                current![String(line[..<colon])] = String(line[line.index(after: colon)...])
            }
        }
        return out
    }

    @Test func uidNamesThePeriodNotTheDate() {
        let events = Self.events(DeadlineCalendar.report([Fixtures.case004], on: day("2020-01-15")).iCalendar)
        let uids = events.compactMap { $0["UID"] }
        #expect(uids.contains("MJ-2019-004-fin_terme-terme-0@trame"))
        #expect(uids.contains("MJ-2019-004-avis_prefet-periode-0@trame"))
        #expect(uids.allSatisfy { !$0.contains("2020") })
        #expect(events.allSatisfy { $0["SEQUENCE"] == "0" && $0["DTSTAMP"] == "20200115T000000Z" })
    }

    @Test func aMovedDateKeepsItsUIDAndRaisesTheSequence() throws {
        let report = DeadlineCalendar.report([Fixtures.case004], on: day("2019-10-01"))
        let first = report.iCalendar(stamp: "20191001T080000Z", published: CalendarMemory())
        // An evaluation is held earlier than planned: the next one moves, under the same UID.
        let text = Fixtures.text004.components(separatedBy: "\nevaluations:\n")[0]
            + "\nevaluations:\n  - date: 2019-09-20\n    type: semestrielle\n    presents: [association, sous_locataire]\n"
            + "    partie_partagee: { paiement_loyer: regulier, dette_locative: 0.00, assurance: a_jour, entretien_logement: satisfaisant, voisinage: sans_incident, accompagnement: en_place, budget_autonomie: en_progression }\n"
        let moved = DeadlineCalendar.report([Fixtures.dossierCase(text)], on: day("2019-10-01"))
        let second = moved.iCalendar(stamp: "20191002T090000Z", published: first.published)
        let before = try #require(Self.events(first.text).first { $0["CATEGORIES"] == "evaluation" })
        let after = try #require(Self.events(second.text).first { $0["CATEGORIES"] == "evaluation" })
        #expect(before["UID"] == after["UID"])
        #expect(before["DTSTART;VALUE=DATE"] == "20200326" && after["DTSTART;VALUE=DATE"] == "20200320")
        #expect(before["SEQUENCE"] == "0" && after["SEQUENCE"] == "1")
        #expect(after["DTSTAMP"] == "20191002T090000Z")
        // An unchanged event keeps its sequence.
        #expect(Self.events(second.text).first { $0["CATEGORIES"] == "fin_terme" }?["SEQUENCE"] == "0")
    }

    @Test func aVanishedDeadlineIsCancelledOnceThenForgotten() throws {
        let first = DeadlineCalendar.report([Fixtures.case002], on: day("2020-04-15")).iCalendar(stamp: "20200415T000000Z", published: CalendarMemory())
        let of002 = { (ics: String) in Self.events(ics).filter { $0["UID"]?.hasPrefix("MJ-2019-002") == true } }
        #expect(of002(first.text).count == 5)
        // On 2020-09-01 the glissement is recorded: every deadline of 002 is gone.
        let second = DeadlineCalendar.report([Fixtures.case002], on: day("2020-09-01")).iCalendar(stamp: "20200901T000000Z", published: first.published)
        let cancelled = of002(second.text)
        #expect(cancelled.count == 5)
        #expect(cancelled.allSatisfy { $0["STATUS"] == "CANCELLED" && $0["SEQUENCE"] == "1" })
        #expect(Set(cancelled.compactMap { $0["UID"] }) == Set(of002(first.text).compactMap { $0["UID"] }))
        let third = DeadlineCalendar.report([Fixtures.case002], on: day("2020-09-02")).iCalendar(stamp: "20200902T000000Z", published: second.published)
        #expect(of002(third.text).isEmpty)
        #expect(Self.events(third.text).map { $0["SEQUENCE"] } == ["0"])  // the convention's end, unchanged
    }

    @Test func utcStampOfAnInstant() {
        #expect(DeadlineReport.utcStamp(Date(timeIntervalSince1970: 1_586_908_800)) == "20200415T000000Z")
        #expect(DeadlineReport.midnightUTC(day("2020-04-15")) == "20200415T000000Z")
    }
}
