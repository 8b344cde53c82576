import TagihCore
import TagihIO

/// What the bill stage hands on: the run's journal and the state the next run starts from.
struct Billed {
    var journal: RunJournal
    var nextState: BillingState
}

/// The bill stage: the run's days through the billing engine, payments fed in the order paid;
/// each invoice goes to the journal as it is issued, each payment with a new outcome as it is
/// applied, and what the next state must remember of it to the remembered sorter.
enum Bill {
    /// `newRow`: each payment with a new outcome, as it is applied (the Payments sheet's rows).
    static func run(_ context: RunContext, _ loaded: LoadedInput, payments: TakeInPayments, files: JournalFiles,
                    newRow: (Payment, PaymentEffect) throws -> Void) throws -> Billed {
        var run = BillingRun(input: loaded.input, state: context.state, orders: loaded.orders, adjustments: loaded.adjustments, changes: loaded.changes, setup: context.setup,
                             paymentCode: OrderCodes.paymentCode, recordInvoice: { try files.invoice($0) }, recordCollection: { try files.collection($0) },
                             recordNotice: { try files.dunning($0) })
        let feed = try payments.feed(context)
        let horizon = context.setup.memoryHorizon
        try run.run(payments: feed) { payment, effect in
            if let remember = effect.remember { try payments.remember(remember, horizon: horizon) }
            if isNews(payment, effect) {
                try files.payment(payment, effect)
                try newRow(payment, effect)
            }
        }
        Trace.mark("applied the payments")
        let next = run.finish(previous: context.state)
        Trace.mark("built the next state")
        try files.finishInvoices()
        var journal = run.journal
        journal.findings += loaded.findings + payments.counts.nearDuplicates
        if let first = payments.counts.beforeMemoryFirst, let horizon = context.state.memoryHorizon {
            journal.findings.append(Finding(first, .beforeMemory(kind: .payment, count: payments.counts.beforeMemory, horizon: context.zone.date(of: horizon))))
        }
        return Billed(journal: journal, nextState: next)
    }

    /// Whether a payment's outcome belongs in the month's Payments sheet as a new row: a
    /// payment already settled by an earlier run adds nothing, and one still open (pending,
    /// or matching nothing) is shown from the state until it settles.
    static func isNews(_ payment: Payment, _ effect: PaymentEffect) -> Bool {
        switch effect.outcome {
        case .alreadyApplied, .unmatched: return false
        case .notSettled: return payment.status != .pending
        default: return true
        }
    }
}
