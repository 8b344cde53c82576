import TagihCore

/// The few lines printed at the end of a run: what was issued and what it adds up to.
enum RunSummary {
    static func lines(_ result: PeriodResult, input: BillingInput, payments: PaymentTally, balances: [Reconciliation.Balance],
                      skipped: Int, outputPath: String) -> [String] {
        var lines: [String] = []
        let invoices = result.invoices
        if let first = invoices.first, let last = invoices.last {
            lines.append("\(invoices.count) invoice\(invoices.count == 1 ? "" : "s") issued for \(result.period): \(first.number) to \(last.number)")
        } else {
            lines.append("no invoices issued for \(result.period)")
        }
        var sums: [CurrencyCode: InvoiceSums] = [:]
        for invoice in result.settledInvoices { sums[invoice.currency, default: InvoiceSums(currency: invoice.currency)].add(invoice) }
        for currency in sums.keys.sorted() {
            let sum = sums[currency]!
            let units = input.settings.currency(currency).minorUnits
            lines.append("  \(currency): subtotal \(plain(sum.subtotal, units)), discount \(plain(sum.discount, units)), tax \(plain(sum.tax, units)), total \(plain(sum.total, units))")
        }
        lines.append("\(payments.payments) payment\(payments.payments == 1 ? "" : "s") read")
        for key in payments.byOutcome.keys.sorted() {
            for (currency, sums) in payments.byOutcome[key]!.sorted(by: { $0.key < $1.key }) {
                let units = input.settings.currency(currency).minorUnits
                lines.append("  \(key): \(sums.count), \(currency) \(plain(Money(minor: sums.amount, currency: currency), units))")
            }
        }
        let open = result.nextState.receivables.reduce(0) { $0 + ($1.outstanding.isPositive ? 1 : 0) }
        lines.append("\(open) invoice\(open == 1 ? "" : "s") open after this run, \(result.overdue.count) overdue as of \(result.asOf)")
        for balance in balances {
            let units = input.settings.currency(balance.currency).minorUnits
            lines.append("  \(balance.currency) open: \(plain(balance.openBefore, units)) before + \(plain(balance.issued, units)) issued - \(plain(balance.paidByPayments, units)) paid - \(plain(balance.paidFromCredit, units)) from credit - \(plain(balance.expired, units)) expired = \(plain(balance.openAfter, units)) (checked)")
        }
        if skipped > 0 { lines.append("\(skipped) invalid row\(skipped == 1 ? "" : "s") left out (see errors.csv)") }
        lines.append("outputs in \(outputPath)")
        return lines
    }

    static func plain(_ money: Money, _ minorUnits: Int) -> String {
        ExactDecimal(units: money.minor, scale: minorUnits).description
    }
}
