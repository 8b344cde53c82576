/// An invoice still owed at the end of a run, carried to the next so payments can settle
/// it and the overdue list can age it.
public struct Receivable: Sendable {
    public var number: String
    public var tenantId: String
    public var source: InvoiceSource
    public var sourceId: String
    public var issueDate: CivilDate
    public var dueDate: CivilDate
    public var total: Money
    public var outstanding: Money

    public init(
        number: String, tenantId: String, source: InvoiceSource, sourceId: String, issueDate: CivilDate,
        dueDate: CivilDate, total: Money, outstanding: Money
    ) {
        self.number = number
        self.tenantId = tenantId
        self.source = source
        self.sourceId = sourceId
        self.issueDate = issueDate
        self.dueDate = dueDate
        self.total = total
        self.outstanding = outstanding
    }

    public init(_ invoice: Invoice) {
        self.init(
            number: invoice.number, tenantId: invoice.tenantId, source: invoice.source, sourceId: invoice.sourceId,
            issueDate: invoice.issueDate, dueDate: invoice.dueDate, total: invoice.total, outstanding: invoice.outstanding
        )
    }
}

/// `state.yaml`: what one run hands to the next.
public struct BillingState: Sendable {
    /// The period of the run that wrote it; the next run bills the month after.
    public var period: Period?
    /// The next invoice sequence number to assign (numbers are gapless across runs).
    public var nextSequence: Int
    /// Invoices with money still owed, oldest first.
    public var receivables: [Receivable]

    public init(period: Period? = nil, nextSequence: Int = 1, receivables: [Receivable] = []) {
        self.period = period
        self.nextSequence = nextSequence
        self.receivables = receivables
    }

    public static let initial = BillingState()
}
