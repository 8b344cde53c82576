import TagihCore

/// The check stage: the numbers a run computed must hold together before anything is written,
/// each read from the computed totals (never from what a writer counted). A broken check is a
/// defect in tagih: the run stops with exit 4 and writes nothing.
enum Checks {
    /// The run's invoices are read back from its journal (`files`), as the writers will read
    /// them: their totals and each one's own figures are checked from what was written.
    static func run(_ context: RunContext, _ billed: Billed, payments: TakeInPayments, files: JournalFiles) throws
        -> (balances: [Reconciliation.Balance], issued: IssuedTotals, problems: [String]) {
        let journal = billed.journal
        var issued = IssuedTotals()
        try files.forEachInvoice { issued.add($0) }
        let balances = Reconciliation.balances(
            before: context.state, issued: issued, payments: journal.payments.movements,
            creditMovements: journal.creditMovements, expired: journal.expiredOrders, voids: journal.voids,
            creditNotes: journal.creditNotes, after: billed.nextState
        )
        var counts = payments.paymentCounts
        counts.outcomes = journal.payments.payments
        let problems = issued.problems
            + Reconciliation.paymentCountProblems(counts)
            + Reconciliation.balanceProblems(balances)
            + Reconciliation.statementProblems(journal.statements, before: context.state, after: billed.nextState)
        return (balances, issued, problems)
    }
}
