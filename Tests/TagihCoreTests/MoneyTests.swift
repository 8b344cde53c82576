import Testing
@testable import TagihCore

@Suite struct RoundingTests {
    @Test("half-up rounds .5 away from zero, .49 down", arguments: [
        (Fraction(5, 2), Int128(3)), (Fraction(-5, 2), -3), (Fraction(7, 2), 4), (Fraction(249, 100), 2),
        (Fraction(251, 100), 3), (Fraction(1, 3), 0), (Fraction(2, 3), 1), (Fraction(-1, 3), 0), (Fraction(0), 0),
    ] as [(Fraction, Int128)])
    func halfUp(value: Fraction, expected: Int128) {
        #expect(value.roundedHalfUp() == expected)
    }

    @Test func roundsToMinorUnits() {
        // 1234.565 USD rounds to 1234.57 (cents); 1500000.5 IDR to 1500001 rupiah.
        #expect(Fraction(1_234_565, 1000).roundedToMinorUnits(2) == 123_457)
        #expect(Fraction(3_000_001, 2).roundedToMinorUnits(0) == 1_500_001)
        #expect(Fraction(2_999_999, 2).roundedToMinorUnits(0) == 1_500_000)
    }

    @Test func idrIsBilledInWholeRupiah() {
        let currencies = Currencies()
        #expect(currencies(CurrencyCode("IDR")!)?.minorUnits == 0)
        #expect(currencies(CurrencyCode("IDR")!)?.isoExponent == 2)
        #expect(currencies(CurrencyCode("USD")!)?.minorUnits == 2)
        #expect(currencies(CurrencyCode("JPY")!)?.minorUnits == 0)
        #expect(currencies(CurrencyCode("KWD")!)?.minorUnits == 3)
        #expect(currencies(CurrencyCode("XYZ")!) == nil)
        #expect(Currencies(overrides: [CurrencyCode("IDR")!: 2])(CurrencyCode("IDR")!)?.minorUnits == 2)
    }

    @Test func lineNetRoundsOnce() {
        let idr = Currencies()(CurrencyCode("IDR")!)!
        // 75000.50 x 1 x 1 = 75000.50 -> 75001; 0.5 x 3 = 1.5 -> 2 (rounded once, not 1+1+1).
        #expect(Pricing.lineNet(price: ExactDecimal(units: 7_500_050, scale: 2), units: 1, months: 1, currency: idr).minor == 75001)
        #expect(Pricing.lineNet(price: ExactDecimal(units: 5, scale: 1), units: 3, months: 1, currency: idr).minor == 2)
        let usd = Currencies()(CurrencyCode("USD")!)!
        // 49.90 x 1 x 12 = 598.80 USD = 59880 cents.
        #expect(Pricing.lineNet(price: ExactDecimal(units: 4990, scale: 2), units: 1, months: 12, currency: usd).minor == 59880)
    }

    @Test func moneyOfTwoCurrenciesDoNotMix() {
        let a = Money(minor: 100, currency: CurrencyCode("IDR")!)
        let b = Money(minor: 250, currency: CurrencyCode("IDR")!)
        #expect((a + b).minor == 350)
        #expect((a - b).minor == -150)
        #expect(Money.max(a, b) == b)
    }
}

@Suite struct DecimalParsingTests {
    @Test("dot-decimal amounts", arguments: [
        ("150000", Int64(150000), 0), ("150000.00", 15_000_000, 2), (" 12.5 ", 125, 1), ("-3.25", -325, 2),
        ("0.7", 7, 1), ("+5", 5, 0), ("000123", 123, 0),
    ] as [(String, Int64, Int)])
    func parses(text: String, units: Int64, scale: Int) throws {
        let value = try ExactDecimal.parse(text).get()
        #expect(value.units == units && value.scale == scale)
    }

    @Test("rejected amounts", arguments: [
        ("", DecimalParseError.empty), ("1e5", .exponent), ("1.5E3", .exponent), ("12,5", .malformed), ("1.2.3", .malformed),
        (".5", .malformed), ("5.", .malformed), ("abc", .malformed), ("1 000", .malformed),
        ("1234567890123456789", .tooManyDigits), ("-", .malformed),
    ] as [(String, DecimalParseError)])
    func rejects(text: String, error: DecimalParseError) {
        #expect(throws: error) { try ExactDecimal.parse(text).get() }
    }

    @Test func indonesianGrouping() throws {
        #expect(try ExactDecimal.parse("1.500.000,00", style: .indonesian).get() == ExactDecimal(units: 1_500_000))
        #expect(try ExactDecimal.parse("1500000", style: .indonesian).get() == ExactDecimal(units: 1_500_000))
        #expect(try ExactDecimal.parse("12,5", style: .indonesian).get() == ExactDecimal(units: 125, scale: 1))
        #expect(throws: DecimalParseError.grouping) { try ExactDecimal.parse("1.50.000", style: .indonesian).get() }
        #expect(throws: DecimalParseError.grouping) { try ExactDecimal.parse("1.5", style: .indonesian).get() }
        #expect(throws: DecimalParseError.grouping) { try ExactDecimal.parse("1500.000.000", style: .indonesian).get() }
    }

    @Test func exactMinorUnits() {
        #expect(ExactDecimal(units: 65_000_000, scale: 2).exactMinorUnits(0) == 650_000) // "650000.00" IDR
        #expect(ExactDecimal(units: 65_000_050, scale: 2).exactMinorUnits(0) == nil)     // 650000.50 IDR has a fraction
        #expect(ExactDecimal(units: 125, scale: 1).exactMinorUnits(2) == 1250)            // 12.5 USD = 1250 cents
        #expect(ExactDecimal(units: 49, scale: 0).padded(toScale: 2) == ExactDecimal(units: 4900, scale: 2))
        #expect(ExactDecimal(units: 499, scale: 1).padded(toScale: 2).description == "49.90")
    }

    @Test func rates() throws {
        #expect(try Rate.parse("11%").get().fraction == Fraction(11, 100))
        #expect(try Rate.parse("0.7%").get().fraction == Fraction(7, 1000))
        #expect(throws: Rate.ParseError.missingPercentSign) { try Rate.parse("0.11").get() }
        #expect(throws: Rate.ParseError.missingPercentSign) { try Rate.parse("11").get() }
        #expect(throws: Rate.ParseError.negative) { try Rate.parse("-1%").get() }
    }

    @Test func currencyCodes() {
        #expect(CurrencyCode("idr")?.description == "IDR")
        #expect(CurrencyCode("ID") == nil)
        #expect(CurrencyCode("IDRR") == nil)
        #expect(CurrencyCode("I1R") == nil)
    }
}
