import TagihCore

/// `state.yaml`, the hand-over between runs. Written by tagih; read back in two ways: the
/// small sections into memory, and the remembered payments (as many as a month's payments,
/// sorted by id) as a stream, by `StatePayments`.
public enum StateFile {
    public static let version = 1

    static let receivableSchema = TableSchema(
        table: "receivables",
        required: ["number", "tenant_id", "source", "source_id", "issued", "due", "currency", "total", "outstanding"],
        optional: ["last_paid", "expires", "created"]
    )

    static let prepaidSchema = TableSchema(
        table: "prepaid", required: ["id", "tenant_id", "product_id", "seats", "term_start", "term_end", "term_months"], optional: []
    )

    static let pendingOrderSchema = TableSchema(
        table: "pending_orders",
        required: ["order_id", "invoice", "tenant_id", "product_id", "type", "subscription_id", "created", "expires", "payment_code", "seats", "months"],
        optional: ["email", "previous_term_start", "previous_term_end", "previous_term_months"]
    )

    static let redemptionSchema = TableSchema(table: "voucher_redemptions", required: ["code", "count"], optional: [])

    static let windowSchema = TableSchema(
        table: "payout_windows", required: ["tenant_id", "start", "end", "currency", "gross", "refunds", "fees", "collections"], optional: []
    )

    static let balanceSchema = TableSchema(table: "payout_balances", required: ["tenant_id", "currency", "amount"], optional: ["reason"])

    static let creditSchema = TableSchema(table: "credits", required: ["tenant_id", "currency", "amount"], optional: [])

    static let paymentSchema = TableSchema(
        table: "payments",
        required: ["id", "at", "tenant_id", "currency", "received"],
        optional: ["refunded", "to_invoice", "to_credit", "invoice"]
    )

    // MARK: reading

    /// The state's small sections; the payments section is checked (each entry valid, ids in
    /// order) and counted, not kept.
    public static func read(path: String, name: String, currencies: Currencies) throws(InputFailure) -> BillingState {
        let events = try YAMLEvents(path: path, name: name)
        var state = BillingState()
        var problems: [Diagnostic] = []
        try events.next()
        guard try events.next() == .documentStart else { return state }
        guard try events.next() == .mappingStart else {
            throw InputFailure(Diagnostic(events.location, "state.yaml must be a mapping; was it written by tagih?"))
        }
        let filler = YAMLRecordFiller()
        while try events.next() != .mappingEnd {
            let keyLocation = events.location
            let key = events.kind == .scalar ? events.scalarText : ""
            try events.next()
            let valueLocation = events.location
            let scalar = events.kind == .scalar ? events.scalarText : nil
            switch key {
            case "version":
                if scalar.flatMap(Int.init) != version {
                    problems.append(Diagnostic(valueLocation, value: scalar ?? "", "version: this tagih reads state version \(version)"))
                }
            case "period":
                guard let period = scalar.flatMap(Period.init) else {
                    problems.append(Diagnostic(valueLocation, value: scalar ?? "", "period is not YYYY-MM"))
                    try events.skipNode()
                    continue
                }
                state.period = period
            case "next_sequence":
                guard let next = scalar.flatMap(Int.init), next >= 1 else {
                    problems.append(Diagnostic(valueLocation, value: scalar ?? "", "next_sequence is not a positive whole number"))
                    try events.skipNode()
                    continue
                }
                state.nextSequence = next
            case "payment_horizon":
                guard let text = scalar, case .success(.absolute(let instant)) = ParsedTimestamp.parse(text) else {
                    problems.append(Diagnostic(valueLocation, value: scalar ?? "", "payment_horizon is not a UTC timestamp"))
                    try events.skipNode()
                    continue
                }
                state.paymentHorizon = instant
            case "receivables":
                try forEachRecord(events, filler: filler, schema: receivableSchema, name: name, problems: &problems) { row in
                    if let receivable = decodeReceivable(&row, currencies: currencies) { state.receivables.append(receivable) }
                }
            case "credits":
                try forEachRecord(events, filler: filler, schema: creditSchema, name: name, problems: &problems) { row in
                    guard let currency = row.currency(1, in: currencies).flatMap({ currencies($0) }),
                          let tenant = row.text(0, required: true),
                          let amount = row.money(2, currency: currency, required: true, allowNegative: true) else { return }
                    state.credits.append(Credit(tenantId: tenant, amount: amount))
                }
            case "prepaid":
                try forEachRecord(events, filler: filler, schema: prepaidSchema, name: name, problems: &problems) { row in
                    let id = row.text(0, required: true), tenant = row.text(1, required: true), product = row.text(2, required: true)
                    let seats = row.integer(3, in: 0...100_000_000, required: true)
                    let start = row.date(4, required: true), end = row.date(5, required: true)
                    let months = row.integer(6, in: 1...120, required: true)
                    guard let id, let tenant, let product, let seats, let start, let end, let months else { return }
                    state.prepaid.append(PrepaidSubscription(id: id, tenantId: tenant, productId: product, seats: seats,
                                                             termStart: start, termEnd: end, termMonths: months))
                }
            case "pending_orders":
                try forEachRecord(events, filler: filler, schema: pendingOrderSchema, name: name, problems: &problems) { row in
                    if let order = decodePendingOrder(&row) { state.pendingOrders.append(order) }
                }
            case "voucher_redemptions":
                try forEachRecord(events, filler: filler, schema: redemptionSchema, name: name, problems: &problems) { row in
                    guard let code = row.text(0, required: true), let count = row.integer(1, in: 0...100_000_000, required: true) else { return }
                    state.voucherRedemptions[code.uppercased()] = count
                }
            case "payout_windows":
                try forEachRecord(events, filler: filler, schema: windowSchema, name: name, problems: &problems) { row in
                    guard let tenant = row.text(0, required: true), let start = row.date(1, required: true), let end = row.date(2, required: true),
                          let currency = row.currency(3, in: currencies).flatMap({ currencies($0) }),
                          let gross = row.money(4, currency: currency, required: true), let refunds = row.money(5, currency: currency, required: true),
                          let fees = row.money(6, currency: currency, required: true),
                          let count = row.integer(7, in: 0...1_000_000_000, required: true) else { return }
                    state.payoutWindows.append((PayoutWindow(tenantId: tenant, start: start, end: end),
                                                WindowSums(gross: gross, refunds: refunds, fees: fees, collections: count)))
                }
            case "payout_balances":
                try forEachRecord(events, filler: filler, schema: balanceSchema, name: name, problems: &problems) { row in
                    guard let tenant = row.text(0, required: true), let currency = row.currency(1, in: currencies).flatMap({ currencies($0) }),
                          let amount = row.money(2, currency: currency, required: true, allowNegative: true) else { return }
                    state.payoutBalances.append(PayoutBalance(tenantId: tenant, amount: amount, reason: row.text(3) ?? ""))
                }
            case "payments":
                var previousId: [UInt8]?
                try forEachRecord(events, filler: filler, schema: paymentSchema, name: name, problems: &problems) { row in
                    guard let payment = decodePayment(&row, currencies: currencies) else { return }
                    let id = Array(payment.id.utf8)
                    if let previousId, !previousId.lexicographicallyPrecedes(id) {
                        row.fail(0, "is out of order: the payments in state.yaml must be sorted by id, each once")
                    }
                    previousId = id
                    state.paymentCount += 1
                }
            default:
                problems.append(Diagnostic(keyLocation, value: key, "unknown section \"\(key)\" in state.yaml"))
                try events.skipNode()
            }
        }
        if !problems.isEmpty { throw InputFailure(problems) }
        return state
    }

    /// Calls `body` with each record of the list the parser is on; what the decoder reports
    /// is added to `problems`.
    static func forEachRecord(
        _ events: YAMLEvents, filler: YAMLRecordFiller, schema: TableSchema, name: String, problems: inout [Diagnostic],
        _ body: (inout FieldDecoder) -> Void
    ) throws(InputFailure) {
        if events.kind == .scalar && events.scalarIsNull { return }
        guard events.kind == .sequenceStart else {
            problems.append(Diagnostic(events.location, "\(schema.table) must be a list"))
            try events.skipNode()
            return
        }
        let row = RowValues(schema: schema, file: name)
        while try events.next() != .sequenceEnd {
            switch try filler.fill(row, from: events) {
            case .malformed(let diagnostic): problems.append(diagnostic)
            case .end: return
            case .row:
                var decoder = FieldDecoder(row: row)
                body(&decoder)
                problems.append(contentsOf: decoder.diagnostics)
            }
        }
    }

    private static func decodeReceivable(_ row: inout FieldDecoder, currencies: Currencies) -> Receivable? {
        let currency = row.currency(6, in: currencies).flatMap { currencies($0) }
        let number = row.text(0, required: true)
        let tenant = row.text(1, required: true)
        let source = row.choice(2, InvoiceSource.self, required: true)
        let sourceId = row.text(3, required: true)
        let issued = row.date(4, required: true)
        let due = row.date(5, required: true)
        let lastPaid = row.date(9)
        let utc = Zone.fixed("UTC", offsetSeconds: 0)
        let expires = row.instant(10, zone: utc)
        let created = row.instant(11, zone: utc)
        guard let currency else { return nil }
        let total = row.money(7, currency: currency, required: true)
        let outstanding = row.money(8, currency: currency, required: true)
        guard row.isValid, let number, let tenant, let source, let sourceId, let issued, let due, let total, let outstanding else { return nil }
        return Receivable(number: number, tenantId: tenant, source: source, sourceId: sourceId, issueDate: issued, dueDate: due,
                          total: total, outstanding: outstanding, lastPaidOn: lastPaid, expiresAt: expires, createdAt: created)
    }

    private static func decodePendingOrder(_ row: inout FieldDecoder) -> PendingOrder? {
        let utc = Zone.fixed("UTC", offsetSeconds: 0)
        let orderId = row.text(0, required: true), invoice = row.text(1, required: true)
        let tenant = row.text(2, required: true), product = row.text(3, required: true)
        let type = row.choice(4, OrderType.self, required: true)
        let subscription = row.text(5, required: true)
        let created = row.instant(6, zone: utc, required: true), expires = row.instant(7, zone: utc, required: true)
        let code = row.text(8, required: true)
        let seats = row.integer(9, in: -100_000_000...100_000_000, required: true), months = row.integer(10, in: 1...120, required: true)
        guard row.isValid, let orderId, let invoice, let tenant, let product, let type, let subscription, let created, let expires,
              let code, let seats, let months else { return nil }
        return PendingOrder(orderId: orderId, invoice: invoice, tenantId: tenant, productId: product, type: type, subscriptionId: subscription,
                            createdAt: created, expiresAt: expires, paymentCode: code, email: row.text(11) ?? "", seats: seats, months: months,
                            previousTermStart: row.date(12), previousTermEnd: row.date(13), previousTermMonths: row.integer(14, in: 1...120))
    }

    static func decodePayment(_ row: inout FieldDecoder, currencies: Currencies) -> AppliedPayment? {
        let id = row.text(0, required: true)
        let at = row.instant(1, zone: .fixed("UTC", offsetSeconds: 0), required: true)
        let tenant = row.text(2, required: true)
        guard let currency = row.currency(3, in: currencies).flatMap({ currencies($0) }) else { return nil }
        let received = row.money(4, currency: currency, required: true, allowNegative: true)
        // Zero amounts are left out when written: most remembered payments were never refunded.
        let zero = Money.zero(currency.code)
        let refunded = row.money(5, currency: currency) ?? zero
        let toInvoice = row.money(6, currency: currency, allowNegative: true) ?? zero
        let toCredit = row.money(7, currency: currency, allowNegative: true) ?? zero
        let invoice = row.text(8) ?? ""
        guard row.isValid, let id, let at, let tenant, let received else { return nil }
        return AppliedPayment(id: id, paidAt: at, tenantId: tenant, received: received, refunded: refunded, invoice: invoice,
                              toInvoice: toInvoice, toCredit: toCredit)
    }

    // MARK: writing

    /// Writes the state; `payments` hands out the remembered payments in id order.
    public static func write(
        _ state: BillingState, to path: String, currencies: Currencies, payments: () throws -> AppliedPayment?
    ) throws {
        let writer = try BufferedWriter(path: path)
        let period = state.period.map(\.description) ?? ""
        let amount = { (money: Money) -> String in
            YAMLText.quoted(ExactDecimal(units: money.minor, scale: currencies(money.currency)?.minorUnits ?? 2).description)
        }
        try writer.write("""
        # tagih state after the run for \(period).
        # Hand it to the next month's run as input/state.yaml; do not edit by hand.
        version: \(version)
        period: \(YAMLText.quoted(period))
        next_sequence: \(state.nextSequence)

        """)
        if let horizon = state.paymentHorizon { try writer.write("payment_horizon: \(horizon)\n") }
        try writer.write(state.receivables.isEmpty ? "receivables: []\n" : "receivables:\n")
        for receivable in state.receivables {
            var line = "  - {number: \(YAMLText.quoted(receivable.number)), tenant_id: \(YAMLText.quoted(receivable.tenantId)), "
            line += "source: \(receivable.source.rawValue), source_id: \(YAMLText.quoted(receivable.sourceId)), "
            line += "issued: \(receivable.issueDate), due: \(receivable.dueDate), currency: \(receivable.total.currency), "
            line += "total: \(amount(receivable.total)), outstanding: \(amount(receivable.outstanding))"
            if let paid = receivable.lastPaidOn { line += ", last_paid: \(paid)" }
            if let expires = receivable.expiresAt { line += ", expires: \(expires)" }
            if let created = receivable.createdAt { line += ", created: \(created)" }
            try writer.write(line + "}\n")
        }
        try writer.write(state.credits.isEmpty ? "credits: []\n" : "credits:\n")
        for credit in state.credits {
            try writer.write("  - {tenant_id: \(YAMLText.quoted(credit.tenantId)), currency: \(credit.amount.currency), amount: \(amount(credit.amount))}\n")
        }
        try writer.write(state.prepaid.isEmpty ? "prepaid: []\n" : "prepaid:\n")
        for subscription in state.prepaid {
            try writer.write("  - {id: \(YAMLText.quoted(subscription.id)), tenant_id: \(YAMLText.quoted(subscription.tenantId)), product_id: \(YAMLText.quoted(subscription.productId)), seats: \(subscription.seats), term_start: \(subscription.termStart), term_end: \(subscription.termEnd), term_months: \(subscription.termMonths)}\n")
        }
        try writer.write(state.pendingOrders.isEmpty ? "pending_orders: []\n" : "pending_orders:\n")
        for order in state.pendingOrders {
            var line = "  - {order_id: \(YAMLText.quoted(order.orderId)), invoice: \(YAMLText.quoted(order.invoice)), tenant_id: \(YAMLText.quoted(order.tenantId)), "
            line += "product_id: \(YAMLText.quoted(order.productId)), type: \(order.type.rawValue), subscription_id: \(YAMLText.quoted(order.subscriptionId)), "
            line += "created: \(order.createdAt), expires: \(order.expiresAt), payment_code: \(YAMLText.quoted(order.paymentCode)), "
            line += "seats: \(order.seats), months: \(order.months)"
            if !order.email.isEmpty { line += ", email: \(YAMLText.quoted(order.email))" }
            if let start = order.previousTermStart { line += ", previous_term_start: \(start)" }
            if let end = order.previousTermEnd { line += ", previous_term_end: \(end)" }
            if let months = order.previousTermMonths { line += ", previous_term_months: \(months)" }
            try writer.write(line + "}\n")
        }
        try writer.write(state.voucherRedemptions.isEmpty ? "voucher_redemptions: []\n" : "voucher_redemptions:\n")
        for (code, count) in state.voucherRedemptions.sorted(by: { $0.key < $1.key }) {
            try writer.write("  - {code: \(YAMLText.quoted(code)), count: \(count)}\n")
        }
        try writer.write(state.payoutWindows.isEmpty ? "payout_windows: []\n" : "payout_windows:\n")
        for (window, sums) in state.payoutWindows {
            try writer.write("  - {tenant_id: \(YAMLText.quoted(window.tenantId)), start: \(window.start), end: \(window.end), currency: \(sums.gross.currency), gross: \(amount(sums.gross)), refunds: \(amount(sums.refunds)), fees: \(amount(sums.fees)), collections: \(sums.collections)}\n")
        }
        try writer.write(state.payoutBalances.isEmpty ? "payout_balances: []\n" : "payout_balances:\n")
        for balance in state.payoutBalances {
            try writer.write("  - {tenant_id: \(YAMLText.quoted(balance.tenantId)), currency: \(balance.amount.currency), amount: \(amount(balance.amount)), reason: \(YAMLText.quoted(balance.reason))}\n")
        }
        var first = true
        while let payment = try payments() {
            if first { try writer.write("payments:\n"); first = false }
            var line = "  - {id: \(YAMLText.quoted(payment.id)), at: \(payment.paidAt), tenant_id: \(YAMLText.quoted(payment.tenantId)), "
            line += "currency: \(payment.received.currency), received: \(amount(payment.received))"
            if !payment.refunded.isZero { line += ", refunded: \(amount(payment.refunded))" }
            if !payment.invoice.isEmpty { line += ", invoice: \(YAMLText.quoted(payment.invoice))" }
            if !payment.toInvoice.isZero { line += ", to_invoice: \(amount(payment.toInvoice))" }
            if !payment.toCredit.isZero { line += ", to_credit: \(amount(payment.toCredit))" }
            line += "}\n"
            try writer.write(line)
        }
        if first { try writer.write("payments: []\n") }
        try writer.close()
    }
}

/// The remembered payments of a state file, streamed in id order, for merging with a run's
/// payments (also in id order) without holding either in memory.
public final class StatePayments {
    private let events: YAMLEvents
    private let filler = YAMLRecordFiller()
    private let row: RowValues
    private let currencies: Currencies
    private var finished = false
    /// The entry the cursor stands on.
    public private(set) var current: AppliedPayment?

    /// Positions the cursor on the first entry (or at the end when there is none).
    public init(path: String, name: String, currencies: Currencies) throws(InputFailure) {
        events = try YAMLEvents(path: path, name: name)
        row = RowValues(schema: StateFile.paymentSchema, file: name)
        self.currencies = currencies
        try events.next()
        guard try events.next() == .documentStart, try events.next() == .mappingStart else { finished = true; return }
        while try events.next() != .mappingEnd {
            let key = events.kind == .scalar ? events.scalarText : ""
            try events.next()
            if key == "payments" && events.kind == .sequenceStart {
                try advance()
                return
            }
            try events.skipNode()
        }
        finished = true
    }

    /// An empty cursor, for a run without state.
    public init() throws(InputFailure) {
        events = try YAMLEvents(path: "/dev/null", name: "")
        row = RowValues(schema: StateFile.paymentSchema, file: "")
        currencies = Currencies()
        finished = true
    }

    /// Moves to the next entry; `current` is nil past the last.
    public func advance() throws(InputFailure) {
        current = nil
        guard !finished else { return }
        guard try events.next() != .sequenceEnd else { finished = true; return }
        guard case .row = try filler.fill(row, from: events) else {
            throw InputFailure(Diagnostic(row.rowLocation, "a payment entry in state.yaml cannot be read"))
        }
        var decoder = FieldDecoder(row: row)
        guard let payment = StateFile.decodePayment(&decoder, currencies: currencies) else {
            throw InputFailure(decoder.diagnostics)
        }
        current = payment
    }
}
