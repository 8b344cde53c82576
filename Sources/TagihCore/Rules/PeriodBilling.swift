/// The invoices a run issues, numbered.
public struct Issued: Sendable {
    /// In number order.
    public var invoices: [Invoice]
    public var nextSequence: Int
}

/// The result of billing one period, after payments.
public struct PeriodResult: Sendable {
    public var period: Period
    public var asOf: CivilDate
    /// Invoices issued in this run, numbered, in number order, with what was paid on them.
    public var invoices: [Invoice]
    /// Invoices from earlier runs, as they stand after this run's payments.
    public var carried: [Receivable]
    /// Open invoices past due as of `asOf`, worst first.
    public var overdue: [OverdueItem]
    public var creditMovements: [CreditMovement]
    /// What the next run starts from (its remembered payments are streamed separately).
    public var nextState: BillingState
}

/// The compute stage of a run, around the payments that stream between its two halves:
/// `issue` numbers the period's invoices; `close` reads the ledger after payments and works
/// out statuses, the overdue list and the state handed on. Pure: same input, same result.
public enum PeriodBilling {
    public static func issue(input: BillingInput, state: BillingState, period: Period) -> Issued {
        var invoices = RecurringBilling.invoices(for: input, period: period)
        let next = InvoiceNumbering.assign(&invoices, pattern: input.settings.invoiceNumber, next: state.nextSequence)
        return Issued(invoices: invoices, nextSequence: next)
    }

    /// A ledger holding what state carried and what this run issued, with carried credit
    /// already spent on open invoices.
    public static func openLedger(issued: Issued, state: BillingState, input: BillingInput, on day: CivilDate) -> Ledger {
        var ledger = Ledger(receivables: state.receivables, credits: state.credits, tenants: Set(input.tenants.keys))
        for invoice in issued.invoices { ledger.add(Receivable(invoice)) }
        ledger.applyCredits(on: day)
        return ledger
    }

    /// The first moment whose payments the next run still remembers: `memoryDays` before the
    /// day after `asOf`.
    public static func paymentHorizon(asOf: CivilDate, memoryDays: Int, zone: Zone) -> Instant {
        zone.startOfDay(asOf.adding(days: 1 - memoryDays))
    }

    public static func close(
        issued: Issued, ledger: Ledger, state: BillingState, input: BillingInput, period: Period, asOf: CivilDate,
        horizon: Instant
    ) -> PeriodResult {
        var invoices = issued.invoices
        for index in invoices.indices {
            if let receivable = ledger.receivable(invoices[index].number) {
                invoices[index].paid = receivable.paid
            }
        }
        let carried = state.receivables.compactMap { ledger.receivable($0.number) }
        let keepSince = input.settings.zone.date(of: horizon)
        let receivables = ledger.receivablesToKeep(keepSettledSince: keepSince)
        let overdue = Aging.overdue(receivables, asOf: asOf, ladder: input.settings.dunning)
        let nextState = BillingState(
            period: period, nextSequence: issued.nextSequence, receivables: receivables, credits: ledger.remainingCredits,
            paymentHorizon: horizon
        )
        return PeriodResult(period: period, asOf: asOf, invoices: invoices, carried: carried, overdue: overdue,
                            creditMovements: ledger.creditMovements, nextState: nextState)
    }
}
