import HeapModule

/// The billing of one run, day by day through its span. Each day first issues what falls due
/// on it (recurring terms by their issue date, the day's orders, and on the span's first day
/// the records that came late), numbers those invoices in (issue date, tenant, source) order
/// and applies their vouchers; then order placements, payments and lapsing payment codes are
/// taken in time order; at the day's end the payout windows that ended are paid out.
///
/// Because every day is handled the same way whether a run covers one day or a month, daily,
/// weekly and monthly runs give the same invoices, numbers, payment effects and payouts when
/// their exports hold what had happened by their as-of. Pure: no I/O, the same input and
/// state give the same result.
public struct BillingRun {
    public let input: BillingInput
    public let setup: RunSetup
    private let zone: Zone
    private let paymentCode: (String) -> String

    private var ledger: Ledger
    private var prepaid: [String: PrepaidSubscription]
    /// Orders whose code has not lapsed and that are not paid off, by invoice number.
    private var pending: [String: PendingOrder] = [:]
    private var lapses = Heap<Lapse>()
    private var redemptions: [String: Int]
    private var disbursements: Disbursements
    private var nextSequence: Int
    private var nextCreditNoteSequence: Int
    private let recurring: [String: Subscription]
    private var termsByDay: [CivilDate: [(subscription: Int, term: RecurringTerm)]] = [:]
    private var ordersByDay: [CivilDate: [Order]] = [:]
    private var adjustmentsByDay: [CivilDate: [Adjustment]] = [:]
    /// Orders and adjustments handled by this run, for the next state.
    private var handledRecords: [HandledRecord] = []
    private var statements = StatementBook()
    private var dunningSteps: [String: String]
    private var open: [OpenPayment] = []
    private var lookahead: PaymentItem?
    private var feedEnded = false
    public private(set) var journal = RunJournal()

    struct Lapse: Comparable {
        let at: Instant
        let invoice: String
        static func < (a: Lapse, b: Lapse) -> Bool { (a.at, a.invoice) < (b.at, b.invoice) }
    }

    /// `orders` and `adjustments` are those this run handles: not handled by an earlier run,
    /// dated by the span's last day. `recordCollection` receives every collection counted for a
    /// payout.
    public init(
        input: BillingInput, state: BillingState, orders: [Order], adjustments: [Adjustment] = [], setup: RunSetup,
        paymentCode: @escaping (String) -> String, recordCollection: @escaping (CollectedPayment) throws -> Void = { _ in }
    ) {
        self.input = input
        self.setup = setup
        self.zone = input.settings.zone
        self.paymentCode = paymentCode
        ledger = Ledger(receivables: state.receivables, credits: state.credits, tenants: input.tenants, zone: input.settings.zone)
        prepaid = Dictionary(uniqueKeysWithValues: state.prepaid.map { ($0.id, $0) })
        redemptions = state.voucherRedemptions
        disbursements = Disbursements(settings: input.settings, tenants: input.tenants, openWindows: state.payoutWindows,
                                      balances: state.payoutBalances, record: recordCollection)
        nextSequence = state.nextSequence
        nextCreditNoteSequence = state.nextCreditNoteSequence
        dunningSteps = state.dunningSteps
        recurring = Dictionary(input.subscriptions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for order in state.pendingOrders {
            pending[order.invoice] = order
            ledger.addReference(order.orderId, for: order.invoice)
            ledger.addReference(order.paymentCode, for: order.invoice)
            lapses.insert(Lapse(at: order.expiresAt, invoice: order.invoice))
        }
        for (index, subscription) in input.subscriptions.enumerated() {
            guard let product = input.products[subscription.productId] else { continue }
            for term in RecurringSchedule.terms(of: subscription, leadDays: product.leadDays, issuedFrom: setup.span.first, through: setup.span.last) {
                termsByDay[term.issueDate, default: []].append((index, term))
            }
        }
        for order in orders {
            ordersByDay[max(zone.date(of: order.createdAt), setup.span.first), default: []].append(order)
        }
        for adjustment in adjustments {
            adjustmentsByDay[max(adjustment.date, setup.span.first), default: []].append(adjustment)
        }
    }

    /// Runs every day of the span. `payments` hands out the run's payments in time order (those
    /// dated before the span first: they came late); `report` receives each with its effect.
    public mutating func run(payments: () throws -> PaymentItem?, report: (Payment, PaymentEffect) throws -> Void) throws {
        for day in setup.span.days {
            try runDay(day, payments: payments, report: report)
        }
        if try peek(payments) != nil {
            preconditionFailure("a payment dated after the span's last day reached the run")
        }
    }

    private mutating func runDay(_ day: CivilDate, payments: () throws -> PaymentItem?, report: (Payment, PaymentEffect) throws -> Void) throws {
        let start = zone.startOfDay(day)
        let end = zone.startOfDay(day.adding(days: 1))
        let issued = issue(on: day)
        let orders = issued.filter { $0.order != nil }.sorted { ($0.order!.pending.createdAt, $0.sequence) < ($1.order!.pending.createdAt, $1.sequence) }
        var nextOrder = 0

        // Events in time order: at one instant an order is placed before a payment is taken,
        // and a payment exactly when a code lapses still counts.
        func events(until limit: Instant, scheduledAddedAt: Instant?) throws {
            while true {
                let orderTime = nextOrder < orders.count ? orders[nextOrder].order!.pending.createdAt : nil
                let paymentTime = try peek(payments)?.payment.paidAt
                let lapseTime = lapses.min?.at
                guard let time = [orderTime, paymentTime, lapseTime].compactMap({ $0 }).min(), time < limit else { return }
                if time == orderTime {
                    place(orders[nextOrder])
                    nextOrder += 1
                } else if time == paymentTime, let item = try take(payments) {
                    try settle(item, report: report)
                } else {
                    lapse(lapses.removeMin())
                }
            }
        }
        // What came late is dated before the span: it happens first.
        try events(until: start, scheduledAddedAt: nil)
        for invoice in issued where invoice.order == nil {
            ledger.add(Receivable(invoice))
            ledger.applyCredit(of: invoice.tenantId, at: start)
        }
        // Voids and credit notes take effect at the start of their day, after its invoices are
        // issued (so they may name one) and before its payments.
        correct(on: day, at: start)
        try events(until: end, scheduledAddedAt: start)
        journal.payouts += disbursements.payOut(asOf: day)
        dun(day, end: end)
    }

    /// Rule 15 at the day's end: steps that rose get their message; pending payments seen by
    /// then that cover a tenant's overdue money hold it where it is.
    private mutating func dun(_ day: CivilDate, end: Instant) {
        guard !input.settings.dunning.isEmpty else { return }
        var pending: [String: Money] = [:]
        for item in open where item.status == .pending && item.payment.paidAt < end && !item.payment.tenantId.isEmpty {
            let amount = item.payment.amount
            if let sum = pending[item.payment.tenantId] {
                if sum.currency == amount.currency { pending[item.payment.tenantId] = sum + amount }
            } else {
                pending[item.payment.tenantId] = amount
            }
        }
        let result = DunningRules.evaluate(day: day, receivables: ledger.allReceivables, pending: pending, steps: dunningSteps,
                                           ladder: input.settings.dunning)
        dunningSteps = result.steps
        journal.dunning += result.notices
        journal.reconnections += result.reconnections
    }

    // MARK: issuing

    /// The day's invoices, numbered and with their vouchers: recurring terms issued that day,
    /// and orders placed that day (on the span's first day also the late ones), priced in the
    /// order they were placed, each seeing what the ones before it did.
    private mutating func issue(on day: CivilDate) -> [Invoice] {
        var invoices: [Invoice] = []
        for (index, term) in termsByDay.removeValue(forKey: day) ?? [] {
            let subscription = input.subscriptions[index]
            guard let tenant = input.tenants[subscription.tenantId], let product = input.products[subscription.productId] else { continue }
            invoices.append(RecurringBilling.invoice(for: subscription, term: term, tenant: tenant, product: product, settings: input.settings))
        }
        for adjustment in (adjustmentsByDay[day] ?? []).filter({ $0.kind == .charge }) {
            handledRecords.append(HandledRecord(kind: .adjustment, id: adjustment.id, date: adjustment.date, digest: adjustment.digest))
            guard let tenant = input.tenants[adjustment.tenantId] else { continue }
            invoices.append(ChargeBilling.invoice(for: adjustment, on: day, tenant: tenant, product: input.products[adjustment.productId],
                                                  settings: input.settings))
        }
        let orders = (ordersByDay.removeValue(forKey: day) ?? []).sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        for order in orders {
            handledRecords.append(HandledRecord(kind: .order, id: order.id, date: zone.date(of: order.createdAt), digest: order.digest))
            guard let tenant = input.tenants[order.tenantId], let product = input.products[order.productId],
                  let invoice = OrderBilling.invoice(for: order, tenant: tenant, product: product, input: input, recurring: recurring,
                                                     prepaid: &prepaid, paymentCode: paymentCode(order.id)) else {
                journal.findings.append(Finding(order.location, value: order.subscriptionId, .orderNotInvoiced(order: order.id, subscription: order.subscriptionId)))
                continue
            }
            invoices.append(invoice)
        }
        guard !invoices.isEmpty else { return [] }
        let first = nextSequence
        nextSequence = InvoiceNumbering.assign(&invoices, pattern: input.settings.invoiceNumber, next: first)
        var uses = VoucherRules.apply(&invoices, vouchers: input.vouchers, redemptions: &redemptions, settings: input.settings)
        for use in uses where use.applied {
            if let index = invoices.firstIndex(where: { $0.number == use.invoice }) {
                invoices[index].redeemed.append(use.code.uppercased())
                if invoices[index].order != nil { invoices[index].order!.pending.voucher = use.code.uppercased() }
            }
        }
        if input.settings.consolidate == .tenant {
            // Vouchers were applied per term as numbered on their own; the merged invoices are
            // numbered again, gapless, and the voucher uses follow their invoices.
            let (merged, replaced) = Consolidation.merge(invoices)
            if !replaced.isEmpty {
                var renamed: [String: Int] = [:]
                for (index, invoice) in merged.enumerated() {
                    for number in replaced[index] ?? [invoice.number] { renamed[number] = index }
                }
                invoices = merged
                nextSequence = InvoiceNumbering.assign(&invoices, pattern: input.settings.invoiceNumber, next: first)
                let final = Dictionary(invoices.map { ($0.sourceId + "\u{1F}" + $0.source.rawValue, $0.number) }, uniquingKeysWith: { a, _ in a })
                for index in uses.indices {
                    if let position = renamed[uses[index].invoice] {
                        let invoice = merged[position]
                        uses[index].invoice = final[invoice.sourceId + "\u{1F}" + invoice.source.rawValue] ?? uses[index].invoice
                    }
                }
            }
        }
        for index in invoices.indices where invoices[index].order != nil {
            invoices[index].order!.pending.invoice = invoices[index].number
        }
        journal.voucherUses += uses
        for invoice in invoices {
            guard let order = invoice.order?.pending, order.createdAt < setup.span.start(in: zone) else { continue }
            journal.late.append(LateRecord(kind: .order, id: order.orderId, dated: invoice.issueDate, handledAs: invoice.number))
        }
        for invoice in invoices {
            guard invoice.source == .charge, let charge = adjustmentsByDay[day]?.first(where: { $0.id == invoice.sourceId }),
                  charge.date < setup.span.first else { continue }
            journal.late.append(LateRecord(kind: .adjustment, id: charge.id, dated: charge.date, handledAs: invoice.number))
        }
        for invoice in invoices { statements.issued(invoice) }
        journal.issued += invoices
        return invoices
    }

    /// The day's voids and credit notes, in (tenant, id) order, credit notes numbered in their
    /// own series in that order. One that cannot apply is refused and reported as bad input.
    private mutating func correct(on day: CivilDate, at start: Instant) {
        let corrections = (adjustmentsByDay.removeValue(forKey: day) ?? []).filter { $0.kind != .charge }
        guard !corrections.isEmpty else { return }
        var tenants: [String: String] = [:]
        for adjustment in corrections { tenants[adjustment.id] = ledger.receivable(adjustment.invoice)?.tenantId ?? adjustment.tenantId }
        let tenantOf = { (adjustment: Adjustment) in tenants[adjustment.id] ?? adjustment.tenantId }
        for adjustment in corrections.sorted(by: { (tenantOf($0), $0.id) < (tenantOf($1), $1.id) }) {
            handledRecords.append(HandledRecord(kind: .adjustment, id: adjustment.id, date: adjustment.date, digest: adjustment.digest))
            let late = adjustment.date < setup.span.first
            switch adjustment.kind {
            case .void:
                switch ledger.void(adjustment.invoice, on: day, tenant: adjustment.tenantId) {
                case .success(let receivable):
                    for code in receivable.voucher.split(separator: "|").map(String.init) where (redemptions[code] ?? 0) > 0 {
                        redemptions[code]! -= 1
                    }
                    journal.voids.append(VoidRecord(adjustmentId: adjustment.id, invoice: receivable.number, tenantId: receivable.tenantId,
                                                    date: day, total: receivable.total, reason: adjustment.reason, voucher: receivable.voucher))
                    statements.writtenOff(tenant: receivable.tenantId, receivable.total)
                    if late { journal.late.append(LateRecord(kind: .adjustment, id: adjustment.id, dated: adjustment.date, handledAs: receivable.number)) }
                case .failure(let refusal):
                    refuse(adjustment, refusal)
                }
            case .creditNote:
                guard let amount = adjustment.amount else { continue }
                let minorUnits = input.settings.currencies(amount.currency)?.minorUnits ?? 2
                switch ledger.creditNote(adjustment.invoice, amount: amount, at: start, tenant: adjustment.tenantId, minorUnits: minorUnits) {
                case .success(let done):
                    let sequence = nextCreditNoteSequence
                    nextCreditNoteSequence += 1
                    let note = CreditNote(
                        number: input.settings.creditNoteNumber.format(sequence: sequence, issued: day), sequence: sequence,
                        adjustmentId: adjustment.id, tenantId: tenantOf(adjustment), invoice: adjustment.invoice, issueDate: day,
                        amount: amount, tax: done.tax, reason: adjustment.reason, toInvoice: done.toInvoice, toCredit: done.toCredit
                    )
                    journal.creditNotes.append(note)
                    statements.credited(note)
                    if late { journal.late.append(LateRecord(kind: .adjustment, id: adjustment.id, dated: adjustment.date, handledAs: note.number)) }
                case .failure(let refusal):
                    refuse(adjustment, refusal)
                }
            case .charge:
                break
            }
        }
    }

    private mutating func refuse(_ adjustment: Adjustment, _ refusal: AdjustmentRefusal) {
        let location: SourceLocation
        let value: String
        switch refusal {
        case .creditNoteAboveRemaining, .otherCurrency:
            location = adjustment.amountLocation ?? adjustment.location
            value = adjustment.amount.map { String($0.minor) } ?? ""
        default:
            location = adjustment.invoiceLocation ?? adjustment.location
            value = adjustment.invoice
        }
        journal.refused.append(RefusedAdjustment(adjustmentId: adjustment.id, location: location, value: value, refusal: refusal))
    }

    /// An order's invoice comes into being when the order is placed.
    private mutating func place(_ invoice: Invoice) {
        let order = invoice.order!.pending
        ledger.add(Receivable(invoice))
        ledger.addReference(order.orderId, for: invoice.number)
        ledger.addReference(order.paymentCode, for: invoice.number)
        pending[invoice.number] = order
        lapses.insert(Lapse(at: order.expiresAt, invoice: invoice.number))
        ledger.applyCredit(of: invoice.tenantId, at: order.createdAt)
        takeSettledOrders()
    }

    /// A payment code lapsing: an order not paid off by then is expired, and what it did is
    /// undone (its subscription, its voucher); anything paid on it becomes the tenant's credit.
    private mutating func lapse(_ lapse: Lapse) {
        guard let order = pending.removeValue(forKey: lapse.invoice), let receivable = ledger.receivable(lapse.invoice),
              receivable.outstanding.isPositive else { return }
        let moved = ledger.expire(lapse.invoice) ?? .zero(receivable.total.currency)
        OrderBilling.undo(order, prepaid: &prepaid)
        if !order.voucher.isEmpty, let count = redemptions[order.voucher], count > 0 {
            redemptions[order.voucher] = count - 1
        }
        journal.expiredOrders.append(ExpiredOrder(order: order, total: receivable.total, movedToCredit: moved))
        statements.writtenOff(tenant: receivable.tenantId, receivable.total)
    }

    /// Orders the ledger saw paid off since the last look: they get receipts.
    private mutating func takeSettledOrders() {
        guard !ledger.settledOrders.isEmpty else { return }
        for (number, at) in ledger.settledOrders.sorted(by: { ($0.value, $0.key) < ($1.value, $1.key) }) {
            guard let order = pending.removeValue(forKey: number), let receivable = ledger.receivable(number) else { continue }
            journal.paidOrders.append(PaidOrder(order: order, total: receivable.total, paidAt: at))
        }
        ledger.settledOrders = [:]
    }

    // MARK: payments

    private mutating func peek(_ payments: () throws -> PaymentItem?) throws -> PaymentItem? {
        if lookahead == nil && !feedEnded {
            lookahead = try payments()
            if lookahead == nil { feedEnded = true }
        }
        return lookahead
    }

    private mutating func take(_ payments: () throws -> PaymentItem?) throws -> PaymentItem? {
        let item = try peek(payments)
        lookahead = nil
        return item
    }

    /// Rule 7 for one payment: what earlier runs did with it decides what is left to do.
    private mutating func settle(_ item: PaymentItem, report: (Payment, PaymentEffect) throws -> Void) throws {
        let payment = item.payment
        let currency = payment.amount.currency
        var previous = item.previous
        var effect: PaymentEffect
        let changed = previous.flatMap(\.digest).map { $0 != payment.digest } ?? false
        if changed, let known = previous {
            journal.findings.append(Finding(payment.source, value: payment.id,
                                            .contentChanged(kind: .payment, id: payment.id, handledOn: zone.date(of: known.paidAt))))
            effect = PaymentEffect(.alreadyApplied, currency: currency)
            effect.remember = known
        } else if let known = previous, known.kind == .noMoney, !(payment.status.settles && payment.netReceived.isPositive) {
            effect = PaymentEffect(.alreadyApplied, currency: currency)
            effect.remember = known
        } else {
            if previous?.kind == .noMoney { previous = nil } // failed before, paid now: a new payment
            if payment.purpose != .billing {
                let remember = try disbursements.collect(payment, previous: previous, on: zone.date(of: payment.paidAt))
                if let previous, remember == previous {
                    effect = PaymentEffect(.alreadyApplied, currency: currency)
                    effect.remember = previous
                } else if remember == nil && !payment.status.settles {
                    // Not collected (pending, failed): like a billing payment that did not settle,
                    // so the next export's copy is recognised rather than taken as late.
                    effect = PaymentEffect(.notSettled, currency: currency)
                    effect.tenantId = payment.tenantId
                } else {
                    effect = .collection(tenant: payment.tenantId, remember: remember, currency: currency)
                }
            } else {
                effect = ledger.apply(payment, previous: previous)
            }
            switch effect.outcome {
            case .notSettled where payment.status != .pending, .refundedBeforeApplied:
                effect.remember = AppliedPayment(id: payment.id, paidAt: payment.paidAt, tenantId: payment.tenantId, received: .zero(currency),
                                                 refunded: payment.refunded, invoice: "", toInvoice: .zero(currency), toCredit: .zero(currency),
                                                 kind: .noMoney)
            case .notSettled:
                open.append(OpenPayment(payment: payment, status: .pending))
            case .unmatched(let reason):
                open.append(OpenPayment(payment: payment, status: .unmatched(reason)))
            default:
                break
            }
        }
        // What is remembered is the content that was applied: a changed repeat keeps the digest
        // of the original, so it is noticed (and not applied) in every later run too.
        if effect.remember != nil && !changed { effect.remember!.digest = payment.digest }
        if previous == nil && !item.wasOpen && payment.paidAt < setup.span.start(in: zone) && effect.outcome != .alreadyApplied {
            effect.late = true
            let record = LateRecord(kind: .payment, id: payment.id, dated: zone.date(of: payment.paidAt), handledAs: effect.invoice)
            journal.late.append(record)
            journal.findings.append(Finding(payment.source, value: payment.id, .late(record)))
        }
        if payment.purpose == .billing { statements.paid(effect) }
        journal.payments.add(payment, effect)
        try report(payment, effect)
        takeSettledOrders()
    }

    // MARK: the end

    /// The state the next run starts from, built in one place from what the run left.
    public mutating func finish(previous state: BillingState) -> BillingState {
        takeSettledOrders()
        let asOf = setup.span.last
        let horizonDay = zone.date(of: setup.memoryHorizon)
        let month = asOf.period.firstDay
        journal.creditMovements = ledger.creditMovements
        for movement in ledger.creditMovements { statements.creditUsed(movement) }
        var next = BillingState(
            asOf: asOf, nextSequence: nextSequence,
            receivables: ledger.takeReceivablesToKeep(keepSettledSince: min(horizonDay, month), issuedSince: month),
            credits: ledger.remainingCredits, memoryHorizon: setup.memoryHorizon
        )
        next.operatorStamp = OperatorStamp(input.settings)
        next.nextCreditNoteSequence = nextCreditNoteSequence
        next.handled = (state.handled.filter { $0.date >= horizonDay } + handledRecords).sorted { ($0.kind, $0.id) < ($1.kind, $1.id) }
        next.openPayments = open.filter { $0.payment.paidAt >= setup.memoryHorizon }.sorted { ($0.payment.paidAt, $0.payment.id) < ($1.payment.paidAt, $1.payment.id) }
        next.prepaid = prepaid.values.sorted { $0.id < $1.id }
        next.pendingOrders = pending.values.sorted { ($0.createdAt, $0.orderId) < ($1.createdAt, $1.orderId) }
        next.voucherRedemptions = redemptions.filter { $0.value > 0 }
        next.payoutWindows = disbursements.openWindows
        next.payoutBalances = disbursements.carriedBalances
        next.dunningSteps = dunningSteps
        journal.statements = statements.statements(before: StatementBook.balances(state), after: StatementBook.balances(next))
        // An invoice unknown on an adjustment's day may have been issued later in the span:
        // then the adjustment is dated before it, which says more than "unknown".
        for index in journal.refused.indices {
            guard case .unknownInvoice(let number) = journal.refused[index].refusal,
                  let invoice = journal.issued.first(where: { $0.number == number }) else { continue }
            journal.refused[index].refusal = .beforeInvoice(invoice: number, issued: invoice.issueDate)
        }
        return next
    }
}
