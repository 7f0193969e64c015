import Foundation
import Testing
import TrameModel

@Suite("JSONValue: the one writer of machine outputs")
struct JSONValueTests {
    @Test func decimalsAreWrittenExactly() throws {
        let a = try #require(Decimal(string: "6413.17", locale: Locale(identifier: "en_US_POSIX")))
        let b = try #require(Decimal(string: "0.1", locale: Locale(identifier: "en_US_POSIX")))
        #expect(JSONValue.decimal(a).rendered == "6413.17\n")
        #expect(JSONValue.decimal(b + b + b).rendered == "0.3\n", "no binary float in between")
        #expect(JSONValue.decimal(-75).rendered == "-75\n")
    }

    @Test func datesAndTimestamps() {
        #expect(JSONValue.date(CalendarDate(year: 2019, month: 3, day: 1)!).rendered == "\"2019-03-01\"\n")
        #expect(JSONValue.date(nil as CalendarDate?).rendered == "null\n")
        let stamp = Date(timeIntervalSince1970: 1_796_451_000.25)
        #expect(JSONValue.timestamp(stamp).rendered == "\"2026-12-05T06:10:00Z\"\n")
    }

    @Test func keysKeepTheirOrderIndentedOrCompact() {
        let value = JSONValue.object([("z", .int(1)), ("a", .array([.bool(true), .null])), ("vide", .object([])), ("liste", .array([]))])
        #expect(value.rendered == """
            {
              "z": 1,
              "a": [
                true,
                null
              ],
              "vide": {},
              "liste": []
            }

            """)
        #expect(JSONValue.object([("texte", .string("</script>"))]).compact == #"{"texte":"\u003c/script>"}"#)
    }

    @Test func storedDetailsAreReadBack() throws {
        let value = try #require(JSONValue.parsing(#"{"version":"2","n":12.50,"ok":false,"refs":["a"]}"#))
        #expect(value.compact == #"{"n":12.5,"ok":false,"refs":["a"],"version":"2"}"#)
        #expect(JSONValue.parsing("pas du JSON") == nil)
    }
}
