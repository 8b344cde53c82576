/// Rule 14's one-off charge: a line for a tenant (an installation fee, a late fee), invoiced
/// on its date and due then, priced by its amount or by its product times its quantity, taxed
/// as its product (or its own `taxable`) says.
public enum ChargeBilling {
    public static func invoice(for adjustment: Adjustment, on day: CivilDate, tenant: Tenant, product: Product?, settings: Settings) -> Invoice {
        let currency = settings.currency(tenant.currency)
        let net: Money
        let unitPrice: ExactDecimal
        let quantity: Int
        if let amount = adjustment.amount {
            net = amount
            unitPrice = ExactDecimal(units: amount.minor, scale: currency.minorUnits)
            quantity = 1
        } else {
            let price = product?.price ?? .zero
            net = Pricing.lineNet(price: price, units: adjustment.quantity, months: 1, currency: currency)
            unitPrice = price
            quantity = adjustment.quantity
        }
        let description = adjustment.description.isEmpty ? (product?.displayName ?? adjustment.id) : adjustment.description
        let line = InvoiceLine(
            productId: adjustment.productId, description: description, periodStart: day, periodEnd: day, quantity: quantity,
            unitPrice: unitPrice, months: 1, net: net, taxable: adjustment.taxable ?? product?.taxable ?? true
        )
        let amounts = InvoiceCalculation.amounts(lines: [line], discount: .zero(currency.code), tax: settings.tax, currency: currency)
        return Invoice(
            tenantId: tenant.id, source: .charge, sourceId: adjustment.id, issueDate: day, dueDate: day, currency: currency.code,
            lines: [line], subtotal: amounts.subtotal, discount: amounts.discount, tax: amounts.tax, taxMode: settings.tax.mode,
            total: amounts.total
        )
    }
}

/// Rule 13: with `consolidate: tenant`, a tenant's recurring terms and charges issued on one
/// day with one due date and currency become one invoice with a line each. Each line keeps
/// the discount and tax it had as an invoice of its own (rules 4 and 5 apply per line); the
/// invoice's amounts are their exact sums. Orders stay separate.
public enum Consolidation {
    /// Merges `invoices` (already priced, vouchers applied) where they share tenant, issue
    /// date, due date and currency. The merged invoice takes the first source's place in the
    /// numbering order. Returns the invoices and, for each merged invoice, the numbers of the
    /// invoices it replaced.
    public static func merge(_ invoices: [Invoice]) -> (invoices: [Invoice], replaced: [Int: [String]]) {
        struct Key: Hashable { let tenant: String; let issue: CivilDate; let due: CivilDate; let currency: CurrencyCode }
        var groups: [Key: [Int]] = [:]
        for (index, invoice) in invoices.enumerated() where invoice.order == nil {
            groups[Key(tenant: invoice.tenantId, issue: invoice.issueDate, due: invoice.dueDate, currency: invoice.currency), default: []].append(index)
        }
        var merged: [Invoice] = []
        var replaced: [Int: [String]] = [:]
        var taken = Set<Int>()
        for (index, invoice) in invoices.enumerated() {
            if taken.contains(index) { continue }
            guard invoice.order == nil,
                  let members = groups[Key(tenant: invoice.tenantId, issue: invoice.issueDate, due: invoice.dueDate, currency: invoice.currency)],
                  members.count > 1 else {
                merged.append(invoice)
                continue
            }
            taken.formUnion(members)
            var combined = invoice
            combined.source = .consolidated
            combined.lines = []
            combined.voucher = ""
            combined.redeemed = []
            let zero = Money.zero(invoice.currency)
            (combined.subtotal, combined.discount, combined.tax, combined.total) = (zero, zero, zero, zero)
            for member in members {
                let part = invoices[member]
                for var line in part.lines {
                    line.own = LineAmounts(source: part.source, sourceId: part.sourceId, voucher: part.voucher,
                                           discount: part.discount, tax: part.tax)
                    combined.lines.append(line)
                }
                combined.subtotal += part.subtotal
                combined.discount += part.discount
                combined.tax += part.tax
                combined.total += part.total
                combined.redeemed += part.redeemed
            }
            combined.sourceId = invoices[members[0]].sourceId
            replaced[merged.count] = members.map { invoices[$0].number }
            merged.append(combined)
        }
        return (merged, replaced)
    }
}
