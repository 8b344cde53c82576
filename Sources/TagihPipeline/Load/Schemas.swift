import TagihIO

/// The input tables' columns as the spec fixes them (required first). Nested fields are
/// flattened with `_`, as CSV writes them and as YAML mappings are flattened on reading.
enum Schemas {
    static let tenants = TableSchema(
        table: "tenants", required: ["id", "name", "email"],
        optional: [
            "phone", "address", "tax_id", "service_id", "currency", "locale", "active_seats", "bank_code", "bank_account",
            "bank_holder", "payout_schedule", "appointment_fee", "admin_fee_new", "admin_fee_returning", "nitku",
        ]
    )

    static let products = TableSchema(
        table: "products", required: ["id", "name", "price", "billing"],
        optional: ["variant", "terms", "lead_days", "taxable", "activation", "currency", "service_code", "unit"]
    )

    static let subscriptions = TableSchema(
        table: "subscriptions", required: ["id", "tenant_id", "product_id", "start"],
        optional: ["quantity", "term_months", "end", "status", "voucher", "renew"]
    )
}

extension Schemas {
    static let payments = TableSchema(
        table: "payments", required: ["id", "amount", "paid_at", "status"],
        optional: ["reference", "tenant_id", "method", "currency", "fee", "purpose", "patient_type", "description", "email", "amount_refunded"]
    )

    /// Stripe's dashboard payments export; metadata columns carry tagih's own fields.
    static let stripe = TableSchema(
        table: "Stripe payments", required: ["id", "Amount", "Currency", "Status"],
        optional: [
            "Created (UTC)", "Created date (UTC)", "Amount Refunded", "Fee", "Customer Email", "Description",
            "Payment Source Type", "reference (metadata)", "invoice (metadata)", "order_id (metadata)",
            "payment_code (metadata)", "tenant_id (metadata)", "purpose (metadata)", "patient_type (metadata)",
        ]
    )

    /// Midtrans HTTP notifications saved one JSON object a line.
    static let midtrans = TableSchema(
        table: "Midtrans notifications", required: ["order_id", "transaction_status", "gross_amount", "transaction_time"],
        optional: [
            "transaction_id", "settlement_time", "fraud_status", "payment_type", "va_numbers.bank", "currency",
            "refund_amount", "refunds.refund_amount", "custom_field1", "custom_field2", "custom_field3", "issuer", "acquirer",
        ]
    )
}

extension Schemas {
    static let orders = TableSchema(
        table: "orders", required: ["id", "tenant_id", "product_id", "type", "created_at"],
        optional: ["quantity", "term_months", "voucher", "email", "subscription_id"]
    )

    static let vouchers = TableSchema(
        table: "vouchers", required: ["code", "kind", "value"],
        optional: ["valid_from", "valid_to", "max_redemptions", "products", "currency"]
    )

    static let changes = TableSchema(
        table: "changes", required: ["id", "subscription_id", "effective"],
        optional: ["product_id", "quantity", "due_day", "end", "status", "note", "only_tenant", "only_product"]
    )

    static let adjustments = TableSchema(
        table: "adjustments", required: ["id", "kind", "date"],
        optional: ["invoice", "tenant_id", "amount", "currency", "product_id", "quantity", "description", "taxable", "reason"]
    )
}
