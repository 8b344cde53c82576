import TagihIO

// The input tables' columns as the spec and the gateways name them, required first: each
// column is its case's name in snake case unless the case spells it out. Nested fields are
// flattened with `_`, as CSV writes them and as YAML mappings are flattened on reading.
// `InputColumnsTests` pins every name.

enum TenantColumn: Int, TableColumns {
    case id
    case name
    case email
    case phone
    case address
    case taxId
    case serviceId
    case currency
    case locale
    case activeSeats
    case bankCode
    case bankAccount
    case bankHolder
    case payoutSchedule
    case appointmentFee
    case adminFeeNew
    case adminFeeReturning
    case nitku

    static let table = "tenants"
    static let required: Set<Self> = [.id, .name, .email]
}

enum ProductColumn: Int, TableColumns {
    case id
    case name
    case price
    case billing
    case variant
    case terms
    case leadDays
    case taxable
    case activation
    case currency
    case serviceCode
    case unit

    static let table = "products"
    static let required: Set<Self> = [.id, .name, .price, .billing]
}

enum SubscriptionColumn: Int, TableColumns {
    case id
    case tenantId
    case productId
    case start
    case quantity
    case termMonths
    case end
    case status
    case voucher
    case renew

    static let table = "subscriptions"
    static let required: Set<Self> = [.id, .tenantId, .productId, .start]
}

enum PaymentColumn: Int, TableColumns {
    case id
    case amount
    case paidAt
    case status
    case reference
    case tenantId
    case method
    case currency
    case fee
    case purpose
    case patientType
    case description
    case email
    case amountRefunded

    static let table = "payments"
    static let required: Set<Self> = [.id, .amount, .paidAt, .status]
}

/// Stripe's dashboard payments export; metadata columns carry tagih's own fields.
enum StripeColumn: Int, TableColumns {
    case id
    case amount
    case currency
    case status
    case createdUtc
    case createdDateUtc
    case amountRefunded
    case fee
    case customerEmail
    case description
    case paymentSourceType
    case referenceMetadata
    case invoiceMetadata
    case orderIdMetadata
    case paymentCodeMetadata
    case tenantIdMetadata
    case purposeMetadata
    case patientTypeMetadata

    static let table = "Stripe payments"
    static let required: Set<Self> = [.id, .amount, .currency, .status]

    var spelling: String? {
        switch self {
        case .amount: "Amount"
        case .currency: "Currency"
        case .status: "Status"
        case .createdUtc: "Created (UTC)"
        case .createdDateUtc: "Created date (UTC)"
        case .amountRefunded: "Amount Refunded"
        case .fee: "Fee"
        case .customerEmail: "Customer Email"
        case .description: "Description"
        case .paymentSourceType: "Payment Source Type"
        case .referenceMetadata: "reference (metadata)"
        case .invoiceMetadata: "invoice (metadata)"
        case .orderIdMetadata: "order_id (metadata)"
        case .paymentCodeMetadata: "payment_code (metadata)"
        case .tenantIdMetadata: "tenant_id (metadata)"
        case .purposeMetadata: "purpose (metadata)"
        case .patientTypeMetadata: "patient_type (metadata)"
        default: nil
        }
    }
}

/// Midtrans HTTP notifications saved one JSON object a line.
enum MidtransColumn: Int, TableColumns {
    case orderId
    case transactionStatus
    case grossAmount
    case transactionTime
    case transactionId
    case settlementTime
    case fraudStatus
    case paymentType
    case vaNumbersBank
    case currency
    case refundAmount
    case refundsRefundAmount
    case customField1
    case customField2
    case customField3
    case issuer
    case acquirer

    static let table = "Midtrans notifications"
    static let required: Set<Self> = [.orderId, .transactionStatus, .grossAmount, .transactionTime]

    var spelling: String? {
        switch self {
        case .vaNumbersBank: "va_numbers.bank"
        case .refundsRefundAmount: "refunds.refund_amount"
        default: nil
        }
    }
}

enum OrderColumn: Int, TableColumns {
    case id
    case tenantId
    case productId
    case type
    case createdAt
    case quantity
    case termMonths
    case voucher
    case email
    case subscriptionId

    static let table = "orders"
    static let required: Set<Self> = [.id, .tenantId, .productId, .type, .createdAt]
}

enum VoucherColumn: Int, TableColumns {
    case code
    case kind
    case value
    case validFrom
    case validTo
    case maxRedemptions
    case products
    case currency

    static let table = "vouchers"
    static let required: Set<Self> = [.code, .kind, .value]
}

enum ChangeColumn: Int, TableColumns {
    case id
    case subscriptionId
    case effective
    case productId
    case quantity
    case dueDay
    case end
    case status
    case note
    case onlyTenant
    case onlyProduct

    static let table = "changes"
    static let required: Set<Self> = [.id, .subscriptionId, .effective]
}

enum AdjustmentColumn: Int, TableColumns {
    case id
    case kind
    case date
    case invoice
    case tenantId
    case amount
    case currency
    case productId
    case quantity
    case description
    case taxable
    case reason

    static let table = "adjustments"
    static let required: Set<Self> = [.id, .kind, .date]
}
