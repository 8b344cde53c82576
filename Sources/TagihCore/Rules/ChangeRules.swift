/// Rule 12's amounts, each rounded once.
public enum ChangeRules {
    /// A plan or quantity change mid-term: `(new price x new units - old price x old units) x
    /// months x days_left / days_in_term`, negative when the plan got cheaper.
    public static func proration(oldPrice: ExactDecimal, oldUnits: Int, newPrice: ExactDecimal, newUnits: Int, months: Int,
                                 daysLeft: Int, daysInTerm: Int, currency: Currency) -> Money {
        let perTerm = (newPrice.fraction * newUnits - oldPrice.fraction * oldUnits) * months
        let exact = perTerm * Fraction(Int128(daysLeft), Int128(daysInTerm))
        return Money(minor: exact.roundedToMinorUnits(currency.minorUnits), currency: currency.code)
    }

    /// A due-day change's bridge: `price x units x days / days in the month of the old start`.
    public static func bridge(price: ExactDecimal, units: Int, days: Int, daysInMonth: Int, currency: Currency) -> Money {
        let exact = price.fraction * units * Fraction(Int128(days), Int128(daysInMonth))
        return Money(minor: exact.roundedToMinorUnits(currency.minorUnits), currency: currency.code)
    }

    /// The first day on or after `date` that falls on `dueDay` (clamped to the month's end).
    public static func nextDueDay(_ dueDay: Int, onOrAfter date: CivilDate) -> CivilDate {
        let here = date.period
        let candidate = CivilDate(year: here.year, month: here.month, day: min(dueDay, here.lastDay.day))!
        if candidate >= date { return candidate }
        let next = here.lastDay.adding(days: 1).period
        return CivilDate(year: next.year, month: next.month, day: min(dueDay, next.lastDay.day))!
    }

    /// What a credit note gives back for `net` (tax excluded): the net plus its tax, as the
    /// invoice it credits was taxed.
    public static func gross(_ net: Money, taxable: Bool, settings: Settings) -> Money {
        guard taxable, !settings.tax.rate.isZero, settings.tax.mode == .exclusive else { return net }
        let currency = settings.currency(net.currency)
        return net + TaxRule.tax(on: net.fraction(minorUnits: currency.minorUnits), settings: settings.tax, currency: currency)
    }
}
