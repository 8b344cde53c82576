import TagihCore
import TagihIO

/// Decodes payment rows of the three kinds of source into `Payment`s. Each decoder reports
/// every problem of a row; a row with problems gives no payment.
struct PaymentDecoding: Sendable {
    let settings: Settings
    let tenants: Directory<Tenant>

    /// Midtrans stamps its times in Jakarta time (GMT+7) whatever the operator's zone.
    static let midtransZone = Zone.fixed("GMT+7", offsetSeconds: 7 * 3600)
    static let maxTextLength = 500

    /// Slot numbers worked out once: payments are the rows there are millions of.
    enum Native {
        typealias C = PaymentColumn
        static let id = C.id.slot, tenant = C.tenantId.slot, currency = C.currency.slot
        static let amount = C.amount.slot, refunded = C.amountRefunded.slot, paidAt = C.paidAt.slot
        static let status = C.status.slot, fee = C.fee.slot, purpose = C.purpose.slot
        static let patient = C.patientType.slot, reference = C.reference.slot, method = C.method.slot
        static let description = C.description.slot, email = C.email.slot
    }

    enum Stripe {
        typealias C = StripeColumn
        static let id = C.id.slot, createdDate = C.createdDateUtc.slot, created = C.createdUtc.slot
        static let currency = C.currency.slot, amount = C.amount.slot, refunded = C.amountRefunded.slot
        static let fee = C.fee.slot, status = C.status.slot, purpose = C.purposeMetadata.slot
        static let patient = C.patientTypeMetadata.slot, tenant = C.tenantIdMetadata.slot
        static let references = [C.referenceMetadata, C.invoiceMetadata, C.orderIdMetadata, C.paymentCodeMetadata].map(\.slot)
        static let sourceType = C.paymentSourceType.slot, description = C.description.slot, email = C.customerEmail.slot
    }

    enum Midtrans {
        typealias C = MidtransColumn
        static let orderId = C.orderId.slot, transactionId = C.transactionId.slot, currency = C.currency.slot
        static let gross = C.grossAmount.slot, time = C.transactionTime.slot, settled = C.settlementTime.slot
        static let refund = C.refundAmount.slot, refunds = C.refundsRefundAmount.slot, fraud = C.fraudStatus.slot
        static let status = C.transactionStatus.slot, type = C.paymentType.slot, bank = C.vaNumbersBank.slot
        static let tenant = C.customField1.slot, purpose = C.customField2.slot, patient = C.customField3.slot
    }

    static let idr = CurrencyCode("IDR")!

    // MARK: the native payments table

    func native(_ row: inout FieldDecoder) -> Payment? {
        typealias N = Native
        let id = text(&row, N.id, required: true)
        let tenantId = text(&row, N.tenant) ?? ""
        let billedIn = tenantId.isEmpty ? nil : tenants.read(tenantId) { $0.currency }
        let code = row.currency(N.currency, in: settings.currencies) ?? billedIn ?? settings.currency
        let currency = settings.currency(code)
        let amount = row.money(N.amount, currency: currency, required: true)
        let refundedText = row.money(N.refunded, currency: currency)
        let paidAt = row.instant(N.paidAt, zone: settings.zone, required: true)
        var status: PaymentStatus?
        if !row.row.has(N.status) {
            _ = row.text(N.status, required: true)
        } else {
            status = row.row.withTrimmedBytes(N.status) { PaymentStatus(bytes: $0) }
            if status == nil {
                row.fail(N.status, "is not a payment status (paid, pending, failed, expired, refunded, or a gateway's word for one)")
            }
        }
        let fee = row.money(N.fee, currency: currency)
        let purpose = purpose(&row, N.purpose)
        let patient = patientType(&row, N.patient)
        guard let id, let amount, let paidAt, let status else { return nil }
        var refunded = refundedText ?? .zero(code)
        if status == .refunded && refundedText == nil { refunded = amount }
        if refunded > amount { row.fail(N.refunded, "is more than the amount") }
        let payment = Payment(
            id: id, status: refunded.isPositive && status == .paid ? .refunded : status, paidAt: paidAt, amount: amount,
            refunded: refunded, fee: fee, reference: text(&row, N.reference) ?? "", tenantId: tenantId,
            method: lowercaseText(&row, N.method), purpose: purpose, patientType: patient,
            description: text(&row, N.description) ?? "", email: row.email(N.email) ?? "",
            source: row.row.rowLocation
        )
        return checkCollection(payment, &row, tenantSlot: N.tenant)
    }

    // MARK: Stripe

    func stripe(_ row: inout FieldDecoder) -> Payment? {
        typealias S = Stripe
        let id = text(&row, S.id, required: true)
        let createdSlot = row.row.has(S.createdDate) ? S.createdDate : S.created
        // The column says UTC: an offset-less time there is UTC, not the operator's zone.
        let paidAt = row.instant(createdSlot, zone: .utc, required: true)
        let code = row.currency(S.currency, in: settings.currencies)
        if !row.row.has(S.currency) { row.fail(S.currency, "is required but empty") }
        guard let code else { return nil }
        let currency = settings.currency(code)
        let amount = groupedMoney(&row, S.amount, currency, required: true)
        let refunded = groupedMoney(&row, S.refunded, currency) ?? .zero(code)
        let fee = groupedMoney(&row, S.fee, currency)
        var status: PaymentStatus?
        if !row.row.has(S.status) {
            _ = row.text(S.status, required: true)
        } else if row.isWord(S.status, in: ["paid", "succeeded"]) {
            status = .paid
        } else if row.isWord(S.status, in: ["refunded", "partially refunded"]) {
            status = .refunded
        } else if row.isWord(S.status, in: ["failed", "canceled", "blocked"]) {
            status = .failed
        } else if row.isWord(S.status, in: ["pending", "incomplete", "uncaptured"]) {
            status = .pending
        } else {
            row.fail(S.status, "is not a Stripe status tagih knows (Paid, Refunded, Failed, Pending)")
        }
        var reference = ""
        for column in S.references where reference.isEmpty {
            reference = text(&row, column) ?? ""
        }
        let purpose = purpose(&row, S.purpose)
        let patient = patientType(&row, S.patient)
        guard let id, let paidAt, let amount, var status else { return nil }
        if refunded > amount { row.fail(S.refunded, "is more than the amount") }
        if status == .paid && refunded.isPositive { status = .refunded }
        let sourceType = row.row.has(S.sourceType) && !row.row.equalsIgnoringCase(S.sourceType, "card") ? lowercaseText(&row, S.sourceType) : "credit_card"
        let payment = Payment(
            id: id, status: status, paidAt: paidAt, amount: amount, refunded: status == .refunded && refunded.isZero ? amount : refunded,
            fee: fee, reference: reference, tenantId: text(&row, S.tenant) ?? "",
            method: sourceType, purpose: purpose, patientType: patient,
            description: text(&row, S.description) ?? "", email: row.email(S.email) ?? "",
            source: row.row.rowLocation
        )
        return checkCollection(payment, &row, tenantSlot: S.tenant)
    }

    // MARK: Midtrans

    func midtrans(_ row: inout FieldDecoder) -> Payment? {
        typealias M = Midtrans
        let orderId = text(&row, M.orderId, required: true)
        let id = text(&row, M.transactionId) ?? orderId
        let code = row.currency(M.currency, in: settings.currencies) ?? PaymentDecoding.idr
        let currency = settings.currency(code)
        let amount = row.money(M.gross, currency: currency, required: true, style: .dot)
        let created = row.instant(M.time, zone: PaymentDecoding.midtransZone, required: true)
        let settled = row.instant(M.settled, zone: PaymentDecoding.midtransZone)
        let refundSlot = row.row.has(M.refund) ? M.refund : M.refunds
        let refundAmount = row.money(refundSlot, currency: currency, style: .dot)
        let challenged = row.row.equalsIgnoringCase(M.fraud, "challenge")
        var status: PaymentStatus?
        if !row.row.has(M.status) {
            _ = row.text(M.status, required: true)
        } else if row.isWord(M.status, in: ["capture", "settlement"]) {
            status = challenged ? .pending : .paid
        } else if row.isWord(M.status, in: ["pending", "authorize"]) {
            status = .pending
        } else if row.isWord(M.status, in: ["deny", "cancel", "failure"]) {
            status = .failed
        } else if row.isWord(M.status, in: ["expire"]) {
            status = .expired
        } else if row.isWord(M.status, in: ["refund", "partial_refund", "chargeback", "partial_chargeback"]) {
            status = .refunded
        } else {
            row.fail(M.status, "is not a Midtrans transaction status")
        }
        guard let id, let orderId, let amount, let created, let status else { return nil }
        var refunded = Money.zero(code)
        if status == .refunded {
            refunded = refundAmount ?? amount
            if refunded > amount { row.fail(refundSlot, "is more than gross_amount") }
        }
        var method = lowercaseText(&row, M.type)
        var description = ""
        if let bank = row.text(M.bank) {
            description = "\(bank.uppercased()) virtual account"
        } else if method == "echannel" {
            description = "Mandiri bill payment"
            method = "bank_transfer"
        }
        let payment = Payment(
            id: id, status: status, paidAt: settled ?? created, amount: amount, refunded: refunded, reference: orderId,
            tenantId: text(&row, M.tenant) ?? "", method: method,
            purpose: purpose(&row, M.purpose),
            patientType: patientType(&row, M.patient), description: description,
            source: row.row.rowLocation
        )
        return checkCollection(payment, &row, tenantSlot: M.tenant)
    }

    // MARK: shared checks

    /// Money collected for a tenant must name a known tenant: it has to be paid out to someone.
    private func checkCollection(_ payment: Payment, _ row: inout FieldDecoder, tenantSlot: Int) -> Payment? {
        if payment.purpose != .billing {
            if payment.tenantId.isEmpty {
                row.fail(tenantSlot, "is required for \(payment.purpose.rawValue) payments, which are paid out to a tenant")
            } else if let billedIn = tenants.read(payment.tenantId, { $0.currency }) {
                if billedIn != payment.amount.currency {
                    row.fail(tenantSlot, "names tenant \(payment.tenantId), billed in \(billedIn), for a \(payment.amount.currency) collection")
                }
            } else {
                row.fail(tenantSlot, "refers to an unknown tenant \"\(payment.tenantId)\"")
            }
        }
        return row.isValid ? payment : nil
    }

    /// The purpose column, read without generics (this runs for every payment).
    private func purpose(_ row: inout FieldDecoder, _ slot: Int) -> PaymentPurpose {
        guard row.row.has(slot) else { return .billing }
        if row.row.equalsIgnoringCase(slot, "billing") { return .billing }
        if row.row.equalsIgnoringCase(slot, "appointment") { return .appointment }
        if row.row.equalsIgnoringCase(slot, "payment_request") { return .paymentRequest }
        row.fail(slot, "is not one of: billing, appointment, payment_request")
        return .billing
    }

    private func patientType(_ row: inout FieldDecoder, _ slot: Int) -> PatientType? {
        guard row.row.has(slot) else { return nil }
        if row.row.equalsIgnoringCase(slot, "new") { return .new }
        if row.row.equalsIgnoringCase(slot, "returning") { return .returning }
        row.fail(slot, "is not one of: new, returning")
        return nil
    }

    /// A method name and the like, in lower case; the usual already-lower-case value makes no copy.
    private func lowercaseText(_ row: inout FieldDecoder, _ slot: Int) -> String {
        guard let text = text(&row, slot) else { return "" }
        return text.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) ? text.lowercased() : text
    }

    private func text(_ row: inout FieldDecoder, _ slot: Int, required: Bool = false) -> String? {
        guard let text = row.text(slot, required: required) else { return nil }
        if text.count > PaymentDecoding.maxTextLength {
            row.fail(slot, "is longer than \(PaymentDecoding.maxTextLength) characters")
            return nil
        }
        return text
    }

    /// Stripe writes large amounts with a thousands comma (`"1,000.00"`).
    private func groupedMoney(_ row: inout FieldDecoder, _ slot: Int, _ currency: Currency, required: Bool = false) -> Money? {
        row.money(slot, currency: currency, required: required, style: .dot, ignoringCommas: true)
    }
}
