/// An invoice's money: subtotal of the lines, discount, tax and total.
public struct InvoiceAmounts: Sendable, Equatable {
    public var subtotal: Money
    public var discount: Money
    public var tax: Money
    public var total: Money
}

public enum InvoiceCalculation {
    /// The tax base is the taxable lines' share of the discounted subtotal, kept exact until
    /// the tax is rounded: with mixed lines the discount is spread in proportion to the nets.
    public static func amounts(lines: [InvoiceLine], discount: Money, tax: TaxSettings, currency: Currency) -> InvoiceAmounts {
        var subtotal = Money.zero(currency.code)
        var taxableNet = Money.zero(currency.code)
        for line in lines {
            subtotal += line.net
            if line.taxable { taxableNet += line.net }
        }
        let after = subtotal - discount
        var base = Fraction(0)
        if subtotal.isPositive && taxableNet.isPositive {
            base = after.fraction(minorUnits: currency.minorUnits)
                * Fraction(Int128(taxableNet.minor), Int128(subtotal.minor))
        }
        let taxAmount = tax.rate.isZero ? .zero(currency.code) : TaxRule.tax(on: base, settings: tax, currency: currency)
        let total = tax.mode == .exclusive ? after + taxAmount : after
        return InvoiceAmounts(subtotal: subtotal, discount: discount, tax: taxAmount, total: total)
    }
}
