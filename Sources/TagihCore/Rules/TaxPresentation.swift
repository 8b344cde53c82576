/// What a document shows of an invoice's tax (rule 5): the DPP (the taxable base after the
/// discount) and, where `tax.base` applies (Indonesia's 12% on 11/12), the DPP Nilai Lain and
/// the true rate, so the invoice agrees with its tax invoice. Display amounts, each rounded
/// once; the tax itself is the invoice's.
public struct TaxPresentation: Sendable, Equatable {
    /// The taxable lines' share of the subtotal less discount (tax excluded).
    public var base: Money
    /// `round(base x tax.base)` when `tax.base` is not 1, else nil.
    public var otherBase: Money?
    /// The rate as written (12%), not the effective one (11%).
    public var rate: Rate
    /// `11/12`, when it applies.
    public var baseFraction: Fraction?
    public var tax: Money

    public init(_ invoice: Invoice, settings: TaxSettings, minorUnits: Int) {
        let currency = invoice.currency
        var taxableNet = Money.zero(currency)
        for line in invoice.lines where line.taxable { taxableNet += line.net }
        let exact: Fraction
        if invoice.taxMode == .inclusive {
            exact = (invoice.total - invoice.tax).fraction(minorUnits: minorUnits)
                * (invoice.subtotal.isPositive ? Fraction(Int128(taxableNet.minor), Int128(invoice.subtotal.minor)) : Fraction(0))
        } else if invoice.subtotal.isPositive {
            exact = (invoice.subtotal - invoice.discount).fraction(minorUnits: minorUnits) * Fraction(Int128(taxableNet.minor), Int128(invoice.subtotal.minor))
        } else {
            exact = Fraction(0)
        }
        base = Money(minor: exact.roundedToMinorUnits(minorUnits), currency: currency)
        rate = settings.rate
        tax = invoice.tax
        if settings.base != Fraction(1) {
            baseFraction = settings.base
            otherBase = Money(minor: (exact * settings.base).roundedToMinorUnits(minorUnits), currency: currency)
        }
    }
}
