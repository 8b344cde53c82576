/// A tenant's account in one currency over a run or a month: what it owed at the start,
/// what moved, what it owes at the end. Balance = money owed on open invoices less credit.
///
/// The amounts are kept as minor units of the one currency: a run holds a row for every
/// tenant that moved (100,000 at 100,000 tenants), and a currency code beside each amount
/// was two fifths of a row.
public struct TenantStatement: Sendable, Equatable {
    public var tenantId: String
    public let currency: CurrencyCode
    /// opening, invoices, credit notes, payments, refunds, credit used, written off, closing.
    private var minors: (Int64, Int64, Int64, Int64, Int64, Int64, Int64, Int64)

    public var opening: Money {
        get { money(minors.0) }
        set { minors.0 = minor(newValue) }
    }
    /// Invoices issued (charges included), at their totals.
    public var invoices: Money {
        get { money(minors.1) }
        set { minors.1 = minor(newValue) }
    }
    /// Credit notes issued, tax included.
    public var creditNotes: Money {
        get { money(minors.2) }
        set { minors.2 = minor(newValue) }
    }
    /// Money received from the tenant: to its invoices and to its credit.
    public var payments: Money {
        get { money(minors.3) }
        set { minors.3 = minor(newValue) }
    }
    /// Money given back (refunds that reopened invoices or took back credit).
    public var refunds: Money {
        get { money(minors.4) }
        set { minors.4 = minor(newValue) }
    }
    /// Credit put on invoices: moves money within the account, so no change to the balance.
    public var creditUsed: Money {
        get { money(minors.5) }
        set { minors.5 = minor(newValue) }
    }
    /// Expired orders and voided invoices: no longer owed, at their totals.
    public var writtenOff: Money {
        get { money(minors.6) }
        set { minors.6 = minor(newValue) }
    }
    public var closing: Money {
        get { money(minors.7) }
        set { minors.7 = minor(newValue) }
    }

    public init(tenantId: String, currency: CurrencyCode, opening: Money) {
        precondition(opening.currency == currency, "a statement's amounts are in its currency")
        self.tenantId = tenantId
        self.currency = currency
        minors = (opening.minor, 0, 0, 0, 0, 0, 0, opening.minor)
    }

    public static func == (a: TenantStatement, b: TenantStatement) -> Bool {
        a.tenantId == b.tenantId && a.currency == b.currency && a.opening == b.opening && a.invoices == b.invoices
            && a.creditNotes == b.creditNotes && a.payments == b.payments && a.refunds == b.refunds && a.creditUsed == b.creditUsed
            && a.writtenOff == b.writtenOff && a.closing == b.closing
    }

    private func money(_ minor: Int64) -> Money { Money(minor: minor, currency: currency) }

    private func minor(_ amount: Money) -> Int64 {
        precondition(amount.currency == currency, "a statement's amounts are in its currency")
        return amount.minor
    }

    /// opening + invoices − credit notes − payments + refunds − written off.
    public var expectedClosing: Money { opening + invoices - creditNotes - payments + refunds - writtenOff }

    /// This statement followed by a later one of the same tenant and currency.
    public func then(_ later: TenantStatement) -> TenantStatement {
        var joined = self
        joined.invoices += later.invoices
        joined.creditNotes += later.creditNotes
        joined.payments += later.payments
        joined.refunds += later.refunds
        joined.creditUsed += later.creditUsed
        joined.writtenOff += later.writtenOff
        joined.closing = later.closing
        return joined
    }
}

/// The movements of a run, per tenant and currency, collected as the run goes.
public struct StatementBook: Sendable {
    public struct Key: Hashable, Sendable, Comparable {
        public let tenant: String
        public let currency: CurrencyCode
        public init(tenant: String, currency: CurrencyCode) {
            self.tenant = tenant
            self.currency = currency
        }
        public static func < (a: Key, b: Key) -> Bool { (a.tenant, a.currency) < (b.tenant, b.currency) }
    }

    /// The rows of the tenants that moved, and each one's place by key: a dictionary of whole
    /// rows would hold every tenant's several times over in its power-of-two buckets, and one
    /// of places a second copy of every key (59 MB at a million tenants; `PlaceIndex`, 8 MB).
    private var rows: [TenantStatement] = []
    private var index = PlaceIndex()

    public init() {}

    private static func hash(_ tenant: String, _ currency: CurrencyCode) -> Int { Key(tenant: tenant, currency: currency).hashValue }

    private static func place(in rows: [TenantStatement], _ index: PlaceIndex, _ tenant: String, _ currency: CurrencyCode) -> Int32? {
        index.find(hash: hash(tenant, currency)) { rows[Int($0)].tenantId == tenant && rows[Int($0)].currency == currency }
    }

    private mutating func update(_ tenant: String, _ currency: CurrencyCode, _ change: (inout TenantStatement) -> Void) {
        if let at = Self.place(in: rows, index, tenant, currency) {
            change(&rows[Int(at)])
        } else {
            do {
                // Read through a copy: the index cannot be changed while `self` is read.
                let rows = self.rows
                index.insert(Int32(rows.count), hash: Self.hash(tenant, currency)) { Self.hash(rows[Int($0)].tenantId, rows[Int($0)].currency) }
            }
            rows.append(TenantStatement(tenantId: tenant, currency: currency, opening: .zero(currency)))
            change(&rows[rows.count - 1])
        }
    }

    public mutating func issued(_ invoice: Invoice) { update(invoice.tenantId, invoice.currency) { $0.invoices += invoice.total } }
    public mutating func credited(_ note: CreditNote) { update(note.tenantId, note.amount.currency) { $0.creditNotes += note.amount } }
    public mutating func writtenOff(tenant: String, _ total: Money) { update(tenant, total.currency) { $0.writtenOff += total } }
    public mutating func creditUsed(_ movement: CreditMovement) {
        update(movement.tenantId, movement.amount.currency) { $0.creditUsed += movement.amount }
    }

    /// A billing payment's effect: money in, or money given back.
    public mutating func paid(_ effect: PaymentEffect) {
        guard !effect.tenantId.isEmpty else { return }
        switch effect.outcome {
        case .applied, .credited, .refundReversed:
            let moved = effect.toInvoice + effect.toCredit
            if moved.isPositive { update(effect.tenantId, moved.currency) { $0.payments += moved } }
            if moved.isNegative { update(effect.tenantId, moved.currency) { $0.refunds -= moved } }
        default:
            break
        }
    }

    /// The parts a state's balances are summed from: each receivable's outstanding, each
    /// credit taken off.
    static func forEachBalancePart(_ state: BillingState, _ body: (String, Money) -> Void) {
        for receivable in state.receivables where !receivable.outstanding.isZero { body(receivable.tenantId, receivable.outstanding) }
        for credit in state.credits where !credit.amount.isZero { body(credit.tenantId, -credit.amount) }
    }

    /// The run's statements: a row for every tenant and currency that moved, with its opening
    /// and closing balance from the states before and after, in tenant order. Taken from the
    /// book where they are: the rows are sorted in place and only the balances of tenants that
    /// moved are added, read from the states (tables of every tenant's balance, and a sorted
    /// copy of the rows, came to 45 MB at 100,000 tenants as the run ended).
    public mutating func takeStatements(before: BillingState, after: BillingState) -> [TenantStatement] {
        var rows: [TenantStatement] = []
        swap(&rows, &self.rows)
        let index = self.index
        self.index = PlaceIndex()
        func add(_ tenant: String, _ amount: Money, to side: WritableKeyPath<TenantStatement, Money>) {
            guard let at = StatementBook.place(in: rows, index, tenant, amount.currency) else { return }
            rows[Int(at)][keyPath: side] += amount
        }
        StatementBook.forEachBalancePart(before) { add($0, $1, to: \.opening) }
        StatementBook.forEachBalancePart(after) { add($0, $1, to: \.closing) }
        // A row per (tenant, currency): the order is a stable sort's, without its buffer.
        rows.sortWithoutBuffer { ($0.tenantId, $0.currency) < ($1.tenantId, $1.currency) }
        // Kept to the end of the run, so without the room the rows grew into.
        rows.shrinkToFit()
        return rows
    }
}
