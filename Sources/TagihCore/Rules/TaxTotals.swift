/// The month's e-Faktur records summed, for the `PPN` sheet of `summary.xlsx`: what the tax
/// office will see, equal to the sums of the import files to the rupiah because it is added
/// from the very records they are written from.
public struct TaxTotals: Sendable, Equatable {
    public var invoices = 0
    public var taxBase: Money
    public var otherTaxBase: Money
    public var vat: Money

    public init(currency: CurrencyCode) {
        taxBase = .zero(currency)
        otherTaxBase = .zero(currency)
        vat = .zero(currency)
    }

    public mutating func add(_ invoice: TaxInvoice) {
        invoices += 1
        for item in invoice.items {
            taxBase += item.taxBase
            otherTaxBase += item.otherTaxBase
            vat += item.vat
        }
    }
}
