/// What a run issued, summed as the invoices go by: how many, the first and last numbers,
/// the sums per currency, and any invoice whose own figures do not add up (rule: subtotal is
/// the sum of the lines; total is subtotal less discount, plus tax when exclusive). The
/// invoices themselves are not kept: a run writes them to its journal as it issues them, and
/// the check stage reads them back into this.
public struct IssuedTotals: Sendable {
    public private(set) var count = 0
    public private(set) var first: String?
    public private(set) var last: String?
    public private(set) var sums: [CurrencyCode: InvoiceSums] = [:]
    public private(set) var problems: [String] = []

    public init() {}

    public init(_ invoices: some Sequence<Invoice>) {
        for invoice in invoices { add(invoice) }
    }

    public mutating func add(_ invoice: Invoice) {
        count += 1
        if first == nil { first = invoice.number }
        last = invoice.number
        sums[invoice.currency, default: InvoiceSums(currency: invoice.currency)].add(invoice)
        problems += Reconciliation.invoiceProblems(invoice)
    }
}
