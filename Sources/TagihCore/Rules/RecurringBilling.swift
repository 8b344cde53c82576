/// Rules 1, 2 and 5 together: the invoices a period's subscriptions produce, not yet numbered.
public enum RecurringBilling {
    public static func invoice(
        for subscription: Subscription, term: RecurringTerm, tenant: Tenant, product: Product, settings: Settings
    ) -> Invoice {
        let currency = settings.currency(tenant.currency)
        let units = Pricing.units(billing: product.billing, quantity: subscription.quantity, activeSeats: tenant.activeSeats)
        let net = term.cutShort.map { Pricing.proratedNet(price: product.price, units: units, months: subscription.termMonths,
                                                          days: $0.days, daysInTerm: $0.daysInTerm, currency: currency) }
            ?? Pricing.lineNet(price: product.price, units: units, months: subscription.termMonths, currency: currency)
        let line = InvoiceLine(
            productId: product.id, description: product.displayName, periodStart: term.start, periodEnd: term.end,
            quantity: units, unitPrice: product.price, months: subscription.termMonths, prorata: term.cutShort,
            net: net, taxable: product.taxable
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

