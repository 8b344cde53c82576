import TagihCore

/// The check stage: the numbers a run computed must hold together before anything is written,
/// each read from the computed totals (never from what a writer counted). A broken check is a
/// defect in tagih: the run stops with exit 4 and writes nothing.
enum Checks {
    static func run(_ context: RunContext, _ billed: Billed, payments: TakeInPayments) -> (balances: [Reconciliation.Balance], problems: [String]) {
        let journal = billed.journal
        let balances = Reconciliation.balances(
            before: context.state, issued: journal.issued, payments: journal.payments.movements,
            creditMovements: journal.creditMovements, expired: journal.expiredOrders, voids: journal.voids,
            creditNotes: journal.creditNotes, after: billed.nextState
        )
        var counts = payments.paymentCounts
        counts.outcomes = journal.payments.payments
        let problems = Reconciliation.invoiceProblems(journal.issued)
            + Reconciliation.paymentCountProblems(counts)
            + Reconciliation.balanceProblems(balances)
            + Reconciliation.statementProblems(journal.statements, before: context.state, after: billed.nextState)
        return (balances, problems)
    }
}
