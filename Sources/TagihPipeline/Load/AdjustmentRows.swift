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
        typealias C = AdjustmentColumn
        return try readTable(reader, kind: "adjustment", style: settings.numberStyle, diagnostics: &diagnostics) { row in
            let id = row.identifier(C.id.slot)
            let kind = row.choice(C.kind.slot, AdjustmentKind.self, required: true)
            let date = row.date(C.date.slot, required: true)
            let invoice = row.text(C.invoice.slot) ?? ""
            let tenantId = row.text(C.tenantId.slot) ?? ""
            let productId = row.text(C.productId.slot) ?? ""
            var tenant: Tenant?
            if !tenantId.isEmpty {
                if let problem = tenants.problem(with: tenantId, kind: "tenant") { row.fail(C.tenantId.slot, problem) }
                tenant = tenants.byId[tenantId]
            }
            var product: Product?
            if !productId.isEmpty {
                if let problem = products.problem(with: productId, kind: "product") { row.fail(C.productId.slot, problem) }
                product = products.byId[productId]
            }
            // An amount is in the `currency` column's currency, else the tenant's, else the operator's.
            let code = row.currency(C.currency.slot, in: settings.currencies) ?? tenant?.currency ?? settings.currency
            let amount = row.money(C.amount.slot, currency: settings.currency(code))
            let quantity = row.integer(C.quantity.slot, in: 1...1_000_000) ?? 1
            switch kind {
            case .void:
                if invoice.isEmpty { row.fail(C.invoice.slot, "is required for a void") }
                if row.row.has(C.amount.slot) { row.fail(C.amount.slot, "is not taken by a void, which cancels the whole invoice") }
            case .creditNote:
                if invoice.isEmpty { row.fail(C.invoice.slot, "is required for a credit note") }
                if amount == nil && !row.row.has(C.amount.slot) { row.fail(C.amount.slot, "is required for a credit note (tax included)") }
                if let amount, !amount.isPositive { row.fail(C.amount.slot, "must be more than zero") }
            case .charge:
                if tenantId.isEmpty { row.fail(C.tenantId.slot, "is required for a charge") }
                if !invoice.isEmpty { row.fail(C.invoice.slot, "is not taken by a charge, which is an invoice of its own") }
                if amount == nil && productId.isEmpty && !row.row.has(C.amount.slot) {
                    row.fail(C.amount.slot, "or product_id is required for a charge")
                }
                if let amount, !amount.isPositive { row.fail(C.amount.slot, "must be more than zero") }
                if let tenant, let amount, amount.currency != tenant.currency {
                    row.fail(C.currency.slot, "is \(amount.currency), but tenant \(tenant.id) is billed in \(tenant.currency)")
                }
                if let tenant, let product, amount == nil {
                    if product.currency != tenant.currency {
                        row.fail(C.productId.slot, "is priced in \(product.currency) but tenant \(tenant.id) is billed in \(tenant.currency)")
                    } else if !Pricing.lineFits(price: product.price, units: quantity, months: 1, currency: settings.currency(product.currency)) {
                        row.fail(C.quantity.slot, FieldDecoder.lineTooLarge(units: quantity, months: 1, currency: settings.currency(product.currency)))
                    }
                }
            case nil:
                break
            }
            let adjustment = Adjustment(
                id: id ?? "", kind: kind ?? .charge, date: date ?? CivilDate(daysSinceEpoch: 0), invoice: invoice, tenantId: tenantId,
                amount: amount, productId: productId, quantity: quantity, description: row.text(C.description.slot) ?? "",
                taxable: row.bool(C.taxable.slot), reason: row.text(C.reason.slot) ?? "", location: row.row.rowLocation,
                invoiceLocation: row.row.has(C.invoice.slot) ? row.row.location(C.invoice.slot) : nil,
                amountLocation: row.row.has(C.amount.slot) ? row.row.location(C.amount.slot) : nil
            )
            return (id, adjustment)
        }
    }
}
