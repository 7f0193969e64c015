import Foundation
import Testing
import TrameFrench

@Suite("FrenchMoney")
struct FrenchMoneyTests {
    /// Parses a decimal literal exactly (never through `Double`).
    private func amount(_ text: String) throws -> Decimal {
        try #require(Decimal(string: text))
    }

    @Test("amounts in letters", arguments: [
        ("351.20", "trois cent cinquante et un euros et vingt centimes"),
        ("5000", "cinq mille euros"), ("80", "quatre-vingts euros"), ("81", "quatre-vingt-un euros"),
        ("200", "deux cents euros"), ("201", "deux cent un euros"), ("1000", "mille euros"),
        ("1000000", "un million d'euros"), ("2000000", "deux millions d'euros"),
        ("1000500", "un million cinq cents euros"), ("1000000000", "un milliard d'euros"),
        ("3000000000", "trois milliards d'euros"), ("0", "zéro euro"), ("1", "un euro"),
        ("1.01", "un euro et un centime"), ("0.50", "cinquante centimes"), ("0.01", "un centime"),
        ("21", "vingt et un euros"), ("0.99", "quatre-vingt-dix-neuf centimes"), ("100.00", "cent euros"),
        ("80.80", "quatre-vingts euros et quatre-vingts centimes"),
        ("1000000.01", "un million d'euros et un centime"),
        ("351.205", "trois cent cinquante et un euros et vingt et un centimes"),
        ("351.2049", "trois cent cinquante et un euros et vingt centimes"),
        ("0.004", "zéro euro"), ("0.005", "un centime"), ("9.995", "dix euros"),
        ("999999.999", "un million d'euros"), ("-12.5", "moins douze euros et cinquante centimes"),
    ])
    func inLetters(text: String, expected: String) throws {
        #expect(FrenchMoney.inLetters(try amount(text)) == expected)
    }

    @Test("amounts in digits", arguments: [
        ("5000", "5\u{202F}000\u{00A0}€"), ("351.2", "351,20\u{00A0}€"), ("0", "0\u{00A0}€"),
        ("1234567.5", "1\u{202F}234\u{202F}567,50\u{00A0}€"), ("0.05", "0,05\u{00A0}€"),
        ("351.205", "351,21\u{00A0}€"), ("99.999", "100\u{00A0}€"), ("100.00", "100\u{00A0}€"),
        ("-1200.5", "-1\u{202F}200,50\u{00A0}€"), ("-0.001", "0\u{00A0}€"),
        ("123456789012345678901234.5", "123\u{202F}456\u{202F}789\u{202F}012\u{202F}345\u{202F}678\u{202F}901\u{202F}234,50\u{00A0}€"),
    ])
    func inDigits(text: String, expected: String) throws {
        #expect(FrenchMoney.inDigits(try amount(text)) == expected)
    }

    @Test func fullWritesLettersThenDigits() throws {
        #expect(FrenchMoney.full(try amount("5000")) == "cinq mille euros (5\u{202F}000\u{00A0}€)")
        #expect(FrenchMoney.full(try amount("351.20"))
            == "trois cent cinquante et un euros et vingt centimes (351,20\u{00A0}€)")
    }

    @Test func integerDecimalsNeedNoParsing() {
        #expect(FrenchMoney.inLetters(Decimal(80)) == "quatre-vingts euros")
        #expect(FrenchMoney.inDigits(Decimal(1_000_000)) == "1\u{202F}000\u{202F}000\u{00A0}€")
    }

    @Test func notANumberFallsBackToDigits() {
        #expect(FrenchMoney.inLetters(Decimal.nan) == "NaN\u{00A0}€")
    }
}
