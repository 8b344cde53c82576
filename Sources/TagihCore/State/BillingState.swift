/// `state.yaml`: what one run hands to the next. Everything in it is bounded by time (the
/// memory horizon) or by the number of tenants, subscriptions and vouchers, never by history.
public struct BillingState: Sendable {
    /// The as-of date of the run that wrote it: the next run's span starts the day after.
    public var asOf: CivilDate?
    /// Who the state belongs to, so one operator's state is never continued with another's input.
    public var operatorStamp: OperatorStamp?
    /// The next invoice sequence number to assign (numbers are gapless across runs).
    public var nextSequence: Int
    /// The next credit note sequence number: credit notes have their own gapless series.
    public var nextCreditNoteSequence = 1
    /// Invoices with money still owed, and settled ones kept a while (so a refund can still
    /// reopen them and the month's workbooks can show them), by due date.
    public var receivables: [Receivable]
    public var credits: [Credit]
    /// Records dated before this moment are taken as handled by earlier runs.
    public var memoryHorizon: Instant?
    /// Final outcomes of payments dated since the horizon, by id. Large, so they are not held
    /// here: `paymentCount` says how many there are and the pipeline streams them.
    public var paymentCount: Int
    /// Orders, changes and adjustments handled since the horizon.
    public var handled: [HandledRecord] = []
    /// Payments seen but not settled (pending) or not matched yet: shown, retried, never dropped.
    public var openPayments: [OpenPayment] = []
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
    /// Each tenant's dunning step (the action it last got a message for).
    public var dunningSteps = DunningSteps()
    /// What runs did to recurring subscriptions (changes, renewals), by subscription id: a
    /// directory, not a dictionary, whose buckets would hold every contract's 144 bytes twice
    /// over (42 MB at 100,000 subscriptions, where this holds them in 20).
    public var contracts = Directory<ContractState>()

    public init(
        asOf: CivilDate? = nil, nextSequence: Int = 1, receivables: [Receivable] = [], credits: [Credit] = [],
        memoryHorizon: Instant? = nil, paymentCount: Int = 0
    ) {
        self.asOf = asOf
        self.nextSequence = nextSequence
        self.receivables = receivables
        self.credits = credits
        self.memoryHorizon = memoryHorizon
        self.paymentCount = paymentCount
    }

    public static let initial = BillingState()

    /// The month of the run that wrote it.
    public var period: Period? { asOf?.period }
}

/// The operator a state belongs to: its name, tax id and currency as the settings gave them.
public struct OperatorStamp: Sendable, Equatable {
    public var name: String
    public var taxId: String
    public var currency: CurrencyCode

    public init(name: String, taxId: String, currency: CurrencyCode) {
        self.name = name
        self.taxId = taxId
        self.currency = currency
    }

    public init(_ settings: Settings) {
        self.init(name: settings.operator.name, taxId: settings.operator.taxId, currency: settings.currency)
    }
}

/// The kinds of input record recognised by id across runs.
public enum RecordKind: String, Sendable, CaseIterable, Comparable {
    case order
    case change
    case adjustment
    case payment

    public static func < (a: RecordKind, b: RecordKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// What state remembers of an order invoiced, a change or an adjustment applied: enough to
/// skip it when a later export carries it again, and to notice when its content changed.
public struct HandledRecord: Sendable, Equatable {
    public var kind: RecordKind
    public var id: String
    /// The record's own date (an order's day, a change's effective date).
    public var date: CivilDate
    public var digest: Digest

    public init(kind: RecordKind, id: String, date: CivilDate, digest: Digest) {
        self.kind = kind
        self.id = id
        self.date = date
        self.digest = digest
    }
}

/// An invoice still owed at the end of a run, carried to the next so payments can settle
/// it and the overdue list can age it.
///
/// Stored compactly (amounts as minor units of its one currency, absent days and times as
/// sentinels): a run holds every open invoice and those paid within `payment_memory`, 120,000
/// of them at 100,000 tenants, and a third of their size was currency codes and padding.
public struct Receivable: Sendable {
    public var number: String
    public var tenantId: String
    public var sourceId: String
    /// The vouchers it redeemed (codes joined by `|`; a consolidated invoice may have several),
    /// given back when it is voided.
    public var voucher: String
    public var issueDate: CivilDate
    public var dueDate: CivilDate
    private var lastPaidDay: Int32
    private var place: Int32
    private let currency: CurrencyCode
    public var source: InvoiceSource
    private var expiry: Int64
    private var creation: Int64
    /// total, outstanding, tax, credit notes, credited.
    private var minors: (Int64, Int64, Int64, Int64, Int64)

    private static let none32 = Int32.min
    private static let none64 = Int64.min

    public var total: Money {
        get { money(minors.0) }
        set { minors.0 = minor(newValue) }
    }
    public var outstanding: Money {
        get { money(minors.1) }
        set { minors.1 = minor(newValue) }
    }
    /// The invoice's tax, for a credit note's tax part.
    public var tax: Money {
        get { money(minors.2) }
        set { minors.2 = minor(newValue) }
    }
    /// Credit notes against it so far (tax included): a credit note may take no more than the
    /// total less these.
    public var creditNotes: Money {
        get { money(minors.3) }
        set { minors.3 = minor(newValue) }
    }
    /// The part of those credit notes that lowered its outstanding (the rest became credit).
    public var credited: Money {
        get { money(minors.4) }
        set { minors.4 = minor(newValue) }
    }
    /// The day the last money was applied to it; a settled invoice stays on file for a while
    /// after, so a refund can still reopen it.
    public var lastPaidOn: CivilDate? {
        get { lastPaidDay == Receivable.none32 ? nil : CivilDate(daysSinceEpoch: lastPaidDay) }
        set { lastPaidDay = newValue?.daysSinceEpoch ?? Receivable.none32 }
    }
    /// For an order's invoice: when its payment code lapses. Unpaid by then, the order is
    /// expired: neither receivable nor overdue.
    public var expiresAt: Instant? {
        get { expiry == Receivable.none64 ? nil : Instant(seconds: expiry) }
        set { expiry = newValue?.seconds ?? Receivable.none64 }
    }
    /// For an order's invoice: when the order was placed.
    public var createdAt: Instant? {
        get { creation == Receivable.none64 ? nil : Instant(seconds: creation) }
        set { creation = newValue?.seconds ?? Receivable.none64 }
    }
    /// The invoice's place in the gapless sequence.
    public var sequence: Int {
        get { Int(place) }
        set { place = Int32(newValue) }
    }

    public init(
        number: String, tenantId: String, source: InvoiceSource, sourceId: String, issueDate: CivilDate,
        dueDate: CivilDate, total: Money, outstanding: Money, lastPaidOn: CivilDate? = nil, expiresAt: Instant? = nil,
        createdAt: Instant? = nil, sequence: Int = 0, tax: Money? = nil, creditNotes: Money? = nil, credited: Money? = nil,
        voucher: String = ""
    ) {
        self.number = number
        self.tenantId = tenantId
        self.source = source
        self.sourceId = sourceId
        self.issueDate = issueDate
        self.dueDate = dueDate
        self.voucher = voucher
        currency = total.currency
        lastPaidDay = Receivable.none32
        place = 0
        expiry = Receivable.none64
        creation = Receivable.none64
        minors = (total.minor, 0, 0, 0, 0)
        self.outstanding = outstanding
        self.lastPaidOn = lastPaidOn
        self.expiresAt = expiresAt
        self.createdAt = createdAt
        self.sequence = sequence
        self.tax = tax ?? .zero(currency)
        self.creditNotes = creditNotes ?? .zero(currency)
        self.credited = credited ?? .zero(currency)
    }

    private func money(_ minor: Int64) -> Money { Money(minor: minor, currency: currency) }

    /// Every amount of an invoice is in its currency.
    private func minor(_ amount: Money) -> Int64 {
        precondition(amount.currency == currency, "an invoice's amounts are in its currency")
        return amount.minor
    }

    /// Money paid on it (payments and credit), credit notes aside.
    public var paid: Money { total - outstanding - credited }

    public init(_ invoice: Invoice) {
        self.init(
            number: invoice.number, tenantId: invoice.tenantId, source: invoice.source, sourceId: invoice.sourceId,
            issueDate: invoice.issueDate, dueDate: invoice.dueDate, total: invoice.total, outstanding: invoice.outstanding,
            expiresAt: invoice.order?.expiresAt, createdAt: invoice.order?.pending.createdAt, sequence: invoice.sequence,
            tax: invoice.tax, voucher: invoice.redeemed.joined(separator: "|")
        )
    }

    /// The moment the invoice came into being: an order's when it was placed, any other at the
    /// start of its issue day. Payments only meet invoices issued by their time.
    public func issuedAt(in zone: Zone) -> Instant { createdAt ?? zone.startOfDay(issueDate) }
}

/// What state remembers of a payment an earlier run settled, so that the same payment in a
/// later export is not applied again and a later refund of it can be undone where it went.
public struct AppliedPayment: Sendable, Equatable {
    /// What became of it.
    public enum Kind: String, Sendable, CaseIterable {
        /// Money went to an invoice or to the tenant's credit.
        case applied
        /// Money collected for a tenant, counted in its payout window.
        case collected
        /// Failed, expired, or paid and refunded before any run applied it: no money moved.
        case noMoney = "no_money"
    }

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
    public var kind: Kind
    /// The content it had when it was settled; nil in states written before digests.
    public var digest: Digest?

    public init(id: String, paidAt: Instant, tenantId: String, received: Money, refunded: Money, invoice: String, toInvoice: Money,
                toCredit: Money, kind: Kind = .applied, digest: Digest? = nil) {
        self.id = id
        self.paidAt = paidAt
        self.tenantId = tenantId
        self.received = received
        self.refunded = refunded
        self.invoice = invoice
        self.toInvoice = toInvoice
        self.toCredit = toCredit
        self.kind = kind
        self.digest = digest
    }
}

/// A payment seen by a run but not settled against anything yet: still pending at the
/// gateway, or matching nothing. It is carried in state (while inside the memory), shown in the
/// month's workbooks, and an unmatched one is tried again by every run.
public struct OpenPayment: Sendable {
    public enum Status: Sendable, Equatable {
        case pending
        case unmatched(UnmatchedReason)
    }

    public var payment: Payment
    public var status: Status

    public init(payment: Payment, status: Status) {
        self.payment = payment
        self.status = status
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

extension Receivable: Keyed { public var key: String { number } }
