/// Rules 1, 2 and 5 together: the invoices a period's subscriptions produce, not yet numbered.
public enum RecurringBilling {
    public static func invoices(for input: BillingInput, period: Period) -> [Invoice] {
        var invoices: [Invoice] = []
        for subscription in input.subscriptions {
            guard let tenant = input.tenants[subscription.tenantId],
                  let product = input.products[subscription.productId] else { continue }
            for term in RecurringSchedule.terms(of: subscription, leadDays: product.leadDays, issuedIn: period) {
                invoices.append(invoice(for: subscription, term: term, tenant: tenant, product: product, settings: input.settings))
            }
        }
        return invoices
    }

    public static func invoice(
        for subscription: Subscription, term: RecurringTerm, tenant: Tenant, product: Product, settings: Settings
    ) -> Invoice {
        let currency = settings.currency(tenant.currency)
        let units = Pricing.units(billing: product.billing, quantity: subscription.quantity, activeSeats: tenant.activeSeats)
        let line = InvoiceLine(
            productId: product.id, description: product.displayName, periodStart: term.start, periodEnd: term.end,
            quantity: units, unitPrice: product.price, months: subscription.termMonths,
            net: Pricing.lineNet(price: product.price, units: units, months: subscription.termMonths, currency: currency),
            taxable: product.taxable
        )
        let amounts = InvoiceCalculation.amounts(lines: [line], discount: .zero(currency.code), tax: settings.tax, currency: currency)
        return Invoice(
            tenantId: tenant.id, source: .subscription, sourceId: subscription.id, issueDate: term.issueDate,
            dueDate: term.start, currency: currency.code, lines: [line], voucher: subscription.voucher,
            subtotal: amounts.subtotal, discount: amounts.discount, tax: amounts.tax, taxMode: settings.tax.mode,
            total: amounts.total
        )
    }
}

/// Rule 6: numbers are assigned in order of (issue date, tenant id, source id), continuing the
/// sequence from state, so the same inputs and state always give the same numbers.
public enum InvoiceNumbering {
    public static func isOrdered(_ a: Invoice, before b: Invoice) -> Bool {
        if a.issueDate != b.issueDate { return a.issueDate < b.issueDate }
        if a.tenantId != b.tenantId { return a.tenantId < b.tenantId }
        if a.sourceId != b.sourceId { return a.sourceId < b.sourceId }
        return a.source.rawValue < b.source.rawValue
    }

    /// Sorts and numbers `invoices`; returns the next free sequence number.
    public static func assign(_ invoices: inout [Invoice], pattern: NumberPattern, next: Int) -> Int {
        invoices.sort(by: isOrdered)
        var sequence = next
        for index in invoices.indices {
            invoices[index].sequence = sequence
            invoices[index].number = pattern.format(sequence: sequence, issued: invoices[index].issueDate)
            sequence += 1
        }
        return sequence
    }
}
