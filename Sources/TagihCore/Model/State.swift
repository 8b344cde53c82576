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
    /// The day the last money was applied to it; a settled invoice stays on file for a while
    /// after, so a refund can still reopen it.
    public var lastPaidOn: CivilDate?
    /// For an order's invoice: when its payment code lapses. Unpaid by then, the order is
    /// expired: neither receivable nor overdue.
    public var expiresAt: Instant?
    /// For an order's invoice: when the order was placed.
    public var createdAt: Instant?

    public init(
        number: String, tenantId: String, source: InvoiceSource, sourceId: String, issueDate: CivilDate,
        dueDate: CivilDate, total: Money, outstanding: Money, lastPaidOn: CivilDate? = nil, expiresAt: Instant? = nil,
        createdAt: Instant? = nil
    ) {
        self.number = number
        self.tenantId = tenantId
        self.source = source
        self.sourceId = sourceId
        self.issueDate = issueDate
        self.dueDate = dueDate
        self.total = total
        self.outstanding = outstanding
        self.lastPaidOn = lastPaidOn
        self.expiresAt = expiresAt
        self.createdAt = createdAt
    }

    public var paid: Money { total - outstanding }

    public init(_ invoice: Invoice) {
        self.init(
            number: invoice.number, tenantId: invoice.tenantId, source: invoice.source, sourceId: invoice.sourceId,
            issueDate: invoice.issueDate, dueDate: invoice.dueDate, total: invoice.total, outstanding: invoice.outstanding,
            expiresAt: invoice.order?.expiresAt, createdAt: invoice.order?.pending.createdAt
        )
    }
}

/// What state remembers of a payment it applied, so that the same payment in a later
/// export is not applied again and a later refund of it can be undone where it went.
public struct AppliedPayment: Sendable, Equatable {
    public var id: String
    public var paidAt: Instant
    public var tenantId: String
    /// What it brought in, net of refunds so far.
    public var received: Money
    public var refunded: Money
    /// The invoice it was matched to, empty when it all became credit.
    public var invoice: String
    public var toInvoice: Money
    public var toCredit: Money

    public init(id: String, paidAt: Instant, tenantId: String, received: Money, refunded: Money, invoice: String, toInvoice: Money, toCredit: Money) {
        self.id = id
        self.paidAt = paidAt
        self.tenantId = tenantId
        self.received = received
        self.refunded = refunded
        self.invoice = invoice
        self.toInvoice = toInvoice
        self.toCredit = toCredit
    }
}

/// A tenant's money held for its next invoices (negative: owed after a refund that could
/// not reopen an invoice).
public struct Credit: Sendable, Equatable {
    public var tenantId: String
    public var amount: Money

    public init(tenantId: String, amount: Money) {
        self.tenantId = tenantId
        self.amount = amount
    }
}

/// `state.yaml`: what one run hands to the next.
public struct BillingState: Sendable {
    /// The period of the run that wrote it; the next run bills the month after.
    public var period: Period?
    /// The next invoice sequence number to assign (numbers are gapless across runs).
    public var nextSequence: Int
    /// Invoices with money still owed, and recently settled ones, by due date.
    public var receivables: [Receivable]
    public var credits: [Credit]
    /// Payments stamped before this moment are taken as handled by earlier runs.
    public var paymentHorizon: Instant?
    /// Applied payments stamped since the horizon, by id. Large, so it is not loaded with
    /// the rest: `paymentCount` says how many there are and the pipeline streams them.
    public var paymentCount: Int
    /// Subscriptions bought by orders.
    public var prepaid: [PrepaidSubscription] = []
    /// Orders whose payment code had not lapsed when the run ended.
    public var pendingOrders: [PendingOrder] = []
    /// How many times each voucher has been redeemed, across runs.
    public var voucherRedemptions: [String: Int] = [:]
    /// Payout windows with collections that had not ended when the run ended.
    public var payoutWindows: [(PayoutWindow, WindowSums)] = []
    /// Money owed to tenants (or by them, after late refunds) not yet paid out.
    public var payoutBalances: [PayoutBalance] = []

    public init(
        period: Period? = nil, nextSequence: Int = 1, receivables: [Receivable] = [], credits: [Credit] = [],
        paymentHorizon: Instant? = nil, paymentCount: Int = 0
    ) {
        self.period = period
        self.nextSequence = nextSequence
        self.receivables = receivables
        self.credits = credits
        self.paymentHorizon = paymentHorizon
        self.paymentCount = paymentCount
    }

    public static let initial = BillingState()
}
