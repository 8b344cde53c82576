import TagihCore

/// `state.yaml`, the hand-over between runs. Written by tagih in a fixed layout that ends
/// with `end: {checksum: "…"}`, a checksum of every byte before that line: a state cut off,
/// emptied, duplicated or edited by hand is refused with its position, never half-read.
/// It is read in one pass: the small sections into memory, the remembered payments (as many
/// as the payments of the memory's days) handed to a sink as they are read.
public enum StateFile {
    public static let version = 2

    /// The top-level keys, in the order they are written; each must appear exactly once.
    static let keys = ["version", "as_of", "operator", "next_sequence", "memory_horizon", "receivables", "credits", "prepaid",
                       "pending_orders", "voucher_redemptions", "payout_windows", "payout_balances", "handled", "open_payments",
                       "payments", "end"]

    // MARK: reading

    /// Reads a state; every remembered payment is handed to `payments` in id order as it is
    /// read. Throws every problem found, each with its position.
    public static func read(path: String, name: String, currencies: Currencies,
                            payments: (AppliedPayment) throws -> Void = { _ in }) throws -> BillingState {
        try Seal.verify(path: path, name: name)
        let events = try YAMLEvents(path: path, name: name)
        var state = BillingState()
        var problems: [Diagnostic] = []
        var seen: [String: SourceLocation] = [:]
        try events.next()
        guard try events.next() == .documentStart, try events.next() == .mappingStart else {
            throw InputFailure(Diagnostic(SourceLocation(file: name, line: 1, column: 1), "\(name) is not a state tagih wrote: it is not a mapping"))
        }
        let filler = YAMLRecordFiller()
        var lastPaymentId: String?
        var paymentIds = Set<String>()
        while try events.next() != .mappingEnd {
            let keyLocation = events.location
            let key = events.kind == .scalar ? events.scalarText : ""
            try events.next()
            let valueLocation = events.location
            let scalar = events.kind == .scalar ? events.scalarText : nil
            if let first = seen[key] {
                problems.append(Diagnostic(keyLocation, value: key, "\"\(key)\" appears twice in \(name) (first at line \(first.line)); a state has each section once"))
                try events.skipNode()
                continue
            }
            seen[key] = keyLocation
            switch key {
            case "version":
                if scalar.flatMap(Int.init) != version {
                    problems.append(Diagnostic(valueLocation, value: scalar ?? "", "version \(scalar ?? "") is not one this tagih reads (\(version))"))
                }
            case "as_of":
                guard let text = scalar, case .success(let date) = CivilDate.parse(text) else {
                    problems.append(Diagnostic(valueLocation, value: scalar ?? "", "as_of is not a date"))
                    try events.skipNode()
                    continue
                }
                state.asOf = date
            case "operator":
                typealias C = OperatorColumn
                try forEachRecord(events, filler: filler, schema: OperatorColumn.schema, name: name, problems: &problems, single: true) { row in
                    guard let name = row.text(C.name.slot, required: true), let currency = row.currency(C.currency.slot, in: currencies) else { return }
                    state.operatorStamp = OperatorStamp(name: name, taxId: row.text(C.taxId.slot) ?? "", currency: currency)
                }
            case "next_credit_note_sequence":
                guard let next = scalar.flatMap(Int.init), next >= 1, next < 1_000_000_000_000 else {
                    problems.append(Diagnostic(valueLocation, value: scalar ?? "", "next_credit_note_sequence is not a positive whole number"))
                    try events.skipNode()
                    continue
                }
                state.nextCreditNoteSequence = next
            case "next_sequence":
                guard let next = scalar.flatMap(Int.init), next >= 1, next < 1_000_000_000_000 else {
                    problems.append(Diagnostic(valueLocation, value: scalar ?? "", "next_sequence is not a positive whole number"))
                    try events.skipNode()
                    continue
                }
                state.nextSequence = next
            case "memory_horizon":
                guard let text = scalar, case .success(.absolute(let instant)) = ParsedTimestamp.parse(text) else {
                    problems.append(Diagnostic(valueLocation, value: scalar ?? "", "memory_horizon is not a UTC timestamp"))
                    try events.skipNode()
                    continue
                }
                state.memoryHorizon = instant
            case "receivables":
                typealias C = ReceivableColumn
                var numbers: [String: Int] = [:]
                try forEachRecord(events, filler: filler, schema: ReceivableColumn.schema, name: name, problems: &problems) { row in
                    guard let (receivable, sequence) = decodeReceivable(&row, currencies: currencies) else { return }
                    if let line = numbers[receivable.number] {
                        row.fail(C.number.slot, "is listed twice (also at line \(line))")
                        return
                    }
                    numbers[receivable.number] = row.row.line
                    if receivable.outstanding.isNegative || receivable.outstanding > receivable.total - receivable.credited {
                        row.fail(C.outstanding.slot,
                                 "is outside 0 to the invoice's total less credit notes, \((receivable.total - receivable.credited).minor) (in minor units)")
                    }
                    if receivable.credited > receivable.creditNotes || receivable.creditNotes > receivable.total {
                        row.fail(C.credited.slot, "is not within the invoice's credit notes and total")
                    }
                    if sequence >= state.nextSequence && seen["next_sequence"] != nil {
                        row.fail(C.sequence.slot, "is not below next_sequence \(state.nextSequence): numbers would be given twice")
                    }
                    state.receivables.append(receivable)
                }
            case "credits":
                typealias C = CreditColumn
                var keys = Set<String>()
                try forEachRecord(events, filler: filler, schema: CreditColumn.schema, name: name, problems: &problems) { row in
                    guard let currency = row.currency(C.currency.slot, in: currencies).flatMap({ currencies($0) }),
                          let tenant = row.text(C.tenantId.slot, required: true),
                          let amount = row.money(C.amount.slot, currency: currency, required: true, allowNegative: true) else { return }
                    if !keys.insert("\(tenant) \(currency.code)").inserted { row.fail(C.tenantId.slot, "has two credits in \(currency.code)") }
                    state.credits.append(Credit(tenantId: tenant, amount: amount))
                }
            case "prepaid":
                typealias C = PrepaidColumn
                try forEachRecord(events, filler: filler, schema: PrepaidColumn.schema, name: name, problems: &problems) { row in
                    let id = row.text(C.id.slot, required: true), tenant = row.text(C.tenantId.slot, required: true)
                    let product = row.text(C.productId.slot, required: true)
                    let seats = row.integer(C.seats.slot, in: 0...100_000_000, required: true)
                    let start = row.date(C.termStart.slot, required: true), end = row.date(C.termEnd.slot, required: true)
                    let months = row.integer(C.termMonths.slot, in: 1...120, required: true)
                    guard let id, let tenant, let product, let seats, let start, let end, let months else { return }
                    state.prepaid.append(PrepaidSubscription(id: id, tenantId: tenant, productId: product, seats: seats,
                                                             termStart: start, termEnd: end, termMonths: months))
                }
            case "pending_orders":
                try forEachRecord(events, filler: filler, schema: PendingOrderColumn.schema, name: name, problems: &problems) { row in
                    if let order = decodePendingOrder(&row) { state.pendingOrders.append(order) }
                }
            case "voucher_redemptions":
                typealias C = RedemptionColumn
                try forEachRecord(events, filler: filler, schema: RedemptionColumn.schema, name: name, problems: &problems) { row in
                    guard let code = row.text(C.code.slot, required: true), let count = row.integer(C.count.slot, in: 0...100_000_000, required: true) else { return }
                    if state.voucherRedemptions[code.uppercased()] != nil { row.fail(C.code.slot, "is listed twice") }
                    state.voucherRedemptions[code.uppercased()] = count
                }
            case "payout_windows":
                typealias C = WindowColumn
                try forEachRecord(events, filler: filler, schema: WindowColumn.schema, name: name, problems: &problems) { row in
                    guard let tenant = row.text(C.tenantId.slot, required: true),
                          let start = row.date(C.start.slot, required: true), let end = row.date(C.end.slot, required: true),
                          let currency = row.currency(C.currency.slot, in: currencies).flatMap({ currencies($0) }),
                          let gross = row.money(C.gross.slot, currency: currency, required: true),
                          let refunds = row.money(C.refunds.slot, currency: currency, required: true),
                          let fees = row.money(C.fees.slot, currency: currency, required: true),
                          let count = row.integer(C.collections.slot, in: 0...1_000_000_000, required: true) else { return }
                    state.payoutWindows.append((PayoutWindow(tenantId: tenant, start: start, end: end),
                                                WindowSums(gross: gross, refunds: refunds, fees: fees, collections: count)))
                }
            case "payout_balances":
                typealias C = BalanceColumn
                try forEachRecord(events, filler: filler, schema: BalanceColumn.schema, name: name, problems: &problems) { row in
                    guard let tenant = row.text(C.tenantId.slot, required: true),
                          let currency = row.currency(C.currency.slot, in: currencies).flatMap({ currencies($0) }),
                          let amount = row.money(C.amount.slot, currency: currency, required: true, allowNegative: true) else { return }
                    state.payoutBalances.append(PayoutBalance(tenantId: tenant, amount: amount, reason: decodeHold(&row, currency: currency)))
                }
            case "contracts":
                typealias C = ContractColumn
                try forEachRecord(events, filler: filler, schema: ContractColumn.schema, name: name, problems: &problems) { row in
                    guard let id = row.text(C.subscriptionId.slot, required: true) else { return }
                    var contract = ContractState(subscriptionId: id)
                    contract.productId = row.text(C.productId.slot)
                    contract.quantity = row.integer(C.quantity.slot, in: 1...1_000_000)
                    contract.anchor = row.date(C.anchor.slot)
                    contract.end = row.date(C.end.slot)
                    contract.cancelledAfter = row.date(C.cancelledAfter.slot)
                    contract.prepaidUntil = row.date(C.prepaidUntil.slot)
                    contract.renewedFor = row.date(C.renewedFor.slot)
                    contract.lapsed = row.bool(C.lapsed.slot) ?? false
                    contract.lastInvoice = row.text(C.lastInvoice.slot)
                    contract.lastTermStart = row.date(C.lastTermStart.slot)
                    contract.lastTermEnd = row.date(C.lastTermEnd.slot)
                    contract.bridgeFrom = row.date(C.bridgeFrom.slot)
                    contract.bridgeTo = row.date(C.bridgeTo.slot)
                    contract.bridgeIssue = row.date(C.bridgeIssue.slot)
                    if state.contracts[id] != nil { row.fail(C.subscriptionId.slot, "is listed twice") }
                    state.contracts[id] = contract
                }
            case "dunning":
                typealias C = DunningColumn
                var steps: [String: String] = [:]
                try forEachRecord(events, filler: filler, schema: DunningColumn.schema, name: name, problems: &problems) { row in
                    guard let tenant = row.text(C.tenantId.slot, required: true), let step = row.text(C.step.slot, required: true) else { return }
                    if steps[tenant] != nil { row.fail(C.tenantId.slot, "is listed twice") }
                    steps[tenant] = step
                }
                state.dunningSteps = DunningSteps(steps)
            case "handled":
                typealias C = HandledColumn
                var ids = Set<String>()
                try forEachRecord(events, filler: filler, schema: HandledColumn.schema, name: name, problems: &problems) { row in
                    let kind = row.choice(C.kind.slot, RecordKind.self, required: true)
                    let id = row.text(C.id.slot, required: true), date = row.date(C.date.slot, required: true)
                    let digest = row.text(C.digest.slot, required: true).flatMap { text -> Digest? in
                        guard let digest = Digest(hex: text) else { row.fail(C.digest.slot, "is not 16 hex digits"); return nil }
                        return digest
                    }
                    guard let kind, let id, let date, let digest else { return }
                    if !ids.insert("\(kind.rawValue) \(id)").inserted { row.fail(C.id.slot, "is listed twice for \(kind.rawValue)s") }
                    state.handled.append(HandledRecord(kind: kind, id: id, date: date, digest: digest))
                }
            case "open_payments":
                typealias C = OpenPaymentColumn
                try forEachRecord(events, filler: filler, schema: OpenPaymentColumn.schema, name: name, problems: &problems) { row in
                    if let open = decodeOpenPayment(&row, currencies: currencies) {
                        if !paymentIds.insert(open.payment.id).inserted { row.fail(C.id.slot, "is listed twice") }
                        state.openPayments.append(open)
                    }
                }
            case "payments":
                typealias C = RememberedPaymentColumn
                var problem: Error?
                try forEachRecord(events, filler: filler, schema: RememberedPaymentColumn.schema, name: name, problems: &problems) { row in
                    guard let payment = decodePayment(&row, currencies: currencies) else { return }
                    let id = payment.id
                    if let lastPaymentId, IdOrder.compare(lastPaymentId, id) >= 0 {
                        row.fail(C.id.slot, "is out of order: the payments in a state are sorted by id, each once")
                        return
                    }
                    lastPaymentId = id
                    state.paymentCount += 1
                    do { try payments(payment) } catch { problem = problem ?? error }
                }
                if let problem { throw problem }
            case "end":
                try events.skipNode()
            default:
                problems.append(Diagnostic(keyLocation, value: key, "unknown section \"\(key)\" in \(name)"))
                try events.skipNode()
            }
        }
        for key in keys where seen[key] == nil {
            problems.append(Diagnostic(SourceLocation(file: name, line: 1, column: 1), "\(name) has no \"\(key)\" section; was it written by this tagih?"))
        }
        let numbers = Set(state.receivables.map(\.number))
        for order in state.pendingOrders where !numbers.contains(order.invoice) {
            problems.append(Diagnostic(.file(name), value: order.orderId, "pending order \(order.orderId) names invoice \(order.invoice), which is not among the receivables"))
        }
        if !problems.isEmpty { throw InputFailure(problems) }
        return state
    }

    /// Calls `body` with each record of the list the parser is on (or with the one mapping,
    /// for `single`); what the decoder reports is added to `problems`.
    static func forEachRecord(
        _ events: YAMLEvents, filler: YAMLRecordFiller, schema: TableSchema, name: String, problems: inout [Diagnostic],
        single: Bool = false, _ body: (inout FieldDecoder) -> Void
    ) throws(InputFailure) {
        let row = RowValues(schema: schema, file: name)
        func decode() throws(InputFailure) {
            switch try filler.fill(row, from: events) {
            case .malformed(let diagnostic): problems.append(diagnostic)
            case .end: return
            case .row:
                var decoder = FieldDecoder(row: row, amountLimit: Money.largestRunTotal)
                for (slot, field) in schema.fields.enumerated() where field.required && !row.has(slot) {
                    decoder.fail(slot, "is required")
                }
                if decoder.isValid { body(&decoder) }
                problems.append(contentsOf: decoder.diagnostics)
            }
        }
        if single {
            guard events.kind == .mappingStart else {
                problems.append(Diagnostic(events.location, "\(schema.table) must be a mapping"))
                try events.skipNode()
                return
            }
            try decode()
            return
        }
        guard events.kind == .sequenceStart else {
            problems.append(Diagnostic(events.location, "\(schema.table) must be a list"))
            try events.skipNode()
            return
        }
        while try events.next() != .sequenceEnd { try decode() }
    }

    private static func decodeReceivable(_ row: inout FieldDecoder, currencies: Currencies) -> (Receivable, Int)? {
        typealias C = ReceivableColumn
        let currency = row.currency(C.currency.slot, in: currencies).flatMap { currencies($0) }
        let number = row.text(C.number.slot, required: true)
        let sequence = row.integer(C.sequence.slot, in: 1...999_999_999_999, required: true)
        let tenant = row.text(C.tenantId.slot, required: true)
        let source = row.choice(C.source.slot, InvoiceSource.self, required: true)
        let sourceId = row.text(C.sourceId.slot, required: true)
        let issued = row.date(C.issued.slot, required: true)
        let due = row.date(C.due.slot, required: true)
        let lastPaid = row.date(C.lastPaid.slot)
        let expires = row.instant(C.expires.slot, zone: .utc)
        let created = row.instant(C.created.slot, zone: .utc)
        guard let currency else { return nil }
        let total = row.money(C.total.slot, currency: currency, required: true)
        let outstanding = row.money(C.outstanding.slot, currency: currency, required: true, allowNegative: true)
        let tax = row.money(C.tax.slot, currency: currency)
        let creditNotes = row.money(C.creditNotes.slot, currency: currency)
        let credited = row.money(C.credited.slot, currency: currency)
        let vouchers = row.list(C.vouchers.slot).joined(separator: "|")
        guard row.isValid, let number, let sequence, let tenant, let source, let sourceId, let issued, let due, let total, let outstanding else { return nil }
        return (Receivable(number: number, tenantId: tenant, source: source, sourceId: sourceId, issueDate: issued, dueDate: due,
                           total: total, outstanding: outstanding, lastPaidOn: lastPaid, expiresAt: expires, createdAt: created, sequence: sequence,
                           tax: tax, creditNotes: creditNotes, credited: credited, voucher: vouchers), sequence)
    }

    private static func decodePendingOrder(_ row: inout FieldDecoder) -> PendingOrder? {
        typealias C = PendingOrderColumn
        let orderId = row.text(C.orderId.slot, required: true), invoice = row.text(C.invoice.slot, required: true)
        let tenant = row.text(C.tenantId.slot, required: true), product = row.text(C.productId.slot, required: true)
        let type = row.choice(C.type.slot, OrderType.self, required: true)
        let subscription = row.text(C.subscriptionId.slot, required: true)
        let created = row.instant(C.created.slot, zone: .utc, required: true), expires = row.instant(C.expires.slot, zone: .utc, required: true)
        let code = row.text(C.paymentCode.slot, required: true)
        let seats = row.integer(C.seats.slot, in: -100_000_000...100_000_000, required: true), months = row.integer(C.months.slot, in: 1...120, required: true)
        guard row.isValid, let orderId, let invoice, let tenant, let product, let type, let subscription, let created, let expires,
              let code, let seats, let months else { return nil }
        var order = PendingOrder(orderId: orderId, invoice: invoice, tenantId: tenant, productId: product, type: type, subscriptionId: subscription,
                                 createdAt: created, expiresAt: expires, paymentCode: code, email: row.text(C.email.slot) ?? "", seats: seats, months: months,
                                 previousTermStart: row.date(C.previousTermStart.slot), previousTermEnd: row.date(C.previousTermEnd.slot),
                                 previousTermMonths: row.integer(C.previousTermMonths.slot, in: 1...120))
        order.voucher = row.text(C.voucher.slot) ?? ""
        order.onContract = row.bool(C.onContract.slot) ?? false
        order.contractEnd = row.date(C.contractEnd.slot)
        order.contractPrepaidUntil = row.date(C.contractPrepaidUntil.slot)
        return order
    }

    static func decodePayment(_ row: inout FieldDecoder, currencies: Currencies) -> AppliedPayment? {
        typealias C = RememberedPaymentColumn
        let id = row.text(C.id.slot, required: true)
        let at = row.instant(C.at.slot, zone: .utc, required: true)
        guard let currency = row.currency(C.currency.slot, in: currencies).flatMap({ currencies($0) }) else { return nil }
        let received = row.money(C.received.slot, currency: currency, required: true, allowNegative: true)
        let tenant = row.text(C.tenantId.slot) ?? ""
        // Zero amounts are left out when written: most remembered payments were never refunded.
        let zero = Money.zero(currency.code)
        let refunded = row.money(C.refunded.slot, currency: currency) ?? zero
        let toInvoice = row.money(C.toInvoice.slot, currency: currency, allowNegative: true) ?? zero
        let toCredit = row.money(C.toCredit.slot, currency: currency, allowNegative: true) ?? zero
        let invoice = row.text(C.invoice.slot) ?? ""
        let kind = row.choice(C.kind.slot, AppliedPayment.Kind.self) ?? .applied
        var digest: Digest?
        if let text = row.text(C.digest.slot) {
            digest = Digest(hex: text)
            if digest == nil { row.fail(C.digest.slot, "is not 16 hex digits") }
        }
        guard row.isValid, let id, let at, let received else { return nil }
        return AppliedPayment(id: id, paidAt: at, tenantId: tenant, received: received, refunded: refunded, invoice: invoice,
                              toInvoice: toInvoice, toCredit: toCredit, kind: kind, digest: digest)
    }

    private static func decodeHold(_ row: inout FieldDecoder, currency: Currency) -> HoldReason? {
        typealias C = BalanceColumn
        guard let word = row.text(C.hold.slot) else { return nil }
        switch word {
        case "tenant_on_hold": return .tenantOnHold
        case "no_bank_account": return .noBankAccount
        case "nothing_to_pay": return .nothingToPay(balance: row.money(C.holdAmount.slot, currency: currency, allowNegative: true) ?? .zero(currency.code))
        case "under_minimum":
            return .underMinimum(minimum: row.decimal(C.holdAmount.slot) ?? .zero, currency: currency.code)
        case "refund_after_payout": return .refundAfterPayout(payment: row.text(C.holdPayment.slot) ?? "")
        default:
            row.fail(C.hold.slot, "is not a hold reason tagih writes")
            return nil
        }
    }

    private static func decodeOpenPayment(_ row: inout FieldDecoder, currencies: Currencies) -> OpenPayment? {
        typealias C = OpenPaymentColumn
        let id = row.text(C.id.slot, required: true)
        let at = row.instant(C.at.slot, zone: .utc, required: true)
        let status = row.text(C.status.slot, required: true)
        guard let code = row.currency(C.currency.slot, in: currencies), let currency = currencies(code) else { return nil }
        let amount = row.money(C.amount.slot, currency: currency, required: true)
        let file = row.text(C.file.slot, required: true) ?? ""
        let line = row.integer(C.line.slot, in: 0...Int(Int32.max), required: true) ?? 0
        let refunded = row.money(C.refunded.slot, currency: currency) ?? .zero(code)
        let fee = row.money(C.fee.slot, currency: currency)
        let purpose = row.choice(C.purpose.slot, PaymentPurpose.self) ?? .billing
        let patient = row.choice(C.patientType.slot, PatientType.self)
        var openStatus: OpenPayment.Status?
        switch status {
        case "pending": openStatus = .pending
        case "unmatched":
            switch row.text(C.reason.slot) ?? "" {
            case "currency_mismatch":
                openStatus = .unmatched(.currencyMismatch(invoice: row.text(C.reasonInvoice.slot) ?? "", invoiceCurrency: row.currency(C.reasonCurrency.slot, in: currencies) ?? code,
                                                          paymentCurrency: code))
            case "unknown_tenant": openStatus = .unmatched(.unknownTenant(tenant: row.text(C.reasonTenant.slot) ?? "", reference: row.text(C.reasonReference.slot) ?? ""))
            case "reference_matches_nothing": openStatus = .unmatched(.referenceMatchesNothing(reference: row.text(C.reasonReference.slot) ?? ""))
            case "no_reference_no_tenant": openStatus = .unmatched(.noReferenceNoTenant)
            default: row.fail(C.reason.slot, "is not a reason tagih writes")
            }
        case nil: break
        default: row.fail(C.status.slot, "is not pending or unmatched")
        }
        guard row.isValid, let id, let at, let amount, let openStatus else { return nil }
        let payment = Payment(id: id, status: openStatus == .pending ? .pending : (refunded.isPositive ? .refunded : .paid), paidAt: at,
                              amount: amount, refunded: refunded, fee: fee, reference: row.text(C.reference.slot) ?? "", tenantId: row.text(C.tenantId.slot) ?? "",
                              method: row.text(C.method.slot) ?? "", purpose: purpose, patientType: patient, description: row.text(C.description.slot) ?? "",
                              email: row.text(C.email.slot) ?? "", source: SourceLocation(file: file, line: line, column: 1),
                              copies: row.integer(C.copies.slot, in: 1...Int(Int32.max)) ?? 1)
        return OpenPayment(payment: payment, status: openStatus)
    }

    // MARK: writing

    /// Writes the state; `payments` hands out the remembered payments in id order.
    public static func write(
        _ state: BillingState, to path: String, currencies: Currencies, payments: () throws -> AppliedPayment?
    ) throws {
        let writer = try Seal.Writer(path: path)
        let units = { (code: CurrencyCode) in currencies(code)?.minorUnits ?? 2 }
        let amount = { (money: Money) -> String in
            YAMLText.quoted(ExactDecimal(units: money.minor, scale: units(money.currency)).description)
        }
        let q = YAMLText.quoted
        let asOf = state.asOf.map(\.description) ?? ""
        try writer.write("""
        # tagih state after the run as of \(asOf).
        # The next run continues from it. Do not edit it: a checksum at its end guards it.
        version: \(version)
        as_of: \(asOf)

        """)
        if let stamp = state.operatorStamp {
            try writer.write("operator: {name: \(q(stamp.name)), tax_id: \(q(stamp.taxId)), currency: \(stamp.currency)}\n")
        }
        try writer.write("next_sequence: \(state.nextSequence)\n")
        try writer.write("next_credit_note_sequence: \(state.nextCreditNoteSequence)\n")
        if let horizon = state.memoryHorizon { try writer.write("memory_horizon: \(horizon)\n") }
        try writer.list("receivables", state.receivables) { receivable in
            var line = "{number: \(q(receivable.number)), sequence: \(receivable.sequence), tenant_id: \(q(receivable.tenantId)), "
            line += "source: \(receivable.source.rawValue), source_id: \(q(receivable.sourceId)), "
            line += "issued: \(receivable.issueDate), due: \(receivable.dueDate), currency: \(receivable.total.currency), "
            line += "total: \(amount(receivable.total)), outstanding: \(amount(receivable.outstanding))"
            if let paid = receivable.lastPaidOn { line += ", last_paid: \(paid)" }
            if let expires = receivable.expiresAt { line += ", expires: \(expires)" }
            if let created = receivable.createdAt { line += ", created: \(created)" }
            if !receivable.tax.isZero { line += ", tax: \(amount(receivable.tax))" }
            if !receivable.creditNotes.isZero { line += ", credit_notes: \(amount(receivable.creditNotes)), credited: \(amount(receivable.credited))" }
            if !receivable.voucher.isEmpty { line += ", vouchers: [" + receivable.voucher.split(separator: "|").map { q(String($0)) }.joined(separator: ", ") + "]" }
            return line + "}"
        }
        try writer.list("credits", state.credits) {
            "{tenant_id: \(q($0.tenantId)), currency: \($0.amount.currency), amount: \(amount($0.amount))}"
        }
        try writer.list("prepaid", state.prepaid) {
            "{id: \(q($0.id)), tenant_id: \(q($0.tenantId)), product_id: \(q($0.productId)), seats: \($0.seats), term_start: \($0.termStart), term_end: \($0.termEnd), term_months: \($0.termMonths)}"
        }
        try writer.list("pending_orders", state.pendingOrders) { order in
            var line = "{order_id: \(q(order.orderId)), invoice: \(q(order.invoice)), tenant_id: \(q(order.tenantId)), "
            line += "product_id: \(q(order.productId)), type: \(order.type.rawValue), subscription_id: \(q(order.subscriptionId)), "
            line += "created: \(order.createdAt), expires: \(order.expiresAt), payment_code: \(q(order.paymentCode)), "
            line += "seats: \(order.seats), months: \(order.months)"
            if !order.email.isEmpty { line += ", email: \(q(order.email))" }
            if !order.voucher.isEmpty { line += ", voucher: \(q(order.voucher))" }
            if let start = order.previousTermStart { line += ", previous_term_start: \(start)" }
            if let end = order.previousTermEnd { line += ", previous_term_end: \(end)" }
            if let months = order.previousTermMonths { line += ", previous_term_months: \(months)" }
            if order.onContract { line += ", on_contract: true" }
            if let end = order.contractEnd { line += ", contract_end: \(end)" }
            if let until = order.contractPrepaidUntil { line += ", contract_prepaid_until: \(until)" }
            return line + "}"
        }
        try writer.list("voucher_redemptions", state.voucherRedemptions.sorted { $0.key < $1.key }) {
            "{code: \(q($0.key)), count: \($0.value)}"
        }
        try writer.list("payout_windows", state.payoutWindows) { window, sums in
            "{tenant_id: \(q(window.tenantId)), start: \(window.start), end: \(window.end), currency: \(sums.gross.currency), gross: \(amount(sums.gross)), refunds: \(amount(sums.refunds)), fees: \(amount(sums.fees)), collections: \(sums.collections)}"
        }
        try writer.list("payout_balances", state.payoutBalances) { balance in
            var line = "{tenant_id: \(q(balance.tenantId)), currency: \(balance.amount.currency), amount: \(amount(balance.amount))"
            switch balance.reason {
            case nil: break
            case .tenantOnHold?: line += ", hold: tenant_on_hold"
            case .noBankAccount?: line += ", hold: no_bank_account"
            case .nothingToPay(let balance)?: line += ", hold: nothing_to_pay, hold_amount: \(amount(balance))"
            case .underMinimum(let minimum, _)?: line += ", hold: under_minimum, hold_amount: \(q(minimum.description))"
            case .refundAfterPayout(let payment)?: line += ", hold: refund_after_payout, hold_payment: \(q(payment))"
            }
            return line + "}"
        }
        try writer.list("contracts", state.contracts.inIdOrder) { contract in
            var line = "{subscription_id: \(q(contract.subscriptionId))"
            if let value = contract.productId { line += ", product_id: \(q(value))" }
            if let value = contract.quantity { line += ", quantity: \(value)" }
            if let value = contract.anchor { line += ", anchor: \(value)" }
            if let value = contract.end { line += ", end: \(value)" }
            if let value = contract.cancelledAfter { line += ", cancelled_after: \(value)" }
            if let value = contract.prepaidUntil { line += ", prepaid_until: \(value)" }
            if let value = contract.renewedFor { line += ", renewed_for: \(value)" }
            if contract.lapsed { line += ", lapsed: true" }
            if let value = contract.lastInvoice { line += ", last_invoice: \(q(value))" }
            if let value = contract.lastTermStart { line += ", last_term_start: \(value)" }
            if let value = contract.lastTermEnd { line += ", last_term_end: \(value)" }
            if let from = contract.bridgeFrom, let to = contract.bridgeTo, let issue = contract.bridgeIssue {
                line += ", bridge_from: \(from), bridge_to: \(to), bridge_issue: \(issue)"
            }
            return line + "}"
        }
        try writer.list("dunning", state.dunningSteps.all) {
            "{tenant_id: \(q($0.tenant)), step: \(q($0.action))}"
        }
        try writer.list("handled", state.handled) {
            "{kind: \($0.kind.rawValue), id: \(q($0.id)), date: \($0.date), digest: \(q($0.digest.description))}"
        }
        try writer.list("open_payments", state.openPayments) { open in
            let payment = open.payment
            var line = "{id: \(q(payment.id)), at: \(payment.paidAt), "
            switch open.status {
            case .pending: line += "status: pending"
            case .unmatched(let reason):
                line += "status: unmatched, "
                switch reason {
                case .currencyMismatch(let invoice, let invoiceCurrency, _):
                    line += "reason: currency_mismatch, reason_invoice: \(q(invoice)), reason_currency: \(invoiceCurrency)"
                case .unknownTenant(let tenant, let reference):
                    line += "reason: unknown_tenant, reason_tenant: \(q(tenant)), reason_reference: \(q(reference))"
                case .referenceMatchesNothing(let reference): line += "reason: reference_matches_nothing, reason_reference: \(q(reference))"
                case .noReferenceNoTenant: line += "reason: no_reference_no_tenant"
                }
            }
            line += ", currency: \(payment.amount.currency), amount: \(amount(payment.amount))"
            if !payment.refunded.isZero { line += ", refunded: \(amount(payment.refunded))" }
            if let fee = payment.fee { line += ", fee: \(amount(fee))" }
            for (key, value) in [("reference", payment.reference), ("tenant_id", payment.tenantId), ("method", payment.method),
                                 ("description", payment.description), ("email", payment.email)] where !value.isEmpty {
                line += ", \(key): \(q(value))"
            }
            if payment.purpose != .billing { line += ", purpose: \(payment.purpose.rawValue)" }
            if let patient = payment.patientType { line += ", patient_type: \(patient.rawValue)" }
            return line + ", file: \(q(payment.source.file)), line: \(payment.source.line), copies: \(payment.copies)}"
        }
        var first = true
        while let payment = try payments() {
            if first { try writer.write("payments:\n"); first = false }
            var line = "  - {id: \(q(payment.id)), at: \(payment.paidAt), currency: \(payment.received.currency), received: \(amount(payment.received))"
            if !payment.tenantId.isEmpty { line += ", tenant_id: \(q(payment.tenantId))" }
            if !payment.refunded.isZero { line += ", refunded: \(amount(payment.refunded))" }
            if !payment.invoice.isEmpty { line += ", invoice: \(q(payment.invoice))" }
            if !payment.toInvoice.isZero { line += ", to_invoice: \(amount(payment.toInvoice))" }
            if !payment.toCredit.isZero { line += ", to_credit: \(amount(payment.toCredit))" }
            if payment.kind != .applied { line += ", kind: \(payment.kind.rawValue)" }
            if let digest = payment.digest { line += ", digest: \(q(digest.description))" }
            try writer.write(line + "}\n")
        }
        if first { try writer.write("payments: []\n") }
        try writer.seal()
    }
}

extension Seal.Writer {
    /// A section holding a list, one flow mapping a line; `[]` when empty.
    func list<T>(_ key: String, _ items: some Collection<T>, _ line: (T) -> String) throws {
        guard !items.isEmpty else {
            try write("\(key): []\n")
            return
        }
        try write("\(key):\n")
        for item in items { try write("  - " + line(item) + "\n") }
    }
}
