/// A tenant's account in one currency over a run or a month: what it owed at the start,
/// what moved, what it owes at the end. Balance = money owed on open invoices less credit.
public struct TenantStatement: Sendable, Equatable {
    public var tenantId: String
    public var currency: CurrencyCode
    public var opening: Money
    /// Invoices issued (charges included), at their totals.
    public var invoices: Money
    /// Credit notes issued, tax included.
    public var creditNotes: Money
    /// Money received from the tenant: to its invoices and to its credit.
    public var payments: Money
    /// Money given back (refunds that reopened invoices or took back credit).
    public var refunds: Money
    /// Credit put on invoices: moves money within the account, so no change to the balance.
    public var creditUsed: Money
    /// Expired orders and voided invoices: no longer owed, at their totals.
    public var writtenOff: Money
    public var closing: Money

    public init(tenantId: String, currency: CurrencyCode, opening: Money) {
        let zero = Money.zero(currency)
        self.tenantId = tenantId
        self.currency = currency
        self.opening = opening
        (invoices, creditNotes, payments, refunds, creditUsed, writtenOff) = (zero, zero, zero, zero, zero, zero)
        closing = opening
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
    /// rows would hold every tenant's several times over in its power-of-two buckets.
    private var rows: [TenantStatement] = []
    private var place: [Key: Int32] = [:]

    public init() {}

    private mutating func update(_ tenant: String, _ currency: CurrencyCode, _ change: (inout TenantStatement) -> Void) {
        let key = Key(tenant: tenant, currency: currency)
        if let at = place[key] {
            change(&rows[Int(at)])
        } else {
            place[key] = Int32(rows.count)
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

    /// Each tenant's balance in a state: outstanding on its receivables less its credit.
    public static func balances(_ state: BillingState) -> [Key: Money] {
        var balances: [Key: Money] = [:]
        forEachBalancePart(state) { tenant, amount in
            balances[Key(tenant: tenant, currency: amount.currency), default: .zero(amount.currency)] += amount
        }
        return balances
    }

    /// The parts a state's balances are summed from: each receivable's outstanding, each
    /// credit taken off.
    private static func forEachBalancePart(_ state: BillingState, _ body: (String, Money) -> Void) {
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
        let place = self.place
        self.place = [:]
        func add(_ tenant: String, _ amount: Money, to side: WritableKeyPath<TenantStatement, Money>) {
            guard let at = place[Key(tenant: tenant, currency: amount.currency)] else { return }
            rows[Int(at)][keyPath: side] += amount
        }
        StatementBook.forEachBalancePart(before) { add($0, $1, to: \.opening) }
        StatementBook.forEachBalancePart(after) { add($0, $1, to: \.closing) }
        rows.sort { ($0.tenantId, $0.currency) < ($1.tenantId, $1.currency) }
        // Kept to the end of the run, so without the room the rows grew into.
        rows.shrinkToFit()
        return rows
    }
}
