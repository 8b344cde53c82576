import TagihCore

/// How each invoice of the month stands after the latest run: paid, credited, outstanding,
/// expired or void. Invoices carry what they were issued with; what happened to them since is
/// read from the next state's receivables and the month's lapsed orders and voids.
struct InvoiceStanding {
    /// The next state's receivables, and each one's place by number: what `settled` needs of
    /// a receivable is read where it is (a table of the amounts themselves took 13 MB for a
    /// month's 120,000 invoices, and the mails kept another of what each still owes; a
    /// dictionary of places another copy of every number, 42 MB at a million).
    private let receivables: [Receivable]
    private let place: PlaceIndex
    private let expired: Set<String>
    private let voided: Set<String>
    let asOf: CivilDate

    init(state: BillingState, month: MonthJournal, asOf: CivilDate) {
        receivables = state.receivables
        var place = PlaceIndex(capacity: receivables.count)
        let receivables = self.receivables
        for (at, receivable) in receivables.enumerated() {
            let hash = receivable.number.hashValue
            // The first receivable of a number is the one found.
            guard place.find(hash: hash, { receivables[Int($0)].number == receivable.number }) == nil else { continue }
            place.insert(Int32(at), hash: hash) { receivables[Int($0)].number.hashValue }
        }
        self.place = place
        expired = Set(month.expiredOrders.map(\.order.invoice))
        voided = Set(month.voids.map(\.invoice))
        self.asOf = asOf
    }

    /// The invoice still on file under that number in the next state, if any.
    func receivable(_ number: String) -> Receivable? {
        let receivables = self.receivables
        return place.find(hash: number.hashValue) { receivables[Int($0)].number == number }.map { receivables[Int($0)] }
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
        } else if let receivable = receivable(invoice.number) {
            invoice.paid = receivable.paid
            invoice.credited = receivable.credited
        } else {
            invoice.paid = invoice.total
        }
        return invoice
    }
}
