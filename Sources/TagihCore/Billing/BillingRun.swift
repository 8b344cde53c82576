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
    /// Where issued invoices go: the run keeps none of them.
    private let recordInvoice: (Invoice) throws -> Void
    /// Where dunning notices go, as they are made: kept, a million tenants' took 127 MB.
    private let recordNotice: (DunningNotice) throws -> Void
    private var termsByDay: [CivilDate: [(subscription: Int, generation: Int, term: RecurringTerm)]] = [:]
    /// How often each subscription's terms were put on the calendar. A term of an earlier
    /// scheduling is stale and skipped when its day comes: taking it off in place would scan
    /// the calendar for every subscription scheduled, quadratic in subscriptions.
    private var scheduleGeneration: [Int] = []
    private var ordersByDay: [CivilDate: [Order]] = [:]
    private var adjustmentsByDay: [CivilDate: [Adjustment]] = [:]
    private var changesByDay: [CivilDate: [Change]] = [:]
    /// Subscriptions whose due-day bridge is issued that day.
    private var bridgesByDay: [CivilDate: [Int]] = [:]
    /// What runs did to recurring subscriptions (rule 11 and 12), by subscription id.
    private var contracts: Directory<ContractState>
    /// Subscriptions that have (or may get) an end: the only ones renewals look at each day.
    private var renewalCandidates: [Int] = []
    /// Orders and adjustments handled by this run, for the next state.
    private var handledRecords: [HandledRecord] = []
    private var statements = StatementBook()
    private var dunning: DunningPositions
    private var open: [OpenPayment] = []
    private var lookahead: PaymentItem?
    private var feedEnded = false
    public private(set) var journal = RunJournal()

    struct Lapse: Comparable {
        let at: Instant
        let invoice: String
        static func < (a: Lapse, b: Lapse) -> Bool { (a.at, a.invoice) < (b.at, b.invoice) }
    }

    /// `orders`, `adjustments` and `changes` are those this run handles: not handled by an
    /// earlier run, dated by the span's last day. `recordInvoice` receives every invoice
    /// issued, in number order (the run does not keep them); `recordCollection` every
    /// collection counted for a payout; `recordNotice` every dunning notice, in the order made.
    public init(
        input: BillingInput, state: BillingState, orders: [Order], adjustments: [Adjustment] = [], changes: [Change] = [], setup: RunSetup,
        paymentCode: @escaping (String) -> String, recordInvoice: @escaping (Invoice) throws -> Void,
        recordCollection: @escaping (CollectedPayment) throws -> Void = { _ in },
        recordNotice: @escaping (DunningNotice) throws -> Void = { _ in }
    ) {
        self.recordInvoice = recordInvoice
        self.recordNotice = recordNotice
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
        dunning = DunningPositions(steps: state.dunningSteps, tenants: input.tenants, ladder: input.settings.dunning)
        contracts = state.contracts
        // An order's id and payment code name its invoice in every later run too, paid or
        // not: a month run knows them from the order, so a daily run must as well.
        for receivable in state.receivables {
            let orderId: String
            switch receivable.source {
            case .order: orderId = receivable.sourceId
            // A renewal invoice is due the day after the end it renews (see `renewals(on:)`).
            case .renewal: orderId = BillingRun.renewalOrderId(subscription: receivable.sourceId, end: receivable.dueDate.adding(days: -1))
            default: continue
            }
            ledger.addReference(orderId, for: receivable.number)
            ledger.addReference(paymentCode(orderId), for: receivable.number)
        }
        for order in state.pendingOrders {
            pending[order.invoice] = order
            ledger.addReference(order.orderId, for: order.invoice)
            ledger.addReference(order.paymentCode, for: order.invoice)
            lapses.insert(Lapse(at: order.expiresAt, invoice: order.invoice))
        }
        scheduleGeneration = Array(repeating: 0, count: input.subscriptions.count)
        for index in input.subscriptions.indices { schedule(index, from: setup.span.first) }
        renewalCandidates = input.subscriptions.indices.filter { input.subscriptions[$0].end != nil || state.contracts[input.subscriptions[$0].id]?.end != nil }
        // Bridges of due-day changes whose issue day comes in this span.
        for contract in contracts.reachable {
            guard let issue = contract.bridgeIssue, issue <= setup.span.last, let index = input.subscriptionPlace(contract.subscriptionId) else { continue }
            bridgesByDay[max(issue, setup.span.first), default: []].append(index)
        }
        for order in orders {
            ordersByDay[max(zone.date(of: order.createdAt), setup.span.first), default: []].append(order)
        }
        for adjustment in adjustments {
            adjustmentsByDay[max(adjustment.date, setup.span.first), default: []].append(adjustment)
        }
        for change in changes {
            changesByDay[max(change.effective, setup.span.first), default: []].append(change)
        }
    }

    // MARK: contracts

    /// A recurring subscription as the runs have left it (rules 11 and 12).
    func effective(_ index: Int) -> Subscription {
        let subscription = input.subscriptions[index]
        return Contracts.effective(subscription, contracts[subscription.id])
    }

    /// Puts the terms of one subscription issued from `day` to the span's end on the calendar,
    /// replacing any it had there: after a change or a renewal moved its schedule.
    private mutating func schedule(_ index: Int, from day: CivilDate) {
        // Terms before `day` were issued already; those from it on are replaced by this scheduling.
        scheduleGeneration[index] += 1
        let generation = scheduleGeneration[index]
        let subscription = effective(index)
        guard day <= setup.span.last, let product = input.products[subscription.productId] else { return }
        for term in RecurringSchedule.terms(of: subscription, leadDays: product.leadDays, issuedFrom: day, through: setup.span.last,
                                            prepaidUntil: contracts[subscription.id]?.prepaidUntil) {
            termsByDay[term.issueDate, default: []].append((index, generation, term))
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
        let issued = try issue(on: day)
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
        disbursements.payOut(asOf: day, into: &journal.payouts)
        try dun(day, end: end)
    }

    /// Rule 15 at the day's end: steps that rose get their message; pending payments seen by
    /// then that cover a tenant's overdue money hold it where it is.
    private mutating func dun(_ day: CivilDate, end: Instant) throws {
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
        let result = DunningRules.evaluate(day: day, receivables: ledger.allReceivables, pending: pending, positions: &dunning)
        for notice in result.notices { try recordNotice(notice) }
        journal.reconnections += result.reconnections
    }

    // MARK: changes and renewals

    /// The id prefix of renewal invoices' pending orders (rule 11).
    static let renewalPrefix = "renewal:"

    /// The order id of the renewal of `subscription` past `end`: what its payment code is
    /// made from, in the run that issues it and in every later one.
    static func renewalOrderId(subscription: String, end: CivilDate) -> String {
        renewalPrefix + subscription + ":" + end.description
    }

    /// Rule 12: the day's changes, in (effective, id) order; returns their prorations and
    /// bridges. A negative proration and a cancellation's unused days become credit notes,
    /// applied with the day's corrections.
    private mutating func applyChanges(on day: CivilDate) -> [Invoice] {
        var invoices: [Invoice] = []
        for change in (changesByDay.removeValue(forKey: day) ?? []).sorted(by: { ($0.effective, $0.id) < ($1.effective, $1.id) }) {
            handledRecords.append(HandledRecord(kind: .change, id: change.id, date: change.effective, digest: change.digest))
            let targets: [Int]
            if change.subscriptionId == Change.everySubscription {
                targets = input.subscriptions.indices.filter { index in
                    let subscription = effective(index)
                    return subscription.status == .active && subscription.start <= day && (subscription.end.map { $0 >= day } ?? true)
                        && contracts[subscription.id]?.cancelledAfter == nil
                        && (change.onlyTenant.isEmpty || subscription.tenantId == change.onlyTenant)
                        && (change.onlyProduct.isEmpty || subscription.productId == change.onlyProduct)
                }
            } else {
                targets = input.subscriptionPlace(change.subscriptionId).map { [$0] } ?? []
            }
            var made: [String] = []
            for index in targets {
                let produced = apply(change, to: index, on: day)
                made += produced.map(\.sourceId)
                invoices += produced
            }
            if change.effective < setup.span.first {
                journal.late.append(LateRecord(kind: .change, id: change.id, dated: change.effective, handledAs: made.first ?? change.subscriptionId))
            }
        }
        return invoices
    }

    private mutating func apply(_ change: Change, to index: Int, on day: CivilDate) -> [Invoice] {
        let settings = input.settings
        var subscription = effective(index)
        guard let tenant = input.tenants[subscription.tenantId], let oldProduct = input.products[subscription.productId] else { return [] }
        let currency = settings.currency(tenant.currency)
        var contract = contracts[subscription.id] ?? ContractState(subscriptionId: subscription.id)
        var invoices: [Invoice] = []
        let sourceId = change.subscriptionId == Change.everySubscription ? change.id + "/" + subscription.id : change.id

        if change.productId != nil || change.quantity != nil, let term = Contracts.term(of: subscription, on: day),
           let newProduct = input.products[change.productId ?? subscription.productId] {
            let newQuantity = change.quantity ?? subscription.quantity
            let oldUnits = Pricing.units(billing: oldProduct.billing, quantity: subscription.quantity, activeSeats: tenant.activeSeats)
            let newUnits = Pricing.units(billing: newProduct.billing, quantity: newQuantity, activeSeats: tenant.activeSeats)
            let daysInTerm = term.next.days(since: term.start)
            let daysLeft = term.next.days(since: day)
            let amount = ChangeRules.proration(oldPrice: oldProduct.price, oldUnits: oldUnits, newPrice: newProduct.price, newUnits: newUnits,
                                               months: subscription.termMonths, daysLeft: daysLeft, daysInTerm: daysInTerm, currency: currency)
            if amount.isPositive {
                let line = InvoiceLine(productId: newProduct.id, description: newProduct.displayName + " (\(oldProduct.id) x \(oldUnits) -> \(newProduct.id) x \(newUnits))",
                                       periodStart: day, periodEnd: term.next.adding(days: -1), quantity: newUnits, unitPrice: newProduct.price,
                                       months: subscription.termMonths, prorata: (daysLeft, daysInTerm), net: amount, taxable: newProduct.taxable)
                invoices.append(changeInvoice(line, tenant: tenant, sourceId: sourceId, issued: day, due: day, voucher: ""))
            } else if amount.isNegative {
                credit(ChangeRules.gross(-amount, taxable: oldProduct.taxable, settings: settings), for: change, contract: contract, on: day)
            }
            contract.productId = newProduct.id
            contract.quantity = newQuantity
            contracts[subscription.id] = contract
            subscription = effective(index)
        }

        if let dueDay = change.dueDay, let product = input.products[subscription.productId] {
            // The first term starting on or after the change that is not issued yet moves to
            // the first due day on or after its start; the days between are a bridge.
            if var term = Contracts.term(of: subscription, on: day) {
                var start = term.start >= day ? term.start : term.next
                while start.adding(days: -product.leadDays) < day, let next = Contracts.term(of: subscription, on: start) {
                    start = next.next
                    term = next
                }
                let moved = ChangeRules.nextDueDay(dueDay, onOrAfter: start)
                if moved != start {
                    // Issued lead days before the old start (with the day's other invoices), or
                    // now when that day has passed; kept in state when it lies after this run.
                    contract.bridgeFrom = start
                    contract.bridgeTo = moved
                    contract.bridgeIssue = max(day, start.adding(days: -product.leadDays))
                    if contract.bridgeIssue! == day {
                        contracts[subscription.id] = contract
                        if let bridge = bridge(index) { invoices.append(bridge) }
                        contract = contracts[subscription.id]!
                    } else if contract.bridgeIssue! <= setup.span.last {
                        bridgesByDay[contract.bridgeIssue!, default: []].append(index)
                    }
                    contract.anchor = moved
                    contracts[subscription.id] = contract
                    subscription = effective(index)
                }
            }
        }

        if change.cancel || change.end != nil {
            let last = change.cancel ? day : change.end!
            if change.cancel { contract.cancelledAfter = day } else { contract.end = last }
            contracts[subscription.id] = contract
            if settings.cancelCredit == .prorated, let lastInvoice = contract.lastInvoice, let start = contract.lastTermStart,
               let end = contract.lastTermEnd, start <= last, last < end, let product = input.products[subscription.productId] {
                let units = Pricing.units(billing: product.billing, quantity: subscription.quantity, activeSeats: tenant.activeSeats)
                let daysInTerm = end.days(since: start) + 1
                let unused = end.days(since: last)
                let net = Pricing.proratedNet(price: product.price, units: units, months: subscription.termMonths, days: unused,
                                              daysInTerm: daysInTerm, currency: currency)
                if net.isPositive { credit(ChangeRules.gross(net, taxable: product.taxable, settings: settings), for: change, contract: contract, on: day, invoice: lastInvoice) }
            }
        }
        schedule(index, from: day)
        return invoices
    }

    /// The bridge of a due-day change, from the contract: its invoice, and the contract no
    /// longer holding it.
    private mutating func bridge(_ index: Int) -> Invoice? {
        let id = input.subscriptions[index].id
        guard var contract = contracts[id], let start = contract.bridgeFrom, let moved = contract.bridgeTo, let issue = contract.bridgeIssue else { return nil }
        contract.bridgeFrom = nil
        contract.bridgeTo = nil
        contract.bridgeIssue = nil
        contracts[id] = contract
        let subscription = effective(index)
        guard let tenant = input.tenants[subscription.tenantId], let product = input.products[subscription.productId] else { return nil }
        let currency = input.settings.currency(tenant.currency)
        let units = Pricing.units(billing: product.billing, quantity: subscription.quantity, activeSeats: tenant.activeSeats)
        let days = moved.days(since: start)
        let daysInMonth = start.period.lastDay.day
        let net = ChangeRules.bridge(price: product.price, units: units, days: days, daysInMonth: daysInMonth, currency: currency)
        let line = InvoiceLine(productId: product.id, description: product.displayName, periodStart: start, periodEnd: moved.adding(days: -1),
                               quantity: units, unitPrice: product.price, months: 1, prorata: (days, daysInMonth), net: net, taxable: product.taxable)
        var invoice = changeInvoice(line, tenant: tenant, sourceId: subscription.id, issued: issue, due: start, voucher: subscription.voucher)
        invoice.issueDate = max(issue, setup.span.first)
        return invoice
    }

    /// A credit note a change gives, against the current term's invoice, applied with the
    /// day's corrections.
    private mutating func credit(_ amount: Money, for change: Change, contract: ContractState, on day: CivilDate, invoice: String? = nil) {
        guard let number = invoice ?? contract.lastInvoice else { return }
        var note = Adjustment(id: change.id, kind: .creditNote, date: day, invoice: number, amount: amount,
                              reason: change.note.isEmpty ? "change \(change.id)" : change.note, location: change.location)
        note.fromChange = true
        adjustmentsByDay[day, default: []].append(note)
    }

    private func changeInvoice(_ line: InvoiceLine, tenant: Tenant, sourceId: String, issued: CivilDate, due: CivilDate, voucher: String) -> Invoice {
        let currency = input.settings.currency(tenant.currency)
        let amounts = InvoiceCalculation.amounts(lines: [line], discount: .zero(currency.code), tax: input.settings.tax, currency: currency)
        return Invoice(tenantId: tenant.id, source: .change, sourceId: sourceId, issueDate: issued, dueDate: due, currency: currency.code,
                       lines: [line], voucher: voucher, subtotal: amounts.subtotal, discount: amounts.discount, tax: amounts.tax,
                       taxMode: input.settings.tax.mode, total: amounts.total)
    }

    /// Rule 11: `renewal_notice` before a contract's end, a notice, or (`renew: invoice`) an
    /// invoice for its next term, paid like an order: unpaid when the contract ends, it expires
    /// and the contract lapses.
    private mutating func renewals(on day: CivilDate) -> [Invoice] {
        var invoices: [Invoice] = []
        let notice = input.settings.renewalNoticeDays
        for index in renewalCandidates where input.subscriptions[index].status == .active {
            let subscription = effective(index)
            guard let end = subscription.end, day >= end.adding(days: -notice), day <= end else { continue }
            var contract = contracts[subscription.id] ?? ContractState(subscriptionId: subscription.id)
            guard !contract.lapsed, contract.cancelledAfter == nil, contract.renewedFor != end,
                  let tenant = input.tenants[subscription.tenantId], let product = input.products[subscription.productId] else { continue }
            contract.renewedFor = end
            switch subscription.renew {
            case .notice:
                contracts[subscription.id] = contract
                journal.renewals.append(RenewalRecord(subscriptionId: subscription.id, tenantId: tenant.id, kind: .notice, day: day, end: end))
            case .invoice:
                let currency = input.settings.currency(tenant.currency)
                let from = end.adding(days: 1)
                let until = from.adding(months: subscription.termMonths)
                let units = Pricing.units(billing: product.billing, quantity: subscription.quantity, activeSeats: tenant.activeSeats)
                let line = InvoiceLine(productId: product.id, description: product.displayName, periodStart: from, periodEnd: until.adding(days: -1),
                                       quantity: units, unitPrice: product.price, months: subscription.termMonths,
                                       net: Pricing.lineNet(price: product.price, units: units, months: subscription.termMonths, currency: currency),
                                       taxable: product.taxable)
                let orderId = BillingRun.renewalOrderId(subscription: subscription.id, end: end)
                var pending = PendingOrder(orderId: orderId, invoice: "", tenantId: tenant.id, productId: product.id, type: .renew,
                                           subscriptionId: subscription.id, createdAt: zone.startOfDay(day), expiresAt: zone.startOfDay(from),
                                           paymentCode: paymentCode(orderId), email: "", seats: units, months: subscription.termMonths)
                pending.onContract = true
                pending.contractEnd = contract.end
                pending.contractPrepaidUntil = contract.prepaidUntil
                contract.end = until.adding(days: -1)
                contract.prepaidUntil = until
                contracts[subscription.id] = contract
                let amounts = InvoiceCalculation.amounts(lines: [line], discount: .zero(currency.code), tax: input.settings.tax, currency: currency)
                var invoice = Invoice(tenantId: tenant.id, source: .renewal, sourceId: subscription.id, issueDate: day, dueDate: from,
                                      currency: currency.code, lines: [line], voucher: subscription.voucher, subtotal: amounts.subtotal,
                                      discount: amounts.discount, tax: amounts.tax, taxMode: input.settings.tax.mode, total: amounts.total)
                invoice.order = OrderInvoice(pending)
                invoices.append(invoice)
                schedule(index, from: day)
            }
        }
        return invoices
    }

    // MARK: issuing

    /// The day's invoices, numbered and with their vouchers: recurring terms issued that day,
    /// and orders placed that day (on the span's first day also the late ones), priced in the
    /// order they were placed, each seeing what the ones before it did.
    private mutating func issue(on day: CivilDate) throws -> [Invoice] {
        var invoices: [Invoice] = []
        // Changes first: their prorations and bridges are the day's invoices too, and they move
        // the schedule of the terms below.
        invoices += applyChanges(on: day)
        for index in (bridgesByDay.removeValue(forKey: day) ?? []).sorted() {
            if let bridge = bridge(index) { invoices.append(bridge) }
        }
        invoices += renewals(on: day)
        for (index, generation, term) in (termsByDay.removeValue(forKey: day) ?? []).sorted(by: { $0.subscription < $1.subscription })
        where generation == scheduleGeneration[index] {
            let subscription = effective(index)
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
        // A subscription of the table by id: found by its place, not kept in a second table.
        let input = self.input
        let recurring = { (id: String) in input.subscriptionPlace(id).map { input.subscriptions[$0] } }
        for order in orders {
            handledRecords.append(HandledRecord(kind: .order, id: order.id, date: zone.date(of: order.createdAt), digest: order.digest))
            guard let tenant = input.tenants[order.tenantId], let product = input.products[order.productId],
                  let invoice = OrderBilling.invoice(for: order, tenant: tenant, product: product, input: input, recurring: recurring,
                                                     prepaid: &prepaid, contracts: &contracts, paymentCode: paymentCode(order.id)) else {
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
        for invoice in invoices where invoice.source == .renewal {
            journal.renewals.append(RenewalRecord(subscriptionId: invoice.sourceId, tenantId: invoice.tenantId, kind: .invoice, day: day,
                                                  end: invoice.dueDate.adding(days: -1), invoice: invoice.number))
        }
        // A renew order on a recurring subscription moved its schedule: put it right.
        for invoice in invoices where invoice.order?.pending.onContract == true {
            if let index = input.subscriptionPlace(invoice.order!.pending.subscriptionId) { schedule(index, from: day.adding(days: 1)) }
        }
        // The last term invoice of each subscription, for the credit notes of later changes.
        for invoice in invoices {
            for line in invoice.lines {
                let source = line.own?.source ?? invoice.source
                let id = line.own?.sourceId ?? invoice.sourceId
                guard source == .subscription, input.subscriptionPlace(id) != nil else { continue }
                var contract = contracts[id] ?? ContractState(subscriptionId: id)
                contract.lastInvoice = invoice.number
                contract.lastTermStart = line.periodStart
                contract.lastTermEnd = line.periodEnd
                contracts[id] = contract
            }
        }
        // An adjustment refused earlier in the span for naming an invoice not yet issued is
        // dated before it, which says more than "unknown".
        for index in journal.refused.indices {
            guard case .unknownInvoice(let number) = journal.refused[index].refusal,
                  let invoice = invoices.first(where: { $0.number == number }) else { continue }
            journal.refused[index].refusal = .beforeInvoice(invoice: number, issued: invoice.issueDate)
        }
        for invoice in invoices { try recordInvoice(invoice) }
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
            if !adjustment.fromChange {
                handledRecords.append(HandledRecord(kind: .adjustment, id: adjustment.id, date: adjustment.date, digest: adjustment.digest))
            }
            let late = adjustment.date < setup.span.first && !adjustment.fromChange
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
        OrderBilling.undo(order, prepaid: &prepaid, contracts: &contracts)
        if order.onContract, let index = input.subscriptionPlace(order.subscriptionId) {
            // The renewal is undone: its terms are billed again by the schedule, or, for a
            // renewal invoice of a contract with an end, the contract lapses at its end.
            if order.type == .renew && order.orderId.hasPrefix(BillingRun.renewalPrefix) {
                var contract = contracts[order.subscriptionId] ?? ContractState(subscriptionId: order.subscriptionId)
                contract.lapsed = true
                contracts[order.subscriptionId] = contract
                journal.renewals.append(RenewalRecord(subscriptionId: order.subscriptionId, tenantId: order.tenantId, kind: .lapsed,
                                                      day: zone.date(of: lapse.at), end: order.contractEnd ?? zone.date(of: lapse.at),
                                                      invoice: order.invoice))
            }
            schedule(index, from: max(zone.date(of: lapse.at), setup.span.first))
        }
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
            if order.orderId.hasPrefix(BillingRun.renewalPrefix) {
                journal.renewals.append(RenewalRecord(subscriptionId: order.subscriptionId, tenantId: order.tenantId, kind: .renewed,
                                                      day: zone.date(of: at), end: order.contractEnd ?? zone.date(of: at), invoice: number))
            }
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
        // The journal is kept to the end of the run; the day-by-day appends left it room to
        // spare. Given back first, before the next state is built beside it.
        journal.payouts.shrinkToFit()
        journal.paidOrders.shrinkToFit()
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
        next.dunningSteps = dunning.steps
        var kept = contracts.filter { id, contract in !contract.isEmpty && input.subscriptionPlace(id) != nil }
        contracts = Directory()
        // Held to the end of the run: without the room its growth left (a quarter of it).
        kept.shrinkToFit()
        next.contracts = kept
        journal.statements = statements.takeStatements(before: state, after: next)
        return next
    }
}
