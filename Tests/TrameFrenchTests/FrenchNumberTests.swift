import Testing
import TrameFrench

@Suite("FrenchNumber")
struct FrenchNumberTests {
    @Test("cardinals in letters, traditional spelling", arguments: [
        (0, "zéro"), (1, "un"), (2, "deux"), (10, "dix"), (11, "onze"), (16, "seize"),
        (17, "dix-sept"), (18, "dix-huit"), (19, "dix-neuf"), (20, "vingt"),
        (21, "vingt et un"), (22, "vingt-deux"), (31, "trente et un"), (41, "quarante et un"),
        (51, "cinquante et un"), (61, "soixante et un"), (69, "soixante-neuf"),
        (70, "soixante-dix"), (71, "soixante et onze"), (72, "soixante-douze"), (77, "soixante-dix-sept"),
        (79, "soixante-dix-neuf"), (80, "quatre-vingts"), (81, "quatre-vingt-un"), (82, "quatre-vingt-deux"),
        (90, "quatre-vingt-dix"), (91, "quatre-vingt-onze"), (97, "quatre-vingt-dix-sept"),
        (99, "quatre-vingt-dix-neuf"), (100, "cent"), (101, "cent un"), (121, "cent vingt et un"),
        (180, "cent quatre-vingts"), (181, "cent quatre-vingt-un"), (200, "deux cents"), (201, "deux cent un"),
        (280, "deux cent quatre-vingts"), (300, "trois cents"), (351, "trois cent cinquante et un"),
        (999, "neuf cent quatre-vingt-dix-neuf"), (1000, "mille"), (1001, "mille un"),
        (1080, "mille quatre-vingts"), (1100, "mille cent"), (1200, "mille deux cents"), (2000, "deux mille"),
        (5000, "cinq mille"), (21000, "vingt et un mille"), (80000, "quatre-vingt mille"),
        (81000, "quatre-vingt-un mille"), (100_000, "cent mille"), (200_000, "deux cent mille"),
        (201_000, "deux cent un mille"), (280_080, "deux cent quatre-vingt mille quatre-vingts"),
        (1_000_000, "un million"), (1_000_500, "un million cinq cents"), (2_000_000, "deux millions"),
        (21_000_000, "vingt et un millions"), (80_000_000, "quatre-vingts millions"),
        (200_000_000, "deux cents millions"), (201_000_000, "deux cent un millions"),
        (1_000_000_000, "un milliard"), (2_000_000_000, "deux milliards"),
        (1_001_001_001, "un milliard un million mille un"),
        (999_999_999_999, "neuf cent quatre-vingt-dix-neuf milliards neuf cent quatre-vingt-dix-neuf millions neuf cent quatre-vingt-dix-neuf mille neuf cent quatre-vingt-dix-neuf"),
        (-1, "moins un"), (-80, "moins quatre-vingts"),
    ] as [(Int, String)])
    func inLetters(number: Int, expected: String) {
        #expect(FrenchNumber.inLetters(number) == expected)
    }

    @Test("feminine agreement of the final un", arguments: [
        (1, "une"), (21, "vingt et une"), (31, "trente et une"), (81, "quatre-vingt-une"),
        (101, "cent une"), (1001, "mille une"), (2, "deux"), (11, "onze"), (71, "soixante et onze"),
        (21000, "vingt et un mille"), (1_000_000, "un million"),
    ] as [(Int, String)])
    func feminine(number: Int, expected: String) {
        #expect(FrenchNumber.inLetters(number, feminine: true) == expected)
    }

    @Test("ordinals", arguments: [
        (1, false, "1er"), (1, true, "1re"), (2, false, "2e"), (3, true, "3e"), (11, false, "11e"),
        (21, false, "21e"), (101, false, "101e"),
    ] as [(Int, Bool, String)])
    func ordinal(number: Int, feminine: Bool, expected: String) {
        #expect(FrenchNumber.ordinal(number, feminine: feminine) == expected)
    }

    @Test("digits grouped with U+202F", arguments: [
        (0, "0"), (7, "7"), (999, "999"), (1000, "1\u{202F}000"), (5000, "5\u{202F}000"),
        (12345, "12\u{202F}345"), (123_456, "123\u{202F}456"), (1_234_567, "1\u{202F}234\u{202F}567"),
        (-1200, "-1\u{202F}200"), (-999, "-999"),
    ] as [(Int, String)])
    func digits(number: Int, expected: String) {
        #expect(FrenchNumber.digits(number) == expected)
    }

    @Test func extremeValuesDoNotTrap() {
        #expect(FrenchNumber.inLetters(1_000_000_000_000) == "mille milliards")
        #expect(FrenchNumber.digits(Int.min) == "-9\u{202F}223\u{202F}372\u{202F}036\u{202F}854\u{202F}775\u{202F}808")
        #expect(FrenchNumber.inLetters(Int.min).hasPrefix("moins "))
    }
}
