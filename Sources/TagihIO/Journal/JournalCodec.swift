import TagihCore

/// The record kinds of a run's journal files.
public enum JournalKind: UInt8, Sendable {
    case invoice = 1
    case payment = 2
    case collection = 3
    case voucherUse = 4
    case creditMovement = 5
    case expiredOrder = 6
    case paidOrder = 7
    case payout = 8
    case late = 9
    case creditNote = 10
    case void = 11
    case statement = 12
    case balance = 13
    case dunning = 14
    case reconnection = 15
    case renewal = 16
}

/// How each Core value is laid out in a journal record. Written and read in one place, so a
/// field added here is added to both.
public enum JournalCodec {
    // MARK: payments

    public static func write(_ payment: Payment, _ out: inout ByteWriter) {
        out.string(payment.id)
        out.u8(UInt8(PaymentStatus.allCases.firstIndex(of: payment.status)!))
        out.instant(payment.paidAt)
        out.money(payment.amount)
        out.i64(payment.refunded.minor)
        out.optional(payment.fee) { $0.i64($1.minor) }
        for text in [payment.reference, payment.tenantId, payment.method, payment.description, payment.email] { out.string(text) }
        out.u8(UInt8(PaymentPurpose.allCases.firstIndex(of: payment.purpose)!))
        out.u8(payment.patientType.map { $0 == .new ? 1 : 2 } ?? 0)
        out.string(payment.source.file)
        out.u32(UInt32(clamping: payment.source.line))
        out.u32(UInt32(clamping: payment.source.column))
        out.u32(UInt32(clamping: payment.copies))
    }

    public static func readPayment(_ input: inout ByteReader) -> Payment {
        let id = input.string()
        let status = PaymentStatus.allCases[min(Int(input.u8()), PaymentStatus.allCases.count - 1)]
        let paidAt = input.instant()
        let amount = input.money()
        let refunded = Money(minor: input.i64(), currency: amount.currency)
        let fee = input.optional { Money(minor: $0.i64(), currency: amount.currency) }
        let reference = input.string(), tenant = input.string(), method = input.string(), description = input.string(), email = input.string()
        let purpose = PaymentPurpose.allCases[min(Int(input.u8()), PaymentPurpose.allCases.count - 1)]
        let patient = input.u8()
        let file = input.string()
        let line = Int(input.u32()), column = Int(input.u32()), copies = Int(input.u32())
        return Payment(id: id, status: status, paidAt: paidAt, amount: amount, refunded: refunded, fee: fee, reference: reference,
                       tenantId: tenant, method: method, purpose: purpose, patientType: patient == 0 ? nil : (patient == 1 ? .new : .returning),
                       description: description, email: email, source: SourceLocation(file: file, line: line, column: column), copies: copies)
    }

    /// Moves past a payment as `readPayment` reads it, making none of its strings.
    static func skipPayment(_ input: inout ByteReader) {
        input.skipString()
        input.skip(1 + 8)  // status, paid at
        _ = input.money()
        input.skip(8)  // refunded
        if input.u8() == 1 { input.skip(8) }  // fee
        for _ in 0..<5 { input.skipString() }  // reference, tenant, method, description, email
        input.skip(2)  // purpose, patient type
        input.skipString()  // file
        input.skip(3 * 4)  // line, column, copies
    }

    public static func write(_ reason: UnmatchedReason, _ out: inout ByteWriter) {
        switch reason {
        case .currencyMismatch(let invoice, let invoiceCurrency, let paymentCurrency):
            out.u8(1); out.string(invoice); out.currency(invoiceCurrency); out.currency(paymentCurrency)
        case .unknownTenant(let tenant, let reference):
            out.u8(2); out.string(tenant); out.string(reference)
        case .referenceMatchesNothing(let reference):
            out.u8(3); out.string(reference)
        case .noReferenceNoTenant:
            out.u8(4)
        }
    }

    public static func readUnmatched(_ input: inout ByteReader) -> UnmatchedReason {
        switch input.u8() {
        case 1: return .currencyMismatch(invoice: input.string(), invoiceCurrency: input.currency(), paymentCurrency: input.currency())
        case 2: return .unknownTenant(tenant: input.string(), reference: input.string())
        case 3: return .referenceMatchesNothing(reference: input.string())
        default: return .noReferenceNoTenant
        }
    }

    /// A payment with what the run did with it: one row of the Payments sheet.
    public static func write(_ payment: Payment, _ effect: PaymentEffect, _ out: inout ByteWriter) {
        write(payment, &out)
        switch effect.outcome {
        case .applied: out.u8(1)
        case .credited: out.u8(2)
        case .notSettled: out.u8(3)
        case .alreadyApplied: out.u8(4)
        case .refundReversed: out.u8(5)
        case .refundedBeforeApplied: out.u8(6)
        case .unmatched(let reason): out.u8(7); write(reason, &out)
        case .collection: out.u8(8)
        }
        out.u8(effect.route == nil ? 0 : (effect.route == .reference ? 1 : 2))
        out.string(effect.tenantId)
        out.string(effect.invoice)
        out.i64(effect.toInvoice.minor)
        out.i64(effect.toCredit.minor)
        out.array(effect.creditUsed) { out, used in
            out.string(used.invoice)
            out.i64(used.amount.minor)
        }
        out.optional(effect.order) { $0.string($1) }
        out.optional(effect.orderLapsedAt) { $0.instant($1) }
        out.bool(effect.late)
    }

    public static func readPaymentRow(_ input: inout ByteReader) -> (Payment, PaymentEffect) {
        let payment = readPayment(&input)
        let currency = payment.amount.currency
        let outcome: PaymentEffect.Outcome
        switch input.u8() {
        case 1: outcome = .applied
        case 2: outcome = .credited
        case 3: outcome = .notSettled
        case 4: outcome = .alreadyApplied
        case 5: outcome = .refundReversed
        case 6: outcome = .refundedBeforeApplied
        case 7: outcome = .unmatched(readUnmatched(&input))
        default: outcome = .collection
        }
        var effect = PaymentEffect(outcome, currency: currency)
        let route = input.u8()
        effect.route = route == 0 ? nil : (route == 1 ? .reference : .tenant)
        effect.tenantId = input.string()
        effect.invoice = input.string()
        effect.toInvoice = Money(minor: input.i64(), currency: currency)
        effect.toCredit = Money(minor: input.i64(), currency: currency)
        effect.creditUsed = input.array { input in (input.string(), Money(minor: input.i64(), currency: currency)) }
        effect.order = input.optional { $0.string() }
        effect.orderLapsedAt = input.optional { $0.instant() }
        effect.late = input.bool()
        return (payment, effect)
    }

    // MARK: invoices

    public static func write(_ invoice: Invoice, _ out: inout ByteWriter) {
        out.string(invoice.number)
        out.int(invoice.sequence)
        out.string(invoice.tenantId)
        out.u8(UInt8(InvoiceSource.allCases.firstIndex(of: invoice.source)!))
        out.string(invoice.sourceId)
        out.date(invoice.issueDate)
        out.date(invoice.dueDate)
        out.currency(invoice.currency)
        out.array(invoice.lines) { out, line in
            out.string(line.productId)
            out.string(line.description)
            out.date(line.periodStart)
            out.date(line.periodEnd)
            out.int(line.quantity)
            out.decimal(line.unitPrice)
            out.int(line.months)
            out.optional(line.prorata) { out, prorata in
                out.int(prorata.days)
                out.int(prorata.daysInTerm)
            }
            out.i64(line.net.minor)
            out.bool(line.taxable)
            out.optional(line.own) { out, own in
                out.u8(UInt8(InvoiceSource.allCases.firstIndex(of: own.source)!))
                out.string(own.sourceId)
                out.string(own.voucher)
                out.i64(own.discount.minor)
                out.i64(own.tax.minor)
            }
        }
        out.string(invoice.voucher)
        for money in [invoice.subtotal, invoice.discount, invoice.tax, invoice.total] { out.i64(money.minor) }
        out.u8(invoice.taxMode == .exclusive ? 0 : 1)
        // Added after the first release of the format, at the end so earlier journals still
        // read: the order an invoice bills (its mail goes to the order's address, dated when
        // it was placed) and the vouchers it redeemed.
        out.optional(invoice.order?.pending) { out, order in
            write(order, &out)
            out.bool(order.onContract)
            out.optional(order.contractEnd) { $0.date($1) }
            out.optional(order.contractPrepaidUntil) { $0.date($1) }
        }
        out.array(invoice.redeemed) { $0.string($1) }
    }

    public static func readInvoice(_ input: inout ByteReader) -> Invoice {
        let number = input.string()
        let sequence = input.int()
        let tenant = input.string()
        let source = InvoiceSource.allCases[min(Int(input.u8()), InvoiceSource.allCases.count - 1)]
        let sourceId = input.string()
        let issue = input.date(), due = input.date()
        let currency = input.currency()
        let lines = input.array { input in
            let product = input.string(), description = input.string()
            let start = input.date(), end = input.date()
            let quantity = input.int()
            let price = input.decimal()
            let months = input.int()
            let prorata = input.optional { input -> (days: Int, daysInTerm: Int) in (input.int(), input.int()) }
            let net = Money(minor: input.i64(), currency: currency)
            let taxable = input.bool()
            let own = input.optional { input in
                LineAmounts(source: InvoiceSource.allCases[min(Int(input.u8()), InvoiceSource.allCases.count - 1)], sourceId: input.string(),
                            voucher: input.string(), discount: Money(minor: input.i64(), currency: currency),
                            tax: Money(minor: input.i64(), currency: currency))
            }
            return InvoiceLine(productId: product, description: description, periodStart: start, periodEnd: end, quantity: quantity,
                               unitPrice: price, months: months, prorata: prorata, net: net, taxable: taxable, own: own)
        }
        let voucher = input.string()
        let amounts = (0..<4).map { _ in Money(minor: input.i64(), currency: currency) }
        let mode: TaxMode = input.u8() == 0 ? .exclusive : .inclusive
        var invoice = Invoice(tenantId: tenant, source: source, sourceId: sourceId, issueDate: issue, dueDate: due, currency: currency,
                              lines: lines, voucher: voucher, subtotal: amounts[0], discount: amounts[1], tax: amounts[2], taxMode: mode,
                              total: amounts[3])
        invoice.number = number
        invoice.sequence = sequence
        guard !input.atEnd else { return invoice }
        invoice.order = input.optional { input in
            var order = readPendingOrder(&input)
            order.onContract = input.bool()
            order.contractEnd = input.optional { $0.date() }
            order.contractPrepaidUntil = input.optional { $0.date() }
            return OrderInvoice(order)
        }
        invoice.redeemed = input.array { $0.string() }
        return invoice
    }

    // MARK: collections and payouts

    public static func write(_ note: CollectionNote, _ out: inout ByteWriter) {
        switch note {
        case .noMethod: out.u8(1)
        case .noFeeRule(let method): out.u8(2); out.string(method)
        case .noAppointmentFee(let tenant): out.u8(3); out.string(tenant)
        case .noPatientType: out.u8(4)
        case .unexpectedAmount(let paid, let expected, let fee, let type, let admin):
            out.u8(5); out.money(paid); out.money(expected); out.money(fee); out.u8(type == .new ? 1 : 2); out.money(admin)
        case .refunded(let amount): out.u8(6); out.money(amount)
        case .refundedAfterPayout: out.u8(7)
        }
    }

    public static func readNote(_ input: inout ByteReader) -> CollectionNote {
        switch input.u8() {
        case 1: return .noMethod
        case 2: return .noFeeRule(method: input.string())
        case 3: return .noAppointmentFee(tenant: input.string())
        case 4: return .noPatientType
        case 5: return .unexpectedAmount(paid: input.money(), expected: input.money(), appointmentFee: input.money(),
                                         patientType: input.u8() == 1 ? .new : .returning, adminFee: input.money())
        case 6: return .refunded(input.money())
        default: return .refundedAfterPayout
        }
    }

    public static func write(_ collection: CollectedPayment, _ out: inout ByteWriter) {
        write(collection.payment, &out)
        out.string(collection.window.tenantId)
        out.date(collection.window.start)
        out.date(collection.window.end)
        out.money(collection.fee)
        for money in [collection.deposit, collection.adminFee, collection.laterRefund] { out.optional(money) { $0.money($1) } }
        out.array(collection.notes) { write($1, &$0) }
    }

    /// The window of a collection, its payment skipped unread: a pass looking for a few
    /// windows' collections reads every one of the month's, and most are not wanted.
    public static func readCollectionWindow(_ input: inout ByteReader) -> PayoutWindow {
        skipPayment(&input)
        return PayoutWindow(tenantId: input.string(), start: input.date(), end: input.date())
    }

    public static func readCollection(_ input: inout ByteReader) -> CollectedPayment {
        let payment = readPayment(&input)
        let window = PayoutWindow(tenantId: input.string(), start: input.date(), end: input.date())
        let fee = input.money()
        let deposit = input.optional { $0.money() }, admin = input.optional { $0.money() }, later = input.optional { $0.money() }
        let notes = input.array { readNote(&$0) }
        return CollectedPayment(payment: payment, window: window, fee: fee, deposit: deposit, adminFee: admin, notes: notes, laterRefund: later)
    }

    public static func write(_ hold: HoldReason, _ out: inout ByteWriter) {
        switch hold {
        case .tenantOnHold: out.u8(1)
        case .noBankAccount: out.u8(2)
        case .nothingToPay(let balance): out.u8(3); out.money(balance)
        case .underMinimum(let minimum, let currency): out.u8(4); out.decimal(minimum); out.currency(currency)
        case .refundAfterPayout(let payment): out.u8(5); out.string(payment)
        }
    }

    public static func readHold(_ input: inout ByteReader) -> HoldReason {
        switch input.u8() {
        case 1: return .tenantOnHold
        case 2: return .noBankAccount
        case 3: return .nothingToPay(balance: input.money())
        case 4: return .underMinimum(minimum: input.decimal(), currency: input.currency())
        default: return .refundAfterPayout(payment: input.string())
        }
    }

    public static func write(_ payout: WindowPayout, _ out: inout ByteWriter) {
        out.string(payout.window.tenantId)
        out.date(payout.window.start)
        out.date(payout.window.end)
        for money in [payout.sums.gross, payout.sums.refunds, payout.sums.fees, payout.commission, payout.net, payout.carriedIn, payout.amount] {
            out.money(money)
        }
        out.int(payout.sums.collections)
        out.optional(payout.hold) { write($1, &$0) }
        out.string(payout.reference)
    }

    public static func readPayout(_ input: inout ByteReader) -> WindowPayout {
        let window = PayoutWindow(tenantId: input.string(), start: input.date(), end: input.date())
        let money = (0..<7).map { _ in input.money() }
        let sums = WindowSums(gross: money[0], refunds: money[1], fees: money[2], collections: input.int())
        let payout = WindowPayout(window: window, sums: sums, commission: money[3], net: money[4], carriedIn: money[5], amount: money[6],
                                  hold: input.optional { readHold(&$0) })
        // The reference is on file for readers of the journal; tagih makes it from the window.
        _ = input.string()
        return payout
    }

    // MARK: corrections and balances

    public static func write(_ note: CreditNote, _ out: inout ByteWriter) {
        out.string(note.number)
        out.int(note.sequence)
        for text in [note.adjustmentId, note.tenantId, note.invoice] { out.string(text) }
        out.date(note.issueDate)
        out.money(note.amount)
        out.i64(note.tax.minor)
        out.string(note.reason)
        out.i64(note.toInvoice.minor)
        out.i64(note.toCredit.minor)
    }

    public static func readCreditNote(_ input: inout ByteReader) -> CreditNote {
        let number = input.string(), sequence = input.int()
        let adjustment = input.string(), tenant = input.string(), invoice = input.string()
        let date = input.date()
        let amount = input.money()
        let currency = amount.currency
        let tax = Money(minor: input.i64(), currency: currency)
        let reason = input.string()
        return CreditNote(number: number, sequence: sequence, adjustmentId: adjustment, tenantId: tenant, invoice: invoice, issueDate: date,
                          amount: amount, tax: tax, reason: reason, toInvoice: Money(minor: input.i64(), currency: currency),
                          toCredit: Money(minor: input.i64(), currency: currency))
    }

    public static func write(_ void: VoidRecord, _ out: inout ByteWriter) {
        for text in [void.adjustmentId, void.invoice, void.tenantId] { out.string(text) }
        out.date(void.date)
        out.money(void.total)
        out.string(void.reason)
        out.string(void.voucher)
    }

    public static func readVoid(_ input: inout ByteReader) -> VoidRecord {
        VoidRecord(adjustmentId: input.string(), invoice: input.string(), tenantId: input.string(), date: input.date(),
                   total: input.money(), reason: input.string(), voucher: input.string())
    }

    public static func write(_ row: TenantStatement, _ out: inout ByteWriter) {
        out.string(row.tenantId)
        out.currency(row.currency)
        for money in [row.opening, row.invoices, row.creditNotes, row.payments, row.refunds, row.creditUsed, row.writtenOff, row.closing] {
            out.i64(money.minor)
        }
    }

    public static func readStatement(_ input: inout ByteReader) -> TenantStatement {
        let tenant = input.string(), currency = input.currency()
        let money = (0..<8).map { _ in Money(minor: input.i64(), currency: currency) }
        var row = TenantStatement(tenantId: tenant, currency: currency, opening: money[0])
        (row.invoices, row.creditNotes, row.payments, row.refunds, row.creditUsed, row.writtenOff, row.closing)
            = (money[1], money[2], money[3], money[4], money[5], money[6], money[7])
        return row
    }

    public static func write(_ balance: Reconciliation.Balance, _ out: inout ByteWriter) {
        out.currency(balance.currency)
        for money in [balance.openBefore, balance.issued, balance.paidByPayments, balance.paidFromCredit, balance.expired, balance.voided,
                      balance.creditNotesOnInvoices, balance.openAfter, balance.creditBefore, balance.creditFromPayments,
                      balance.creditFromExpired, balance.creditFromCreditNotes, balance.creditAfter] {
            out.i64(money.minor)
        }
    }

    public static func readBalance(_ input: inout ByteReader) -> Reconciliation.Balance {
        let currency = input.currency()
        var balance = Reconciliation.Balance(currency)
        let money = (0..<13).map { _ in Money(minor: input.i64(), currency: currency) }
        (balance.openBefore, balance.issued, balance.paidByPayments, balance.paidFromCredit, balance.expired, balance.voided,
         balance.creditNotesOnInvoices, balance.openAfter) = (money[0], money[1], money[2], money[3], money[4], money[5], money[6], money[7])
        (balance.creditBefore, balance.creditFromPayments, balance.creditFromExpired, balance.creditFromCreditNotes, balance.creditAfter)
            = (money[8], money[9], money[10], money[11], money[12])
        return balance
    }

    public static func write(_ notice: DunningNotice, _ out: inout ByteWriter) {
        out.string(notice.tenantId)
        out.date(notice.day)
        out.string(notice.action)
        out.array(notice.invoices) { out, line in
            out.string(line.number)
            out.date(line.dueDate)
            out.int(line.daysOverdue)
            out.money(line.outstanding)
        }
        out.array(notice.totals) { $0.money($1) }
        out.optional(notice.pending) { $0.money($1) }
    }

    /// A dunning record's tenant: the first thing written.
    public static func readDunningTenant(_ input: inout ByteReader) -> String { input.string() }

    public static func readDunning(_ input: inout ByteReader) -> DunningNotice {
        let tenant = input.string(), day = input.date(), action = input.string()
        let lines = input.array { input in
            DunningNotice.OverdueLine(number: input.string(), dueDate: input.date(), daysOverdue: input.int(), outstanding: input.money())
        }
        return DunningNotice(tenantId: tenant, day: day, action: action, invoices: lines, totals: input.array { $0.money() },
                             pending: input.optional { $0.money() })
    }

    public static func write(_ reconnection: Reconnection, _ out: inout ByteWriter) {
        out.string(reconnection.tenantId)
        out.date(reconnection.day)
        out.string(reconnection.action)
    }

    public static func readReconnection(_ input: inout ByteReader) -> Reconnection {
        Reconnection(tenantId: input.string(), day: input.date(), action: input.string())
    }

    public static func write(_ record: RenewalRecord, _ out: inout ByteWriter) {
        for text in [record.subscriptionId, record.tenantId, record.kind.rawValue] { out.string(text) }
        out.date(record.day)
        out.date(record.end)
        out.string(record.invoice)
    }

    public static func readRenewal(_ input: inout ByteReader) -> RenewalRecord {
        let subscription = input.string(), tenant = input.string(), kind = RenewalRecord.Kind(rawValue: input.string()) ?? .notice
        return RenewalRecord(subscriptionId: subscription, tenantId: tenant, kind: kind, day: input.date(), end: input.date(), invoice: input.string())
    }

    // MARK: small records

    public static func write(_ refusal: VoucherRefusal, _ out: inout ByteWriter) {
        switch refusal {
        case .unknownCode: out.u8(1)
        case .notYetValid(let from): out.u8(2); out.date(from)
        case .expired(let on): out.u8(3); out.date(on)
        case .notForProduct(let product, let only): out.u8(4); out.string(product); out.array(only) { $0.string($1) }
        case .usedUp(let limit): out.u8(5); out.int(limit)
        case .currencyMismatch(let voucher, let invoice): out.u8(6); out.currency(voucher); out.currency(invoice)
        }
    }

    public static func readRefusal(_ input: inout ByteReader) -> VoucherRefusal {
        switch input.u8() {
        case 1: return .unknownCode
        case 2: return .notYetValid(from: input.date())
        case 3: return .expired(on: input.date())
        case 4: return .notForProduct(product: input.string(), only: input.array { $0.string() })
        case 5: return .usedUp(limit: input.int())
        default: return .currencyMismatch(voucher: input.currency(), invoice: input.currency())
        }
    }

    public static func write(_ use: VoucherUse, _ out: inout ByteWriter) {
        out.string(use.invoice)
        out.string(use.tenantId)
        out.string(use.code)
        out.money(use.discount)
        out.optional(use.refusal) { write($1, &$0) }
    }

    public static func readVoucherUse(_ input: inout ByteReader) -> VoucherUse {
        VoucherUse(invoice: input.string(), tenantId: input.string(), code: input.string(), discount: input.money(),
                   refusal: input.optional { readRefusal(&$0) })
    }

    public static func write(_ movement: CreditMovement, _ out: inout ByteWriter) {
        out.string(movement.tenantId)
        out.string(movement.invoice)
        out.money(movement.amount)
        out.date(movement.day)
    }

    public static func readCreditMovement(_ input: inout ByteReader) -> CreditMovement {
        CreditMovement(tenantId: input.string(), invoice: input.string(), amount: input.money(), day: input.date())
    }

    public static func write(_ order: PendingOrder, _ out: inout ByteWriter) {
        for text in [order.orderId, order.invoice, order.tenantId, order.productId, order.type.rawValue, order.subscriptionId,
                     order.paymentCode, order.email, order.voucher] { out.string(text) }
        out.instant(order.createdAt)
        out.instant(order.expiresAt)
        out.int(order.seats)
        out.int(order.months)
        out.optional(order.previousTermStart) { $0.date($1) }
        out.optional(order.previousTermEnd) { $0.date($1) }
        out.optional(order.previousTermMonths) { $0.int($1) }
    }

    public static func readPendingOrder(_ input: inout ByteReader) -> PendingOrder {
        let texts = (0..<9).map { _ in input.string() }
        let created = input.instant(), expires = input.instant()
        let seats = input.int(), months = input.int()
        var order = PendingOrder(orderId: texts[0], invoice: texts[1], tenantId: texts[2], productId: texts[3], type: OrderType(rawValue: texts[4]) ?? .new,
                                 subscriptionId: texts[5], createdAt: created, expiresAt: expires, paymentCode: texts[6], email: texts[7],
                                 seats: seats, months: months, previousTermStart: input.optional { $0.date() },
                                 previousTermEnd: input.optional { $0.date() }, previousTermMonths: input.optional { $0.int() })
        order.voucher = texts[8]
        return order
    }

    public static func write(_ expired: ExpiredOrder, _ out: inout ByteWriter) {
        write(expired.order, &out)
        out.money(expired.total)
        out.money(expired.movedToCredit)
    }

    public static func readExpiredOrder(_ input: inout ByteReader) -> ExpiredOrder {
        ExpiredOrder(order: readPendingOrder(&input), total: input.money(), movedToCredit: input.money())
    }

    public static func write(_ paid: PaidOrder, _ out: inout ByteWriter) {
        write(paid.order, &out)
        out.money(paid.total)
        out.instant(paid.paidAt)
    }

    public static func readPaidOrder(_ input: inout ByteReader) -> PaidOrder {
        PaidOrder(order: readPendingOrder(&input), total: input.money(), paidAt: input.instant())
    }

    public static func write(_ late: LateRecord, _ out: inout ByteWriter) {
        out.string(late.kind.rawValue)
        out.string(late.id)
        out.date(late.dated)
        out.string(late.handledAs)
    }

    public static func readLate(_ input: inout ByteReader) -> LateRecord {
        LateRecord(kind: RecordKind(rawValue: input.string()) ?? .order, id: input.string(), dated: input.date(), handledAs: input.string())
    }
}
