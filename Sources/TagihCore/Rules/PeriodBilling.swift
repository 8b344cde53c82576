/// The invoices a run issues, numbered, with what orders and vouchers did.
public struct Issued: Sendable {
    /// In number order.
    public var invoices: [Invoice]
    public var nextSequence: Int
    /// Prepaid subscriptions after this period's orders.
    public var prepaid: [String: PrepaidSubscription]
    public var voucherUses: [VoucherUse]
    public var redemptions: [String: Int]
}

/// An order whose payment code lapsed unpaid.
public struct ExpiredOrder: Sendable {
    public var order: PendingOrder
    public var total: Money
    /// What had been paid on it, now the tenant's credit.
    public var movedToCredit: Money
}

/// An order paid off in this run: it gets a receipt.
public struct PaidOrder: Sendable {
    public var order: PendingOrder
    public var total: Money
    public var paidAt: Instant
}

/// The result of billing one period, after payments.
public struct PeriodResult: Sendable {
    public var period: Period
    public var asOf: CivilDate
    /// Invoices issued in this run, numbered, in number order, as issued; what was paid on
    /// each is in `paid` and `expired` (kept apart so the issued invoices are never copied).
    public var invoices: [Invoice]
    public var paid: [Money]
    public var expired: [Bool]
    /// Invoices from earlier runs, as they stand after this run's payments.
    public var carried: [Receivable]
    /// Open invoices past due as of `asOf`, worst first.
    public var overdue: [OverdueItem]
    public var creditMovements: [CreditMovement]
    public var voucherUses: [VoucherUse]
    public var expiredOrders: [ExpiredOrder]
    public var paidOrders: [PaidOrder]
    /// What the next run starts from (its remembered payments are streamed separately).
    public var nextState: BillingState
}

extension PeriodResult {
    /// Invoice `index` as it stands after the run's payments.
    public func settled(_ index: Int) -> Invoice {
        var invoice = invoices[index]
        invoice.paid = paid[index]
        invoice.expired = expired[index]
        return invoice
    }

    /// Every invoice as it stands after the run's payments, one at a time.
    public var settledInvoices: LazyMapSequence<Range<Int>, Invoice> { invoices.indices.lazy.map(settled) }
}

/// The compute stage of a run, around the payments that stream between its two halves:
/// `issue` bills the period's subscription terms and orders, numbers them and applies
/// vouchers; `close` reads the ledger after payments, expires orders whose code lapsed, and
/// works out statuses, the overdue list and the state handed on. Pure: same input, same result.
public enum PeriodBilling {
    public static func issue(input: BillingInput, state: BillingState, period: Period, paymentCode: (String) -> String = { $0 }) -> Issued {
        var invoices = RecurringBilling.invoices(for: input, period: period)
        var prepaid = Dictionary(uniqueKeysWithValues: state.prepaid.map { ($0.id, $0) })
        let recurring = Dictionary(uniqueKeysWithValues: input.subscriptions.map { ($0.id, $0) })
        invoices += OrderBilling.invoices(orders: input.orders, input: input, recurring: recurring, prepaid: &prepaid,
                                          period: period, paymentCode: paymentCode)
        let next = InvoiceNumbering.assign(&invoices, pattern: input.settings.invoiceNumber, next: state.nextSequence)
        for index in invoices.indices where invoices[index].order != nil {
            invoices[index].order!.pending.invoice = invoices[index].number
        }
        var redemptions = state.voucherRedemptions
        let uses = VoucherRules.apply(&invoices, vouchers: input.vouchers, redemptions: &redemptions, settings: input.settings)
        return Issued(invoices: invoices, nextSequence: next, prepaid: prepaid, voucherUses: uses, redemptions: redemptions)
    }

    /// A ledger holding what state carried and what this run issued, with carried credit
    /// already spent on open invoices; order ids and payment codes name their invoices.
    public static func openLedger(issued: Issued, state: BillingState, input: BillingInput, on day: CivilDate) -> Ledger {
        var ledger = Ledger(receivables: state.receivables, credits: state.credits, tenants: input.tenants)
        for invoice in issued.invoices { ledger.add(Receivable(invoice)) }
        for order in state.pendingOrders + issued.invoices.compactMap({ $0.order?.pending }) {
            ledger.addReference(order.orderId, for: order.invoice)
            ledger.addReference(order.paymentCode, for: order.invoice)
        }
        ledger.applyCredits(on: day)
        return ledger
    }

    /// The first moment whose payments the next run still remembers: `memoryDays` before the
    /// day after `asOf`.
    public static func paymentHorizon(asOf: CivilDate, memoryDays: Int, zone: Zone) -> Instant {
        zone.startOfDay(asOf.adding(days: 1 - memoryDays))
    }

    /// Takes the issued invoices over and works on the ledger in place rather than copying
    /// them (there can be a hundred thousand of each): `issued` is empty afterwards.
    public static func close(
        issued: inout Issued, ledger: inout Ledger, state: BillingState, input: BillingInput, period: Period, asOf: CivilDate,
        horizon: Instant
    ) -> PeriodResult {
        var prepaid = issued.prepaid
        let endOfAsOf = input.settings.zone.startOfDay(asOf.adding(days: 1))
        var orders: [String: PendingOrder] = [:]
        for order in state.pendingOrders { orders[order.invoice] = order }
        for invoice in issued.invoices { if let order = invoice.order?.pending { orders[invoice.number] = order } }

        // Orders whose code lapsed unpaid: out of the receivables, their effect undone, in
        // the reverse order they were placed.
        var expired: [ExpiredOrder] = []
        let lapsed = orders.values.filter { order in
            guard let receivable = ledger.receivable(order.invoice) else { return false }
            return receivable.outstanding.isPositive && order.expiresAt < endOfAsOf
        }.sorted { ($0.createdAt, $0.orderId) > ($1.createdAt, $1.orderId) }
        for order in lapsed {
            let total = ledger.receivable(order.invoice)!.total
            let moved = ledger.expire(order.invoice) ?? .zero(total.currency)
            OrderBilling.undo(order, prepaid: &prepaid)
            expired.append(ExpiredOrder(order: order, total: total, movedToCredit: moved))
        }
        expired.reverse()
        let expiredNumbers = Set(expired.map(\.order.invoice))

        var invoices: [Invoice] = []
        swap(&invoices, &issued.invoices)
        var paidAmounts: [Money] = []
        var expiredFlags: [Bool] = []
        paidAmounts.reserveCapacity(invoices.count)
        expiredFlags.reserveCapacity(invoices.count)
        for invoice in invoices {
            paidAmounts.append(ledger.receivable(invoice.number)?.paid ?? .zero(invoice.currency))
            expiredFlags.append(expiredNumbers.contains(invoice.number))
        }
        let paid = ledger.settledOrders.compactMap { number, at -> PaidOrder? in
            guard let order = orders[number], let receivable = ledger.receivable(number) else { return nil }
            return PaidOrder(order: order, total: receivable.total, paidAt: at)
        }.sorted { ($0.paidAt, $0.order.invoice) < ($1.paidAt, $1.order.invoice) }
        let pending = orders.values.filter { order in
            guard let receivable = ledger.receivable(order.invoice) else { return false }
            return receivable.outstanding.isPositive
        }.sorted { ($0.createdAt, $0.orderId) < ($1.createdAt, $1.orderId) }

        let carried = state.receivables.compactMap { ledger.receivable($0.number) }
        let keepSince = input.settings.zone.date(of: horizon)
        let receivables = ledger.takeReceivablesToKeep(keepSettledSince: keepSince)
        let overdue = Aging.overdue(receivables, asOf: asOf, ladder: input.settings.dunning)
        var nextState = BillingState(
            period: period, nextSequence: issued.nextSequence, receivables: receivables, credits: ledger.remainingCredits,
            paymentHorizon: horizon
        )
        nextState.prepaid = prepaid.values.sorted { $0.id < $1.id }
        nextState.pendingOrders = pending
        nextState.voucherRedemptions = issued.redemptions
        return PeriodResult(period: period, asOf: asOf, invoices: invoices, paid: paidAmounts, expired: expiredFlags, carried: carried, overdue: overdue,
                            creditMovements: ledger.creditMovements, voucherUses: issued.voucherUses, expiredOrders: expired,
                            paidOrders: paid, nextState: nextState)
    }
}
