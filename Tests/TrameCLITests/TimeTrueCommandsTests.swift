import Foundation
import Testing

/// Issue 12 end to end: `deadlines`/`status --on D` read the dossier as recorded by D, `check`
/// warns about préfet notices and missing tripartite conventions, and a workspace calendar updates.
@Suite("Time-true commands, end to end")
struct TimeTrueCommandsTests {
    static let bundle = TrameProcess.repository.appendingPathComponent("Conventions/metz-jury-2018")
    static func sample(_ id: String) -> String { bundle.appendingPathComponent("dossier-\(id).yaml").path }

    /// `trame deadlines --on 2020-01-15 dossier-MJ-2019-002.yaml` said « sous-location achevée ».
    @Test func deadlinesOf002On20200115() throws {
        let r = try TrameProcess.run(["deadlines", "--on", "2020-01-15", Self.sample("MJ-2019-002")])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdout.contains("achevée"))
        let lines = r.stdout.components(separatedBy: "\n")
        #expect(lines.contains { $0.hasPrefix("2019-12-29  MJ-2019-002") && $0.contains("2020-02-29") && $0.hasSuffix("en retard de 17 jours") })
        #expect(lines.contains { $0.hasPrefix("2020-02-29  MJ-2019-002") && $0.contains("fin du terme") })
    }

    @Test func deadlinesOfTheSamplesLongAfterHaveNoSemesterFlood() throws {
        let r = try TrameProcess.run(["deadlines", "--on", "2027-01-01", "--ics"] + ["MJ-2019-002", "MJ-2019-004", "MJ-2019-011"].map(Self.sample))
        #expect(r.status == 0)
        let events = r.stdout.components(separatedBy: "BEGIN:VEVENT").count - 1
        // 004: notice, lapsed term, insurance, one item for 13 missed evaluations, maximum, next
        // evaluation; 011: its planned start; the convention's end. (Before: 38, 26 per semester.)
        #expect(events == 8, "\(r.stdout)")
        #expect(r.stdout.components(separatedBy: "CATEGORIES:evaluation_en_retard").count - 1 == 1)
        #expect(r.stdout.contains("UID:MJ-2019-004-evaluation_en_retard-evaluation-3@trame"))
    }

    @Test func statusOn20200115CountsWhatWasHeldThen() throws {
        let r = try TrameProcess.run(["status", "--on", "2020-01-15", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\"evaluations_faites\": 2"))  // 002 on 2019-08-29, 004 on 2019-09-26
        #expect(r.stdout.contains("\"glissement\": 0"))
    }

    @Test func checkWarnsAboutNoticesAndTheMissingTripartiteConvention() throws {
        let r = try TrameProcess.run(["check", Self.sample("MJ-2019-002"), Self.sample("MJ-2019-011")])
        #expect(r.status == 0)
        #expect(r.stdout.contains("avertissement [AVIS_PREFET] sous_location.avis_prefet"))
        #expect(r.stdout.contains("avertissement [AVIS_PREFET] evaluations[2].date"))
        #expect(r.stdout.contains("avertissement [TRIPARTITE_MANQUANTE] sous_location.convention_tripartite"))
    }

    /// A workspace remembers what its calendar published: a vanished deadline is cancelled once.
    @Test func workspaceCalendarCancelsVanishedEventsOnce() throws {
        let dir = try TrameProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try TrameProcess.run(["init", "ws"], in: dir).status == 0)
        let file = Self.sample("MJ-2019-002")
        let first = try TrameProcess.run(["deadlines", "--on", "2020-04-15", "--ics", "--workspace", "ws", file], in: dir)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("DTSTAMP:20200415T000000Z"))
        #expect(!first.stdout.contains("STATUS:CANCELLED"))
        let second = try TrameProcess.run(["deadlines", "--on", "2020-09-01", "--ics", "--workspace", "ws", file], in: dir)
        #expect(second.stdout.components(separatedBy: "STATUS:CANCELLED").count - 1 == 5, "\(second.stdout)")
        #expect(second.stdout.contains("SEQUENCE:1"))
        let third = try TrameProcess.run(["deadlines", "--on", "2020-09-02", "--ics", "--workspace", "ws", file], in: dir)
        #expect(!third.stdout.contains("STATUS:CANCELLED"))
        #expect(try TrameProcess.run(["deadlines", "--workspace", "ws", file], in: dir).status == 64)
    }
}
