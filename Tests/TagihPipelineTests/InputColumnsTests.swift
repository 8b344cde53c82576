import Testing
@testable import TagihIO
@testable import TagihPipeline

/// The input tables' columns as the spec and the gateways spell them. Column names come from
/// the cases' names: renaming a case must not rename a column a file has.
@Suite struct InputColumnsTests {
    static let tables: [(String, TableSchema, [String], [String])] = [
        ("tenants", TenantColumn.schema, ["id", "name", "email"], ["phone", "address", "tax_id", "service_id", "currency", "locale", "active_seats", "bank_code", "bank_account", "bank_holder", "payout_schedule", "appointment_fee", "admin_fee_new", "admin_fee_returning", "nitku"]),
        ("products", ProductColumn.schema, ["id", "name", "price", "billing"], ["variant", "terms", "lead_days", "taxable", "activation", "currency", "service_code", "unit"]),
        ("subscriptions", SubscriptionColumn.schema, ["id", "tenant_id", "product_id", "start"], ["quantity", "term_months", "end", "status", "voucher", "renew"]),
        ("payments", PaymentColumn.schema, ["id", "amount", "paid_at", "status"], ["reference", "tenant_id", "method", "currency", "fee", "purpose", "patient_type", "description", "email", "amount_refunded"]),
        ("Stripe payments", StripeColumn.schema, ["id", "Amount", "Currency", "Status"], ["Created (UTC)", "Created date (UTC)", "Amount Refunded", "Fee", "Customer Email", "Description", "Payment Source Type", "reference (metadata)", "invoice (metadata)", "order_id (metadata)", "payment_code (metadata)", "tenant_id (metadata)", "purpose (metadata)", "patient_type (metadata)"]),
        ("Midtrans notifications", MidtransColumn.schema, ["order_id", "transaction_status", "gross_amount", "transaction_time"], ["transaction_id", "settlement_time", "fraud_status", "payment_type", "va_numbers.bank", "currency", "refund_amount", "refunds.refund_amount", "custom_field1", "custom_field2", "custom_field3", "issuer", "acquirer"]),
        ("orders", OrderColumn.schema, ["id", "tenant_id", "product_id", "type", "created_at"], ["quantity", "term_months", "voucher", "email", "subscription_id"]),
        ("vouchers", VoucherColumn.schema, ["code", "kind", "value"], ["valid_from", "valid_to", "max_redemptions", "products", "currency"]),
        ("changes", ChangeColumn.schema, ["id", "subscription_id", "effective"], ["product_id", "quantity", "due_day", "end", "status", "note", "only_tenant", "only_product"]),
        ("adjustments", AdjustmentColumn.schema, ["id", "kind", "date"], ["invoice", "tenant_id", "amount", "currency", "product_id", "quantity", "description", "taxable", "reason"]),
    ]

    @Test(arguments: tables.indices) func spelledAsTheFilesSpellThem(_ index: Int) {
        let (table, schema, required, optional) = Self.tables[index]
        #expect(schema.table == table)
        #expect(schema.fields.filter(\.required).map(\.name) == required)
        #expect(schema.fields.filter { !$0.required }.map(\.name) == optional)
    }
}
