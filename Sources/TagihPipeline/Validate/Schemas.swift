import TagihIO

/// The input tables' columns as the spec fixes them (required first). Nested fields are
/// flattened with `_`, as CSV writes them and as YAML mappings are flattened on reading.
enum Schemas {
    static let tenants = TableSchema(
        table: "tenants", required: ["id", "name", "email"],
        optional: [
            "phone", "address", "tax_id", "currency", "locale", "active_seats", "bank_code", "bank_account",
            "bank_holder", "payout_schedule", "appointment_fee", "admin_fee_new", "admin_fee_returning",
        ]
    )

    static let products = TableSchema(
        table: "products", required: ["id", "name", "price", "billing"],
        optional: ["variant", "terms", "lead_days", "taxable", "activation", "currency"]
    )

    static let subscriptions = TableSchema(
        table: "subscriptions", required: ["id", "tenant_id", "product_id", "start"],
        optional: ["quantity", "term_months", "end", "status", "voucher"]
    )
}
