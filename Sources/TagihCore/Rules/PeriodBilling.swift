/// The result of billing one period.
public struct PeriodResult: Sendable {
    public var period: Period
    public var asOf: CivilDate
    /// Invoices issued in this run, numbered, in number order.
    public var invoices: [Invoice]
    /// Invoices from earlier runs still owed when this run began, as they stand now.
    public var carried: [Receivable]
    /// What the next run starts from.
    public var nextState: BillingState
}

/// The compute stage of a run: issue the period's invoices, number them, and work out the
/// state handed on. Pure: the same input and state always give the same result.
public enum PeriodBilling {
    public static func run(input: BillingInput, state: BillingState, period: Period, asOf: CivilDate) -> PeriodResult {
        var invoices = RecurringBilling.invoices(for: input, period: period)
        let next = InvoiceNumbering.assign(&invoices, pattern: input.settings.invoiceNumber, next: state.nextSequence)
        let carried = state.receivables
        var receivables = carried.filter { $0.outstanding.isPositive }
        receivables.append(contentsOf: invoices.filter { $0.outstanding.isPositive }.map(Receivable.init))
        receivables.sort { ($0.dueDate, $0.number) < ($1.dueDate, $1.number) }
        let nextState = BillingState(period: period, nextSequence: next, receivables: receivables)
        return PeriodResult(period: period, asOf: asOf, invoices: invoices, carried: carried, nextState: nextState)
    }
}
