import TagihCore

/// How each invoice of the month stands after the latest run: paid, credited, outstanding,
/// expired or void. Invoices carry what they were issued with; what happened to them since is
/// read from the next state's receivables and the month's lapsed orders and voids.
struct InvoiceStanding {
    private let receivables: [String: Receivable]
    private let expired: Set<String>
    private let voided: Set<String>
    let asOf: CivilDate

    init(state: BillingState, month: MonthJournal, asOf: CivilDate) {
        receivables = Dictionary(state.receivables.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        expired = Set(month.expiredOrders.map(\.order.invoice))
        voided = Set(month.voids.map(\.invoice))
        self.asOf = asOf
    }

    /// The invoice as it stands: an invoice no longer owed and no longer on file was paid in full.
    func settled(_ invoice: Invoice) -> Invoice {
        var invoice = invoice
        if voided.contains(invoice.number) {
            invoice.voided = true
            invoice.paid = .zero(invoice.currency)
        } else if expired.contains(invoice.number) {
            invoice.expired = true
            invoice.paid = .zero(invoice.currency)
        } else if let receivable = receivables[invoice.number] {
            invoice.paid = receivable.paid
            invoice.credited = receivable.credited
        } else {
            invoice.paid = invoice.total
        }
        return invoice
    }
}
