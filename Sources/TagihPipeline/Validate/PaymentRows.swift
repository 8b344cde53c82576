import TagihCore
import TagihIO

/// Decodes payment rows of the three kinds of source into `Payment`s. Each decoder reports
/// every problem of a row; a row with problems gives no payment.
struct PaymentDecoding {
    let settings: Settings
    let tenants: [String: Tenant]

    /// Midtrans stamps its times in Jakarta time (GMT+7) whatever the operator's zone.
    static let midtransZone = Zone.fixed("GMT+7", offsetSeconds: 7 * 3600)
    static let utc = Zone.fixed("UTC", offsetSeconds: 0)
    static let maxTextLength = 500

    // MARK: the native payments table

    func native(_ row: inout FieldDecoder) -> Payment? {
        let s = Schemas.payments
        let slot = { (name: String) in s.slot(for: name)! }
        let id = text(&row, slot("id"), required: true)
        let tenantId = text(&row, slot("tenant_id")) ?? ""
        let tenant = tenants[tenantId]
        let code = row.currency(slot("currency"), in: settings.currencies) ?? tenant?.currency ?? settings.currency
        let currency = settings.currency(code)
        let amount = row.money(slot("amount"), currency: currency, required: true)
        let refundedText = row.money(slot("amount_refunded"), currency: currency)
        let paidAt = row.instant(slot("paid_at"), zone: settings.zone, required: true)
        var status: PaymentStatus?
        if let word = row.text(slot("status"), required: true) {
            status = PaymentStatus(word: word)
            if status == nil {
                row.fail(slot("status"), "is not a payment status (paid, pending, failed, expired, refunded, or a gateway's word for one)")
            }
        }
        let fee = row.money(slot("fee"), currency: currency)
        let purpose = row.choice(slot("purpose"), PaymentPurpose.self) ?? .billing
        let patient = row.choice(slot("patient_type"), PatientType.self)
        guard let id, let amount, let paidAt, let status else { return nil }
        var refunded = refundedText ?? .zero(code)
        if status == .refunded && refundedText == nil { refunded = amount }
        if refunded > amount { row.fail(slot("amount_refunded"), "is more than the amount") }
        let payment = Payment(
            id: id, status: refunded.isPositive && status == .paid ? .refunded : status, paidAt: paidAt, amount: amount,
            refunded: refunded, fee: fee, reference: text(&row, slot("reference")) ?? "", tenantId: tenantId,
            method: (row.text(slot("method")) ?? "").lowercased(), purpose: purpose, patientType: patient,
            description: text(&row, slot("description")) ?? "", email: row.email(slot("email")) ?? "",
            source: row.row.rowLocation
        )
        return checkCollection(payment, &row, tenantSlot: slot("tenant_id"))
    }

    // MARK: Stripe

    func stripe(_ row: inout FieldDecoder) -> Payment? {
        let s = Schemas.stripe
        let slot = { (name: String) in s.slot(for: name)! }
        let id = text(&row, slot("id"), required: true)
        let createdSlot = row.row.has(slot("created date (utc)")) ? slot("created date (utc)") : slot("created (utc)")
        // The column says UTC: an offset-less time there is UTC, not the operator's zone.
        let paidAt = row.instant(createdSlot, zone: PaymentDecoding.utc, required: true)
        let code = row.currency(slot("currency"), in: settings.currencies)
        if !row.row.has(slot("currency")) { row.fail(slot("currency"), "is required but empty") }
        guard let code else { return nil }
        let currency = settings.currency(code)
        let amount = groupedMoney(&row, slot("amount"), currency, required: true)
        let refunded = groupedMoney(&row, slot("amount refunded"), currency) ?? .zero(code)
        let fee = groupedMoney(&row, slot("fee"), currency)
        var status: PaymentStatus?
        if let word = row.text(slot("status"), required: true) {
            switch word.lowercased() {
            case "paid", "succeeded": status = .paid
            case "refunded", "partially refunded": status = .refunded
            case "failed", "canceled", "blocked": status = .failed
            case "pending", "incomplete", "uncaptured": status = .pending
            default: row.fail(slot("status"), "is not a Stripe status tagih knows (Paid, Refunded, Failed, Pending)")
            }
        }
        var reference = ""
        for column in ["reference (metadata)", "invoice (metadata)", "order_id (metadata)", "payment_code (metadata)"] where reference.isEmpty {
            reference = text(&row, slot(column)) ?? ""
        }
        let purpose = row.choice(slot("purpose (metadata)"), PaymentPurpose.self) ?? .billing
        let patient = row.choice(slot("patient_type (metadata)"), PatientType.self)
        guard let id, let paidAt, let amount, var status else { return nil }
        if refunded > amount { row.fail(slot("amount refunded"), "is more than the amount") }
        if status == .paid && refunded.isPositive { status = .refunded }
        let sourceType = (row.text(slot("payment source type")) ?? "card").lowercased()
        let payment = Payment(
            id: id, status: status, paidAt: paidAt, amount: amount, refunded: status == .refunded && refunded.isZero ? amount : refunded,
            fee: fee, reference: reference, tenantId: text(&row, slot("tenant_id (metadata)")) ?? "",
            method: sourceType == "card" ? "credit_card" : sourceType, purpose: purpose, patientType: patient,
            description: text(&row, slot("description")) ?? "", email: row.email(slot("customer email")) ?? "",
            source: row.row.rowLocation
        )
        return checkCollection(payment, &row, tenantSlot: slot("tenant_id (metadata)"))
    }

    // MARK: Midtrans

    func midtrans(_ row: inout FieldDecoder) -> Payment? {
        let s = Schemas.midtrans
        let slot = { (name: String) in s.slot(for: name)! }
        let orderId = text(&row, slot("order_id"), required: true)
        let id = text(&row, slot("transaction_id")) ?? orderId
        let code = row.currency(slot("currency"), in: settings.currencies) ?? CurrencyCode("IDR")!
        let currency = settings.currency(code)
        let amount = row.money(slot("gross_amount"), currency: currency, required: true, style: .dot)
        let created = row.instant(slot("transaction_time"), zone: PaymentDecoding.midtransZone, required: true)
        let settled = row.instant(slot("settlement_time"), zone: PaymentDecoding.midtransZone)
        let refundSlot = row.row.has(slot("refund_amount")) ? slot("refund_amount") : slot("refunds.refund_amount")
        let refundAmount = row.money(refundSlot, currency: currency, style: .dot)
        let fraud = (row.text(slot("fraud_status")) ?? "").lowercased()
        var status: PaymentStatus?
        if let word = row.text(slot("transaction_status"), required: true)?.lowercased() {
            switch word {
            case "capture", "settlement": status = fraud == "challenge" ? .pending : .paid
            case "pending", "authorize": status = .pending
            case "deny", "cancel", "failure": status = .failed
            case "expire": status = .expired
            case "refund", "partial_refund", "chargeback", "partial_chargeback": status = .refunded
            default: row.fail(slot("transaction_status"), "is not a Midtrans transaction status")
            }
        }
        guard let id, let orderId, let amount, let created, let status else { return nil }
        var refunded = Money.zero(code)
        if status == .refunded {
            refunded = refundAmount ?? amount
            if refunded > amount { row.fail(refundSlot, "is more than gross_amount") }
        }
        var method = (row.text(slot("payment_type")) ?? "").lowercased()
        var description = ""
        if let bank = row.text(slot("va_numbers.bank")) {
            description = "\(bank.uppercased()) virtual account"
        } else if method == "echannel" {
            description = "Mandiri bill payment"
            method = "bank_transfer"
        }
        let payment = Payment(
            id: id, status: status, paidAt: settled ?? created, amount: amount, refunded: refunded, reference: orderId,
            tenantId: text(&row, slot("custom_field1")) ?? "", method: method,
            purpose: row.choice(slot("custom_field2"), PaymentPurpose.self) ?? .billing,
            patientType: row.choice(slot("custom_field3"), PatientType.self), description: description,
            source: row.row.rowLocation
        )
        return checkCollection(payment, &row, tenantSlot: slot("custom_field1"))
    }

    // MARK: shared checks

    /// Money collected for a tenant must name a known tenant: it has to be paid out to someone.
    private func checkCollection(_ payment: Payment, _ row: inout FieldDecoder, tenantSlot: Int) -> Payment? {
        if payment.purpose != .billing {
            if payment.tenantId.isEmpty {
                row.fail(tenantSlot, "is required for \(payment.purpose.rawValue) payments, which are paid out to a tenant")
            } else if let tenant = tenants[payment.tenantId] {
                if tenant.currency != payment.amount.currency {
                    row.fail(tenantSlot, "names tenant \(tenant.id), billed in \(tenant.currency), for a \(payment.amount.currency) collection")
                }
            } else {
                row.fail(tenantSlot, "refers to an unknown tenant \"\(payment.tenantId)\"")
            }
        }
        return row.isValid ? payment : nil
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
