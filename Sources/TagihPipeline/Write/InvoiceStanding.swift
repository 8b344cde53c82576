import TagihCore

/// How each invoice of the month stands after the latest run: paid, credited, outstanding,
/// expired or void. Invoices carry what they were issued with; what happened to them since is
/// read from the next state's receivables and the month's lapsed orders and voids.
struct InvoiceStanding {
    /// Paid and credited of each invoice still on file: what `settled` needs of a receivable,
    /// not a copy of it (a month's invoices are on file).
    private let onFile: [String: (paid: Money, credited: Money)]
    private let expired: Set<String>
    private let voided: Set<String>
    let asOf: CivilDate

    init(state: BillingState, month: MonthJournal, asOf: CivilDate) {
        var onFile: [String: (paid: Money, credited: Money)] = [:]
        onFile.reserveCapacity(state.receivables.count)
        for receivable in state.receivables where onFile[receivable.number] == nil {
            onFile[receivable.number] = (receivable.paid, receivable.credited)
        }
        self.onFile = onFile
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
        } else if let standing = onFile[invoice.number] {
            invoice.paid = standing.paid
            invoice.credited = standing.credited
        } else {
            invoice.paid = invoice.total
        }
        return invoice
    }
}
