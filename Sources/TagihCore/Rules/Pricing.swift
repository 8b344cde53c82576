/// Rule 2 and the spec's rounding points: a line's net is `price x units x months`, rounded
/// half-up once to the currency's minor units.
public enum Pricing {
    /// Units a line bills: per-seat products never bill fewer seats than the tenant's active staff.
    public static func units(billing: BillingKind, quantity: Int, activeSeats: Int) -> Int {
        switch billing {
        case .flat: return quantity
        case .perSeat: return max(quantity, activeSeats)
        }
    }

    /// Whether a line of `price x units x months` stays within `Money.largestMinorUnits`; checked
    /// when a subscription or order is read, so no line computed later can overflow.
    public static func lineFits(price: ExactDecimal, units: Int, months: Int, currency: Currency) -> Bool {
        price.fraction * units * months <= Fraction(Int128(Money.largestMinorUnits), Int128(pow10(currency.minorUnits)))
    }

    public static func lineNet(price: ExactDecimal, units: Int, months: Int, currency: Currency) -> Money {
        let exact = price.fraction * units * months
        return Money(minor: exact.roundedToMinorUnits(currency.minorUnits), currency: currency.code)
    }

    /// A prorated line (rule 3's add-quota): `price x units x months x days / daysInTerm`, rounded once.
    public static func proratedNet(
        price: ExactDecimal, units: Int, months: Int, days: Int, daysInTerm: Int, currency: Currency
    ) -> Money {
        let exact = price.fraction * units * months * Fraction(Int128(days), Int128(daysInTerm))
        return Money(minor: exact.roundedToMinorUnits(currency.minorUnits), currency: currency.code)
    }
}

/// Rule 5: tax on the subtotal less discount, for taxable lines, rounded once.
public enum TaxRule {
    /// `base` is the taxable amount after discount. Exclusive: `round(base x rate)`.
    /// Inclusive (base already holds the tax): `round(base x rate / (1 + rate))`.
    public static func tax(on base: Fraction, settings: TaxSettings, currency: Currency) -> Money {
        let rate = settings.effectiveRate
        let exact: Fraction
        switch settings.mode {
        case .exclusive: exact = base * rate
        case .inclusive: exact = base * rate / (Fraction(1) + rate)
        }
        return Money(minor: exact.roundedToMinorUnits(currency.minorUnits), currency: currency.code)
    }
}
