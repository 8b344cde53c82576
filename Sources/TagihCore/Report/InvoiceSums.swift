/// Sums of invoices grouped by a key, per currency (amounts of two currencies never mix).
public struct InvoiceSums: Sendable {
    public var count = 0
    public var subtotal: Money
    public var discount: Money
    public var tax: Money
    public var total: Money
    public var paid: Money
    public var outstanding: Money

    public init(currency: CurrencyCode) {
        subtotal = .zero(currency)
        discount = .zero(currency)
        tax = .zero(currency)
        total = .zero(currency)
        paid = .zero(currency)
        outstanding = .zero(currency)
    }

    public mutating func add(_ invoice: Invoice) {
        count += 1
        subtotal += invoice.subtotal
        discount += invoice.discount
        tax += invoice.tax
        total += invoice.total
        paid += invoice.paid
        outstanding += invoice.outstanding
    }

    /// Paid as a share of the total; nil when nothing was invoiced.
    public var collectionRate: Fraction? {
        total.isPositive ? Fraction(Int128(paid.minor), Int128(total.minor)) : nil
    }
}
