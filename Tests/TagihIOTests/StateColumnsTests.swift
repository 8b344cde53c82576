import Testing
@testable import TagihIO

/// The state's columns as `state.yaml` spells them. Column names come from the cases' names:
/// renaming a case must not rename a key a state written before has.
@Suite struct StateColumnsTests {
    static let tables: [(String, TableSchema, [String], [String])] = [
        ("receivables", StateFile.ReceivableColumn.schema, ["number", "sequence", "tenant_id", "source", "source_id", "issued", "due", "currency", "total", "outstanding"], ["last_paid", "expires", "created", "tax", "credit_notes", "credited", "vouchers"]),
        ("prepaid", StateFile.PrepaidColumn.schema, ["id", "tenant_id", "product_id", "seats", "term_start", "term_end", "term_months"], []),
        ("pending_orders", StateFile.PendingOrderColumn.schema, ["order_id", "invoice", "tenant_id", "product_id", "type", "subscription_id", "created", "expires", "payment_code", "seats", "months"], ["email", "voucher", "previous_term_start", "previous_term_end", "previous_term_months", "on_contract", "contract_end", "contract_prepaid_until"]),
        ("contracts", StateFile.ContractColumn.schema, ["subscription_id"], ["product_id", "quantity", "anchor", "end", "cancelled_after", "prepaid_until", "renewed_for", "lapsed", "last_invoice", "last_term_start", "last_term_end", "bridge_from", "bridge_to", "bridge_issue"]),
        ("voucher_redemptions", StateFile.RedemptionColumn.schema, ["code", "count"], []),
        ("payout_windows", StateFile.WindowColumn.schema, ["tenant_id", "start", "end", "currency", "gross", "refunds", "fees", "collections"], []),
        ("payout_balances", StateFile.BalanceColumn.schema, ["tenant_id", "currency", "amount"], ["hold", "hold_amount", "hold_payment"]),
        ("credits", StateFile.CreditColumn.schema, ["tenant_id", "currency", "amount"], []),
        ("handled", StateFile.HandledColumn.schema, ["kind", "id", "date", "digest"], []),
        ("dunning", StateFile.DunningColumn.schema, ["tenant_id", "step"], []),
        ("payments", StateFile.RememberedPaymentColumn.schema, ["id", "at", "currency", "received"], ["tenant_id", "refunded", "to_invoice", "to_credit", "invoice", "kind", "digest"]),
        ("open_payments", StateFile.OpenPaymentColumn.schema, ["id", "at", "status", "currency", "amount", "file", "line"], ["refunded", "fee", "reference", "tenant_id", "method", "purpose", "patient_type", "description", "email", "copies", "reason", "reason_invoice", "reason_currency", "reason_tenant", "reason_reference"]),
        ("operator", StateFile.OperatorColumn.schema, ["name", "currency"], ["tax_id"]),
    ]

    @Test(arguments: tables.indices) func spelledAsStatesSpellThem(_ index: Int) {
        let (table, schema, required, optional) = Self.tables[index]
        #expect(schema.table == table)
        #expect(schema.fields.filter(\.required).map(\.name) == required)
        #expect(schema.fields.filter { !$0.required }.map(\.name) == optional)
    }
}
