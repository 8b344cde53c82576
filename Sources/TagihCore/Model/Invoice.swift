/// What an invoice bills for: a subscription's term, an order, a one-off charge, or (with
/// `consolidate: tenant`) several of a tenant's terms and charges of one day.
public enum InvoiceSource: String, Sendable, CaseIterable {
    case subscription
    case order
    case charge
    case consolidated
    /// A plan change's proration or a due-day change's bridge (rule 12).
    case change
    /// A contract's renewal invoice for its next term (rule 11).
    case renewal
}

public enum InvoiceStatus: String, Sendable, CaseIterable {
    /// Issued, nothing paid, not yet past due.
    case open
    /// Part paid, not yet past due.
    case partial
    /// Past due with money outstanding.
    case overdue
    case paid
    /// An order whose payment code lapsed unpaid: neither receivable nor overdue.
    case expired
    /// Cancelled by an adjustment with nothing paid on it: keeps its number, owes nothing.
    case void

    /// Whether an invoice of this status is money owed or was paid: expired and void ones
    /// never are, so they count in no outstanding total and no collection rate.
    public var isReceivable: Bool { self != .expired && self != .void }
}

public struct InvoiceLine: Sendable {
    public var productId: String
    public var description: String
    /// The service period covered, first and last day.
    public var periodStart: CivilDate
    public var periodEnd: CivilDate
    /// Units billed: seats for per-seat products, else the subscription's quantity.
    public var quantity: Int
    public var unitPrice: ExactDecimal
    public var months: Int
    /// Days billed out of `daysInTerm`, for prorated lines; nil for whole terms.
    public var prorata: (days: Int, daysInTerm: Int)?
    public var net: Money
    public var taxable: Bool
    /// What the line bills for on a consolidated invoice (a subscription or a charge), with its
    /// own discount and tax; nil on an invoice of one source, whose discount and tax are the
    /// invoice's.
    public var own: LineAmounts?

    public init(
        productId: String, description: String, periodStart: CivilDate, periodEnd: CivilDate, quantity: Int,
        unitPrice: ExactDecimal, months: Int, prorata: (days: Int, daysInTerm: Int)? = nil, net: Money, taxable: Bool,
        own: LineAmounts? = nil
    ) {
        self.productId = productId
        self.description = description
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.months = months
        self.prorata = prorata
        self.net = net
        self.taxable = taxable
        self.own = own
    }
}

/// A consolidated invoice's line as the invoice it would have been on its own: rules 4 and 5
/// apply per line, and the invoice sums them exactly.
public struct LineAmounts: Sendable, Equatable {
    public var source: InvoiceSource
    public var sourceId: String
    public var voucher: String
    public var discount: Money
    public var tax: Money

    public init(source: InvoiceSource, sourceId: String, voucher: String, discount: Money, tax: Money) {
        self.source = source
        self.sourceId = sourceId
        self.voucher = voucher
        self.discount = discount
        self.tax = tax
    }
}

/// What an order's invoice carries besides its lines: how it is paid and what it changes.
/// Kept behind one reference (copied on write) so that the many invoices that are not for
/// orders stay small.
public struct OrderInvoice: Sendable {
    private final class Storage: @unchecked Sendable {
        var pending: PendingOrder
        init(_ pending: PendingOrder) { self.pending = pending }
    }

    private var storage: Storage

    public var pending: PendingOrder {
        get { storage.pending }
        set {
            if isKnownUniquelyReferenced(&storage) { storage.pending = newValue } else { storage = Storage(newValue) }
        }
    }

    public var expiresAt: Instant { storage.pending.expiresAt }
    public var paymentCode: String { storage.pending.paymentCode }

    public init(_ pending: PendingOrder) { storage = Storage(pending) }
}

/// An issued invoice. `number` is empty until numbering assigns it.
public struct Invoice: Sendable {
    public var number: String
    public var sequence: Int
    public var tenantId: String
    public var source: InvoiceSource
    public var sourceId: String
    public var issueDate: CivilDate
    public var dueDate: CivilDate
    public var currency: CurrencyCode
    public var lines: [InvoiceLine]
    public var voucher: String
    public var subtotal: Money
    public var discount: Money
    public var tax: Money
    public var taxMode: TaxMode
    public var total: Money
    /// Money applied to it so far: payments and credit.
    public var paid: Money
    /// Set for an order's invoice.
    public var order: OrderInvoice?
    /// Set once an order's payment code lapsed unpaid.
    public var expired = false
    /// Set once an adjustment voided it.
    public var voided = false
    /// Taken off it by credit notes (tax included).
    public var credited: Money
    /// The voucher codes it redeemed (upper case), given back if it is voided.
    public var redeemed: [String] = []

    public init(
        tenantId: String, source: InvoiceSource, sourceId: String, issueDate: CivilDate, dueDate: CivilDate,
        currency: CurrencyCode, lines: [InvoiceLine], voucher: String = "", subtotal: Money, discount: Money,
        tax: Money, taxMode: TaxMode, total: Money
    ) {
        self.number = ""
        self.sequence = 0
        self.tenantId = tenantId
        self.source = source
        self.sourceId = sourceId
        self.issueDate = issueDate
        self.dueDate = dueDate
        self.currency = currency
        self.lines = lines
        self.voucher = voucher
        self.subtotal = subtotal
        self.discount = discount
        self.tax = tax
        self.taxMode = taxMode
        self.total = total
        self.paid = .zero(currency)
        self.credited = .zero(currency)
    }

    /// What is still owed; an expired or void invoice is owed nothing.
    public var outstanding: Money { expired || voided ? .zero(currency) : Money.max(total - paid - credited, .zero(currency)) }

    /// The status as of a date: paid, overdue (past due with money outstanding), partial or open.
    public func status(asOf date: CivilDate) -> InvoiceStatus {
        if voided { return .void }
        if expired { return .expired }
        if !outstanding.isPositive { return .paid }
        if date > dueDate { return .overdue }
        return paid.isZero ? .open : .partial
    }
}
