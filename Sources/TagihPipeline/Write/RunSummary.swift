import TagihCore

/// The few lines printed at the end of a run: what it issued and applied, and what it adds up to.
enum RunSummary {
    static func lines(_ context: RunContext, _ billed: Billed, issued: IssuedTotals, balances: [Reconciliation.Balance], skipped: Int, waiting: Int,
                      mails: Int, transfers: Int, monthFolder: String) -> [String] {
        var lines: [String] = []
        let journal = billed.journal
        let settings = context.settings
        let plain = { (money: Money) in ExactDecimal(units: money.minor, scale: settings.currency(money.currency).minorUnits).description }
        lines.append("run as of \(context.asOf), covering \(context.span)")
        if let first = issued.first, let last = issued.last {
            lines.append("\(issued.count) invoice\(issued.count == 1 ? "" : "s") issued: \(first) to \(last)")
        } else {
            lines.append("no invoices issued")
        }
        for currency in issued.sums.keys.sorted() {
            let sum = issued.sums[currency]!
            lines.append("  \(currency): subtotal \(plain(sum.subtotal)), discount \(plain(sum.discount)), tax \(plain(sum.tax)), total \(plain(sum.total))")
        }
        let totals = journal.payments
        lines.append("\(totals.payments) payment\(totals.payments == 1 ? "" : "s") looked at")
        for kind in totals.byKind.keys.sorted() {
            for (currency, sums) in totals.byKind[kind]!.sorted(by: { $0.key < $1.key }) {
                lines.append("  \(kind.rawValue): \(sums.count), \(currency) \(plain(Money(minor: sums.amount, currency: currency)))")
            }
        }
        let open = billed.nextState.receivables.reduce(0) { $0 + ($1.outstanding.isPositive ? 1 : 0) }
        let overdue = billed.nextState.receivables.count { Aging.isOverdue($0, asOf: context.asOf) }
        lines.append("\(open) invoice\(open == 1 ? "" : "s") open after this run, \(overdue) overdue as of \(context.asOf)")
        for balance in balances {
            var equation = "  \(balance.currency) open: \(plain(balance.openBefore)) before + \(plain(balance.issued)) issued - \(plain(balance.paidByPayments)) paid - \(plain(balance.paidFromCredit)) from credit - \(plain(balance.expired)) expired"
            if !balance.voided.isZero { equation += " - \(plain(balance.voided)) voided" }
            if !balance.creditNotesOnInvoices.isZero { equation += " - \(plain(balance.creditNotesOnInvoices)) credit notes" }
            lines.append(equation + " = \(plain(balance.openAfter)) (checked)")
        }
        // Counted in place: a copy of the paid windows would be the largest thing made after the
        // outputs were written.
        let paid = journal.payouts.count(where: \.isPaid)
        let sending = paid == transfers ? "" : " in \(transfers) transfer\(transfers == 1 ? "" : "s")"
        lines.append("\(paid) payout\(paid == 1 ? "" : "s") to send\(sending), \(journal.payouts.count - paid) held; \(billed.nextState.payoutWindows.count) window\(billed.nextState.payoutWindows.count == 1 ? "" : "s") still open")
        if !journal.creditNotes.isEmpty || !journal.voids.isEmpty {
            lines.append("\(journal.creditNotes.count) credit note\(journal.creditNotes.count == 1 ? "" : "s") issued, \(journal.voids.count) invoice\(journal.voids.count == 1 ? "" : "s") voided")
        }
        lines.append("\(mails) mail\(mails == 1 ? "" : "s") written")
        if !journal.late.isEmpty { lines.append("\(journal.late.count) late record\(journal.late.count == 1 ? "" : "s") handled (listed in summary.xlsx)") }
        if waiting > 0 { lines.append("\(waiting) record\(waiting == 1 ? "" : "s") dated after \(context.asOf) wait for a later run") }
        if skipped > 0 { lines.append("\(skipped) invalid row\(skipped == 1 ? "" : "s") left out (see errors.csv)") }
        lines.append("outputs in \(monthFolder), this run's documents in \(monthFolder)/outbox/\(context.asOf)")
        return lines
    }
}
