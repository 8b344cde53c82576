/// How a payment found its invoice.
public enum MatchRoute: String, Sendable {
    /// Its reference named an invoice (or an order or payment code of one).
    case reference
    /// No usable reference: the tenant's oldest open invoice.
    case tenant
}

/// What applying one payment did, for payments.xlsx and for state.
public struct PaymentEffect: Sendable {
    public enum Outcome: Sendable, Equatable {
        /// Money went to an invoice, and any excess to credit.
        case applied
        /// All of it became the tenant's credit (nothing open, or the invoice already paid).
        case credited
        /// Pending, failed or expired: no money moved.
        case notSettled
        /// An earlier run applied it; nothing changed since.
        case alreadyApplied
        /// A refund reversed (part of) an earlier application.
        case refundReversed
        /// Paid and refunded before any run applied it: no effect.
        case refundedBeforeApplied
        /// Matched nothing; not applied, kept open and tried again.
        case unmatched(UnmatchedReason)
        /// Money collected on a tenant's behalf, not a payment of an invoice.
        case collection
    }

    public var outcome: Outcome
    public var route: MatchRoute?
    public var tenantId = ""
    /// The invoice the money went to (or was taken back from).
    public var invoice = ""
    /// Applied to that invoice (negative when a refund reopened it).
    public var toInvoice: Money
    /// Added to the tenant's credit (negative when taken back).
    public var toCredit: Money
    /// The tenant's credit then applied to its other open invoices.
    public var creditUsed: [(invoice: String, amount: Money)] = []
    /// What state remembers of the payment after this; nil when nothing is to be remembered.
    public var remember: AppliedPayment?
    /// Set when the payment came after the order it names had lapsed.
    public var order: String?
    public var orderLapsedAt: Instant?
    /// First seen after the span it is dated in was run.
    public var late = false

    public init(_ outcome: Outcome, currency: CurrencyCode) {
        self.outcome = outcome
        toInvoice = .zero(currency)
        toCredit = .zero(currency)
    }

    public static func unmatched(_ reason: UnmatchedReason, currency: CurrencyCode) -> PaymentEffect {
        PaymentEffect(.unmatched(reason), currency: currency)
    }

    /// Money collected for a tenant, counted for its payout; `remember` is what state keeps.
    public static func collection(tenant: String, remember: AppliedPayment?, currency: CurrencyCode) -> PaymentEffect {
        var effect = PaymentEffect(.collection, currency: currency)
        effect.tenantId = tenant
        effect.remember = remember
        return effect
    }
}

/// One movement of a tenant's credit onto an invoice, for the Credits sheet.
public struct CreditMovement: Sendable, Equatable {
    public var tenantId: String
    public var invoice: String
    public var amount: Money
    public var day: CivilDate

    public init(tenantId: String, invoice: String, amount: Money, day: CivilDate) {
        self.tenantId = tenantId
        self.invoice = invoice
        self.amount = amount
        self.day = day
    }
}

/// The receivables and credits of a run, and rule 7: payments matched by reference, else to
/// the tenant's oldest open invoice issued by the payment's time; a partial payment leaves the
/// rest open; an overpayment becomes credit that pays the tenant's next invoices; refunds reopen.
public struct Ledger: Sendable {
    struct CreditKey: Hashable, Sendable, Comparable {
        let tenant: String
        let currency: CurrencyCode
        static func < (a: CreditKey, b: CreditKey) -> Bool { (a.tenant, a.currency) < (b.tenant, b.currency) }
    }

    private var receivables = Directory<Receivable>()
    /// Each tenant's receivables, oldest due first.
    private var queues: ReceivableQueues
    /// Receivables by their number's spelling (`normalise`), as places in `receivables`: a
    /// dictionary of spellings to numbers took 67 MB at a million invoices (`PlaceIndex`, 8 MB).
    private var spellings = PlaceIndex()
    /// Order ids and payment codes, by spelling, to the invoice they name.
    private var aliases: [String: String] = [:]
    private var credits = CreditBook()
    private let tenants: Directory<Tenant>
    private let zone: Zone
    public private(set) var creditMovements: [CreditMovement] = []
    /// Orders whose invoice was paid off, and when (taken by the run as it goes).
    public var settledOrders: [String: Instant] = [:]

    public init(receivables: [Receivable], credits: [Credit], tenants: Directory<Tenant>, zone: Zone) {
        self.tenants = tenants
        self.zone = zone
        queues = ReceivableQueues(tenants: tenants)
        for receivable in receivables { add(receivable) }
        for credit in credits where !credit.amount.isZero {
            self.credits[CreditKey(tenant: credit.tenantId, currency: credit.amount.currency)] = credit.amount
        }
    }

    /// References are compared without case or punctuation: a gateway that cannot carry `/`
    /// in an order id still matches (`INV-2026-11-00031` pays `INV/2026/11/00031`).
    public static func normalise(_ reference: String) -> String {
        String(String.UnicodeScalarView(reference.uppercased().unicodeScalars.filter {
            ("A"..."Z").contains($0) || ("0"..."9").contains($0)
        }))
    }

    /// Oldest first: by due date, then issue date, then number (shorter first, so a sequence
    /// that outgrew its padding still sorts by value).
    private static func isOlder(_ a: Receivable, _ b: Receivable) -> Bool {
        (a.dueDate, a.issueDate, a.number.utf8.count, a.number) < (b.dueDate, b.issueDate, b.number.utf8.count, b.number)
    }

    public mutating func add(_ receivable: Receivable) {
        if let earlier = receivables.place(of: receivable.number) {
            queues.remove(earlier, tenant: receivables[place: earlier].tenantId)
        }
        receivables[receivable.number] = receivable
        do {
            // The latest receivable of a spelling is the one it names (a removed one's place
            // is dropped here too, when its number comes back).
            let receivables = self.receivables, spelling = Ledger.normalise(receivable.number)
            _ = spellings.remove(hash: spelling.hashValue) { Ledger.spells(receivables[place: $0].number, spelling) }
            spellings.insert(receivables.place(of: receivable.number)!, hash: spelling.hashValue) {
                Ledger.normalise(receivables[place: $0].number).hashValue
            }
        }
        let receivables = self.receivables
        queues.insert(receivables.place(of: receivable.number)!, tenant: receivable.tenantId) {
            Ledger.isOlder(receivable, receivables[place: $0])
        }
    }

    /// The invoice a reference names: the number as written, or another spelling of it
    /// (`INV-2026-11-00031` for `INV/2026/11/00031`), an order id or a payment code.
    private func resolve(_ reference: String) -> String? {
        if receivables[reference] != nil { return reference }
        let spelling = Ledger.normalise(reference)
        if let number = aliases[spelling] { return number }
        let receivables = self.receivables
        return spellings.find(hash: spelling.hashValue) { Ledger.spells(receivables[place: $0].number, spelling) }
            .map { receivables[place: $0].number }
    }

    /// Whether `normalise(number) == spelling`, without making the string for ASCII numbers
    /// (every lookup compares one or two).
    static func spells(_ number: String, _ spelling: String) -> Bool {
        guard number.utf8.allSatisfy({ $0 < 0x80 }) else { return normalise(number) == spelling }
        var wanted = spelling.utf8.makeIterator()
        for byte in number.utf8 {
            let upper: UInt8
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"): upper = byte - 32
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): upper = byte
            default: continue
            }
            guard wanted.next() == upper else { return false }
        }
        return wanted.next() == nil
    }

    /// Another reference that names an invoice: an order id or a payment code.
    public mutating func addReference(_ reference: String, for number: String) {
        aliases[Ledger.normalise(reference)] = number
    }

    public func receivable(_ number: String) -> Receivable? { receivables[number] }

    /// Every receivable on file, in the order they were added, read in place rather than
    /// copied: the dunning rules look at every one every day.
    public var allReceivables: some Collection<Receivable> { receivables.reachable }

    /// Credit left per tenant, by tenant and currency.
    public var remainingCredits: [Credit] {
        credits.all.filter { !$0.value.isZero }.sorted { $0.key < $1.key }.map { Credit(tenantId: $0.key.tenant, amount: $0.value) }
    }

    /// Puts a tenant's credit on its open invoices issued by `time`, oldest first.
    public mutating func applyCredit(of tenant: String, at time: Instant) {
        for key in credits.keys(of: tenant) { _ = spendCredit(key, at: time) }
    }

    /// Applies one payment. `previous` is what an earlier run applied of the same payment.
    public mutating func apply(_ payment: Payment, previous: AppliedPayment?) -> PaymentEffect {
        let currency = payment.amount.currency
        guard payment.purpose == .billing else { return PaymentEffect(.collection, currency: currency) }
        let received = payment.netReceived
        guard let previous, previous.kind == .applied else {
            if !payment.status.settles { return PaymentEffect(.notSettled, currency: currency) }
            if received.isZero { return PaymentEffect(.refundedBeforeApplied, currency: currency) }
            return applyNew(received, payment: payment)
        }
        let delta = received - previous.received
        if delta.isZero {
            var effect = PaymentEffect(.alreadyApplied, currency: currency)
            effect.remember = previous
            effect.invoice = previous.invoice
            effect.tenantId = previous.tenantId
            return effect
        }
        if delta.isNegative { return reverse(-delta, of: previous, payment: payment) }
        // More received than an earlier run saw (a refund undone): apply the difference.
        var effect = applyNew(delta, payment: payment)
        if var remembered = effect.remember {
            remembered.received = received
            remembered.refunded = payment.refunded
            remembered.toInvoice += previous.toInvoice
            remembered.toCredit += previous.toCredit
            effect.remember = remembered
        }
        return effect
    }

    private mutating func applyNew(_ amount: Money, payment: Payment) -> PaymentEffect {
        let currency = amount.currency
        let time = payment.paidAt
        let day = zone.date(of: time)
        var target: String?
        var route: MatchRoute?
        var tenant = payment.tenantId
        if !payment.reference.isEmpty, let number = resolve(payment.reference), let receivable = receivables[number],
           receivable.issuedAt(in: zone) <= time {
            guard receivable.total.currency == currency else {
                return .unmatched(.currencyMismatch(invoice: number, invoiceCurrency: receivable.total.currency, paymentCurrency: currency), currency: currency)
            }
            route = .reference
            tenant = receivable.tenantId
            // A payment after an order's code lapsed cannot pay the order: it becomes credit.
            if let expiry = receivable.expiresAt, time > expiry, receivable.outstanding.isPositive {
                var effect = PaymentEffect(.credited, currency: currency)
                effect.route = route
                effect.tenantId = tenant
                effect.invoice = number
                effect.order = receivable.sourceId
                effect.orderLapsedAt = expiry
                credits[CreditKey(tenant: tenant, currency: currency), default: .zero(currency)] += amount
                effect.toCredit = amount
                effect.remember = AppliedPayment(id: payment.id, paidAt: time, tenantId: tenant, received: amount,
                                                 refunded: payment.refunded, invoice: "", toInvoice: .zero(currency), toCredit: amount)
                return effect
            }
            target = number
        } else if !tenant.isEmpty {
            guard tenants.contains(tenant) else {
                return .unmatched(.unknownTenant(tenant: tenant, reference: payment.reference), currency: currency)
            }
            route = .tenant
            target = oldestOpen(of: tenant, currency: currency, at: time)
        } else {
            return .unmatched(payment.reference.isEmpty ? .noReferenceNoTenant : .referenceMatchesNothing(reference: payment.reference), currency: currency)
        }

        var effect = PaymentEffect(.applied, currency: currency)
        effect.route = route
        effect.tenantId = tenant
        var excess = amount
        if let target, var receivable = receivables[target] {
            let applied = Money.min(amount, Money.max(receivable.outstanding, .zero(currency)))
            receivable.outstanding -= applied
            if applied.isPositive {
                receivable.lastPaidOn = day
                if receivable.expiresAt != nil && receivable.outstanding.isZero { settledOrders[target] = time }
            }
            receivables[target] = receivable
            effect.invoice = target
            effect.toInvoice = applied
            excess -= applied
        }
        if effect.toInvoice.isZero { effect.outcome = .credited }
        if excess.isPositive {
            let key = CreditKey(tenant: tenant, currency: currency)
            credits[key, default: .zero(currency)] += excess
            effect.toCredit = excess
            effect.creditUsed = spendCredit(key, at: time)
        }
        effect.remember = AppliedPayment(
            id: payment.id, paidAt: time, tenantId: tenant, received: amount, refunded: payment.refunded,
            invoice: effect.invoice, toInvoice: effect.toInvoice, toCredit: effect.toCredit
        )
        return effect
    }

    /// Takes `amount` back: first from the credit the payment created, then by reopening the
    /// invoice it paid; what neither can absorb is taken off the tenant's credit, which may go
    /// below zero (the tenant then owes it).
    private mutating func reverse(_ amount: Money, of previous: AppliedPayment, payment: Payment) -> PaymentEffect {
        let currency = amount.currency
        var effect = PaymentEffect(.refundReversed, currency: currency)
        effect.tenantId = previous.tenantId
        effect.invoice = previous.invoice
        let key = CreditKey(tenant: previous.tenantId, currency: currency)
        var left = amount
        var remembered = previous

        let fromCredit = Money.min(left, previous.toCredit)
        if fromCredit.isPositive {
            credits[key, default: .zero(currency)] -= fromCredit
            effect.toCredit -= fromCredit
            remembered.toCredit -= fromCredit
            left -= fromCredit
        }
        if left.isPositive, !previous.invoice.isEmpty, var receivable = receivables[previous.invoice] {
            let reopen = Money.min(left, Money.min(previous.toInvoice, receivable.paid))
            receivable.outstanding += reopen
            receivables[previous.invoice] = receivable
            effect.toInvoice = -reopen
            remembered.toInvoice -= reopen
            left -= reopen
        }
        if left.isPositive {
            credits[key, default: .zero(currency)] -= left
            effect.toCredit -= left
            remembered.toInvoice -= Money.min(left, remembered.toInvoice)
        }
        remembered.received = payment.netReceived
        remembered.refunded = payment.refunded
        effect.remember = remembered
        return effect
    }

    /// The tenant's oldest invoice in `currency` still open at `time` and issued by then.
    private func oldestOpen(of tenant: String, currency: CurrencyCode, at time: Instant) -> String? {
        for place in queues.places(of: tenant) {
            let receivable = receivables[place: place]
            if receivable.outstanding.isPositive && receivable.total.currency == currency && receivable.issuedAt(in: zone) <= time
                && !(receivable.expiresAt.map { $0 < time } ?? false) {
                return receivable.number
            }
        }
        return nil
    }

    /// Spends a tenant's positive credit on its open invoices in that currency issued by
    /// `time`, oldest first; a lapsed order is never paid from credit.
    private mutating func spendCredit(_ key: CreditKey, at time: Instant) -> [(invoice: String, amount: Money)] {
        guard var credit = credits[key], credit.isPositive else { return [] }
        var used: [(invoice: String, amount: Money)] = []
        let day = zone.date(of: time)
        for place in queues.places(of: key.tenant) {
            guard credit.isPositive else { break }
            var receivable = receivables[place: place]
            let number = receivable.number
            guard receivable.total.currency == key.currency,
                  receivable.outstanding.isPositive, receivable.issuedAt(in: zone) <= time,
                  !(receivable.expiresAt.map { $0 < time } ?? false) else { continue }
            let applied = Money.min(credit, receivable.outstanding)
            receivable.outstanding -= applied
            receivable.lastPaidOn = day
            if receivable.expiresAt != nil, receivable.outstanding.isZero { settledOrders[number] = time }
            receivables[place: place] = receivable
            credit -= applied
            used.append((number, applied))
            creditMovements.append(CreditMovement(tenantId: key.tenant, invoice: number, amount: applied, day: day))
        }
        credits[key] = credit
        return used
    }

    /// An order whose code lapsed unpaid: its invoice leaves the receivables, and anything paid
    /// on it so far becomes the tenant's credit. Returns that amount.
    public mutating func expire(_ number: String) -> Money? {
        guard let place = receivables.place(of: number) else { return nil }
        let receivable = receivables[place: place]
        queues.remove(place, tenant: receivable.tenantId)
        receivables[number] = nil
        let paid = receivable.paid
        if paid.isPositive {
            credits[CreditKey(tenant: receivable.tenantId, currency: paid.currency), default: .zero(paid.currency)] += paid
        }
        return paid
    }

    /// Rule 14's void: an invoice with nothing paid or credited on it leaves the receivables.
    /// Returns what it was, for its voucher and the journal.
    public mutating func void(_ number: String, on day: CivilDate, tenant: String) -> Result<Receivable, AdjustmentRefusal> {
        guard let receivable = receivables[number] else { return .failure(.unknownInvoice(number)) }
        if let refusal = check(receivable, on: day, tenant: tenant) { return .failure(refusal) }
        let taken = receivable.total - receivable.outstanding
        guard taken.isZero else { return .failure(.voidOfPaidInvoice(invoice: number, paid: taken)) }
        if receivable.expiresAt != nil && receivable.source == .order { return .failure(.voidOfPendingOrder(invoice: number)) }
        queues.remove(receivables.place(of: number)!, tenant: receivable.tenantId)
        receivables[number] = nil
        return .success(receivable)
    }

    /// What a credit note did: its tax part, what came off the invoice and what became credit.
    public struct Credited: Sendable, Equatable {
        public var tax: Money
        public var toInvoice: Money
        public var toCredit: Money
    }

    /// Rule 14's credit note of `amount` (tax included) against an invoice: at most its total
    /// less earlier credit notes; its tax part is `round(amount x tax / total)`; it lowers the
    /// outstanding, and what exceeds that becomes the tenant's credit, which then pays the
    /// tenant's other open invoices like any credit.
    public mutating func creditNote(
        _ number: String, amount: Money, at time: Instant, tenant: String, minorUnits: Int
    ) -> Result<Credited, AdjustmentRefusal> {
        guard var receivable = receivables[number] else { return .failure(.unknownInvoice(number)) }
        let day = zone.date(of: time)
        if let refusal = check(receivable, on: day, tenant: tenant) { return .failure(refusal) }
        guard amount.currency == receivable.total.currency else {
            return .failure(.otherCurrency(invoice: number, invoiceCurrency: receivable.total.currency, given: amount.currency))
        }
        let remaining = receivable.total - receivable.creditNotes
        guard amount <= remaining else { return .failure(.creditNoteAboveRemaining(invoice: number, remaining: remaining)) }
        let exactTax = receivable.total.isZero ? Fraction(0)
            : amount.fraction(minorUnits: minorUnits) * Fraction(Int128(receivable.tax.minor), Int128(receivable.total.minor))
        let tax = Money(minor: exactTax.roundedToMinorUnits(minorUnits), currency: amount.currency)
        let toInvoice = Money.min(amount, Money.max(receivable.outstanding, .zero(amount.currency)))
        receivable.outstanding -= toInvoice
        receivable.credited += toInvoice
        receivable.creditNotes += amount
        receivables[number] = receivable
        let toCredit = amount - toInvoice
        if toCredit.isPositive {
            let key = CreditKey(tenant: receivable.tenantId, currency: amount.currency)
            credits[key, default: .zero(amount.currency)] += toCredit
            _ = spendCredit(key, at: time)
        }
        return .success(Credited(tax: tax, toInvoice: toInvoice, toCredit: toCredit))
    }

    private func check(_ receivable: Receivable, on day: CivilDate, tenant: String) -> AdjustmentRefusal? {
        if !tenant.isEmpty && tenant != receivable.tenantId {
            return .otherTenant(invoice: receivable.number, invoiceTenant: receivable.tenantId, given: tenant)
        }
        if day < receivable.issueDate { return .beforeInvoice(invoice: receivable.number, issued: receivable.issueDate) }
        return nil
    }

    /// Receivables to hand on: everything still owed, and settled ones paid on or after
    /// `keepSettledSince` (so a refund can still reopen them), by due date. Moves them out of
    /// the ledger, which is empty afterwards: a month's invoices are many.
    public mutating func takeReceivablesToKeep(keepSettledSince: CivilDate, issuedSince: CivilDate) -> [Receivable] {
        // Nothing is matched after this: the indexes go before the next state is built beside
        // them (the spellings and aliases).
        queues = ReceivableQueues(tenants: Directory())
        spellings.removeAll()
        aliases = [:]
        var kept = receivables.removeAllValues()
        kept.removeAll { !($0.outstanding.isPositive || $0.issueDate >= issuedSince || ($0.lastPaidOn.map { $0 >= keepSettledSince } ?? false)) }
        // Numbers are unique, so the order is a stable sort's; without its buffer of half of them.
        kept.sortWithoutBuffer { ($0.dueDate, $0.number) < ($1.dueDate, $1.number) }
        // Kept to the end of the run, so without the room they grew into and the places of
        // those dropped (46 MB at a million invoices).
        kept.shrinkToFit()
        return kept
    }
}

/// Credit per tenant and currency, reachable by tenant: a tenant's credit is looked up on
/// every payment and invoice, so it must not mean a walk over every tenant's credit.
struct CreditBook: Sendable {
    /// Each tenant's credit in the first currency it had credit in (nearly every tenant has
    /// one): a dictionary of currencies per tenant would cost a hundred bytes and more for
    /// each of a hundred thousand tenants.
    private var first: [String: Money] = [:]
    /// Credit in any other currency.
    private var others: [String: [CurrencyCode: Money]] = [:]

    subscript(key: Ledger.CreditKey) -> Money? {
        get {
            if let money = first[key.tenant], money.currency == key.currency { return money }
            return others[key.tenant]?[key.currency]
        }
        set {
            if let money = first[key.tenant], money.currency == key.currency {
                first[key.tenant] = newValue
            } else if others[key.tenant]?[key.currency] != nil || first[key.tenant] != nil {
                others[key.tenant, default: [:]][key.currency] = newValue
            } else if let newValue {
                first[key.tenant] = newValue
            }
        }
    }

    subscript(key: Ledger.CreditKey, default value: Money) -> Money {
        get { self[key] ?? value }
        set { self[key] = newValue }
    }

    /// The tenant's credit keys, in currency order.
    func keys(of tenant: String) -> [Ledger.CreditKey] {
        var currencies = others[tenant].map { Array($0.keys) } ?? []
        if let money = first[tenant] { currencies.append(money.currency) }
        return currencies.sorted().map { Ledger.CreditKey(tenant: tenant, currency: $0) }
    }

    var all: [(key: Ledger.CreditKey, value: Money)] {
        first.map { (key: Ledger.CreditKey(tenant: $0.key, currency: $0.value.currency), value: $0.value) }
            + others.flatMap { tenant, amounts in amounts.map { (key: Ledger.CreditKey(tenant: tenant, currency: $0.key), value: $0.value) } }
    }
}
