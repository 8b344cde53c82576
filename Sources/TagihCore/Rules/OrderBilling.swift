/// Rule 3: each order gets an invoice at once, issued and due on the order's date, with a
/// payment code valid for `payment_code_ttl`. Orders are taken in the order they were placed,
/// each seeing what the ones before it did to its subscription.
public enum OrderBilling {
    public static func invoice(
        for order: Order, tenant: Tenant, product: Product, input: BillingInput, recurring: (String) -> Subscription?,
        prepaid: inout [String: PrepaidSubscription], contracts: inout Directory<ContractState>, paymentCode: String
    ) -> Invoice? {
        let settings = input.settings
        let currency = settings.currency(tenant.currency)
        let date = settings.zone.date(of: order.createdAt)
        let subscriptionId = order.subscriptionId.isEmpty ? order.id : order.subscriptionId
        var pending = PendingOrder(
            orderId: order.id, invoice: "", tenantId: tenant.id, productId: product.id, type: order.type, subscriptionId: subscriptionId,
            createdAt: order.createdAt, expiresAt: order.createdAt.adding(seconds: settings.paymentCodeTTL), paymentCode: paymentCode,
            email: order.email, seats: order.quantity, months: order.termMonths
        )
        let line: InvoiceLine
        switch order.type {
        case .new:
            let units = Pricing.units(billing: product.billing, quantity: order.quantity, activeSeats: tenant.activeSeats)
            let end = date.adding(months: order.termMonths)
            line = InvoiceLine(productId: product.id, description: product.displayName, periodStart: date, periodEnd: end.adding(days: -1),
                               quantity: units, unitPrice: product.price, months: order.termMonths,
                               net: Pricing.lineNet(price: product.price, units: units, months: order.termMonths, currency: currency),
                               taxable: product.taxable)
            prepaid[subscriptionId] = PrepaidSubscription(id: subscriptionId, tenantId: tenant.id, productId: product.id, seats: units,
                                                          termStart: date, termEnd: end, termMonths: order.termMonths)
            pending.seats = units
        case .renew:
            // Rule 2: a renewal bills max(quantity, active seats), never the seats it had.
            let units = Pricing.units(billing: product.billing, quantity: order.quantity, activeSeats: tenant.activeSeats)
            if var subscription = prepaid[order.subscriptionId] {
                let start = subscription.termEnd
                let end = start.adding(months: order.termMonths)
                line = InvoiceLine(productId: product.id, description: product.displayName, periodStart: start, periodEnd: end.adding(days: -1),
                                   quantity: units, unitPrice: product.price, months: order.termMonths,
                                   net: Pricing.lineNet(price: product.price, units: units, months: order.termMonths, currency: currency),
                                   taxable: product.taxable)
                pending.previousTermStart = subscription.termStart
                pending.previousTermEnd = subscription.termEnd
                pending.previousTermMonths = subscription.termMonths
                pending.seats = units - subscription.seats
                subscription.termStart = start
                subscription.termEnd = end
                subscription.termMonths = order.termMonths
                subscription.seats = units
                prepaid[order.subscriptionId] = subscription
            } else if let table = recurring(order.subscriptionId) {
                // A recurring subscription: its current end moves on by the term bought (one
                // without an end: from its next term start); the terms inside are prepaid.
                var contract = contracts[table.id] ?? ContractState(subscriptionId: table.id)
                let current = Contracts.effective(table, contract)
                let from: CivilDate
                if let end = current.end {
                    from = end.adding(days: 1)
                } else {
                    guard let term = Contracts.term(of: current, on: date) else { return nil }
                    from = max(term.next, contract.prepaidUntil ?? term.next)
                }
                let until = from.adding(months: order.termMonths)
                line = InvoiceLine(productId: product.id, description: product.displayName, periodStart: from, periodEnd: until.adding(days: -1),
                                   quantity: units, unitPrice: product.price, months: order.termMonths,
                                   net: Pricing.lineNet(price: product.price, units: units, months: order.termMonths, currency: currency),
                                   taxable: product.taxable)
                pending.onContract = true
                pending.contractEnd = contract.end
                pending.contractPrepaidUntil = contract.prepaidUntil
                pending.seats = units
                if current.end != nil { contract.end = until.adding(days: -1) }
                contract.prepaidUntil = until
                contracts[table.id] = contract
            } else {
                return nil
            }
        case .addQuota:
            guard let term = currentTerm(order.subscriptionId, on: date, prepaid: prepaid, recurring: recurring) else { return nil }
            let daysInTerm = term.end.days(since: term.start)
            let daysLeft = max(0, term.end.days(since: date))
            line = InvoiceLine(productId: product.id, description: product.displayName, periodStart: date, periodEnd: term.end.adding(days: -1),
                               quantity: order.quantity, unitPrice: product.price, months: term.months,
                               prorata: (daysLeft, daysInTerm),
                               net: Pricing.proratedNet(price: product.price, units: order.quantity, months: term.months,
                                                        days: daysLeft, daysInTerm: daysInTerm, currency: currency),
                               taxable: product.taxable)
            prepaid[order.subscriptionId]?.seats += order.quantity
            pending.months = term.months
        }
        let amounts = InvoiceCalculation.amounts(lines: [line], discount: .zero(currency.code), tax: settings.tax, currency: currency)
        var invoice = Invoice(
            tenantId: tenant.id, source: .order, sourceId: order.id, issueDate: date, dueDate: date, currency: currency.code,
            lines: [line], voucher: order.voucher, subtotal: amounts.subtotal, discount: amounts.discount, tax: amounts.tax,
            taxMode: settings.tax.mode, total: amounts.total
        )
        invoice.order = OrderInvoice(pending)
        return invoice
    }

    /// The term an order's date falls in: a prepaid subscription's current term, or a recurring
    /// subscription's term by its schedule (`recurring` finds one by id).
    public static func currentTerm(_ id: String, on date: CivilDate, prepaid: [String: PrepaidSubscription],
                                   recurring: (String) -> Subscription?) -> (start: CivilDate, end: CivilDate, months: Int)? {
        if let subscription = prepaid[id] {
            return (subscription.termStart, subscription.termEnd, subscription.termMonths)
        }
        guard let subscription = recurring(id), subscription.start <= date else { return nil }
        var index = max(0, ((date.year - subscription.start.year) * 12 + date.month - subscription.start.month) / subscription.termMonths - 1)
        while RecurringSchedule.termStart(subscription, index: index + 1) <= date { index += 1 }
        return (RecurringSchedule.termStart(subscription, index: index), RecurringSchedule.termStart(subscription, index: index + 1), subscription.termMonths)
    }

    /// Undoes what an order did to its subscription, when its code lapsed unpaid.
    public static func undo(_ order: PendingOrder, prepaid: inout [String: PrepaidSubscription], contracts: inout Directory<ContractState>) {
        if order.onContract {
            contracts[order.subscriptionId]?.end = order.contractEnd
            contracts[order.subscriptionId]?.prepaidUntil = order.contractPrepaidUntil
            return
        }
        switch order.type {
        case .new:
            prepaid[order.subscriptionId] = nil
        case .renew:
            guard var subscription = prepaid[order.subscriptionId], let start = order.previousTermStart, let end = order.previousTermEnd else { return }
            subscription.termStart = start
            subscription.termEnd = end
            subscription.termMonths = order.previousTermMonths ?? subscription.termMonths
            subscription.seats -= order.seats
            prepaid[order.subscriptionId] = subscription
        case .addQuota:
            prepaid[order.subscriptionId]?.seats -= order.seats
        }
    }
}

