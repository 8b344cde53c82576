import TagihIO

// The input tables' columns as the spec fixes them, required first. Nested fields are
// flattened with `_`, as CSV writes them and as YAML mappings are flattened on reading.

enum TenantColumn: String, TableColumns {
    case id
    case name
    case email
    case phone
    case address
    case taxId = "tax_id"
    case serviceId = "service_id"
    case currency
    case locale
    case activeSeats = "active_seats"
    case bankCode = "bank_code"
    case bankAccount = "bank_account"
    case bankHolder = "bank_holder"
    case payoutSchedule = "payout_schedule"
    case appointmentFee = "appointment_fee"
    case adminFeeNew = "admin_fee_new"
    case adminFeeReturning = "admin_fee_returning"
    case nitku

    static let table = "tenants"
    static let required: Set<Self> = [.id, .name, .email]
}

enum ProductColumn: String, TableColumns {
    case id
    case name
    case price
    case billing
    case variant
    case terms
    case leadDays = "lead_days"
    case taxable
    case activation
    case currency
    case serviceCode = "service_code"
    case unit

    static let table = "products"
    static let required: Set<Self> = [.id, .name, .price, .billing]
}

enum SubscriptionColumn: String, TableColumns {
    case id
    case tenantId = "tenant_id"
    case productId = "product_id"
    case start
    case quantity
    case termMonths = "term_months"
    case end
    case status
    case voucher
    case renew

    static let table = "subscriptions"
    static let required: Set<Self> = [.id, .tenantId, .productId, .start]
}

enum PaymentColumn: String, TableColumns {
    case id
    case amount
    case paidAt = "paid_at"
    case status
    case reference
    case tenantId = "tenant_id"
    case method
    case currency
    case fee
    case purpose
    case patientType = "patient_type"
    case description
    case email
    case amountRefunded = "amount_refunded"

    static let table = "payments"
    static let required: Set<Self> = [.id, .amount, .paidAt, .status]
}

/// Stripe's dashboard payments export; metadata columns carry tagih's own fields.
enum StripeColumn: String, TableColumns {
    case id
    case amount = "Amount"
    case currency = "Currency"
    case status = "Status"
    case createdUtc = "Created (UTC)"
    case createdDateUtc = "Created date (UTC)"
    case amountRefunded = "Amount Refunded"
    case fee = "Fee"
    case customerEmail = "Customer Email"
    case description = "Description"
    case paymentSourceType = "Payment Source Type"
    case referenceMetadata = "reference (metadata)"
    case invoiceMetadata = "invoice (metadata)"
    case orderIdMetadata = "order_id (metadata)"
    case paymentCodeMetadata = "payment_code (metadata)"
    case tenantIdMetadata = "tenant_id (metadata)"
    case purposeMetadata = "purpose (metadata)"
    case patientTypeMetadata = "patient_type (metadata)"

    static let table = "Stripe payments"
    static let required: Set<Self> = [.id, .amount, .currency, .status]
}

/// Midtrans HTTP notifications saved one JSON object a line.
enum MidtransColumn: String, TableColumns {
    case orderId = "order_id"
    case transactionStatus = "transaction_status"
    case grossAmount = "gross_amount"
    case transactionTime = "transaction_time"
    case transactionId = "transaction_id"
    case settlementTime = "settlement_time"
    case fraudStatus = "fraud_status"
    case paymentType = "payment_type"
    case vaNumbersBank = "va_numbers.bank"
    case currency
    case refundAmount = "refund_amount"
    case refundsRefundAmount = "refunds.refund_amount"
    case customField1 = "custom_field1"
    case customField2 = "custom_field2"
    case customField3 = "custom_field3"
    case issuer
    case acquirer

    static let table = "Midtrans notifications"
    static let required: Set<Self> = [.orderId, .transactionStatus, .grossAmount, .transactionTime]
}

enum OrderColumn: String, TableColumns {
    case id
    case tenantId = "tenant_id"
    case productId = "product_id"
    case type
    case createdAt = "created_at"
    case quantity
    case termMonths = "term_months"
    case voucher
    case email
    case subscriptionId = "subscription_id"

    static let table = "orders"
    static let required: Set<Self> = [.id, .tenantId, .productId, .type, .createdAt]
}

enum VoucherColumn: String, TableColumns {
    case code
    case kind
    case value
    case validFrom = "valid_from"
    case validTo = "valid_to"
    case maxRedemptions = "max_redemptions"
    case products
    case currency

    static let table = "vouchers"
    static let required: Set<Self> = [.code, .kind, .value]
}

enum ChangeColumn: String, TableColumns {
    case id
    case subscriptionId = "subscription_id"
    case effective
    case productId = "product_id"
    case quantity
    case dueDay = "due_day"
    case end
    case status
    case note
    case onlyTenant = "only_tenant"
    case onlyProduct = "only_product"

    static let table = "changes"
    static let required: Set<Self> = [.id, .subscriptionId, .effective]
}

enum AdjustmentColumn: String, TableColumns {
    case id
    case kind
    case date
    case invoice
    case tenantId = "tenant_id"
    case amount
    case currency
    case productId = "product_id"
    case quantity
    case description
    case taxable
    case reason

    static let table = "adjustments"
    static let required: Set<Self> = [.id, .kind, .date]
}
