import Testing
import TrameFrench

@Suite("FrenchDate")
struct FrenchDateTests {
    @Test("long dates", arguments: [
        (2019, 4, 1, "1er avril 2019"), (2020, 3, 21, "21 mars 2020"), (2018, 12, 31, "31 décembre 2018"),
        (2018, 6, 18, "18 juin 2018"), (2018, 7, 1, "1er juillet 2018"), (2021, 2, 2, "2 février 2021"),
        (2022, 8, 15, "15 août 2022"),
    ] as [(Int, Int, Int, String)])
    func long(year: Int, month: Int, day: Int, expected: String) {
        #expect(FrenchDate.long(year: year, month: month, day: day) == expected)
    }

    @Test("short dates", arguments: [
        (2019, 4, 1, "01/04/2019"), (2020, 3, 21, "21/03/2020"), (2018, 12, 31, "31/12/2018"),
    ] as [(Int, Int, Int, String)])
    func short(year: Int, month: Int, day: Int, expected: String) {
        #expect(FrenchDate.short(year: year, month: month, day: day) == expected)
    }

    @Test func monthNames() {
        let names = (1...12).map(FrenchDate.monthName)
        #expect(names == [
            "janvier", "février", "mars", "avril", "mai", "juin",
            "juillet", "août", "septembre", "octobre", "novembre", "décembre",
        ])
        #expect(FrenchDate.monthName(13) == "13")
        #expect(FrenchDate.monthName(0) == "0")
    }

    @Test func monthYear() {
        #expect(FrenchDate.monthYear(year: 2020, month: 3) == "mars 2020")
        #expect(FrenchDate.monthYear(year: 2018, month: 12) == "décembre 2018")
    }
}
