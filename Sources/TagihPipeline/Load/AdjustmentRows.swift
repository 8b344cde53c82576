import TagihCore
import TagihIO

/// The `adjustments` table (rule 14): voids, credit notes and one-off charges. What can be
/// checked on the row is checked here; what depends on the invoice's standing on the
/// adjustment's day (paid? credited before?) is checked by the run when that day comes.
enum AdjustmentRows {
    static func read(
        _ reader: any RowReader, settings: Settings, tenants: DecodedTable<Tenant>, products: DecodedTable<Product>,
        diagnostics: inout Diagnostics
    ) throws(InputFailure) -> DecodedTable<Adjustment> {
        let s = Schemas.adjustments
        let slot = { (name: String) in s.slot(for: name)! }
        return try readTable(reader, kind: "adjustment", style: settings.numberStyle, diagnostics: &diagnostics) { row in
            let id = row.identifier(slot("id"))
            let kind = row.choice(slot("kind"), AdjustmentKind.self, required: true)
            let date = row.date(slot("date"), required: true)
            let invoice = row.text(slot("invoice")) ?? ""
            let tenantId = row.text(slot("tenant_id")) ?? ""
            let productId = row.text(slot("product_id")) ?? ""
            var tenant: Tenant?
            if !tenantId.isEmpty {
                if let problem = tenants.problem(with: tenantId, kind: "tenant") { row.fail(slot("tenant_id"), problem) }
                tenant = tenants.byId[tenantId]
            }
            var product: Product?
            if !productId.isEmpty {
                if let problem = products.problem(with: productId, kind: "product") { row.fail(slot("product_id"), problem) }
                product = products.byId[productId]
            }
            // An amount is in the `currency` column's currency, else the tenant's, else the operator's.
            let code = row.currency(slot("currency"), in: settings.currencies) ?? tenant?.currency ?? settings.currency
            let amount = row.money(slot("amount"), currency: settings.currency(code))
            let quantity = row.integer(slot("quantity"), in: 1...1_000_000) ?? 1
            switch kind {
            case .void:
                if invoice.isEmpty { row.fail(slot("invoice"), "is required for a void") }
                if row.row.has(slot("amount")) { row.fail(slot("amount"), "is not taken by a void, which cancels the whole invoice") }
            case .creditNote:
                if invoice.isEmpty { row.fail(slot("invoice"), "is required for a credit note") }
                if amount == nil && !row.row.has(slot("amount")) { row.fail(slot("amount"), "is required for a credit note (tax included)") }
                if let amount, !amount.isPositive { row.fail(slot("amount"), "must be more than zero") }
            case .charge:
                if tenantId.isEmpty { row.fail(slot("tenant_id"), "is required for a charge") }
                if !invoice.isEmpty { row.fail(slot("invoice"), "is not taken by a charge, which is an invoice of its own") }
                if amount == nil && productId.isEmpty && !row.row.has(slot("amount")) {
                    row.fail(slot("amount"), "or product_id is required for a charge")
                }
                if let amount, !amount.isPositive { row.fail(slot("amount"), "must be more than zero") }
                if let tenant, let amount, amount.currency != tenant.currency {
                    row.fail(slot("currency"), "is \(amount.currency), but tenant \(tenant.id) is billed in \(tenant.currency)")
                }
                if let tenant, let product, amount == nil {
                    if product.currency != tenant.currency {
                        row.fail(slot("product_id"), "is priced in \(product.currency) but tenant \(tenant.id) is billed in \(tenant.currency)")
                    } else if !Pricing.lineFits(price: product.price, units: quantity, months: 1, currency: settings.currency(product.currency)) {
                        row.fail(slot("quantity"), FieldDecoder.lineTooLarge(units: quantity, months: 1, currency: settings.currency(product.currency)))
                    }
                }
            case nil:
                break
            }
            let adjustment = Adjustment(
                id: id ?? "", kind: kind ?? .charge, date: date ?? CivilDate(daysSinceEpoch: 0), invoice: invoice, tenantId: tenantId,
                amount: amount, productId: productId, quantity: quantity, description: row.text(slot("description")) ?? "",
                taxable: row.bool(slot("taxable")), reason: row.text(slot("reason")) ?? "", location: row.row.rowLocation,
                invoiceLocation: row.row.has(slot("invoice")) ? row.row.location(slot("invoice")) : nil,
                amountLocation: row.row.has(slot("amount")) ? row.row.location(slot("amount")) : nil
            )
            return (id, adjustment)
        }
    }
}
